from django.core.management.base import BaseCommand

from articles.comments import tasks


class Command(BaseCommand):
    help = "Queue the hourly digest of held comments to moderators (run it hourly from cron)."

    def handle(self, *args, **options):
        tasks.send_moderator_digests.enqueue()
        self.stdout.write("Queued the moderators' digest.")
