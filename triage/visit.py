"""A reader's pass through a checklist: the checklist as loaded for one request, the answers
carried between steps in a signed form field, and the visit summary built from them.

The answers live only in the reader's browser (the signed `state` field) and in the response
being built: nothing here writes them to the database, the cache, the session or a log.
"""

from dataclasses import dataclass, field

from django.core import signing
from django.template.defaultfilters import linebreaks_filter
from django.utils import timezone
from django.utils.formats import date_format

from triage import rules
from triage.choices import AnswerType, OutcomeLevel, SignAnswer
from triage.forms import PreparationForm, WarningSignsForm

# Long enough to answer slowly, short enough that an old tab cannot resubmit yesterday's answers.
STATE_MAX_AGE = 6 * 60 * 60


class InvalidState(Exception):
    """The answers carried between steps were altered, expired or belong to another checklist."""


@dataclass
class Checklist:
    """A checklist page and its parts, each fetched once: four queries whatever their size."""

    page: object
    signs: list
    outcomes: dict
    questions: list
    questions_to_ask: list

    @classmethod
    def load(cls, page):
        return cls(
            page=page,
            signs=list(page.warning_signs.all()),
            outcomes={outcome.level: outcome for outcome in page.outcomes.select_related("help_page")},
            questions=list(page.preparation_questions.all()),
            questions_to_ask=list(page.questions_to_ask.all()),
        )

    def signs_form(self, *args, **kwargs):
        return WarningSignsForm(self.signs, self.page.subject, *args, **kwargs)

    def preparation_form(self, *args, **kwargs):
        return PreparationForm(self.questions, self.questions_to_ask, *args, **kwargs)


def _salt(page):
    return f"triage.state.{page.pk}"


def dump_state(page, answers):
    return signing.dumps(answers, salt=_salt(page), compress=True)


def load_state(page, token):
    """The answers signed into `token`; an empty token is an empty start."""
    if not token:
        return {}
    try:
        answers = signing.loads(token, salt=_salt(page), max_age=STATE_MAX_AGE)
    except signing.BadSignature as error:
        raise InvalidState from error
    if not isinstance(answers, dict):
        raise InvalidState
    return answers


@dataclass
class AnswerRow:
    key: str
    question: str
    answer: str


@dataclass
class VisitSummary:
    checklist: Checklist
    level: str
    outcome: object
    reasons: list
    signs: list[AnswerRow] = field(default_factory=list)
    preparation: list[AnswerRow] = field(default_factory=list)
    questions_to_ask: list[str] = field(default_factory=list)
    date: object = None

    @property
    def care_card_urgency(self):
        return OutcomeLevel(self.level).care_card_urgency

    @property
    def care_card(self):
        """The value the article's care-card template renders."""
        if self.outcome is None:
            return {"urgency": self.care_card_urgency, "heading": self.level_label, "body": ""}
        body = linebreaks_filter(self.outcome.what_to_do, autoescape=True)
        return {"urgency": self.care_card_urgency, "heading": self.outcome.heading, "body": body}

    @property
    def level_label(self):
        return OutcomeLevel(self.level).short_name


def _display_answer(question, cleaned):
    if cleaned in (None, ""):
        return "Skipped" if question.skippable else "Not answered"
    match question.answer_type:
        case AnswerType.YES_NO:
            return "Yes" if cleaned == "yes" else "No"
        case AnswerType.SCALE:
            return f"{cleaned} out of 10"
        case AnswerType.DATE:
            return date_format(cleaned, "j F Y")
    return str(cleaned)


def summarise(checklist, signs_form, preparation_form):
    """The outcome and every answer, from two valid forms."""
    answers = signs_form.cleaned_data
    prepared = preparation_form.cleaned_data
    chosen = set(prepared.get("ask", []))
    reasons = rules.reasons(checklist.signs, answers)
    level = rules.outcome_level(checklist.signs, answers)
    return VisitSummary(
        checklist=checklist,
        level=level,
        outcome=checklist.outcomes.get(level),
        reasons=[f"{checklist.page.subject} {sign.text}: {SignAnswer(answers[sign.key]).label}" for sign in reasons],
        signs=[
            AnswerRow(sign.key, f"{checklist.page.subject} {sign.text}", SignAnswer(answers[sign.key]).label)
            for sign in checklist.signs
        ],
        preparation=[
            AnswerRow(question.key, question.prompt, _display_answer(question, prepared.get(question.key)))
            for question in checklist.questions
        ],
        questions_to_ask=[item.text for item in checklist.questions_to_ask if str(item.pk) in chosen],
        date=timezone.localdate(),
    )
