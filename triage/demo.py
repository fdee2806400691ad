"""The demo checklist for the muscle-spasm article, loaded by `manage.py load_demo_content`.

The urgency of each warning sign is an editor's choice, made here as a GP reviewer might: a spasm
with chest pain or trouble breathing is an emergency; signs of a possibly serious cause (severe
discomfort, skin changes, weakness, and darker urine after exercise, asked among the preparation
questions) are urgent, and for them “Not sure” counts as yes; signs of a nagging but not dangerous
problem are routine. An editor can change any of it in the admin.
"""

import datetime

from django.utils import timezone

from healthsite.choices import Urgency
from triage.choices import AnswerType, OutcomeLevel
from triage.models import ChecklistIndexPage, ChecklistPage, Outcome, PreparationQuestion, QuestionToAsk, WarningSign

INDEX = {
    "title": "Checklists",
    "slug": "checklists",
    "intro": "Prepare for a doctor’s visit and find out how soon to go.",
}
CHECKLIST = {
    "title": "Muscle spasm: doctor-visit checklist",
    "slug": "muscle-spasm",
    "subject": "Your muscle spasm",
    "intro": (
        "Answer a few questions about your muscle spasm to find out how soon you should see a doctor, and "
        "leave with a summary to take to your appointment."
    ),
}
HOME_TREATMENT_ANCHOR = "home-treatment"

# (text, urgency, "Not sure" counts as yes)
WARNING_SIGNS = [
    ("comes with chest pain or trouble breathing", Urgency.EMERGENCY, True),
    ("causes severe discomfort", Urgency.URGENT, True),
    ("comes with swelling, redness or other changes to the skin", Urgency.URGENT, True),
    ("comes with muscle weakness", Urgency.URGENT, True),
    ("happens often", Urgency.ROUTINE, False),
    ("does not get better with home treatment", Urgency.ROUTINE, False),
    ("is not caused by something obvious, such as hard exercise", Urgency.ROUTINE, False),
]

DRUGS_WHY = (
    "Some recreational drugs and performance-enhancing substances can cause muscle spasms or damage muscles. "
    "Your doctor asks to find the cause, not to judge you."
)
# (prompt, answer type, extra fields)
QUESTIONS = [
    ("When did you first have a muscle spasm?", AnswerType.DATE, {"hint": "An approximate date is fine."}),
    (
        "How bad are your muscle spasms, and how often do you have them?",
        AnswerType.LONG_TEXT,
        {"hint": "For example: “very painful, about three times a week, mostly at night”."},
    ),
    (
        "Do they come on after certain activities, such as light or hard exercise?",
        AnswerType.CHOICE,
        {"options": "After light exercise\nAfter hard exercise\nAt other times\nI have not noticed a pattern"},
    ),
    ("Have you had a muscle spasm while resting?", AnswerType.YES_NO, {}),
    (
        "Does stretching help to relieve your muscle spasms?",
        AnswerType.CHOICE,
        {"options": "Yes\nA little\nNo\nI have not tried stretching"},
    ),
    (
        "Do you have other symptoms, such as muscle weakness, pain or numbness in your legs, arms or hands?",
        AnswerType.LONG_TEXT,
        {},
    ),
    ("Has a close blood relative had muscle spasms?", AnswerType.CHOICE, {"options": "Yes\nNo\nI do not know"}),
    (
        "Have you noticed any change in your urine after exercise?",
        AnswerType.YES_NO,
        {
            "hint": "For example, darker urine.",
            # Dark urine after exercise can mean muscle breakdown (rhabdomyolysis), which harms the kidneys.
            "warning_urgency": Urgency.URGENT,
            "warning_text": "You said your urine changed after exercise, for example that it was darker.",
        },
    ),
    (
        "Do you use recreational drugs or performance-enhancing substances?",
        AnswerType.YES_NO,
        {"sensitive": True, "why_asked": DRUGS_WHY},
    ),
]

QUESTIONS_TO_ASK = [
    "What is likely to be causing my muscle spasms?",
    "Do I need any tests?",
    "Could any of my medicines be causing them?",
    "Which stretches or exercises should I do, and how often?",
    "When should I come back, or get help urgently?",
]

OUTCOMES = {
    OutcomeLevel.EMERGENCY: {
        "heading": "Call your local emergency number now",
        "what_to_do": "Call your local emergency number now, or go straight to the nearest emergency department.",
        "if_worse": "Do not wait for it to get worse. If you are alone, ask someone to stay with you.",
    },
    OutcomeLevel.URGENT: {
        "heading": "See a doctor today",
        "what_to_do": (
            "Contact your doctor today and ask for an urgent appointment. If your surgery is closed, use your "
            "local out-of-hours service."
        ),
        "if_worse": (
            "If you cannot move the muscle, the pain becomes unbearable, or the skin becomes hot, very red or "
            "swollen, call your local emergency number."
        ),
    },
    OutcomeLevel.ROUTINE: {
        "heading": "Make an appointment with your doctor",
        "what_to_do": (
            "Book a routine appointment with your doctor in the next few weeks. Until then, the home treatment "
            "steps can ease the spasms."
        ),
        "if_worse": "If a spasm causes severe discomfort, muscle weakness or changes to the skin, see a doctor today.",
    },
    OutcomeLevel.NONE: {
        "heading": "You can probably look after this yourself",
        "what_to_do": "Most muscle spasms go away on their own within a few minutes. Stretching and rest help.",
        "if_worse": (
            "If spasms start to happen often, do not get better with home treatment, or you notice any of the "
            "warning signs, see a doctor."
        ),
    },
}


def ensure_demo_checklist(home, reviewer):
    """The Checklists section and the muscle-spasm checklist, created and published once."""
    index = ChecklistIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = home.add_child(instance=ChecklistIndexPage(**INDEX))
        index.save_revision().publish()
    checklist = ChecklistPage.objects.child_of(index).filter(slug=CHECKLIST["slug"]).first()
    if checklist is not None:
        return checklist
    today = timezone.localdate()
    checklist = ChecklistPage(
        **CHECKLIST,
        reviewer=reviewer,
        last_reviewed=today - datetime.timedelta(days=30),
        next_review_due=today + datetime.timedelta(days=335),
    )
    checklist.warning_signs = [
        WarningSign(text=text, urgency=urgency, not_sure_counts=not_sure_counts)
        for text, urgency, not_sure_counts in WARNING_SIGNS
    ]
    checklist.preparation_questions = [
        PreparationQuestion(prompt=prompt, answer_type=answer_type, **extra) for prompt, answer_type, extra in QUESTIONS
    ]
    checklist.questions_to_ask = [QuestionToAsk(text=text) for text in QUESTIONS_TO_ASK]
    checklist.outcomes = [Outcome(level=level, **fields) for level, fields in OUTCOMES.items()]
    index.add_child(instance=checklist)
    checklist.save_revision().publish()
    return checklist


def link_outcomes_to_article(checklist, article):
    """Point every outcome at the article's home-treatment section, once the article exists."""
    if Outcome.objects.filter(page=checklist, help_page__isnull=False).exists():
        return
    Outcome.objects.filter(page=checklist).update(
        help_page=article, help_anchor=HOME_TREATMENT_ANCHOR, help_link_text="How to ease a muscle spasm at home"
    )
    checklist = ChecklistPage.objects.get(pk=checklist.pk)
    checklist.article = article
    checklist.save_revision().publish()
