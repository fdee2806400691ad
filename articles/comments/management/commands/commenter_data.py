import json

from django.core.management.base import BaseCommand

from articles.comments import privacy


class Command(BaseCommand):
    help = "Export (as JSON) or erase everything stored about a commenter's email address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument(
            "--remove",
            action="store_true",
            help="With erase: delete the comments (and their replies) instead of keeping them as “Anonymous”.",
        )

    def handle(self, *args, action, email, remove, **options):
        if action == "export":
            self.stdout.write(json.dumps(privacy.export(email), indent=2))
            return
        result = privacy.erase(email, mode="remove" if remove else "anonymise")
        self.stdout.write(
            f"{result['comments']} comment(s) {result['mode']}, {result['subscriptions']} subscription(s) deleted."
        )
