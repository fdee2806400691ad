from django.apps import AppConfig

from healthsite.roles import grant


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        grant("Editors", "articles.add_person", "articles.change_person", "articles.add_topic", "articles.change_topic")
