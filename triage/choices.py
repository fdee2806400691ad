"""The checklist's vocabularies. Urgency itself is shared with the article's care cards
(healthsite.choices.Urgency); an outcome is an urgency level or none."""

from django.db import models

from healthsite.choices import Urgency


class OutcomeLevel(models.TextChoices):
    """Where a reader's answers lead: the most urgent level any warning sign reached, or none."""

    EMERGENCY = Urgency.EMERGENCY.value, Urgency.EMERGENCY.label
    URGENT = Urgency.URGENT.value, Urgency.URGENT.label
    ROUTINE = Urgency.ROUTINE.value, Urgency.ROUTINE.label
    NONE = "none", "None of the warning signs"

    @property
    def short_name(self):
        """How the visit summary names the outcome, ahead of the outcome's own heading."""
        return "No warning signs" if self is OutcomeLevel.NONE else Urgency(self.value).short_name

    @property
    def care_card_urgency(self):
        """The care card that shows this outcome: with no warning sign, the least urgent one."""
        return Urgency.ROUTINE if self is OutcomeLevel.NONE else Urgency(self.value)


class SignAnswer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not-sure", "Not sure"


class AnswerType(models.TextChoices):
    YES_NO = "yes_no", "Yes or no"
    SHORT_TEXT = "short_text", "Short text"
    LONG_TEXT = "long_text", "Long text"
    DATE = "date", "Date (today or earlier)"
    NUMBER = "number", "Number (0 to 99,999)"
    CHOICE = "choice", "Choice from options"
    SCALE = "scale", "Scale from 0 to 10"
