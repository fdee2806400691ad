"""The comments part of an article page: the threads, the count, and the form or “closed” notice."""

from dataclasses import dataclass

from django.template.loader import render_to_string

from articles.comments.models import Comment, CommentSettings
from healthsite.pagecache import comments_tag, depends_on, page_tag
from healthsite.requestargs import int_param

from .forms import CommentForm
from .moderation import CommentPolicy
from .threads import page_number_from, thread_page

# The ids of comments this browser posted in this visit, so the poster alone sees them while pending.
SESSION_KEY = "articles.my_comments"
REMEMBERED_COMMENTS = 20


def remember_for_reader(request, comment):
    ids = [pk for pk in request.session.get(SESSION_KEY, []) if pk != comment.pk]
    request.session[SESSION_KEY] = [*ids, comment.pk][-REMEMBERED_COMMENTS:]


def reader_comment_ids(request):
    session = getattr(request, "session", None)
    return session.get(SESSION_KEY, []) if session is not None else []


@dataclass
class CommentSection:
    """Everything an article page shows of its comments."""

    open: bool
    thread: object  # {"html", "count", "structured_data"}: a kept part, or this reader's own
    respond: object  # {"html"}: the form or “closed”, a kept part unless the form holds what a reader sent

    @property
    def count(self):
        return self.thread["count"]

    def structured_data(self):
        return self.thread["structured_data"]


def comment_section(article, request, form, parts):
    """The comments part of `article` for this reader: a page of threads, and the form or “closed”.

    The thread is one of `parts` (healthsite.pagecache.PageParts), shared by every reader, unless
    this reader has comments of their own waiting for a moderator, which only they may see."""
    settings = CommentSettings.load(request_or_site=request)
    policy = CommentPolicy(settings)
    is_open = policy.is_open(article)
    page_number = page_number_from(request.GET.get("comments-page"))
    own_comments = reader_comment_ids(request)

    def thread():
        return thread_part(article, page_number, settings, is_open, own_comments)

    if own_comments:
        rendered = thread()
    else:
        # The settings are in the key: their changes empty the whole cache anyway, but a key
        # that names everything the thread depends on cannot go wrong if that ever changes.
        key = f"comment-thread:{article.pk}:{page_number}:{is_open}:{settings.threads_per_page}:{settings.thread_depth}"
        rendered = parts.keep(key, thread)
    if form is not None:
        # What this reader sent, and its errors: theirs alone.
        respond = respond_part(article, is_open, form)
    else:
        # Every reader gets the same empty form (its token is fetched per reader by comments.js).
        reply_to = _reply_target(article, request)
        respond = parts.keep(
            f"comment-form:{article.pk}:{reply_to}:{is_open}",
            lambda: respond_part(article, is_open, CommentForm(article=article, initial={"parent": reply_to})),
        )
    return CommentSection(open=is_open, thread=rendered, respond=respond)


def respond_part(article, is_open, form):
    """The “Leave a Reply” section: the form, with whom it replies to, or “Comments are closed”."""
    replying_to = _replying_to(article, form["parent"].value()) if is_open else None
    if replying_to is not None:
        depends_on(comments_tag(article.pk))  # the name replied to, and whether it is still shown
    depends_on(page_tag(article.pk))  # its address, in "Cancel reply"
    context = {"page": article, "open": is_open, "form": form, "replying_to": replying_to}
    return {"html": render_to_string("articles/comments/respond.html", context)}


def thread_part(article, page_number, settings, is_open, reader_comment_ids):
    """A page of threads, rendered, with the article's approved count and the schema.org Comment
    items for the approved comments shown (no email addresses)."""
    depends_on(comments_tag(article.pk))
    threads = thread_page(
        article,
        page_number=str(page_number),
        per_page=settings.threads_per_page,
        max_depth=settings.thread_depth,
        reader_comment_ids=reader_comment_ids,
    )
    comments = {"open": is_open, "count": threads.approved_count, "threads": threads}
    return {
        "html": render_to_string("articles/comments/thread.html", {"comments": comments}),
        "count": threads.approved_count,
        "structured_data": [
            {
                "@type": "Comment",
                "author": {"@type": "Person", "name": item.comment.name},
                "dateCreated": item.comment.created_at.isoformat(),
                "text": item.comment.body,
            }
            for item in threads.items
            if item.comment.status == Comment.Status.APPROVED
        ],
    }


def _reply_target(article, request):
    return int_param(request.GET.get("replyto"), min_value=1)


def _replying_to(article, parent_id):
    parent_id = int_param(str(parent_id or ""), min_value=1)
    if parent_id is None:
        return None
    return Comment.objects.approved().filter(article=article, pk=parent_id).first()
