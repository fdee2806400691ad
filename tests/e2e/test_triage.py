import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from triage.models import ChecklistPage

pytestmark = pytest.mark.django_db(transaction=True)

SIGNS = [
    "causes severe discomfort",
    "comes with swelling, redness or other changes to the skin",
    "comes with muscle weakness",
    "happens often",
    "does not get better with home treatment",
    "is not caused by something obvious, such as hard exercise",
]


@pytest.fixture
def checklist_url(live_server):
    call_command("load_demo_content")
    return live_server.url + ChecklistPage.objects.get(slug="muscle-spasm").url


def answer(page, legend, label):
    page.get_by_role("group", name=legend).get_by_label(label, exact=True).check()


def test_reader_completes_the_checklist_and_takes_the_summary(page, checklist_url, assert_accessible):
    """One urgent sign gives the urgent outcome and why; an answer changes from the check page;
    the summary prints and downloads as a PDF; axe finds nothing on any step."""
    page.goto(checklist_url)
    expect(page.get_by_text("If you think this is an emergency, call your local emergency number now.")).to_be_visible()
    assert_accessible(page)

    # Continuing with nothing answered shows the error summary, linked to the first sign.
    page.get_by_role("button", name="Continue").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_be_focused()
    assert_accessible(page)
    summary.get_by_role("link", name=f"Select yes, no or not sure for “Your muscle spasm {SIGNS[0]}”.").click()
    expect(page.get_by_role("group", name=f"Your muscle spasm {SIGNS[0]}").get_by_label("Yes")).to_be_focused()

    for sign in SIGNS:
        answer(page, f"Your muscle spasm {sign}", "Yes" if sign == "comes with muscle weakness" else "No")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What your doctor may ask")
    expect(page.get_by_text("If you think this is an emergency, call your local emergency number now.")).to_be_visible()
    page.get_by_label("When did you first have a muscle spasm?").fill("2030-01-01")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("The date must be today or in the past.")
    assert_accessible(page)

    page.get_by_label("When did you first have a muscle spasm?").fill("2024-01-15")
    page.get_by_label("How bad are your muscle spasms, and how often do you have them?").fill("Sharp, twice a week")
    answer(page, "Do they come on after certain activities, such as light or hard exercise?", "After hard exercise")
    answer(page, "Have you had a muscle spasm while resting?", "No")
    answer(page, "Does stretching help to relieve your muscle spasms?", "A little")
    answer(page, "Has a close blood relative had muscle spasms?", "I do not know")
    answer(page, "Have you noticed any change in your urine after exercise?", "No")
    expect(page.get_by_text("Why we ask:")).to_be_visible()
    page.get_by_label("Do I need any tests?").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    assert_accessible(page)
    page.get_by_role("button", name="Change your answer to “Have you had a muscle spasm while resting?”").click()
    answer(page, "Have you had a muscle spasm while resting?", "Yes")
    page.get_by_role("button", name="Save and check your answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    row = page.locator(".answer-list__row", has_text="Have you had a muscle spasm while resting?")
    expect(row.get_by_role("definition").first).to_have_text("Yes")

    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name=re.compile("See a doctor today"))).to_be_visible()
    expect(page.get_by_text("Urgent advice")).to_be_visible()
    why = page.get_by_role("heading", name="Why am I seeing this?")
    expect(why).to_be_visible()
    expect(page.get_by_text("Your muscle spasm comes with muscle weakness: Yes")).to_be_visible()
    expect(page.get_by_text("This is not a diagnosis.")).to_be_visible()
    assert_accessible(page)

    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name="Why am I seeing this?")).to_be_hidden()
    expect(page.get_by_role("button", name="Download PDF (A4)")).to_be_hidden()
    summary = page.get_by_role("region", name=re.compile("Visit summary"))
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Sharp, twice a week")
    expect(summary).to_contain_text("15 January 2024")
    expect(summary).to_contain_text("Do I need any tests?")
    page.emulate_media(media="screen")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PDF (A4)").click()
    download = download_info.value
    assert download.suggested_filename == "visit-summary.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
