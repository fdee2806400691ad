from django.apps import AppConfig

from healthsite.roles import grant


class CommentsConfig(AppConfig):
    """Readers' comments under articles, and their moderation.

    The models keep the `articles` app label they were created under, so their tables, migrations
    and the `articles.change_comment` permission stay where they were."""

    name = "articles.comments"
    label = "comments"
    verbose_name = "Comments"

    def ready(self):
        from .models import MODERATE_PERMISSION

        grant("Moderators", "articles.view_comment", MODERATE_PERMISSION, "articles.delete_comment")
