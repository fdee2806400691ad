"""The moderators' queue: status tabs, rows with their actions, bulk actions, and the locked chooser."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.functional import cached_property
from django_filters import CharFilter, DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from articles.comments.models import MODERATE_PERMISSION, Comment

from .actions import STATUS_ACTIONS, delete_permanently, mark_edited, moderate, row_actions


def require_moderator(request):
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    counted: bool = False  # the count shows on tabs whose comments wait for someone


# Pending first and the default, as in WordPress; Urgent (the safety list) before everything.
TABS = [
    Tab("urgent", "Urgent", counted=True),
    Tab("pending", "Pending", counted=True),
    Tab("approved", "Approved"),
    Tab("questions", "Questions waiting"),
    Tab("spam", "Spam", counted=True),
    Tab("trash", "Trash"),
    Tab("all", "All"),
]
TAB_KEYS = {tab.key for tab in TABS}
DEFAULT_TAB = "pending"


def tab_queryset(queryset, key):
    """The comments a tab lists, in the order a moderator should see them."""
    if key == "all":
        return queryset
    if key == "urgent":
        return queryset.urgent()
    if key == "questions":
        return queryset.unanswered_questions()
    return queryset.filter(status=key)


def status_counts():
    """How many comments each status holds, and how many are urgent, in one query."""
    rows = Comment.objects.order_by().values("status", "urgent").annotate(n=Count("pk"))
    counts = dict.fromkeys(["urgent", *Comment.Status.values], 0)
    for row in rows:
        counts[row["status"]] += row["n"]
        if row["urgent"] and row["status"] == Comment.Status.PENDING:
            counts["urgent"] += row["n"]
    return counts


def queue_path(request):
    """The queue as the moderator sees it (tab, filters, page), even when the results were fetched alone."""
    results = reverse("wagtailsnippets_articles_comment:list_results")
    return request.get_full_path().replace(results, reverse("wagtailsnippets_articles_comment:list"), 1)


class CommentFilterSet(WagtailFilterSet):
    # Typed, not a drop-down: a list of every article grows with the archive (10,000 made the page 800 KB).
    article = CharFilter(field_name="article__title", lookup_expr="icontains", label="Article title contains")
    created_at = DateFromToRangeFilter(label="Posted", widget=DateRangePickerWidget)

    class Meta:
        model = Comment
        fields = ["article", "created_at"]


class CommentQueueView(IndexView):
    """The queue, one status tab at a time; the tab is kept in every link and form on the page."""

    @cached_property
    def tab(self):
        key = self.request.GET.get("status", DEFAULT_TAB)
        return key if key in TAB_KEYS else DEFAULT_TAB

    def get_base_queryset(self):
        return tab_queryset(super().get_base_queryset(), self.tab)

    def order_queryset(self, queryset):
        if self.tab == "questions" and "ordering" not in self.request.GET:
            return queryset  # oldest first, as unanswered_questions() orders them
        queryset = super().order_queryset(queryset)
        if self.tab in {"pending", "all"}:
            # Comments held by the safety list top the queue, whatever the chosen order.
            queryset = queryset.order_by("-urgent", *queryset.query.order_by)
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = status_counts()
        kept = [(key, value) for key, value in self.request.GET.items() if key not in {"status", "p"}]
        context["tabs"] = [
            {
                "tab": tab,
                "count": counts.get(tab.key) if tab.counted else None,
                "url": f"{self.index_url}?{urlencode([*kept, ('status', tab.key)])}",
                "current": tab.key == self.tab,
            }
            for tab in TABS
        ]
        return context


class CommentEditView(EditView):
    def save_instance(self):
        # Readers are told when a moderator has changed what someone wrote (not when nothing changed).
        if self.form.has_changed():
            mark_edited(self.form.instance, self.request.user)
        return super().save_instance()


def reply_context(comment):
    return f"Reply to {comment.parent.name}" if comment.parent_id else "New thread"


def hold_reasons(comment):
    return "; ".join(comment.hold_reasons) or "—"


class CommentColumn(TitleColumn):
    """The commenter (linked to the comment screen), an excerpt, and the row's actions."""

    cell_template_name = "articles/comments/admin/comment_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["comment"] = instance
        context["actions"] = row_actions(instance)
        request = parent_context["request"]
        context["here"] = queue_path(request)
        context["csrf_token"] = get_token(request)  # each row action is a form; cells get a bare context
        return context


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    menu_order = 150
    add_to_admin_menu = True
    url_prefix = "comments"
    index_view_class = CommentQueueView
    index_template_name = "articles/comments/admin/queue.html"
    index_results_template_name = "articles/comments/admin/queue_results.html"
    filterset_class = CommentFilterSet
    search_fields = ["name", "email", "body"]
    search_backend_name = None  # plain database lookups: comments are not in the page search index
    ordering = ["-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False  # the comment screen (admin_views.comment_screen) shows everything
    edit_view_class = CommentEditView
    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("body")]

    @cached_property
    def chooser_viewset_class(self):
        return ModeratorsOnlyChooserViewSet

    @cached_property
    def list_display(self):
        return [
            CommentColumn(
                "name",
                label="Comment",
                get_url=lambda comment: reverse("articles_comment_screen", args=[comment.pk]),
                get_title_id=lambda comment: f"comment_{comment.pk}_title",
            ),
            Column("article", label="Article", accessor=lambda comment: comment.article.title),
            Column("reply_context", label="Context", accessor=reply_context),
            Column("hold_reasons", label="Held because", accessor=hold_reasons),
            Column("status", label="Status", accessor="get_status_display", sort_key="status"),
            DateColumn("created_at", label="Posted", sort_key="created_at"),
        ]

    def get_queryset(self, request):
        return Comment.objects.select_related("article", "parent")

    @cached_property
    def menu_item_class(self):
        class PendingCountMenuItem(super().menu_item_class):
            def render_component(self, request):
                component = super().render_component(request)
                pending = Comment.objects.pending().count()
                if pending:
                    # Short enough for the sidebar; "new" meaning waiting for a moderator.
                    component.label = f"{self.label} ({pending} new)"
                return component

        return PendingCountMenuItem


class ModeratorsOnly:
    """Commenters' names and addresses are for moderators: Wagtail's snippet chooser, which any
    admin user may open, is refused to everyone else."""

    def dispatch(self, request, *args, **kwargs):
        require_moderator(request)
        return super().dispatch(request, *args, **kwargs)


class ModeratorsOnlyChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (ModeratorsOnly, chooser.ChooseView), {})
    choose_results_view_class = type("ChooseResultsView", (ModeratorsOnly, chooser.ChooseResultsView), {})
    chosen_view_class = type("ChosenView", (ModeratorsOnly, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type("ChosenMultipleView", (ModeratorsOnly, chooser.SnippetChosenMultipleView), {})
    create_view_class = type("CreateView", (ModeratorsOnly, chooser.SnippetCreateView), {})


class CommentStatusBulkAction(SnippetBulkAction):
    """Approve, mark as spam, trash or restore the selected comments, after a confirmation page."""

    models = [Comment]
    template_name = "articles/comments/admin/confirm_bulk_status.html"
    moderation_action = ""

    def check_perm(self, obj):
        return self.request.user.has_perm(MODERATE_PERMISSION)

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderate(objects, cls.moderation_action, user), 0

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        _, past = STATUS_ACTIONS[self.moderation_action]
        return f"{num_parent_objects} comment{'s' if num_parent_objects != 1 else ''} {past}."


def bulk_action(action, label, priority):
    return type(
        f"{action.title()}CommentsBulkAction",
        (CommentStatusBulkAction,),
        {
            "display_name": label,
            "action_type": f"comment_{action}",
            "aria_label": f"{label}: selected comments",
            "moderation_action": action,
            "action_priority": priority,
        },
    )


BULK_ACTIONS = [
    bulk_action("approve", "Approve", 10),
    bulk_action("spam", "Mark as spam", 20),
    bulk_action("trash", "Move to trash", 25),
    bulk_action("restore", "Restore to pending", 28),
]


class DeleteCommentsBulkAction(DeleteBulkAction):
    """Wagtail's snippet bulk delete, writing each deletion to the audit log, with a confirmation
    page that names comments only to moderators.

    Registered after Wagtail's own, so it replaces it for comments only.
    """

    models = [Comment]
    template_name = CommentStatusBulkAction.template_name

    def check_perm(self, obj):
        return self.request.user.has_perm(MODERATE_PERMISSION)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_label": "Delete permanently",
            "action_button_class": "serious",
        }

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return delete_permanently(objects, user), 0
