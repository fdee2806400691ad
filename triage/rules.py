"""How urgently a reader should get care, decided from all their answers: the warning signs and
the preparation questions an editor marked as red flags.

One pure function of plain values, `assess`: no database, no request, so tests call it directly.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from healthsite.choices import Urgency
from triage.choices import AnswerType, OutcomeLevel, SignAnswer


class WarningSign(Protocol):
    key: str
    urgency: str
    not_sure_counts: bool


class FlaggedQuestion(Protocol):
    """A preparation question; `warning_urgency` is empty when no answer of it is a red flag."""

    key: str
    answer_type: str
    warning_urgency: str
    warning_options: list[str]
    warning_from: int | None


@dataclass(frozen=True)
class Assessment:
    level: OutcomeLevel
    # The warning signs and red-flag questions whose answers set the level, in the order given.
    signs: tuple
    questions: tuple


def counts_as_yes(answer: str | None, not_sure_counts: bool) -> bool:
    """Yes always counts; "Not sure" counts where the editor decided that doubt is reason enough."""
    return answer == SignAnswer.YES or (answer == SignAnswer.NOT_SURE and not_sure_counts)


def is_red_flag(question: FlaggedQuestion, answer: str | None) -> bool:
    """Whether the answer is one the editor marked as a warning: Yes, a chosen option, or a scale
    value at or above the threshold. Unanswered is never a warning."""
    if not question.warning_urgency or answer in (None, ""):
        return False
    match question.answer_type:
        case AnswerType.YES_NO:
            return answer == "yes"
        case AnswerType.CHOICE:
            return answer in question.warning_options
        case AnswerType.SCALE:
            return question.warning_from is not None and str(answer).isdigit() and int(answer) >= question.warning_from
    return False


def assess(
    signs: Iterable[WarningSign], questions: Iterable[FlaggedQuestion], answers: Mapping[str, str]
) -> Assessment:
    """The most urgent level reached by any answer (Urgency lists the most urgent first), or NONE,
    with the signs and questions that reached it."""
    signs = [sign for sign in signs if counts_as_yes(answers.get(sign.key), sign.not_sure_counts)]
    questions = [question for question in questions if is_red_flag(question, answers.get(question.key))]
    reached = {sign.urgency for sign in signs} | {question.warning_urgency for question in questions}
    level = next((OutcomeLevel(level) for level in Urgency.values if level in reached), OutcomeLevel.NONE)
    return Assessment(
        level,
        signs=tuple(sign for sign in signs if sign.urgency == level),
        questions=tuple(question for question in questions if question.warning_urgency == level),
    )
