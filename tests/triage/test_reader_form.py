import datetime
import re
import secrets

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.triage.conftest import Reader, question_answers, sign_answers
from tests.triage.factories import ChecklistPageFactory, build_checklist
from triage.choices import OutcomeLevel
from triage.models import DailyOutcomeCount
from triage.visit import COOKIE_NAME

URGENT = OutcomeLevel.URGENT

pytestmark = pytest.mark.django_db

EMERGENCY_NOTICE = "If you think this is an emergency, call your local emergency number now."


def test_first_step_asks_every_warning_sign_with_the_emergency_notice(reader, checklist):
    """The checklist opens on the warning signs, each a fieldset of Yes / No / Not sure."""
    response = reader.start()
    assert response.status_code == 200
    assert EMERGENCY_NOTICE in response.text
    for sign in checklist.warning_signs.all():
        assert f'<legend class="form-label">Your cramp {sign.text}</legend>' in response.text
    assert response.text.count('value="not-sure"') == checklist.warning_signs.count()
    assert "no-store" in response["Cache-Control"]


def test_one_urgent_yes_shows_the_urgent_result_right_after_the_warning_signs(reader, checklist):
    """The answer first: the page after the warning signs is the result, before any preparation."""
    reader.start()
    response = reader.answer_signs(sign_answers(checklist, urgent="yes"))
    assert response.redirect_chain == [(checklist.url + "result/", 303)]
    assert "care-card--urgent" in response.text
    assert "Outcome heading for urgent" in response.text
    assert "If it gets worse (urgent), get help." in response.text
    assert "Your cramp is an urgent sign 0: Yes" in response.text
    assert "This is not a diagnosis" in response.text
    assert "Prepare for your appointment" in response.text
    assert "The short_text question 0?" not in response.text


def test_preparation_questions_can_all_be_skipped(reader, checklist):
    """With nothing answered, the summary still comes, each question marked skipped."""
    reader.answer_signs(sign_answers(checklist, routine="yes"))
    response = reader.answer_questions({})
    assert response.redirect_chain == [(checklist.url + "summary/", 303)]
    assert "Your visit summary" in response.text
    assert response.text.count("Skipped") >= 2 * checklist.preparation_questions.count()
    assert "Outcome heading for routine" in response.text


def test_a_question_required_for_the_summary_must_be_answered(reader, checklist):
    """An editor's required question stops the summary until it is answered, saying which."""
    question = checklist.preparation_questions.get(answer_type="number")
    question.required_for_summary = True
    question.save()
    reader.answer_signs(sign_answers(checklist))
    skipped = reader.see_summary()
    assert skipped.redirect_chain == [(checklist.url + "prepare/", 303)]
    assert f"Answer “{question.prompt}”." in skipped.text
    response = reader.answer_questions({question.key: "12"})
    assert "Your visit summary" in response.text
    assert "12" in response.text


def test_whole_checklist_gives_a_summary_of_every_answer(reader, checklist):
    """Signs, result, preparation and summary: the summary holds every answer and the advice."""
    reader.start()
    reader.answer_signs(sign_answers(checklist, urgent="yes"))
    prepare = reader.client.get(checklist.url + "prepare/")
    assert "Prepare for your appointment" in prepare.text
    assert EMERGENCY_NOTICE in prepare.text
    summary = reader.answer_questions(question_answers(checklist))
    assert "zebra-kite-417" in summary.text
    assert "17 March 2019" in summary.text
    assert "7 out of 10" in summary.text
    assert "What causes my cramp 0?" in summary.text
    assert "If it gets worse:</strong> If it gets worse (urgent), get help." in summary.text
    assert f"checklist version {checklist.live_revision_id}" in summary.text
    assert "Health Guide" in summary.text
    assert "Skipped" in summary.text


def test_a_red_flag_preparation_answer_raises_the_result_at_once(reader, checklist):
    """An answer marked as a warning takes the reader back to the raised result, saying why."""
    question = checklist.preparation_questions.get(answer_type="yes_no", sensitive=False)
    question.warning_urgency = URGENT
    question.warning_text = "You said your urine was darker after exercise."
    question.save()
    result = reader.answer_signs(sign_answers(checklist))
    assert "Outcome heading for none" in result.text
    raised = reader.answer_questions({question.key: "yes"})
    assert raised.redirect_chain == [(checklist.url + "result/", 303)]
    assert "care-card--urgent" in raised.text
    assert "Your answer changed our advice." in raised.text
    assert "You said your urine was darker after exercise." in raised.text
    assert "See your visit summary" in raised.text
    assert "Outcome heading for urgent" in reader.see_summary().text


def test_a_scale_or_choice_red_flag_counts_from_its_threshold(reader, checklist):
    """A scale counts from the editor's value up, a choice only for the options marked."""
    scale = checklist.preparation_questions.get(answer_type="scale")
    choice = checklist.preparation_questions.get(answer_type="choice")
    scale.warning_urgency, scale.warning_from, scale.warning_text = "emergency", 9, "You said the pain was 9 or more."
    choice.warning_urgency, choice.warning_answers, choice.warning_text = "routine", "Often", "You said often."
    scale.save()
    choice.save()
    reader.answer_signs(sign_answers(checklist))
    assert "Outcome heading for none" in reader.answer_questions({scale.key: "8", choice.key: "Never"}).text
    assert "care-card--routine" in reader.answer_questions({scale.key: "8", choice.key: "Often"}).text
    assert "care-card--emergency" in reader.answer_questions({scale.key: "9", choice.key: "Often"}).text


def test_reaching_an_outcome_adds_one_to_todays_count(reader, checklist):
    """The only record kept is the day's count of the outcome reached, counted once per answer sent."""
    reader.answer_signs(sign_answers(checklist, routine="yes"))
    reader.answer_signs(sign_answers(checklist, routine="yes"))
    reader.see_result()
    reader.answer_questions(question_answers(checklist))
    count = DailyOutcomeCount.objects.get()
    assert (count.checklist_id, count.day, count.outcome, count.count) == (
        checklist.pk,
        timezone.localdate(),
        "routine",
        2,
    )


def test_missing_sign_answers_are_listed_and_given_answers_kept(reader, checklist):
    """Leaving signs unanswered shows, by GET, an error summary linked to each, keeping what was chosen."""
    urgent = checklist.warning_signs.get(urgency=URGENT)
    response = reader.answer_signs({urgent.key: "yes"})
    assert response.redirect_chain == [(checklist.url, 303)]
    assert response.request["REQUEST_METHOD"] == "GET"
    assert "There is a problem" in response.text
    assert "<title>Error: " in response.text
    for sign in checklist.warning_signs.exclude(pk=urgent.pk):
        assert f'href="#id_{sign.key}_0">Select yes, no or not sure for “Your cramp {sign.text}”.' in response.text
    assert f'value="yes" id="id_{urgent.key}_0" checked' in response.text.replace("required ", "")


@pytest.mark.parametrize(
    ("answer_type", "value", "message"),
    [
        ("number", "123456", "Enter a number from 0 to 99,999"),
        ("number", "-1", "Enter a number from 0 to 99,999"),
        ("number", "lots", "Enter a whole number"),
        ("scale", "11", "Choose a number between 0 and 10"),
        ("date", "not a date", "Enter a real date"),
        ("choice", "Always", "Select one of the options"),
    ],
)
def test_bad_preparation_answers_are_rejected_with_a_clear_message(reader, checklist, answer_type, value, message):
    """Out-of-range and malformed answers come back with what to fix, others kept."""
    question = checklist.preparation_questions.get(answer_type=answer_type, sensitive=False)
    reader.answer_signs(sign_answers(checklist))
    response = reader.answer_questions(question_answers(checklist, **{question.key: value}))
    assert response.redirect_chain == [(checklist.url + "prepare/", 303)]
    assert message in response.text
    assert f'href="#id_{question.key}' in response.text
    assert "zebra-kite-417" in response.text


def test_future_dates_are_rejected(reader, checklist):
    """A date after today is refused: it cannot be when something already happened."""
    question = checklist.preparation_questions.get(answer_type="date")
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    reader.answer_signs(sign_answers(checklist))
    response = reader.answer_questions(question_answers(checklist, **{question.key: tomorrow}))
    assert "The date must be today or in the past." in response.text
    assert f'value="{tomorrow}"' in response.text


def test_tampered_sign_answers_are_rejected(reader, checklist):
    """An answer that is not one of the choices is refused with a message, not a crash."""
    answers = sign_answers(checklist) | {checklist.warning_signs.first().key: "maybe"}
    response = reader.answer_signs(answers)
    assert response.status_code == 200
    assert "Select yes, no or not sure" in response.text


@pytest.mark.parametrize("value", ["garbage", "gAAAAABtampered"])
def test_a_tampered_cookie_is_rejected_with_a_way_to_start_again(client, checklist, value):
    """An answer cookie the site did not encrypt gives a 400 asking to start again, and is deleted."""
    client.cookies[f"{COOKIE_NAME}_0"] = value
    response = client.get(checklist.url + "result/")
    assert response.status_code == 400
    assert "We could not read your earlier answers" in response.text
    assert "Warning signs" in response.text
    assert response.cookies[f"{COOKIE_NAME}_0"]["max-age"] == 0


def test_a_cookie_from_another_checklist_is_rejected(client, checklist, checklist_index):
    """Answers encrypted for one checklist cannot be replayed against another."""
    other = build_checklist(checklist_index)
    Reader(client, other).answer_signs(sign_answers(other))
    assert client.get(checklist.url + "result/").status_code == 400


def test_later_steps_without_answers_go_back_to_the_start(client, checklist):
    """Opening the result or summary with no answers leads to the warning signs, not an error."""
    for step in ("result/", "prepare/", "summary/", "pdf/"):
        response = client.get(checklist.url + step)
        assert (step, response.status_code, response.get("Location")) == (step, 303, checklist.url)


def test_unknown_steps_are_not_found(client, checklist):
    """Only the checklist's own steps exist below it."""
    assert client.get(checklist.url + "elsewhere/").status_code == 404


def test_change_links_open_the_question_with_its_answer(reader, checklist):
    """ "Change" on the summary opens the step with the saved answer filled in."""
    question = checklist.preparation_questions.get(answer_type="short_text")
    reader.answer_signs(sign_answers(checklist))
    summary = reader.answer_questions(question_answers(checklist))
    assert f'href="{checklist.url}prepare/#{question.key}"' in summary.text
    change = reader.client.get(checklist.url + "prepare/")
    assert 'value="zebra-kite-417"' in change.text
    summary = reader.answer_questions(question_answers(checklist, **{question.key: "a new answer"}))
    assert "a new answer" in summary.text
    assert "zebra-kite-417" not in summary.text


def test_changing_a_sign_changes_the_outcome(reader, checklist):
    """A sign changed after the result is what the outcome is computed from."""
    reader.answer_signs(sign_answers(checklist, emergency="yes"))
    reader.answer_questions(question_answers(checklist))
    result = reader.answer_signs(sign_answers(checklist))
    assert "Outcome heading for none" in result.text
    assert "zebra-kite-417" in reader.see_summary().text


def test_start_again_forgets_every_answer(reader, checklist):
    """ "Start again" deletes the cookie and opens an empty first step."""
    reader.answer_signs(sign_answers(checklist, urgent="yes"))
    response = reader.start_again()
    assert response.redirect_chain == [(checklist.url, 303)]
    assert "checked" not in response.text.split("<form", 2)[2]
    assert reader.see_result()["Location"] == checklist.url


def test_reader_text_is_escaped(reader, checklist):
    """What a reader types is shown as text, never as markup."""
    question = checklist.preparation_questions.get(answer_type="short_text")
    reader.answer_signs(sign_answers(checklist))
    summary = reader.answer_questions(question_answers(checklist, **{question.key: "<b>bold</b>"}))
    assert "&lt;b&gt;bold&lt;/b&gt;" in summary.text
    assert "<b>bold</b>" not in summary.text


def test_every_post_is_answered_with_a_redirect(reader, checklist):
    """POST-redirect-GET: Back and Forward only revisit GET pages, so no resubmission prompt."""
    assert reader.answer_signs({}, follow=False).status_code == 303
    assert reader.answer_signs(sign_answers(checklist), follow=False).status_code == 303
    assert reader.answer_questions({"x": "y"}, follow=False).status_code == 303
    assert reader.client.post(checklist.url + "summary/", {}).status_code == 303


def test_empty_checklist_does_not_crash(client, checklist_index):
    """A draft checklist with no content still renders for preview."""
    page = ChecklistPageFactory(parent=checklist_index)
    reader = Reader(client, page)
    assert reader.start().status_code == 200
    assert reader.answer_signs({}).status_code == 200


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200), number=st.text(max_size=20))
def test_any_typed_answer_is_kept_or_refused_never_a_crash(client, checklist, text, number):
    """Arbitrary text in every typed field: no 500, and an accepted text answer reaches the summary."""
    reader = Reader(client, checklist)
    reader.answer_signs(sign_answers(checklist))
    short = checklist.preparation_questions.get(answer_type="short_text")
    numeric = checklist.preparation_questions.get(answer_type="number")
    response = reader.answer_questions({short.key: text, numeric.key: number})
    assert response.status_code == 200
    reader.start_again()


def described_by(soup, element):
    return [" ".join(soup.find(id=i).get_text().split()) for i in element["aria-describedby"].split()]


def test_questions_are_linked_to_their_hints_and_errors(reader, checklist):
    """Screen readers hear why a personal question is asked and what is wrong with an answer, the
    error summary links to the answer, and optional questions say so."""
    number = checklist.preparation_questions.get(answer_type="number")
    reader.answer_signs(sign_answers(checklist))
    response = reader.answer_questions(question_answers(checklist, **{number.key: "lots"}))
    soup = BeautifulSoup(response.text, "html.parser")

    sensitive = soup.find("legend", string=re.compile("Do you take anything sensitive")).find_parent("fieldset")
    assert sensitive.legend.get_text() == "Do you take anything sensitive 0? (optional)"
    assert described_by(soup, sensitive) == ["Why we ask: Some substances cause cramps. You can skip this question."]
    answer = soup.find(id=soup.find("label", string=re.compile("The number question"))["for"])
    assert answer["aria-invalid"] == "true"
    assert described_by(soup, answer) == [f"Error: Enter a whole number for “{number.prompt}”, for example 3."]
    assert soup.select_one(".error-summary a")["href"] == f"#{answer['id']}"


def test_answers_too_long_for_the_cookie_are_refused_with_a_message(client, checklist_index):
    """Answers that would not fit in the reader's cookies are shown back with what to do, not lost."""
    page = build_checklist(checklist_index, copies=5)
    reader = Reader(client, page)
    reader.answer_signs(sign_answers(page))
    # Random text hardly compresses: five long answers of about 1,900 characters overflow two cookies.
    long_answers = {
        question.key: secrets.token_urlsafe(1400)
        for question in page.preparation_questions.filter(answer_type="long_text")
    }
    response = reader.answer_questions(long_answers)
    assert response.status_code == 200
    assert "Your answers are too long for your browser to keep." in response.text
    assert next(iter(long_answers.values())) in response.text
    assert "There is a problem" in response.text
