"""Turning a valid form into a stored comment, and staff replies from the admin."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from articles.comments.models import Comment, CommentSubscription
from healthsite.clientip import client_ip

from . import ratelimit, tasks
from .moderation import CommentPolicy
from .network import minimised_network
from .spam import Submission, spam_checker


class RateLimited(Exception):
    def __init__(self, retry_at):
        super().__init__(f"Too many comments: try again at {retry_at:%H:%M}")
        self.retry_at = retry_at


def submit_comment(form, request, policy: CommentPolicy):
    """Screen and store a reader's comment. Raises RateLimited when they have posted too often."""
    data = form.cleaned_data
    address = client_ip(request)
    network = minimised_network(address)
    submission = Submission(
        name=data["name"],
        email=data["email"],
        website=data["website"],
        body=data["body"],
        ip=address,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:500],
        referrer=request.META.get("HTTP_REFERER", "")[:500],
        permalink=form.article.get_full_url(request) or "",
    )
    with transaction.atomic():
        ratelimit.lock(network, data["email"].lower())
        retry_at = ratelimit.retry_after(network=network, email=data["email"])
        if retry_at is not None:
            raise RateLimited(retry_at)
        screening = policy.screen(
            name=data["name"],
            email=data["email"],
            website=data["website"],
            body=data["body"],
            spam_checker=spam_checker(),
            submission=submission,
        )
        comment = form.save(commit=False)
        comment.article = form.article
        if data["parent"] is not None:
            comment.place_under(data["parent"])
        comment.status = screening.status
        comment.hold_reasons = screening.reasons
        comment.urgent = screening.urgent
        comment.ip_address = network
        comment.save()
        if data["notify"]:
            subscription = CommentSubscription.objects.create(comment=comment, email=comment.email)
            transaction.on_commit(lambda: tasks.send_subscription_confirmation.enqueue(subscription.pk))
        # Who hears about it, and when, is for notifications to decide (each moderator's choice, the safety list).
        if comment.status == Comment.Status.PENDING:
            transaction.on_commit(lambda: tasks.notify_moderators.enqueue(comment.pk))
    return comment


@transaction.atomic
def post_staff_reply(parent, user, body, name=None, clinician=False):
    """A reply from the admin: published at once, with the Staff badge (and Clinician when signed as one)."""
    reply = Comment(
        article=parent.article,
        name=name or user.get_full_name() or user.get_username(),
        email=user.email or "staff@invalid",
        body=body,
        status=Comment.Status.APPROVED,
        staff_reply=True,
        clinician_reply=clinician,
        moderated_by=user,
        moderated_at=timezone.now(),
    )
    reply.place_under(parent)
    reply.save()
    log(instance=reply, action="articles.comment.staff_reply", user=user)
    transaction.on_commit(lambda: tasks.notify_subscribers.enqueue(reply.pk))
    return reply
