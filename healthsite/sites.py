"""The site as readers know it, its name and its address, both from the Wagtail Site: one place
to change either, in the admin (Settings → Sites), for pages, feeds, emails and PDFs alike."""

from urllib.parse import urlsplit

from django.utils.functional import lazy
from wagtail.models import Site


def current_site(request=None):
    """The Site serving this request; outside a request (emails, PDFs) the default Site."""
    if request is not None:
        site = Site.find_for_request(request)
        if site is not None:
            return site
    return Site.objects.filter(is_default_site=True).first()


def site_name(site):
    return (site.site_name or site.hostname) if site is not None else ""


def base_url(site):
    """The address the site is served at, without a trailing slash: the start of every absolute URL."""
    return site.root_url if site is not None else ""


def point_site_at(site, url):
    """Make the Site's hostname and port those of `url`, so the URLs built from it name that address."""
    parts = urlsplit(url)
    site.hostname = parts.hostname
    site.port = parts.port or (443 if parts.scheme == "https" else 80)
    site.save(update_fields=["hostname", "port"])


def site_context(request):
    """Context processor: `site_name` and `base_url` for every template rendered with a request.

    Lazy, so a template that shows neither (the page for a comment sent while the database is
    down) never asks the database; the Site is looked up once per request (Wagtail keeps it)."""
    return {
        "site_name": lazy(lambda: site_name(current_site(request)), str)(),
        "base_url": lazy(lambda: base_url(current_site(request)), str)(),
    }
