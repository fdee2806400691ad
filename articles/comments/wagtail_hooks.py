"""The comments' place in the Wagtail admin: the moderation queue, staff replies, commenter data."""

from django.forms import modelform_factory
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.snippets.models import register_snippet

from .actions import STATUS_ACTIONS
from .admin import BULK_ACTIONS, CommentViewSet, DeleteCommentsBulkAction
from .admin_views import CLINICIANS_GROUP, comment_action, comment_screen, commenter_data_view, staff_reply
from .dashboard import add_moderation_panel
from .models import MODERATE_PERMISSION, StaffProfile

register_snippet(CommentViewSet)
hooks.register("construct_homepage_panels", add_moderation_panel)

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


@hooks.register("register_account_settings_panel")
class CommentsAccountPanel(BaseSettingsPanel):
    """Account → Comments: which emails a moderator gets, and a medical reviewer's clinician signature."""

    name = "comments"
    title = "Comments"
    order = 500

    def fields(self):
        fields = []
        if self.user.has_perm(MODERATE_PERMISSION):
            fields.append("comment_emails")
        if self.user.groups.filter(name=CLINICIANS_GROUP).exists():
            fields.append("credential")
        return fields

    def is_active(self):
        return bool(self.fields())

    def get_form(self):
        form_class = modelform_factory(StaffProfile, fields=self.fields())
        instance = StaffProfile.objects.filter(user=self.user).first() or StaffProfile(user=self.user)
        data = (self.request.POST, self.request.FILES) if self.request.method == "POST" else ()
        return form_class(*data, instance=instance, prefix=self.name)
