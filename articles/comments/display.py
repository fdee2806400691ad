"""The comments part of an article page: the threads, the count, and the form or “closed” notice."""

from dataclasses import dataclass

from articles.comments.models import Comment, CommentSettings
from healthsite.requestargs import int_param

from .forms import CommentForm
from .moderation import CommentPolicy
from .threads import thread_page

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
    form: CommentForm | None
    threads: object
    replying_to: Comment | None

    @property
    def count(self):
        return self.threads.approved_count

    def structured_data(self):
        """schema.org Comment items for the approved comments shown. No email addresses."""
        return [
            {
                "@type": "Comment",
                "author": {"@type": "Person", "name": item.comment.name},
                "dateCreated": item.comment.created_at.isoformat(),
                "text": item.comment.body,
            }
            for item in self.threads.items
            if item.comment.status == Comment.Status.APPROVED
        ]


def comment_section(article, request, form=None):
    """The comments part of `article` for this reader: a page of threads, and the form or “closed”."""
    settings = CommentSettings.load(request_or_site=request)
    policy = CommentPolicy(settings)
    is_open = policy.is_open(article)
    if form is None and is_open:
        form = CommentForm(article=article, initial={"parent": _reply_target(article, request)})
    threads = thread_page(
        article,
        page_number=request.GET.get("comments-page"),
        per_page=settings.threads_per_page,
        max_depth=settings.thread_depth,
        reader_comment_ids=reader_comment_ids(request),
    )
    parent_id = form["parent"].value() if form is not None else None
    return CommentSection(open=is_open, form=form, threads=threads, replying_to=_replying_to(article, parent_id))


def _reply_target(article, request):
    return int_param(request.GET.get("replyto"), min_value=1)


def _replying_to(article, parent_id):
    parent_id = int_param(str(parent_id or ""), min_value=1)
    if parent_id is None:
        return None
    return Comment.objects.approved().filter(article=article, pk=parent_id).first()
