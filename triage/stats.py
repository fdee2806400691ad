"""The only trace a reader leaves: one more in today's count for the outcome they reached."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from triage.models import DailyOutcomeCount


def record_outcome(page, level):
    """Add one to today's count of `level` for the checklist; safe when two readers finish at once."""
    rows = DailyOutcomeCount.objects.filter(checklist=page, day=timezone.localdate(), outcome=level)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DailyOutcomeCount.objects.create(checklist=page, day=timezone.localdate(), outcome=level, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)
