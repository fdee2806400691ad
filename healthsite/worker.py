"""Keeping the background task worker honest: it says it is alive (a heartbeat in the shared
cache, read by /healthz), and tasks a dead worker left “running” are handed to a live one."""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

HEARTBEAT_KEY = "worker:heartbeat"


def beat():
    """Record that a worker's loop ran just now."""
    cache.set(HEARTBEAT_KEY, time.time(), timeout=None)


def seconds_since_beat():
    """How long ago a worker last said it was alive; None if none ever did."""
    last = cache.get(HEARTBEAT_KEY)
    return None if last is None else max(0.0, time.time() - last)


def recover_stale_tasks(now=None):
    """Tasks running for longer than any task takes belong to a worker that died (killed, or the
    database went away under it): make them ready again. Returns how many.

    A task whose work was done but whose success could not be recorded runs again: our tasks send
    email, and one email twice is better than none."""
    started_before = (now or timezone.now()) - datetime.timedelta(seconds=settings.TASK_STALE_AFTER)
    return (
        DBTaskResult.objects.running()
        .filter(started_at__lt=started_before)
        .update(status=TaskResultStatus.READY, started_at=None)
    )
