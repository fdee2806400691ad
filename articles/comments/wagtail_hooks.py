"""The comments' place in the Wagtail admin: the moderation queue, staff replies, commenter data."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .actions import STATUS_ACTIONS
from .admin import BULK_ACTIONS, CommentViewSet, DeleteCommentsBulkAction
from .admin_views import comment_action, comment_screen, commenter_data_view, staff_reply
from .models import MODERATE_PERMISSION

register_snippet(CommentViewSet)

for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
# After wagtail.snippets registers its own "delete", so comments get the one that logs.
hooks.register("register_bulk_action", DeleteCommentsBulkAction, order=1)


@hooks.register("register_admin_urls")
def register_comment_admin_urls():
    return [
        path("comments/<int:pk>/", comment_screen, name="articles_comment_screen"),
        path("comments/<int:pk>/reply/", staff_reply, name="articles_comment_reply"),
        path("comments/<int:pk>/<slug:action>/", comment_action, name="articles_comment_action"),
        path("commenter-data/", commenter_data_view, name="articles_commenter_data"),
    ]


class CommenterDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MODERATE_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_commenter_data_menu_item():
    return CommenterDataMenuItem(
        "Commenter data", reverse("articles_commenter_data"), name="commenter-data", icon_name="user", order=900
    )


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for action, (_, past) in STATUS_ACTIONS.items():
        actions.register_action(f"articles.comment.{action}", past.capitalize(), f"Comment {past}")
    actions.register_action("articles.comment.staff_reply", "Staff reply", "Staff reply posted")
    actions.register_action("articles.comment.erase", "Erased", "Commenter's data erased")


@hooks.register("insert_global_admin_css")
def moderation_css():
    return format_html('<link rel="stylesheet" href="{}">', static("comments/moderation.css"))
