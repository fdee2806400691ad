"""How often one network or one email address may comment: counted from the comments themselves,
so every worker process sees the same numbers."""

import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from articles.comments.models import Comment


def lock(*keys):
    """Serialise posts from the same network or address until the transaction ends, so two at
    once cannot both slip under the limit."""
    with connection.cursor() as cursor:
        for key in sorted(set(keys)):
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"comments:{key}"])


def retry_after(*, network, email, now=None):
    """When the next comment is allowed, or None if it is allowed now."""
    limit, window = settings.COMMENT_RATE_LIMIT, datetime.timedelta(seconds=settings.COMMENT_RATE_WINDOW)
    now = now or timezone.now()
    latest = None
    for posted in (Comment.objects.filter(ip_address=network), Comment.objects.by_email(email)):
        times = list(
            posted.posted_since(now - window).order_by("-created_at").values_list("created_at", flat=True)[:limit]
        )
        if len(times) >= limit:
            allowed_at = times[-1] + window
            latest = max(latest or allowed_at, allowed_at)
    return latest
