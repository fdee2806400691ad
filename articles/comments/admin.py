"""The moderators' side: the comments queue, bulk actions, staff replies and commenter data."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django_filters import CharFilter, ChoiceFilter, DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from articles.comments.models import MODERATE_PERMISSION, Comment

from . import privacy
from .actions import STATUS_ACTIONS, delete_permanently, mark_edited, moderate
from .posting import post_staff_reply


def require_moderator(request):
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied


class CommentFilterSet(WagtailFilterSet):
    status = ChoiceFilter(choices=Comment.Status.choices, empty_label="Any status")
    # Typed, not a drop-down: a list of every article grows with the archive (10,000 made the page 800 KB).
    article = CharFilter(field_name="article__title", lookup_expr="icontains", label="Article title contains")
    created_at = DateFromToRangeFilter(label="Posted", widget=DateRangePickerWidget)

    class Meta:
        model = Comment
        fields = ["status", "article", "created_at"]


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


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    menu_order = 150
    add_to_admin_menu = True
    url_prefix = "comments"
    filterset_class = CommentFilterSet
    search_fields = ["name", "email", "body"]
    search_backend_name = None  # plain database lookups: comments are not in the page search index
    ordering = ["-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "article",
        "parent",
        "name",
        "email",
        "website",
        "body",
        "status",
        "hold_reasons",
        "ip_address",
        "staff_reply",
        "edited_by_moderator",
        "created_at",
        "moderated_by",
        "moderated_at",
    ]
    edit_view_class = CommentEditView
    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("body")]

    @cached_property
    def list_display(self):
        return [
            TitleColumn("name", label="Comment", url_name=self.get_url_name("edit")),
            Column("body", label="Text", accessor=lambda comment: comment.body[:140]),
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
    """Wagtail's snippet bulk delete (same confirmation page), writing each deletion to the audit log.

    Registered after Wagtail's own, so it replaces it for comments only.
    """

    models = [Comment]

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return delete_permanently(objects, user), 0


def listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Comment) and user.has_perm(MODERATE_PERMISSION):
        yield Button("Reply as staff", url=reverse("articles_comment_reply", args=[snippet.pk]), icon_name="reply")


class StaffReplyForm(forms.Form):
    body = forms.CharField(label="Your reply", widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)


def staff_reply_view(request, pk):
    """Reply from the admin: published at once with the Staff badge."""
    require_moderator(request)
    parent = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    form = StaffReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():  # never an approved parent without the reply, or the reverse
            if parent.status != Comment.Status.APPROVED:
                moderate([parent], "approve", request.user)
            post_staff_reply(parent, request.user, form.cleaned_data["body"])
        messages.success(request, f"Your reply to {parent.name} is published.")
        return redirect("wagtailsnippets_articles_comment:list")
    return TemplateResponse(request, "articles/comments/admin/staff_reply.html", {"parent": parent, "form": form})


class CommenterDataForm(forms.Form):
    email = forms.EmailField(label="Commenter's email address")
    action = forms.ChoiceField(
        choices=[("export", "Export everything stored (JSON)"), ("erase", "Erase")], widget=forms.RadioSelect
    )
    erase_mode = forms.ChoiceField(
        label="When erasing",
        required=False,
        choices=[
            ("anonymise", "Keep the comments, shown as “Anonymous”, with their text"),
            ("remove", "Remove the comments and their replies"),
        ],
        initial="anonymise",
        widget=forms.RadioSelect,
    )


def commenter_data_view(request):
    """Export or erase what is stored about one commenter's email address."""
    require_moderator(request)
    form = CommenterDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if form.cleaned_data["action"] == "export":
            response = HttpResponse(json.dumps(privacy.export(email), indent=2), content_type="application/json")
            response["Content-Disposition"] = 'attachment; filename="commenter-data.json"'
            return response
        result = privacy.erase(email, mode=form.cleaned_data["erase_mode"] or "anonymise", user=request.user)
        messages.success(
            request,
            f"Erased {email}: {result['comments']} comment(s) {result['mode']}, "
            f"{result['subscriptions']} reply subscription(s) deleted.",
        )
        return redirect("articles_commenter_data")
    return TemplateResponse(request, "articles/comments/admin/commenter_data.html", {"form": form})
