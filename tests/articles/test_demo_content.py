import pytest
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


def test_demo_content_loads_once():
    """Loading twice leaves one home page and one site."""
    call_command("load_demo_content")
    call_command("load_demo_content")
    assert HomePage.objects.count() == 1
    assert Site.objects.count() == 1
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
