import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from triage.choices import OutcomeLevel
from triage.models import (
    ChecklistIndexPage,
    ChecklistPage,
    Outcome,
    PreparationQuestion,
    QuestionToAsk,
    WarningSign,
)

EMERGENCY, URGENT, ROUTINE, NONE = OutcomeLevel.EMERGENCY, OutcomeLevel.URGENT, OutcomeLevel.ROUTINE, OutcomeLevel.NONE


class ChecklistIndexPageFactory(wagtail_factories.PageFactory):
    title = "Checklists"
    slug = "checklists"

    class Meta:
        model = ChecklistIndexPage


class ChecklistPageFactory(wagtail_factories.PageFactory):
    title = "Cramp checklist"
    slug = factory.Sequence(lambda n: f"cramp-{n}")
    intro = "Find out how soon to see a doctor about your cramp."
    subject = "Your cramp"

    class Meta:
        model = ChecklistPage


class WarningSignFactory(DjangoModelFactory):
    page = factory.SubFactory(ChecklistPageFactory)
    text = factory.Sequence(lambda n: f"comes with warning sign {n}")
    urgency = URGENT
    not_sure_counts = True

    class Meta:
        model = WarningSign


class OutcomeFactory(DjangoModelFactory):
    page = factory.SubFactory(ChecklistPageFactory)
    level = URGENT
    heading = factory.LazyAttribute(lambda o: f"Outcome heading for {o.level}")
    what_to_do = factory.LazyAttribute(lambda o: f"What to do for {o.level}.")
    if_worse = factory.LazyAttribute(lambda o: f"If it gets worse ({o.level}), get help.")

    class Meta:
        model = Outcome


class PreparationQuestionFactory(DjangoModelFactory):
    page = factory.SubFactory(ChecklistPageFactory)
    prompt = factory.Sequence(lambda n: f"Preparation question {n}?")
    answer_type = "short_text"

    class Meta:
        model = PreparationQuestion


class QuestionToAskFactory(DjangoModelFactory):
    page = factory.SubFactory(ChecklistPageFactory)
    text = factory.Sequence(lambda n: f"Question to ask {n}?")

    class Meta:
        model = QuestionToAsk


# One preparation question of every answer type, with the field values a reader might send.
ANSWER_TYPES = {
    "yes_no": {},
    "short_text": {},
    "long_text": {},
    "date": {},
    "number": {},
    "choice": {"options": "Often\nSometimes\nNever"},
    "scale": {},
}


def build_checklist(parent, copies=1):
    """A published checklist with `copies` warning signs per urgency level, `copies` questions of
    every answer type (the last a sensitive one), `copies` questions to ask and an outcome per level."""
    page = ChecklistPageFactory(parent=parent)
    for n in range(copies):
        WarningSignFactory(page=page, text=f"is an emergency sign {n}", urgency=EMERGENCY, not_sure_counts=False)
        WarningSignFactory(page=page, text=f"is an urgent sign {n}", urgency=URGENT, not_sure_counts=True)
        WarningSignFactory(page=page, text=f"is a routine sign {n}", urgency=ROUTINE, not_sure_counts=False)
        for answer_type, extra in ANSWER_TYPES.items():
            PreparationQuestionFactory(
                page=page, prompt=f"The {answer_type} question {n}?", answer_type=answer_type, **extra
            )
        PreparationQuestionFactory(
            page=page,
            prompt=f"Do you take anything sensitive {n}?",
            answer_type="yes_no",
            sensitive=True,
            why_asked="Some substances cause cramps.",
        )
        QuestionToAskFactory(page=page, text=f"What causes my cramp {n}?")
    for level in (EMERGENCY, URGENT, ROUTINE, NONE):
        OutcomeFactory(page=page, level=level)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
