"""What is stored about a commenter, how to hand it over or erase it, and what is purged on a schedule."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from articles.comments.models import Comment, CommentSubscription

from .cache import comments_changed

SPAM_AND_TRASH_KEPT = datetime.timedelta(days=30)
UNCONFIRMED_SUBSCRIPTIONS_KEPT = datetime.timedelta(days=7)
ANONYMOUS = "Anonymous"
ERASED_EMAIL = "erased@invalid"


def export(email):
    """Everything stored under an email address, as JSON-ready data."""
    comments = Comment.objects.by_email(email).select_related("article").order_by("created_at")
    return {
        "email": email,
        "comments": [
            {
                "id": comment.pk,
                "article": comment.article.title,
                "article_url": comment.article.url,
                "in_reply_to": comment.parent_id,
                "name": comment.name,
                "website": comment.website,
                "comment": comment.body,
                "status": comment.status,
                "posted_at": comment.created_at.isoformat(),
                "ip_network": comment.ip_address,
            }
            for comment in comments
        ],
        "reply_subscriptions": [
            {
                "comment": subscription.comment_id,
                "requested_at": subscription.created_at.isoformat(),
                "confirmed_at": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
            }
            for subscription in CommentSubscription.objects.filter(email__iexact=email).order_by("created_at")
        ],
    }


@transaction.atomic
def erase(email, *, mode="anonymise", user=None):
    """Erase an email address: its comments become “Anonymous” (text kept) or are removed."""
    comments = list(Comment.objects.by_email(email))
    ids = [comment.pk for comment in comments]
    # Before the comments: removing them would take their subscriptions along, uncounted.
    _, deleted = CommentSubscription.objects.filter(email__iexact=email).delete()
    if mode == "remove":
        Comment.objects.filter(pk__in=ids).delete()
        verb = "removed"
    else:
        Comment.objects.filter(pk__in=ids).update(name=ANONYMOUS, email=ERASED_EMAIL, website="", ip_address="")
        verb = "anonymised"
    # The audit log keeps what was done, not to whom: its entries are labelled “Comment by <name>”.
    anonymous_label = str(Comment(name=ANONYMOUS))
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id__in=[str(pk) for pk in ids]
    ).update(label=anonymous_label)
    for comment in comments:
        comment.name = ANONYMOUS
        log(instance=comment, action="articles.comment.erase", user=user, data={"mode": mode}, deleted=mode == "remove")
    comments_changed(comment.article_id for comment in comments)
    return {"comments": len(comments), "mode": verb, "subscriptions": deleted.get(CommentSubscription._meta.label, 0)}


@transaction.atomic
def purge(now=None):
    """Delete spam and trash older than 30 days and unconfirmed subscriptions older than 7 days.

    A comment with a reply that is kept stays too: deleting it would take the reply with it.
    """
    now = now or timezone.now()
    doomed = set(
        Comment.objects.filter(
            status__in=[Comment.Status.SPAM, Comment.Status.TRASH], created_at__lt=now - SPAM_AND_TRASH_KEPT
        ).values_list("pk", flat=True)
    )
    while True:
        answered = set(
            Comment.objects.filter(parent__in=doomed).exclude(pk__in=doomed).values_list("parent_id", flat=True)
        )
        if not answered:
            break
        doomed -= answered
    doomed_comments = Comment.objects.filter(pk__in=doomed)
    comments_changed(doomed_comments.values_list("article_id", flat=True))
    _, comments = doomed_comments.delete()
    subscriptions, _ = (
        CommentSubscription.objects.unconfirmed().filter(created_at__lt=now - UNCONFIRMED_SUBSCRIPTIONS_KEPT).delete()
    )
    return {"comments": comments.get(Comment._meta.label, 0), "subscriptions": subscriptions}
