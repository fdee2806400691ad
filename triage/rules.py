"""How urgently a reader should get care, decided from their answers to the warning signs.

Pure functions of plain values: no database, no request, so tests call them directly.
"""

from collections.abc import Iterable, Mapping
from typing import Protocol

EMERGENCY = "emergency"
URGENT = "urgent"
ROUTINE = "routine"
NONE = "none"

# Most urgent first: the outcome is the first level that any warning sign reached.
URGENCY_LEVELS = (EMERGENCY, URGENT, ROUTINE)
URGENCY_CHOICES = [
    (EMERGENCY, "Emergency: call the emergency number now"),
    (URGENT, "Urgent: see a doctor today"),
    (ROUTINE, "Routine: make an appointment"),
]
OUTCOME_CHOICES = [*URGENCY_CHOICES, (NONE, "None of the warning signs")]
# How the visit summary names the outcome, ahead of the outcome's own heading.
LEVEL_NAMES = {EMERGENCY: "Emergency", URGENT: "Urgent", ROUTINE: "Routine", NONE: "No warning signs"}
# The care-card template's names for the same levels.
CARE_CARD_URGENCY = {EMERGENCY: "emergency", URGENT: "urgent", ROUTINE: "non-urgent", NONE: "non-urgent"}

YES = "yes"
NO = "no"
NOT_SURE = "not-sure"
SIGN_ANSWER_CHOICES = [(YES, "Yes"), (NO, "No"), (NOT_SURE, "Not sure")]


class WarningSign(Protocol):
    key: str
    urgency: str
    not_sure_counts: bool


def counts_as_yes(answer: str | None, not_sure_counts: bool) -> bool:
    """Yes always counts; "Not sure" counts where the editor decided that doubt is reason enough."""
    return answer == YES or (answer == NOT_SURE and not_sure_counts)


def triggered_signs(signs: Iterable[WarningSign], answers: Mapping[str, str]) -> list[WarningSign]:
    """The warning signs whose answer counts as yes, in the order given."""
    return [sign for sign in signs if counts_as_yes(answers.get(sign.key), sign.not_sure_counts)]


def outcome_level(signs: Iterable[WarningSign], answers: Mapping[str, str]) -> str:
    """The highest urgency among the triggered warning signs, or NONE when none applies."""
    reached = {sign.urgency for sign in triggered_signs(signs, answers)}
    return next((level for level in URGENCY_LEVELS if level in reached), NONE)


def reasons(signs: Iterable[WarningSign], answers: Mapping[str, str]) -> list[WarningSign]:
    """The triggered signs that set the outcome: those at its level (none for NONE)."""
    signs = list(signs)
    level = outcome_level(signs, answers)
    return [sign for sign in triggered_signs(signs, answers) if sign.urgency == level]
