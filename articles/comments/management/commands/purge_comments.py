from django.core.management.base import BaseCommand

from articles.comments import privacy


class Command(BaseCommand):
    help = "Delete spam and trash older than 30 days and unconfirmed reply subscriptions older than 7 days."

    def handle(self, *args, **options):
        result = privacy.purge()
        self.stdout.write(f"Purged {result['comments']} comment(s) and {result['subscriptions']} subscription(s).")
