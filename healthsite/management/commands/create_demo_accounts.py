from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from healthsite.demo_accounts import ensure_demo_accounts


class Command(BaseCommand):
    help = "Create the admin, editor and moderator demo accounts (idempotent) and print them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            default=str(settings.BASE_DIR / "var" / "demo-accounts.txt"),
            help="Where the usernames and passwords are kept (default: var/demo-accounts.txt).",
        )

    def handle(self, *args, **options):
        rows = ensure_demo_accounts(Path(options["file"]))
        self.stdout.write(f"Demo accounts (also in {options['file']}):")
        for username, password, role in rows:
            self.stdout.write(f"  {username:<10} {password:<18} {role}")
