from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.comments.actions import STATUS_ACTIONS
from articles.comments.admin import (
    BULK_ACTIONS,
    MODERATE_PERMISSION,
    CommentViewSet,
    DeleteCommentsBulkAction,
    commenter_data_view,
    staff_reply_view,
)
from articles.comments.admin import listing_buttons as comment_listing_buttons
from articles.models import Person, Topic
from articles.reports import ReviewsDueMenuItem, ReviewsDueReportView
from healthsite.admin_reports import report_urls


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "credentials"]
    search_fields = ["name", "credentials"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(PersonViewSet)
register_snippet(TopicViewSet)


@hooks.register("register_admin_urls")
def register_reviews_due_report_urls():
    return report_urls("reviews-due", ReviewsDueReportView, "reviews_due_report")


@hooks.register("register_reports_menu_item")
def register_reviews_due_report_menu_item():
    return ReviewsDueMenuItem(
        "Reviews due", reverse("reviews_due_report"), name="reviews-due", icon_name="time", order=1150
    )


register_snippet(CommentViewSet)

for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
# After wagtail.snippets registers its own "delete", so comments get the one that logs.
hooks.register("register_bulk_action", DeleteCommentsBulkAction, order=1)

hooks.register("register_snippet_listing_buttons", comment_listing_buttons)


@hooks.register("register_admin_urls")
def register_comment_admin_urls():
    return [
        path("comments/<int:pk>/reply/", staff_reply_view, name="articles_comment_reply"),
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
