"""What moderators do to comments. Every action is written to Wagtail's audit log."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from articles.comments.models import Comment

from . import tasks
from .cache import comments_changed

# Action name -> (status it sets, past tense for messages and the audit log).
STATUS_ACTIONS = {
    "approve": (Comment.Status.APPROVED, "approved"),
    "spam": (Comment.Status.SPAM, "marked as spam"),
    "trash": (Comment.Status.TRASH, "moved to trash"),
    "restore": (Comment.Status.PENDING, "restored to pending"),
    "unapprove": (Comment.Status.PENDING, "unapproved"),
}
# The action that puts a comment back in a status: what Undo sends.
UNDO_ACTIONS = {
    Comment.Status.PENDING: "restore",
    Comment.Status.APPROVED: "approve",
    Comment.Status.SPAM: "spam",
    Comment.Status.TRASH: "trash",
}

# The one-click actions a comment offers in each status, in WordPress's order (Reply and Quick
# edit, being links, sit between them in the template).
ROW_ACTIONS = {
    Comment.Status.PENDING: [("approve", "Approve"), ("spam", "Spam"), ("trash", "Trash")],
    Comment.Status.APPROVED: [("unapprove", "Unapprove"), ("spam", "Spam"), ("trash", "Trash")],
    Comment.Status.SPAM: [("restore", "Not spam"), ("delete", "Delete permanently")],
    Comment.Status.TRASH: [("restore", "Restore"), ("delete", "Delete permanently")],
}


def row_actions(comment):
    return ROW_ACTIONS[comment.status]


@transaction.atomic
def moderate(comments, action, user):
    """Apply a status action to the comments; returns how many changed."""
    status, _ = STATUS_ACTIONS[action]
    now = timezone.now()
    changed = []
    for comment in comments:
        if comment.status == status:
            continue
        newly_approved = status == Comment.Status.APPROVED
        comment.status, comment.moderated_by, comment.moderated_at = status, user, now
        comment.save(update_fields=["status", "moderated_by", "moderated_at", "updated_at"])
        log(instance=comment, action=f"articles.comment.{action}", user=user)
        if newly_approved and comment.parent_id:
            transaction.on_commit(lambda pk=comment.pk: tasks.notify_subscribers.enqueue(pk))
        changed.append(comment)
    comments_changed(comment.article_id for comment in changed)
    return len(changed)


@transaction.atomic
def delete_permanently(comments, user):
    """Delete the comments (and their replies), logging each one first while it still exists."""
    deleted = []
    for comment in comments:
        log(instance=comment, action="wagtail.delete", user=user, deleted=True)
        comment.delete()
        deleted.append(comment)
    comments_changed(comment.article_id for comment in deleted)
    return len(deleted)


def mark_edited(comment, user):
    """A moderator changed the text: readers see it was edited."""
    comment.edited_by_moderator = True
    comment.moderated_by, comment.moderated_at = user, timezone.now()
