from django.apps import AppConfig


class WordPressImportConfig(AppConfig):
    """Moving a WordPress site in: `manage.py import_wordpress` and what it remembers between runs."""

    name = "articles.wordpress"
    label = "wordpress"
    verbose_name = "WordPress import"
    default_auto_field = "django.db.models.BigAutoField"
