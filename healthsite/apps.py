from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HealthsiteConfig(AppConfig):
    """Project-wide pieces: the shared cache table, staff roles, demo accounts."""

    name = "healthsite"
    verbose_name = "Health site"

    def ready(self):
        from healthsite.pagecache import connect_invalidation
        from healthsite.role_groups import sync_role_groups

        connect_invalidation()
        # This app is installed last, so every other app's permissions exist by then. Also runs
        # after a test flushes the database.
        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="healthsite.sync_role_groups")
