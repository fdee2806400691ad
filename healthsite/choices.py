"""Vocabularies shared by more than one feature, so the article's care cards and the checklists
cannot drift apart."""

from django.db import models


class Urgency(models.TextChoices):
    """How soon a reader should get medical help. Most urgent first."""

    EMERGENCY = "emergency", "Emergency: call the emergency number now"
    URGENT = "urgent", "Urgent: see a doctor today"
    ROUTINE = "routine", "Routine: make an appointment"

    @property
    def short_name(self):
        """The level in one word, for a reader's summary."""
        return self.name.capitalize()

    @property
    def card_label(self):
        """The text prefix a care card shows, so its urgency is never told by colour alone."""
        return CARD_LABELS[self]


CARD_LABELS = {
    Urgency.EMERGENCY: "Emergency: act now",
    Urgency.URGENT: "Urgent advice",
    Urgency.ROUTINE: "Non-urgent advice",
}
