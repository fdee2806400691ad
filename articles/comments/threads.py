"""Comment threads as readers see them: a page of top-level comments with their replies, in a
fixed number of queries whatever the number of comments, flattened for a template without
recursion (one template include per comment made long threads slow to render)."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Q, Subquery

from articles.comments.models import Comment
from healthsite.requestargs import int_param

MAX_PAGE_NUMBER = 10**6


@dataclass
class ThreadNode:
    comment: Comment
    replies: list["ThreadNode"] = field(default_factory=list)
    # Set when a reply is shown one level up from where it belongs, because threads nest no deeper.
    in_reply_to: str = ""


@dataclass
class CommentItem:
    """One comment in display order, with where its reply lists open and close."""

    comment: Comment
    in_reply_to: str
    has_replies: bool
    closes: range  # how many reply lists end right after this comment


def visible_to(reader_comment_ids):
    """Approved comments, plus the reader's own comments still waiting for a moderator."""
    return Q(status=Comment.Status.APPROVED) | Q(pk__in=reader_comment_ids)


def thread_page(article, *, page_number, per_page, max_depth, reader_comment_ids=()):
    """One page of threads, usually in one query: the page's top-level comments with every reply
    in their threads, each row also carrying the counts the page shows. `approved_count` is the
    article's total for readers."""
    visible = visible_to(list(reader_comment_ids))
    on_article = Comment.objects.filter(article=article)
    roots = on_article.filter(visible).top_level().oldest_first()
    paginator = Paginator(roots, per_page)
    number = page_number_from(page_number)
    comments, approved, root_total = _page_of_threads(on_article, roots, visible, number, per_page)
    if not comments and number > 1:  # past the last page: show the last one, as Paginator.get_page does
        number = max(1, -(-root_total // per_page))
        comments, approved, root_total = _page_of_threads(on_article, roots, visible, number, per_page)
    paginator.count = root_total  # known already: spares the paginator its own COUNT
    page = paginator.page(number) if root_total else paginator.page(1)
    page_roots = [comment for comment in comments if comment.parent_id is None]
    replies = [comment for comment in comments if comment.parent_id is not None]
    page.object_list = page_roots
    page.threads = build_threads(page_roots, replies, max_depth)
    page.items = list(flatten(page.threads))
    page.approved_count = approved
    return page


def page_showing(comment, *, per_page, reader_comment_ids=()):
    """The number of the page of threads that shows `comment`: where its thread's first comment
    stands among the visible top-level comments, oldest first (in one query)."""
    root_id = comment.thread_id or comment.pk
    root_created = Subquery(Comment.objects.filter(pk=root_id).values("created_at"))
    earlier = (
        Comment.objects.filter(article_id=comment.article_id, parent__isnull=True)
        .filter(visible_to(list(reader_comment_ids)))
        .filter(Q(created_at__lt=root_created) | Q(created_at=root_created, pk__lt=root_id))
    )
    return earlier.count() // per_page + 1


def comment_location(comment, article_url, *, per_page, reader_comment_ids=()):
    """`article_url` at the page of threads showing `comment`, scrolled to it."""
    number = page_showing(comment, per_page=per_page, reader_comment_ids=reader_comment_ids)
    return f"{article_url}{f'?comments-page={number}' if number > 1 else ''}#{comment.anchor}"


def page_number_from(value):
    """A page number from the address; anything odd is page 1, anything huge the last page
    (PostgreSQL cannot take an offset past a 64-bit integer)."""
    return int_param(value, 1, min_value=1, max_value=MAX_PAGE_NUMBER)


def _page_of_threads(on_article, roots, visible, number, per_page):
    """The comments of one page of threads, with the article's approved and visible-root counts."""
    root_ids = roots.values("pk")[(number - 1) * per_page : number * per_page]
    approved = on_article.approved().order_by().values("article").annotate(n=Count("pk")).values("n")
    root_total = roots.order_by().values("article").annotate(n=Count("pk")).values("n")
    comments = list(
        on_article.filter(visible)
        .filter(Q(pk__in=root_ids) | Q(thread__in=root_ids))
        .annotate(approved_total=Subquery(approved), root_total=Subquery(root_total))
        .oldest_first()
    )
    if comments:
        return comments, comments[0].approved_total, comments[0].root_total
    if number == 1:
        # No visible thread at all, so nothing to count (an approved reply under a thread that is
        # not shown is not shown either): an article without comments costs no second query.
        return comments, 0, 0
    counts = on_article.aggregate(
        approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)),
        roots=Count("pk", filter=visible & Q(parent__isnull=True)),
    )
    return comments, counts["approved"], counts["roots"]


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


def flatten(nodes, lists_ending=0):
    """The nodes in reading order. `lists_ending` counts the reply lists that end after the last one."""
    for position, node in enumerate(nodes):
        last = position == len(nodes) - 1
        yield CommentItem(
            comment=node.comment,
            in_reply_to=node.in_reply_to,
            has_replies=bool(node.replies),
            closes=range(lists_ending if last and not node.replies else 0),
        )
        if node.replies:
            yield from flatten(node.replies, 1 + (lists_ending if last else 0))
