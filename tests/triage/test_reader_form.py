import datetime
import json
import re
import zlib

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.utils import timezone

from tests.triage.conftest import Reader, question_answers, sign_answers
from tests.triage.factories import build_checklist
from triage.choices import OutcomeLevel
from triage.models import DailyOutcomeCount
from triage.visit import dump_state

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


def test_whole_checklist_reaches_the_urgent_outcome_and_summary(reader, checklist):
    """One urgent sign answered yes gives the urgent outcome, why, and a summary of every answer."""
    reader.start()
    step2 = reader.answer_signs(sign_answers(checklist, urgent="yes"))
    assert "What your doctor may ask" in step2.text
    assert EMERGENCY_NOTICE in step2.text
    check = reader.answer_questions(question_answers(checklist))
    assert "Check your answers" in check.text
    assert "zebra-kite-417" in check.text
    assert "17 March 2019" in check.text
    outcome = reader.see_outcome()
    assert outcome.status_code == 200
    assert EMERGENCY_NOTICE in outcome.text
    assert "care-card--urgent" in outcome.text
    assert "Outcome heading for urgent" in outcome.text
    assert "If it gets worse (urgent), get help." in outcome.text
    assert "Why am I seeing this?" in outcome.text
    assert "Your cramp is an urgent sign 0: Yes" in outcome.text
    assert "This is not a diagnosis" in outcome.text
    assert "7 out of 10" in outcome.text
    assert "What causes my cramp 0?" in outcome.text
    assert f"checklist version {checklist.live_revision_id}" in outcome.text
    assert "Skipped" in outcome.text


def test_reaching_an_outcome_adds_one_to_todays_count(reader, checklist):
    """The only record kept is the day's count of the outcome reached."""
    reader.start()
    reader.answer_signs(sign_answers(checklist, routine="yes"))
    reader.answer_questions(question_answers(checklist))
    reader.see_outcome()
    reader.see_outcome()
    count = DailyOutcomeCount.objects.get()
    assert (count.checklist_id, count.day, count.outcome, count.count) == (
        checklist.pk,
        timezone.localdate(),
        "routine",
        2,
    )


def test_missing_sign_answers_are_listed_and_given_answers_kept(reader, checklist):
    """Leaving signs unanswered shows an error summary linked to each, keeping what was chosen."""
    reader.start()
    urgent = checklist.warning_signs.get(urgency=URGENT)
    response = reader.answer_signs({urgent.key: "yes"})
    assert response.status_code == 200
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
        ("yes_no", "", "Answer “The yes_no question 0?”"),
    ],
)
def test_bad_preparation_answers_are_rejected_with_a_clear_message(reader, checklist, answer_type, value, message):
    """Out-of-range, malformed and missing answers come back with what to fix, others kept."""
    question = checklist.preparation_questions.get(answer_type=answer_type, sensitive=False)
    reader.start()
    reader.answer_signs(sign_answers(checklist))
    response = reader.answer_questions(question_answers(checklist, **{question.key: value}))
    assert response.status_code == 200
    assert message in response.text
    assert f'href="#id_{question.key}' in response.text
    assert "zebra-kite-417" in response.text


def test_future_dates_are_rejected(reader, checklist):
    """A date after today is refused: it cannot be when something already happened."""
    question = checklist.preparation_questions.get(answer_type="date")
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    reader.start()
    reader.answer_signs(sign_answers(checklist))
    response = reader.answer_questions(question_answers(checklist, **{question.key: tomorrow}))
    assert "The date must be today or in the past." in response.text
    assert f'value="{tomorrow}"' in response.text


def test_tampered_sign_answers_are_rejected(reader, checklist):
    """An answer that is not one of the choices is refused with a message, not a crash."""
    reader.start()
    answers = sign_answers(checklist) | {checklist.warning_signs.first().key: "maybe"}
    response = reader.answer_signs(answers)
    assert response.status_code == 200
    assert "Select yes, no or not sure" in response.text


@pytest.mark.parametrize("state", ["garbage", "eyJ0YW1wZXJlZCI6dHJ1ZX0:1abc:def"])
def test_tampered_state_is_rejected_with_a_way_to_start_again(client, checklist, state):
    """A hidden state that was not signed by the site gives a 400 asking to start again."""
    response = client.post(checklist.url, {"state": state, "action": "outcome"})
    assert response.status_code == 400
    assert "We could not read your earlier answers" in response.text
    assert "Warning signs" in response.text


def test_state_edited_to_skip_steps_is_checked_again(client, checklist):
    """Validly signed but incomplete answers send the reader back to the step to finish."""
    state = dump_state(checklist, sign_answers(checklist))
    response = client.post(checklist.url, {"state": state, "action": "outcome"})
    assert response.status_code == 200
    assert "What your doctor may ask" in response.text
    assert "There is a problem" in response.text


def test_state_from_another_checklist_is_rejected(client, checklist, checklist_index):
    """Answers signed for one checklist cannot be replayed against another."""
    other = build_checklist(checklist_index)
    state = dump_state(other, sign_answers(other))
    response = client.post(checklist.url, {"state": state, "action": "outcome"})
    assert response.status_code == 400


def test_unknown_action_is_a_400_not_a_crash(reader):
    """A POST with no known action asks the reader to start again."""
    reader.start()
    assert reader.post({"action": "explode"}).status_code == 400


def test_change_from_the_check_page_returns_to_it(reader, checklist):
    """ "Change" opens the question with its answer filled in; saving goes back to the check page."""
    question = checklist.preparation_questions.get(answer_type="short_text")
    reader.start()
    reader.answer_signs(sign_answers(checklist))
    reader.answer_questions(question_answers(checklist))
    change = reader.post({"change": question.key})
    assert 'value="zebra-kite-417"' in change.text
    assert "Save and check your answers" in change.text
    check = reader.answer_questions(question_answers(checklist, **{question.key: "a new answer"}))
    assert "Check your answers" in check.text
    assert "a new answer" in check.text
    assert "zebra-kite-417" not in check.text


def test_changing_a_sign_changes_the_outcome(reader, checklist):
    """A sign changed from the check page is what the outcome is computed from."""
    reader.start()
    reader.answer_signs(sign_answers(checklist, emergency="yes"))
    reader.answer_questions(question_answers(checklist))
    reader.post({"change": checklist.warning_signs.get(urgency="emergency").key})
    check = reader.post({"action": "signs", "returning": "1", **sign_answers(checklist)})
    assert "Check your answers" in check.text
    assert "care-card--routine" in reader.see_outcome().text


def test_reader_text_is_escaped(reader, checklist):
    """What a reader types is shown as text, never as markup."""
    question = checklist.preparation_questions.get(answer_type="short_text")
    reader.start()
    reader.answer_signs(sign_answers(checklist))
    check = reader.answer_questions(question_answers(checklist, **{question.key: "<b>bold</b>"}))
    assert "&lt;b&gt;bold&lt;/b&gt;" in check.text
    assert "<b>bold</b>" not in check.text


def unpack_state(state):
    """The answers inside a hidden state (compressed JSON), and its timestamp and signature."""
    payload, timestamp, signature = state.split(":")
    assert payload.startswith("."), "the state is compressed"
    return json.loads(zlib.decompress(signing.b64_decode(payload[1:].encode()))), timestamp, signature


def repack_state(answers, timestamp, signature):
    """A state carrying `answers` under a signature made for other answers, as a forger would build it."""
    payload = signing.b64_encode(zlib.compress(json.dumps(answers, separators=(",", ":")).encode())).decode()
    return f".{payload}:{timestamp}:{signature}"


def test_answers_changed_inside_the_signed_state_are_refused(reader, checklist):
    """The state is signed, not encrypted: the reader's browser can read it, but an answer changed
    inside it is refused with a 400, never turned into an outcome."""
    reader.start()
    reader.answer_signs(sign_answers(checklist))
    reader.answer_questions(question_answers(checklist))
    answers, timestamp, signature = unpack_state(reader.state)
    emergency_sign = checklist.warning_signs.get(urgency="emergency").key
    assert answers[emergency_sign] == "no"
    assert repack_state(answers, timestamp, signature) == reader.state, "repacking an unchanged state is exact"

    forged = repack_state(answers | {emergency_sign: "yes"}, timestamp, signature)
    response = reader.client.post(checklist.url, {"state": forged, "action": "outcome"})
    assert response.status_code == 400
    assert "We could not read your earlier answers" in response.text
    assert not DailyOutcomeCount.objects.exists()
    assert reader.see_outcome().status_code == 200
    assert DailyOutcomeCount.objects.exists()


def test_form_steps_use_post(reader):
    """Every form posts, so answers never appear in a URL or an access log."""
    page = reader.start()
    assert 'method="post"' in page.text
    assert 'method="get"' not in page.text.split("<main")[1]


def test_empty_checklist_does_not_crash(client, checklist_index):
    """A draft checklist with no content still renders for preview."""
    from tests.triage.factories import ChecklistPageFactory

    page = ChecklistPageFactory(parent=checklist_index)
    reader = Reader(client, page)
    assert reader.start().status_code == 200
    assert reader.answer_signs({}).status_code == 200


def described_by(soup, element):
    return [" ".join(soup.find(id=i).get_text().split()) for i in element["aria-describedby"].split()]


def test_questions_are_linked_to_their_hints_and_errors(reader, checklist):
    """Screen readers hear why a personal question is asked and what is wrong with an answer, the
    error summary links to the answer, and optional questions say so."""
    number = checklist.preparation_questions.get(answer_type="number")
    reader.start()
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
