import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from healthsite.demo_accounts import ensure_demo_accounts
from triage.admin_forms import publishing_problems
from triage.choices import OutcomeLevel
from triage.models import ChecklistPage, DailyOutcomeCount

URGENT, ROUTINE, NONE = OutcomeLevel.URGENT, OutcomeLevel.ROUTINE, OutcomeLevel.NONE

pytestmark = pytest.mark.django_db


def outcome(level):
    return {"level": level, "heading": f"{level} heading", "what_to_do": "Do this.", "if_worse": "Then that."}


def checklist_form(signs=(), outcomes=(), action="action-publish", questions=()):
    data = nested_form_data(
        {
            "title": "Cramp checklist",
            "slug": "cramp",
            "intro": "About cramp.",
            "subject": "Your cramp",
            "warning_signs": inline_formset(
                [{"text": text, "urgency": urgency, "not_sure_counts": "on", "hint": ""} for text, urgency in signs]
            ),
            "outcomes": inline_formset([outcome(level) for level in outcomes]),
            "preparation_questions": inline_formset([question(**fields) for fields in questions]),
            "questions_to_ask": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def question(**fields):
    return {"prompt": "Dark urine?", "answer_type": "yes_no", "options": "", "hint": "", "why_asked": ""} | fields


def add_url(checklist_index):
    return reverse("wagtailadmin_pages:add", args=("triage", "checklistpage", checklist_index.pk))


def test_publishing_without_a_warning_sign_is_refused(admin_client, checklist_index):
    """An editor cannot publish a checklist that has no warning sign."""
    response = admin_client.post(add_url(checklist_index), checklist_form(outcomes=[NONE]))
    assert response.status_code == 200
    assert "This checklist cannot be published yet." in response.text
    assert "Add at least one warning sign." in response.text
    assert not ChecklistPage.objects.exists()


def test_publishing_without_an_outcome_for_a_used_level_is_refused(admin_client, checklist_index):
    """Each urgency a warning sign uses, and “none”, needs an outcome before publishing."""
    form = checklist_form(signs=[("hurts", URGENT), ("often", ROUTINE)], outcomes=[URGENT])
    response = admin_client.post(add_url(checklist_index), form)
    assert "Add an outcome for: Routine: make an appointment; None of the warning signs." in response.text
    assert not ChecklistPage.objects.exists()


def test_a_complete_checklist_publishes(admin_client, checklist_index):
    """With signs and an outcome for each level used, the checklist goes live."""
    form = checklist_form(signs=[("hurts", URGENT)], outcomes=[URGENT, NONE])
    response = admin_client.post(add_url(checklist_index), form)
    assert response.status_code == 302
    assert ChecklistPage.objects.get().live


def test_an_incomplete_draft_can_be_saved(admin_client, checklist_index):
    """Saving a draft is allowed before the checklist is complete."""
    response = admin_client.post(add_url(checklist_index), checklist_form(action="action-draft"))
    assert response.status_code == 302
    assert not ChecklistPage.objects.get().live


def test_publishing_problems_reports_duplicate_outcomes():
    """Two outcomes for the same level are ambiguous and refused."""
    signs = [{"urgency": URGENT}]
    outcomes = [{"level": URGENT}, {"level": URGENT}, {"level": NONE}]
    assert publishing_problems(signs, outcomes) == [
        "Keep one outcome per level; there is more than one for: Urgent: see a doctor today."
    ]


def test_choice_questions_need_options(admin_client, checklist_index):
    """A choice question with fewer than two options is refused with a message on the field."""
    data = checklist_form(signs=[("hurts", URGENT)], outcomes=[URGENT, NONE])
    data.update(
        nested_form_data(
            {
                "preparation_questions": inline_formset(
                    [{"prompt": "How often?", "answer_type": "choice", "options": "Often", "hint": "", "why_asked": ""}]
                )
            }
        )
    )
    response = admin_client.post(add_url(checklist_index), data)
    assert "Give at least two options, one per line." in response.text


def test_editors_see_the_outcome_counts_report(client, checklist, tmp_path):
    """The demo editor can read the daily outcome counts, which hold nothing about readers."""
    DailyOutcomeCount.objects.create(checklist=checklist, day="2026-01-02", outcome=URGENT, count=3)
    ensure_demo_accounts(tmp_path / "accounts.txt")
    editor = Group.objects.get(name="Editors").user_set.get()
    client.force_login(editor)
    response = client.get(reverse("triage_outcome_counts"))
    assert response.status_code == 200
    assert "Cramp checklist" in response.text
    assert "Urgent: see a doctor today" in response.text
    assert "2 January 2026" in response.text
    assert " ago" not in response.text.split("<table", 1)[1]


def test_the_editor_offers_the_red_flag_and_article_fields(admin_client, checklist_index):
    """Editors find where to mark a red flag and to choose the checklist's article."""
    response = admin_client.get(add_url(checklist_index))
    assert response.status_code == 200
    assert "Red flag: answers that raise the result" in response.text
    assert "Article about the condition" in response.text


def test_a_red_flag_answer_needs_an_outcome_for_its_level(admin_client, checklist_index):
    """A question whose answer can raise the result to a level needs that level's outcome too."""
    flag = {"warning_urgency": "emergency", "warning_text": "You said your urine was dark."}
    form = checklist_form(signs=[("hurts", URGENT)], outcomes=[URGENT, NONE], questions=[flag])
    response = admin_client.post(add_url(checklist_index), form)
    assert "Add an outcome for: Emergency: call the emergency number now." in response.text
    assert not ChecklistPage.objects.exists()


FLAG = {"warning_urgency": "urgent", "warning_text": "You said so."}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"warning_urgency": "urgent"}, "Tell readers why their answer raised the result."),
        (
            FLAG | {"answer_type": "choice", "options": "Often\nNever", "warning_answers": "Always"},
            "List the options that are a warning, each exactly as in the options.",
        ),
        (FLAG | {"answer_type": "scale"}, "Give the value from 0 to 10."),
        (FLAG | {"answer_type": "short_text"}, "Only yes-or-no, choice and scale answers can be a warning."),
        ({"sensitive": "on", "why_asked": "Because.", "required_for_summary": "on"}, "it cannot be required"),
    ],
)
def test_red_flag_questions_are_checked_when_saved(admin_client, checklist_index, fields, message):
    """A red flag must say why, and name answers the question can have; a personal question stays skippable."""
    form = checklist_form(signs=[("hurts", URGENT)], outcomes=[URGENT, NONE], questions=[fields])
    response = admin_client.post(add_url(checklist_index), form)
    assert message in response.text
    assert not ChecklistPage.objects.exists()


def test_a_revision_published_outside_the_editor_is_checked_too(checklist):
    """A scheduled publish or a workflow approval publishes a revision directly: an incomplete
    checklist is refused there as well, and the live checklist stays as it was."""
    checklist.outcomes.filter(level=URGENT).delete()
    revision = checklist.save_revision()
    with pytest.raises(ValidationError, match="Add an outcome for: Urgent"):
        revision.publish()
    checklist.refresh_from_db()
    assert checklist.live_revision_id != revision.pk
