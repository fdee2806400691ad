"""Sites and site-wide settings kept in each process (healthsite/sitewide.py): the same Site as
Wagtail picks for any host, and every change to them seen on the next request."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from articles.comments.models import CommentSettings
from healthsite import sitewide
from tests.articles.factories import HomePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on")]

HOSTS = ["localhost", "health.example", "www.health.example", "other.example"]
PORTS = [80, 443, 8000]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sites=st.lists(st.tuples(st.sampled_from(HOSTS), st.sampled_from(PORTS)), unique=True, max_size=5),
    default=st.integers(min_value=-1, max_value=4),
    hostname=st.sampled_from([*HOSTS, "unknown.example"]),
    port=st.sampled_from(PORTS),
)
def test_the_kept_sites_pick_the_site_wagtail_picks_for_any_host(home_page, sites, default, hostname, port):
    """Exact host and port first, then the host on the default site, then the default site."""
    Site.objects.all().delete()
    for n, (host, site_port) in enumerate(sites):
        Site.objects.create(hostname=host, port=site_port, root_page=home_page, is_default_site=n == default)
    try:
        expected = get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        expected = None
    found = sitewide.site_for(list(Site.objects.all()), hostname, port)
    assert (found.pk if found else None) == expected


def test_renaming_the_site_shows_on_the_next_page(client, article):
    assert "Health Guide" in client.get(article.url).text
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Muscle Guide"
    site.save()
    assert "Muscle Guide" in client.get(article.url).text


def test_pointing_the_site_at_another_home_page_serves_it_next(client, article, home_page):
    client.get("/")
    new_home = HomePageFactory(parent=home_page.get_parent(), slug="new-home", title="The new home")
    Site.objects.filter(is_default_site=True).update(root_page=new_home)  # sends no signal
    Site.objects.get(is_default_site=True).save()  # the admin's save does
    assert "The new home" in client.get("/").text
    assert client.get(article.url).status_code == 404


def test_renaming_a_home_page_without_children_keeps_its_site_at_the_root(client, home_page):
    """A site's root page changing is a site-wide change, whether or not it has children: page
    addresses are built from its address."""
    canonical = '<link rel="canonical" href="http://localhost/">'
    assert canonical in client.get("/").text
    home_page.slug = "renamed-home"
    home_page.save_revision().publish()
    assert canonical in client.get("/").text


def test_changed_comment_rules_apply_on_the_next_page(client, article):
    """Settings → Comments: closing comments after 30 days shows on an older article at once."""
    type(article).objects.filter(pk=article.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=31))
    assert "Comments are closed." not in client.get(article.url).text
    rules = CommentSettings.load()
    rules.close_after_days = 30
    rules.save()
    assert "Comments are closed." in client.get(article.url).text


def test_each_request_gets_its_own_copies(home_page):
    """What one request changes on its Site or settings (an invalid settings form) reaches no other."""
    requests = [RequestFactory().get("/") for _ in range(2)]
    for request in requests:
        sitewide.SiteWideMiddleware(lambda request: None)(request)
    first, second = requests
    assert first._wagtail_site.pk == second._wagtail_site.pk == Site.objects.get(is_default_site=True).pk
    assert first._wagtail_site is not second._wagtail_site
    attribute = CommentSettings.get_cache_attr_name()
    getattr(first, attribute).close_after_days = 999
    assert getattr(second, attribute).close_after_days != 999
