"""The emails: confirming a reply subscription, telling moderators, telling subscribers about replies.
No email ever carries another commenter's address."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from articles.comments.models import MODERATE_PERMISSION, Comment, CommentSettings, CommentSubscription, StaffProfile
from healthsite.sites import current_site, site_name

from .threads import comment_location

SIGNING_NAMESPACE = "articles.comments.subscription"  # a salt, public by design
CONFIRMATION_MAX_AGE = datetime.timedelta(days=7)
# Every reply email carries a fresh link, so an old one can expire without stranding anyone.
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=90)


def subscription_token(subscription, purpose):
    return signing.dumps({"id": subscription.pk, "for": purpose}, salt=SIGNING_NAMESPACE)


def token_subscription_id(token, purpose, max_age=None):
    """The subscription id a signed link carries, or None when it is forged, expired or for something else."""
    try:
        data = signing.loads(token, salt=SIGNING_NAMESPACE, max_age=max_age)
    except signing.BadSignature:
        return None
    return data.get("id") if data.get("for") == purpose else None


def subscription_from_token(token, purpose, max_age=None):
    subscription_id = token_subscription_id(token, purpose, max_age)
    if subscription_id is None:
        return None
    return CommentSubscription.objects.select_related("comment__article").filter(pk=subscription_id).first()


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_url(page):
    """A page's address for an email: Wagtail gives a path on a one-site install, a full URL with several."""
    url = page.url or ""
    return site_url(url) if url.startswith("/") else url


def unsubscribe_url(subscription):
    return site_url(reverse("comment_unsubscribe", args=[subscription_token(subscription, "unsubscribe")]))


def send_subscription_confirmation(subscription_id):
    subscription = (
        CommentSubscription.objects.unconfirmed().select_related("comment__article").filter(pk=subscription_id).first()
    )
    if subscription is None:
        return
    context = {
        "article": subscription.comment.article,
        "confirm_url": site_url(
            reverse("comment_subscription_confirm", args=[subscription_token(subscription, "confirm")])
        ),
        "days": CONFIRMATION_MAX_AGE.days,
        "site_name": site_name(current_site()),
    }
    EmailMessage(
        subject="Confirm: email me about replies to my comment",
        body=render_to_string("articles/comments/email/confirm_subscription.txt", context),
        to=[subscription.email],
    ).send()


def moderators():
    """Active users who may moderate and have an email address, each with their staff profile."""
    app_label, codename = MODERATE_PERMISSION.split(".")
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .distinct()
        .order_by("pk")
    )
    existing = set(StaffProfile.objects.filter(user__in=users).values_list("user_id", flat=True))
    StaffProfile.objects.bulk_create(StaffProfile(user=user) for user in users if user.pk not in existing)
    return list(users.select_related("staff_profile"))


def email_window():
    return datetime.timedelta(minutes=settings.COMMENT_EMAIL_WINDOW_MINUTES)


def claim_email(user, field, now):
    """Record that `user` is emailed now, unless they were emailed within the window: True if this
    caller may send. One UPDATE decides, so concurrent workers cannot both send."""
    recent = Q(**{f"{field}__gte": now - email_window()})
    return StaffProfile.objects.filter(user=user).exclude(recent).update(**{field: now}) == 1


def queue_url(tab="pending"):
    return site_url(reverse("wagtailsnippets_articles_comment:list") + f"?status={tab}")


def notify_moderators(comment_id):
    """Tell moderators about a held comment: those who chose each comment, at most once a window;
    every moderator, at once, when the safety list held it."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id, status=Comment.Status.PENDING).first()
    if comment is None:
        return
    site_choice = CommentSettings.load().notify_moderators
    if not comment.urgent and site_choice == CommentSettings.Notify.OFF:
        return
    now = timezone.now()
    field = "last_urgent_email_at" if comment.urgent else "last_emailed_at"
    recipients = [
        user
        for user in moderators()
        if (comment.urgent or user.staff_profile.comment_emails == StaffProfile.Emails.EACH)
        and claim_email(user, field, now)
    ]
    if not recipients:
        return
    context = {
        "comment": comment,
        "waiting": Comment.objects.pending().count(),
        "queue_url": queue_url("urgent" if comment.urgent else "pending"),
    }
    body = render_to_string("articles/comments/email/moderator_notification.txt", context)
    if comment.urgent:
        subject = f"Urgent: a comment on “{comment.article.title}” may come from someone in danger"
    else:
        subject = f"Comment waiting for moderation on “{comment.article.title}”"
    # One message a moderator, so no one sees the others' addresses.
    get_connection().send_messages([EmailMessage(subject=subject, body=body, to=[user.email]) for user in recipients])


DIGEST_LISTED = 20


def send_moderator_digests():
    """The hourly email: comments held since each moderator was last emailed, to those who chose the
    digest, and to those who chose each comment but were not told about some within the window."""
    if CommentSettings.load().notify_moderators == CommentSettings.Notify.OFF:
        return 0
    now = timezone.now()
    messages = []
    for user in moderators():
        profile = user.staff_profile
        if profile.comment_emails == StaffProfile.Emails.NONE:
            continue
        held = Comment.objects.pending().select_related("article").oldest_first()
        if profile.last_emailed_at:
            held = held.filter(created_at__gt=profile.last_emailed_at)
        count = held.count()
        if not count or not claim_email(user, "last_emailed_at", now):
            continue
        context = {"comments": held[:DIGEST_LISTED], "count": count, "queue_url": queue_url()}
        messages.append(
            EmailMessage(
                subject=f"{count} comment{'s' if count != 1 else ''} waiting for moderation",
                body=render_to_string("articles/comments/email/moderator_digest.txt", context),
                to=[user.email],
            )
        )
    get_connection().send_messages(messages)
    return len(messages)


def notify_subscribers(reply_id):
    reply = (
        Comment.objects.select_related("article", "parent").filter(pk=reply_id, status=Comment.Status.APPROVED).first()
    )
    if reply is None or reply.parent is None:
        return
    subscriptions = reply.parent.subscriptions.confirmed().exclude(email__iexact=reply.email)
    article_url = page_url(reply.article)
    per_page = CommentSettings.load().threads_per_page
    reply_url = comment_location(reply, article_url, per_page=per_page) if article_url else ""
    messages = []
    name = site_name(current_site())
    for subscription in subscriptions:
        unsubscribe = unsubscribe_url(subscription)
        context = {"reply": reply, "reply_url": reply_url, "unsubscribe_url": unsubscribe, "site_name": name}
        messages.append(
            EmailMessage(
                subject=f"New reply to your comment on “{reply.article.title}”",
                body=render_to_string("articles/comments/email/reply_notification.txt", context),
                to=[subscription.email],
                headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
            )
        )
    get_connection().send_messages(messages)


def confirm(subscription):
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
