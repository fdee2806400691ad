"""A reader's pass through a checklist: the checklist as loaded for one request, the answers kept
between steps in an encrypted cookie, and the visit summary built from them.

The answers live only in the reader's browser (the cookie, which only this checklist's pages
receive and which expires after STATE_MAX_AGE) and in the response being built: nothing here
writes them to the database, the cache, the session, a URL or a log.
"""

import base64
import json
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format

from triage import rules
from triage.choices import AnswerType, OutcomeLevel, SignAnswer
from triage.forms import PreparationForm, WarningSignsForm

# Long enough to answer slowly, short enough that a shared computer soon forgets the answers.
STATE_MAX_AGE = 6 * 60 * 60
COOKIE_NAME = "checklist_answers"
# Browsers keep at most about 4 KB in one cookie, and servers refuse request headers much over
# 8 KB: the answers may fill two cookies, and a longer set is refused with a message.
COOKIE_CHUNK = 3800
COOKIE_CHUNKS = 2


class InvalidState(Exception):
    """The answer cookie was altered, expired or belongs to another checklist."""


class StateTooLarge(Exception):
    """The answers do not fit in the reader's cookies."""


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

    def assess(self, answers):
        return rules.assess(self.signs, self.questions, answers)


@dataclass
class SavedAnswers:
    """What the cookie holds: the accepted answers, and the last step sent with a problem in it (so
    the page that shows the problem is reached by GET, and Back never asks to resend a form)."""

    answers: dict = field(default_factory=dict)
    draft_step: str = ""
    draft: dict = field(default_factory=dict)


def _fernet(page):
    """A key for this checklist alone, derived from SECRET_KEY: one checklist's cookie is
    useless to another, and rotating SECRET_KEY forgets every reader's answers."""
    digest = salted_hmac("triage.answer-cookie", f"checklist-{page.pk}", algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def cookie_path(page, request):
    """Only this checklist's pages receive the cookie: not the rest of the site, not its logs."""
    return urlsplit(page.get_url(request)).path


def read_answers(request, page):
    """The reader's saved answers; no cookie is an empty start."""
    token = "".join(request.COOKIES.get(f"{COOKIE_NAME}_{n}", "") for n in range(COOKIE_CHUNKS))
    if not token:
        return SavedAnswers()
    try:
        data = json.loads(zlib.decompress(_fernet(page).decrypt(token.encode(), ttl=STATE_MAX_AGE)))
        saved = SavedAnswers(answers=data["a"], draft_step=data["s"], draft=data["d"])
    except (InvalidToken, ValueError, KeyError, TypeError, zlib.error) as error:
        raise InvalidState from error
    if not all(isinstance(value, dict) for value in (saved.answers, saved.draft)):
        raise InvalidState
    return saved


def answer_cookies(page, saved):
    """The cookies, name to value, that hold these answers for this checklist."""
    data = json.dumps({"a": saved.answers, "s": saved.draft_step, "d": saved.draft}, separators=(",", ":"))
    token = _fernet(page).encrypt(zlib.compress(data.encode())).decode()
    if len(token) > COOKIE_CHUNK * COOKIE_CHUNKS:
        raise StateTooLarge
    chunks = [token[start : start + COOKIE_CHUNK] for start in range(0, len(token), COOKIE_CHUNK)]
    return {f"{COOKIE_NAME}_{n}": chunk for n, chunk in enumerate(chunks)}


def write_answers(response, request, page, saved):
    cookies = answer_cookies(page, saved)
    for n in range(COOKIE_CHUNKS):
        name = f"{COOKIE_NAME}_{n}"
        if name in cookies:
            response.set_cookie(
                name,
                cookies[name],
                max_age=STATE_MAX_AGE,
                path=cookie_path(page, request),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif name in request.COOKIES:
            response.delete_cookie(name, path=cookie_path(page, request), samesite="Lax")


def forget_answers(response, request, page):
    for n in range(COOKIE_CHUNKS):
        response.delete_cookie(f"{COOKIE_NAME}_{n}", path=cookie_path(page, request), samesite="Lax")


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
    # Whether an answer to a preparation question, not only a warning sign, set the result.
    raised_by_preparation: bool = False
    # Who made the summary, for the doctor reading it: the Wagtail site's name and address.
    site_name: str = ""
    site_url: str = ""

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
        return "Skipped"
    match question.answer_type:
        case AnswerType.YES_NO:
            return "Yes" if cleaned == "yes" else "No"
        case AnswerType.SCALE:
            return f"{cleaned} out of 10"
        case AnswerType.DATE:
            return date_format(cleaned, "j F Y")
    return str(cleaned)


def summarise(checklist, signs_form, preparation_form, site=None):
    """The outcome and every answer, from the two forms once checked: only valid answers count, so
    the result can be shown before the preparation questions are answered."""
    answers = signs_form.cleaned_data
    prepared = preparation_form.cleaned_data
    chosen = set(prepared.get("ask", []))
    assessment = checklist.assess({**prepared, **answers})
    subject = checklist.page.subject
    return VisitSummary(
        checklist=checklist,
        level=assessment.level,
        outcome=checklist.outcomes.get(assessment.level),
        reasons=[
            *(f"{subject} {sign.text}: {SignAnswer(answers[sign.key]).label}" for sign in assessment.signs),
            *(question.warning_text for question in assessment.questions),
        ],
        raised_by_preparation=bool(assessment.questions),
        signs=[
            AnswerRow(sign.key, f"{subject} {sign.text}", SignAnswer(answers[sign.key]).label)
            for sign in checklist.signs
        ],
        preparation=[
            AnswerRow(question.key, question.prompt, _display_answer(question, prepared.get(question.key)))
            for question in checklist.questions
        ],
        questions_to_ask=[item.text for item in checklist.questions_to_ask if str(item.pk) in chosen],
        date=timezone.localdate(),
        site_name=site.site_name if site else "",
        site_url=site.root_url if site else "",
    )
