import itertools
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage import rules
from triage.choices import AnswerType, OutcomeLevel, SignAnswer

EMERGENCY, URGENT, ROUTINE, NONE = OutcomeLevel.EMERGENCY, OutcomeLevel.URGENT, OutcomeLevel.ROUTINE, OutcomeLevel.NONE
YES, NO, NOT_SURE = SignAnswer.YES, SignAnswer.NO, SignAnswer.NOT_SURE
# Most urgent first, as the rules rank them.
LEVELS = [EMERGENCY, URGENT, ROUTINE, NONE]


@dataclass(frozen=True)
class Sign:
    key: str
    urgency: str
    not_sure_counts: bool


@dataclass(frozen=True)
class Question:
    key: str
    answer_type: str
    warning_urgency: str = ""
    warning_options: list = field(default_factory=list)
    warning_from: int | None = None


SIGNS = [
    Sign("emergency", EMERGENCY, False),
    Sign("urgent", URGENT, True),
    Sign("routine", ROUTINE, False),
    Sign("routine-doubtful", ROUTINE, True),
]


def answers(**given):
    return {sign.key: NO for sign in SIGNS} | {key.replace("_", "-"): value for key, value in given.items()}


def level(signs=SIGNS, questions=(), given=None):
    return rules.assess(signs, questions, given or {}).level


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
    assert level(given=answers(**given)) == expected


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
    assert level(given=answers(**given)) == expected


def test_missing_answers_count_as_no():
    """A sign or question without an answer does not raise the outcome."""
    assert level(questions=[Question("q", AnswerType.YES_NO, URGENT)]) == NONE


def test_reasons_are_the_signs_and_questions_at_the_outcome_level():
    """ "Why am I seeing this?" lists what set the outcome, not lower ones."""
    questions = [Question("dark-urine", AnswerType.YES_NO, URGENT), Question("often", AnswerType.YES_NO, ROUTINE)]
    given = answers(urgent=YES, routine=YES, routine_doubtful=NOT_SURE) | {"dark-urine": "yes", "often": "yes"}
    assessment = rules.assess(SIGNS, questions, given)
    assert [sign.key for sign in assessment.signs] == ["urgent"]
    assert [question.key for question in assessment.questions] == ["dark-urine"]
    assert rules.assess(SIGNS, questions, answers()) == rules.Assessment(NONE, (), ())


def flagged(answer_type, urgency):
    return Question("flag", answer_type, urgency, warning_options=["Often", "Always"], warning_from=7)


@pytest.mark.parametrize(
    ("answer_type", "answer", "counts"),
    [
        (AnswerType.YES_NO, "yes", True),
        (AnswerType.YES_NO, "no", False),
        (AnswerType.CHOICE, "Always", True),
        (AnswerType.CHOICE, "Never", False),
        (AnswerType.SCALE, "7", True),
        (AnswerType.SCALE, "10", True),
        (AnswerType.SCALE, "6", False),
        (AnswerType.SCALE, "", False),
        (AnswerType.SHORT_TEXT, "yes", False),
    ],
)
def test_red_flag_answers_are_yes_the_chosen_options_or_the_scale_from_its_threshold(answer_type, answer, counts):
    """Only the answers the editor marked raise the outcome; other answer types never do."""
    expected = URGENT if counts else NONE
    assert level(signs=[], questions=[flagged(answer_type, URGENT)], given={"flag": answer}) == expected


@pytest.mark.parametrize(("sign_level", "question_level"), list(itertools.product(LEVELS, LEVELS)))
def test_every_combination_of_sign_and_red_flag_levels_gives_the_more_urgent(sign_level, question_level):
    """A warning sign at one level and a red-flag answer at another: the outcome is the more urgent."""
    signs = [Sign("sign", sign_level, False)] if sign_level != NONE else []
    questions = [Question("flag", AnswerType.YES_NO, question_level)] if question_level != NONE else []
    expected = LEVELS[min(LEVELS.index(sign_level), LEVELS.index(question_level))]
    assert level(signs, questions, {"sign": YES, "flag": "yes"}) == expected


URGENCIES = st.sampled_from([EMERGENCY, URGENT, ROUTINE])


@given(
    signs=st.lists(st.tuples(URGENCIES, st.booleans(), st.sampled_from([YES, NO, NOT_SURE, None]))),
    questions=st.lists(st.tuples(URGENCIES, st.sampled_from(["yes", "no", None]))),
)
def test_the_outcome_is_the_most_urgent_level_any_answer_reaches(signs, questions):
    """For any checklist and answers: the outcome is the most urgent triggered level, every reason
    is at that level, and answering one more red flag never lowers the outcome."""
    sign_objects = [Sign(f"s{n}", urgency, doubt) for n, (urgency, doubt, _) in enumerate(signs)]
    question_objects = [Question(f"q{n}", AnswerType.YES_NO, urgency) for n, (urgency, _) in enumerate(questions)]
    given_answers = {f"s{n}": answer for n, (_, _, answer) in enumerate(signs) if answer}
    given_answers |= {f"q{n}": answer for n, (_, answer) in enumerate(questions) if answer}
    triggered = [u for u, doubt, a in signs if a == YES or (a == NOT_SURE and doubt)]
    triggered += [u for u, a in questions if a == "yes"]
    expected = min(triggered, key=LEVELS.index, default=NONE)

    assessment = rules.assess(sign_objects, question_objects, given_answers)
    assert assessment.level == expected
    assert all(item.urgency == expected for item in assessment.signs)
    assert all(item.warning_urgency == expected for item in assessment.questions)
    assert bool(assessment.signs or assessment.questions) == (expected != NONE)
    raised = rules.assess(
        sign_objects,
        [*question_objects, Question("extra", AnswerType.YES_NO, ROUTINE)],
        given_answers | {"extra": "yes"},
    )
    assert LEVELS.index(raised.level) <= LEVELS.index(min(expected, ROUTINE, key=LEVELS.index))
