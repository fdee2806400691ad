import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from triage.models import ChecklistPage

pytestmark = pytest.mark.django_db(transaction=True)

SUBJECT = "Your muscle spasm"
SIGNS = [
    "comes with chest pain or trouble breathing",
    "causes severe discomfort",
    "comes with swelling, redness or other changes to the skin",
    "comes with muscle weakness",
    "happens often",
    "does not get better with home treatment",
    "is not caused by something obvious, such as hard exercise",
]
DARK_URINE = "Have you noticed any change in your urine after exercise?"
RESTING = "Have you had a muscle spasm while resting?"


@pytest.fixture
def checklist_url(live_server):
    call_command("load_demo_content")
    return live_server.url + ChecklistPage.objects.get(slug="muscle-spasm").url


@pytest.fixture
def methods(page):
    """The HTTP method of every page the browser loads, to prove Back and Forward never resend a form."""
    seen = []
    page.on("request", lambda request: seen.append(request.method) if request.resource_type == "document" else None)
    return seen


def answer(page, legend, label):
    page.get_by_role("group", name=legend).get_by_label(label, exact=True).check()


def answer_signs(page, yes=()):
    for sign in SIGNS:
        answer(page, f"{SUBJECT} {sign}", "Yes" if sign in yes else "No")
    page.get_by_role("button", name="See my result").click()


def expect_heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_one_urgent_yes_shows_the_urgent_result_right_after_the_warning_signs(page, checklist_url, assert_accessible):
    """The answer first: the page after the warning signs is the result; axe finds nothing on it."""
    page.goto(checklist_url)
    expect(page.get_by_text("If you think this is an emergency, call your local emergency number now.")).to_be_visible()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Checklists")
    assert_accessible(page, best_practices=True)

    # Sending nothing shows the error summary, linked to the first sign, by GET after a redirect.
    page.get_by_role("button", name="See my result").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_be_focused()
    assert_accessible(page, best_practices=True)
    summary.get_by_role("link", name=f"Select yes, no or not sure for “{SUBJECT} {SIGNS[0]}”.").click()
    expect(page.get_by_role("group", name=f"{SUBJECT} {SIGNS[0]}").get_by_label("Yes")).to_be_focused()

    answer_signs(page, yes=["comes with muscle weakness"])
    expect_heading(page, "Your result")
    expect(page.get_by_role("heading", name=re.compile("See a doctor today"))).to_be_visible()
    expect(page.get_by_text("Urgent advice")).to_be_visible()
    expect(page.get_by_text(f"{SUBJECT} comes with muscle weakness: Yes")).to_be_visible()
    expect(page.get_by_role("heading", name="If it gets worse")).to_be_visible()
    expect(page.get_by_role("link", name="Prepare for your appointment")).to_be_visible()
    assert_accessible(page, best_practices=True)


def test_emergency_and_none_outcomes_are_reachable_and_accessible(page, checklist_url, assert_accessible):
    """The demo reaches the emergency outcome, and with every sign No, the self-care one."""
    page.goto(checklist_url)
    answer_signs(page, yes=[SIGNS[0]])
    expect(page.get_by_text("Emergency: act now")).to_be_visible()
    assert_accessible(page, best_practices=True)
    page.get_by_role("link", name="Back").click()
    answer_signs(page)
    expect(page.get_by_role("heading", name=re.compile("You can probably look after this yourself"))).to_be_visible()
    assert_accessible(page, best_practices=True)


def test_a_red_flag_preparation_answer_raises_none_to_urgent_with_the_reason(page, checklist_url, assert_accessible):
    """Dark urine after exercise, answered among the preparation questions, raises the result at once."""
    page.goto(checklist_url)
    answer_signs(page)
    expect(page.get_by_role("heading", name=re.compile("You can probably look after this yourself"))).to_be_visible()
    page.get_by_role("link", name="Prepare for your appointment").click()
    expect_heading(page, "Prepare for your appointment")
    assert_accessible(page, best_practices=True)
    answer(page, DARK_URINE, "Yes")
    page.get_by_role("button", name="Continue to your summary").click()

    expect_heading(page, "Your result")
    expect(page.get_by_text("Your answer changed our advice.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("See a doctor today"))).to_be_visible()
    expect(
        page.get_by_text("You said your urine changed after exercise, for example that it was darker.")
    ).to_be_visible()
    assert_accessible(page, best_practices=True)
    page.get_by_role("link", name="See your visit summary").click()
    expect(page.get_by_role("region", name=re.compile("Visit summary"))).to_contain_text("See a doctor today")


def test_back_and_forward_work_at_every_step_without_resending_or_losing_answers(page, checklist_url, methods):
    """Browser Back and Forward through the whole checklist: every page comes back by GET, with
    the answers given, and never a "Confirm Form Resubmission" or error page."""
    page.goto(checklist_url)
    answer_signs(page, yes=["happens often"])
    expect_heading(page, "Your result")
    page.get_by_role("link", name="Prepare for your appointment").click()
    answer(page, RESTING, "Yes")
    page.get_by_label("How bad are your muscle spasms, and how often do you have them?").fill("Sharp, twice a week")
    page.get_by_role("button", name="Continue to your summary").click()
    expect_heading(page, "Your visit summary")
    methods.clear()

    def signs_kept():
        group = page.get_by_role("group", name=f"{SUBJECT} happens often")
        expect(group.get_by_label("Yes", exact=True)).to_be_checked()

    def preparation_kept():
        expect(page.get_by_role("group", name=RESTING).get_by_label("Yes", exact=True)).to_be_checked()
        expect(page.get_by_label("How bad are your muscle spasms, and how often do you have them?")).to_have_value(
            "Sharp, twice a week"
        )

    steps = [
        ("Your visit summary", lambda: expect(page.get_by_text("Sharp, twice a week").first).to_be_visible()),
        ("Prepare for your appointment", preparation_kept),
        ("Your result", lambda: expect(page.get_by_text("Non-urgent advice")).to_be_visible()),
        ("Muscle spasm: doctor-visit checklist", signs_kept),
    ]
    for heading, kept in steps[1:]:
        page.go_back()
        expect_heading(page, heading)
        kept()
    for heading, kept in reversed(steps[:-1]):
        page.go_forward()
        expect_heading(page, heading)
        kept()
    assert set(methods) <= {"GET"}

    # The visible Back links walk the same way, and Start again forgets everything.
    for heading, _ in steps[1:]:
        page.get_by_role("link", name=re.compile("^Back")).click()
        expect_heading(page, heading)
    page.get_by_role("button", name="Start again").click()
    expect(
        page.get_by_role("group", name=f"{SUBJECT} happens often").get_by_label("Yes", exact=True)
    ).not_to_be_checked()


def test_reader_takes_the_summary_to_the_appointment(page, checklist_url, assert_accessible):
    """The summary checks every answer, prints without the page's controls, and downloads as a PDF."""
    page.goto(checklist_url)
    answer_signs(page, yes=["comes with muscle weakness"])
    page.get_by_role("link", name="Prepare for your appointment").click()
    page.get_by_label("When did you first have a muscle spasm?").fill("2030-01-01")
    page.get_by_role("button", name="Continue to your summary").click()
    expect(page.get_by_role("alert")).to_contain_text("The date must be today or in the past.")
    assert_accessible(page, best_practices=True)

    page.get_by_label("When did you first have a muscle spasm?").fill("2024-01-15")
    page.get_by_label("How bad are your muscle spasms, and how often do you have them?").fill("Sharp, twice a week")
    answer(page, "Do they come on after certain activities, such as light or hard exercise?", "After hard exercise")
    expect(page.get_by_text("Why we ask:")).to_be_visible()
    page.get_by_label("Do I need any tests?").check()
    page.get_by_role("button", name="Continue to your summary").click()
    expect_heading(page, "Your visit summary")
    assert_accessible(page, best_practices=True)

    page.get_by_role("link", name=f"Change your answer to “{RESTING}”").click()
    answer(page, RESTING, "Yes")
    page.get_by_role("button", name="Continue to your summary").click()
    row = page.locator(".answer-list__row", has_text=RESTING)
    expect(row.get_by_role("definition").first).to_have_text("Yes")

    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Download PDF (A4)")).to_be_hidden()
    summary = page.get_by_role("region", name=re.compile("Visit summary"))
    expect(summary).to_be_visible()
    for text in ["Sharp, twice a week", "15 January 2024", "Do I need any tests?", "If it gets worse:", "Health Guide"]:
        expect(summary).to_contain_text(text)
    page.emulate_media(media="screen")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF (A4)").click()
    download = download_info.value
    assert download.suggested_filename == "visit-summary.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
