from django.core.management.base import BaseCommand

from articles.demo import ensure_home_page


class Command(BaseCommand):
    help = "Load the demo content into the database. Safe to run again: nothing is duplicated."

    def handle(self, *args, **options):
        home = ensure_home_page()
        self.stdout.write(f"Demo content ready: home page {home.url_path!r}.")
