"""Comment threads as readers see them: a page of top-level comments with their replies, in a
fixed number of queries whatever the number of comments."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q

from articles.models import Comment


@dataclass
class ThreadNode:
    comment: Comment
    replies: list["ThreadNode"] = field(default_factory=list)
    # Set when a reply is shown one level up from where it belongs, because threads nest no deeper.
    in_reply_to: str = ""


def visible_to(reader_comment_ids):
    """Approved comments, plus the reader's own comments still waiting for a moderator."""
    return Q(status=Comment.Status.APPROVED) | Q(pk__in=reader_comment_ids)


def thread_page(article, *, page_number, per_page, max_depth, reader_comment_ids=()):
    """One page of threads: a count, the page's top-level comments and all their replies (3 queries)."""
    visible = visible_to(list(reader_comment_ids))
    roots = Comment.objects.filter(visible, article=article).top_level().oldest_first()
    page = Paginator(roots, per_page).get_page(page_number)
    replies = Comment.objects.filter(visible, thread__in=[c.pk for c in page]).oldest_first()
    page.threads = build_threads(list(page), list(replies), max_depth)
    return page


def build_threads(roots, replies, max_depth):
    """Nest replies under their parents, down to `max_depth` levels; deeper replies join the last level."""
    nodes = {comment.pk: ThreadNode(comment) for comment in [*roots, *replies]}
    for reply in replies:
        parent = nodes.get(reply.parent_id)
        if parent is None:  # the parent is not visible to this reader
            continue
        node = nodes[reply.pk]
        while parent is not None and parent.comment.depth >= max_depth - 1:
            node.in_reply_to = node.in_reply_to or parent.comment.name
            parent = nodes.get(parent.comment.parent_id)
        if parent is not None:
            parent.replies.append(node)
    return [nodes[root.pk] for root in roots]
