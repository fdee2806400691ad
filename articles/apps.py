from django.apps import AppConfig
from django.db.models.signals import post_save

from healthsite.roles import grant


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from . import editorial
        from .models import ArticleIndexPage

        post_save.connect(editorial.cover_new_section, sender=ArticleIndexPage, dispatch_uid="cover_new_section")
        grant("Editors", "articles.add_person", "articles.change_person", "articles.add_topic", "articles.change_topic")
