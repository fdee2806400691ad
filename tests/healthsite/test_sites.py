"""One site name and one base URL, both from the Wagtail Site, wherever readers, crawlers or emails see them;
and what search engines and link previews read on every page."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from wagtail.models import Site

from articles.comments.models import CommentSubscription
from articles.comments.notifications import send_subscription_confirmation
from articles.demo import content
from articles.models import ArticlePage
from tests.articles.factories import CommentFactory
from tests.demo_pages import INDEXABLE_PAGES

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Demo content names the demo Site once; everything else reads the name from the Site.
NAME_ALLOWED_IN = {ROOT / "articles" / "demo" / "content.py"}


def rename_site(name):
    Site.objects.filter(is_default_site=True).update(site_name=name)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.text, "html.parser")


def test_no_template_or_module_carries_the_site_name():
    """The demo's site name is written in the demo content only, never in code, templates or static files."""
    sources = [
        path
        for folder in ("articles", "healthsite", "triage", "templates")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".html", ".txt", ".css", ".js", ".json"} and "migrations" not in path.parts
    ]
    carrying = [str(path.relative_to(ROOT)) for path in sources if content.SITE_NAME in path.read_text()]
    assert [path for path in carrying if ROOT / path not in NAME_ALLOWED_IN] == []


def test_renaming_the_site_renames_titles_header_feed_and_structured_data(client, demo):
    """Change the Site's name in the admin and readers see the new name everywhere."""
    rename_site("Clinic Notes")
    article = soup_of(client, "/health-a-z/muscle-spasm/")
    assert article.title.get_text() == "What is Muscle Spasm? Back, Legs, Neck, Treatment, Symptoms | Clinic Notes"
    assert article.find("a", class_="site-header__name").get_text() == "Clinic Notes"
    assert article.find("meta", property="og:site_name")["content"] == "Clinic Notes"
    data = [json.loads(script.string) for script in article.find_all("script", type="application/ld+json")]
    assert next(item for item in data if item["@type"] == "MedicalWebPage")["publisher"]["name"] == "Clinic Notes"
    feed = ET.fromstring(client.get("/feed/").content)
    assert feed.findtext("channel/title") == "Clinic Notes: latest articles"
    assert json.loads(client.get("/manifest.webmanifest").content)["name"] == "Clinic Notes"


def test_emails_carry_the_sites_name(demo):
    """The subscription confirmation email signs off with the Site's name."""
    rename_site("Clinic Notes")
    comment = CommentFactory(article=ArticlePage.objects.get(slug="muscle-spasm"))
    subscription = CommentSubscription.objects.create(comment=comment, email="maria@example.com")
    send_subscription_confirmation(subscription.pk)
    assert "at Clinic Notes." in mail.outbox[-1].body
    assert mail.outbox[-1].body.rstrip().endswith("Clinic Notes")


def test_home_title_is_the_site_name_alone_and_every_title_is_unique(client, demo):
    """Home is not “Name | Name”, and no two indexable pages share a title."""
    titles = [soup_of(client, url).title.get_text() for url in INDEXABLE_PAGES]
    assert titles[0] == content.SITE_NAME
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("url", INDEXABLE_PAGES)
def test_every_indexable_page_has_a_description_canonical_and_share_card(client, demo, url):
    """A meta description, a canonical URL at the Site's address, and Open Graph and Twitter tags with an image."""
    head = soup_of(client, url).head
    assert head.find("meta", attrs={"name": "description"})["content"].strip()
    assert head.find("link", rel="canonical")["href"] == "http://localhost" + url
    assert not head.find("meta", attrs={"name": "robots"})
    image = head.find("meta", property="og:image")["content"]
    assert image.startswith("http://localhost/") and image.endswith(".png")
    assert head.find("meta", property="og:title")["content"]
    assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_favicon_icons_and_manifest_are_served(client, demo):
    """/favicon.ico is an icon, and the pages name an apple-touch icon and a manifest that exist."""
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon["Content-Type"] == "image/x-icon"
    head = soup_of(client, "/").head
    for rel in ["apple-touch-icon", "manifest"]:
        assert client.get(head.find("link", rel=rel)["href"]).status_code == 200
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_sync_site_url_moves_every_absolute_url_to_the_served_address(client, demo, settings):
    """After `manage.py sync_site_url`, canonical, sitemap, robots and feed all name WAGTAILADMIN_BASE_URL."""
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    call_command("sync_site_url")
    base = "http://127.0.0.1:8123"
    assert soup_of(client, "/health-a-z/").find("link", rel="canonical")["href"] == base + "/health-a-z/"
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [
        loc.text for loc in ET.fromstring(client.get("/sitemap.xml").content).iterfind("s:url/s:loc", namespace)
    ]
    assert locations and all(location.startswith(base + "/") for location in locations)
    assert f"Sitemap: {base}/sitemap.xml" in client.get("/robots.txt").text
    feed = ET.fromstring(client.get("/feed/").content)
    assert feed.findtext("channel/link") == base + "/"
    assert all(link.text.startswith(base + "/") for link in feed.iterfind("channel/item/link"))
