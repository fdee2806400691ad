import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Site

from articles.models import HomePage

pytestmark = pytest.mark.django_db


def test_demo_content_makes_a_home_page_the_site_root(client):
    """After loading the demo content, / serves the home page."""
    call_command("load_demo_content")
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    response = client.get("/")
    assert response.status_code == 200
    assert "Health Guide" in response.text


@pytest.fixture
def freshly_migrated_site():
    """The pages Wagtail's migrations leave, whatever earlier tests did: the root, its welcome page and
    the default site on it. Returns the welcome page."""
    Site.objects.all().delete()
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)
    return welcome


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_demo_content_replaces_the_welcome_page_and_loads_once(freshly_migrated_site):
    """The first load puts the home page where Wagtail's welcome page was; a second load adds nothing."""
    call_command("load_demo_content")
    loaded = row_counts()
    call_command("load_demo_content")
    assert row_counts() == loaded
    assert loaded["articles.HomePage"] == 1
    assert loaded["articles.ArticlePage"] > 1
    assert [page.specific_class for page in Page.get_first_root_node().get_children()] == [HomePage]
    assert Site.objects.get().root_page.specific_class is HomePage
    assert not Page.objects.filter(pk=freshly_migrated_site.pk).exists()
