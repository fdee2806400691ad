from django.conf import settings
from django.core.management.base import BaseCommand

from healthsite.sites import current_site, point_site_at


class Command(BaseCommand):
    help = (
        "Point the default Site at WAGTAILADMIN_BASE_URL, so canonical, sitemap, robots.txt and feed URLs "
        "name the address the site is served at. `make run` and `make serve` run it with their PORT."
    )

    def handle(self, *args, **options):
        site = current_site()
        if site is None:
            self.stdout.write("No default site yet: nothing to point.")
            return
        point_site_at(site, settings.WAGTAILADMIN_BASE_URL)
        self.stdout.write(f"The site's address is now {site.root_url}.")
