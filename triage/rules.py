"""How urgently a reader should get care, decided from their answers to the warning signs.

Pure functions of plain values: no database, no request, so tests call them directly.
"""

from collections.abc import Iterable, Mapping
from typing import Protocol

from healthsite.choices import Urgency
from triage.choices import OutcomeLevel, SignAnswer


class WarningSign(Protocol):
    key: str
    urgency: str
    not_sure_counts: bool


def counts_as_yes(answer: str | None, not_sure_counts: bool) -> bool:
    """Yes always counts; "Not sure" counts where the editor decided that doubt is reason enough."""
    return answer == SignAnswer.YES or (answer == SignAnswer.NOT_SURE and not_sure_counts)


def triggered_signs(signs: Iterable[WarningSign], answers: Mapping[str, str]) -> list[WarningSign]:
    """The warning signs whose answer counts as yes, in the order given."""
    return [sign for sign in signs if counts_as_yes(answers.get(sign.key), sign.not_sure_counts)]


def outcome_level(signs: Iterable[WarningSign], answers: Mapping[str, str]) -> OutcomeLevel:
    """The highest urgency among the triggered warning signs (Urgency is most urgent first), or NONE."""
    reached = {sign.urgency for sign in triggered_signs(signs, answers)}
    return next((OutcomeLevel(level) for level in Urgency.values if level in reached), OutcomeLevel.NONE)


def reasons(signs: Iterable[WarningSign], answers: Mapping[str, str]) -> list[WarningSign]:
    """The triggered signs that set the outcome: those at its level (none for NONE)."""
    signs = list(signs)
    level = outcome_level(signs, answers)
    return [sign for sign in triggered_signs(signs, answers) if sign.urgency == level]
