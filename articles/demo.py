"""Demo content for a local run, loaded by `manage.py load_demo_content`. Idempotent."""

from django.db import transaction
from wagtail.models import Page, Site

from articles.models import HomePage


@transaction.atomic
def ensure_home_page() -> HomePage:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a plain "Welcome" page that nobody edited.
        welcome = root.get_children().filter(slug="home").exact_type(Page).first()
        if welcome is not None:
            welcome.delete()
        home = root.add_child(instance=HomePage(title="Health Guide", slug="home"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Health Guide"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home
