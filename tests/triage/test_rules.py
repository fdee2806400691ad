from dataclasses import dataclass

import pytest

from triage import rules
from triage.choices import OutcomeLevel, SignAnswer

EMERGENCY, URGENT, ROUTINE, NONE = OutcomeLevel.EMERGENCY, OutcomeLevel.URGENT, OutcomeLevel.ROUTINE, OutcomeLevel.NONE
YES, NO, NOT_SURE = SignAnswer.YES, SignAnswer.NO, SignAnswer.NOT_SURE


@dataclass(frozen=True)
class Sign:
    key: str
    urgency: str
    not_sure_counts: bool


SIGNS = [
    Sign("emergency", EMERGENCY, False),
    Sign("urgent", URGENT, True),
    Sign("routine", ROUTINE, False),
    Sign("routine-doubtful", ROUTINE, True),
]


def answers(**given):
    return {sign.key: NO for sign in SIGNS} | {key.replace("_", "-"): value for key, value in given.items()}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"emergency": YES}, EMERGENCY),
        ({"urgent": YES}, URGENT),
        ({"routine": YES}, ROUTINE),
        ({}, NONE),
        ({"emergency": YES, "urgent": YES, "routine": YES}, EMERGENCY),
        ({"urgent": YES, "routine": YES}, URGENT),
    ],
)
def test_outcome_is_the_highest_urgency_answered_yes(given, expected):
    """The outcome is the most urgent level among the signs answered yes, or none."""
    assert rules.outcome_level(SIGNS, answers(**given)) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"urgent": NOT_SURE}, URGENT),
        ({"emergency": NOT_SURE}, NONE),
        ({"routine": NOT_SURE}, NONE),
        ({"routine_doubtful": NOT_SURE}, ROUTINE),
        ({"emergency": NOT_SURE, "urgent": NOT_SURE}, URGENT),
    ],
)
def test_not_sure_escalates_only_where_the_editor_said_so(given, expected):
    """ "Not sure" counts as yes for signs marked so, and is ignored for the others."""
    assert rules.outcome_level(SIGNS, answers(**given)) == expected


def test_missing_answers_count_as_no():
    """A sign without an answer does not raise the outcome."""
    assert rules.outcome_level(SIGNS, {}) == NONE


def test_reasons_are_the_signs_at_the_outcome_level():
    """ "Why am I seeing this?" lists the signs that set the outcome, not lower ones."""
    given = answers(urgent=YES, routine=YES, routine_doubtful=NOT_SURE)
    assert [sign.key for sign in rules.reasons(SIGNS, given)] == ["urgent"]
    assert rules.reasons(SIGNS, answers()) == []
