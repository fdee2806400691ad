from django.core.management.base import BaseCommand

from articles.demo import load_demo_content


class Command(BaseCommand):
    help = "Load the demo content into the database. Safe to run again: nothing is duplicated."

    def handle(self, *args, **options):
        home = load_demo_content()
        self.stdout.write(f"Demo content ready under {home.title!r}.")
