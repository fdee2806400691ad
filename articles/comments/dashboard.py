"""The moderators' panel on the admin dashboard: what waits, and the five oldest pending comments
with their row actions."""

from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail.admin.ui.components import Component

from articles.comments.models import MODERATE_PERMISSION, Comment

from .actions import row_actions
from .admin import status_counts

OLDEST_SHOWN = 5


class ModerationPanel(Component):
    name = "comment_moderation"
    template_name = "articles/comments/admin/dashboard_panel.html"
    order = 50  # above Wagtail's own panels: readers are waiting

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        counts = status_counts()
        queue = reverse("wagtailsnippets_articles_comment:list")
        oldest = list(
            Comment.objects.pending().select_related("article").order_by("-urgent", "created_at", "pk")[:OLDEST_SHOWN]
        )
        return {
            "request": request,
            "csrf_token": get_token(request),
            "links": [
                ("Urgent", counts["urgent"], f"{queue}?status=urgent"),
                ("Pending", counts["pending"], f"{queue}?status=pending"),
                ("Spam", counts["spam"], f"{queue}?status=spam"),
                ("Questions waiting", Comment.objects.unanswered_questions().count(), f"{queue}?status=questions"),
            ],
            "rows": [(comment, row_actions(comment)) for comment in oldest],
            "here": request.get_full_path(),
        }


def add_moderation_panel(request, panels):
    if request.user.has_perm(MODERATE_PERMISSION):
        panels.append(ModerationPanel())
