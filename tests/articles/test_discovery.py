"""How readers and search engines find articles: search, listings, feed, sitemap, robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Site

from articles.models import ArticlePage
from tests.articles.factories import ArticlePageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [a.get_text() for a in BeautifulSoup(response.text, "html.parser").select(".card__title a")]


@pytest.mark.parametrize("query", ["cramp", "spasm", "Cramps", "muscle spasm"])
def test_search_finds_the_muscle_spasm_article(client, demo, query):
    """Both the everyday and the medical word find the demo article, in any case or form."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert demo.title in result_titles(response)


def test_search_without_results_helps_the_reader(client, demo):
    """An empty result says so and suggests what to do next."""
    response = client.get("/search/", {"q": "xylophone"})
    assert response.status_code == 200
    assert "Nothing on this site matched “xylophone”" in response.text
    assert "emergency number" in response.text


def test_search_is_paginated(client, article_index):
    """Eleven matches make two pages of ten."""
    for n in range(11):
        ArticlePageFactory(parent=article_index, title=f"Cramp {n}")
    first = client.get("/search/", {"q": "cramp"})
    second = client.get("/search/", {"q": "cramp", "page": 2})
    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 1
    assert "page=2" in first.text and "q=cramp" in first.text


def test_search_does_not_show_drafts(client, article_index):
    """Unpublished articles never appear in results."""
    ArticlePageFactory(parent=article_index, title="Cramp draft", live=False)
    assert result_titles(client.get("/search/", {"q": "cramp"})) == []


def search_box_value(response):
    return BeautifulSoup(response.text, "html.parser").find("input", id="search-query")["value"]


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ('"><b>bold</b>', '"><b>bold</b>'),
        ("a" * 5000, "a" * 200),
        ("'; DROP TABLE wagtailcore_page; --", "'; DROP TABLE wagtailcore_page; --"),
        ("\x00", ""),
        ("cramp\x00\x1f", "cramp"),
    ],
)
def test_search_survives_hostile_queries(client, article, query, shown):
    """Odd input is answered, never a 500, and comes back as text: in the search box, never as markup."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert search_box_value(response) == shown
    main = BeautifulSoup(response.text, "html.parser").main
    assert main.find_all(["script", "b"]) == []
    assert ArticlePage.objects.filter(pk=article.pk).exists()


# Text a reader can type: no control characters (the view blanks those out) or lone surrogates,
# no whitespace at either end (the view trims it), at most the search box's 200 characters.
typed_text = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=200).map(str.strip)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=typed_text)
def test_any_typed_query_is_answered_and_shown_back(client, article_index, query):
    """Whatever a reader types is answered with a page that shows their words back unchanged."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert search_box_value(response) == query


def test_home_page_features_the_demo_article_and_topics(client, demo):
    """The home page shows the featured article, the latest ones and the topics."""
    soup = BeautifulSoup(client.get("/").text, "html.parser")
    featured = soup.find("h2", string="Featured").find_parent("section")
    assert demo.title in featured.get_text()
    assert "Latest articles" in soup.get_text()
    assert "Muscles, bones and joints" in soup.get_text()


def test_feed_lists_latest_articles_and_is_linked_from_every_page(client, demo):
    """The RSS feed holds the article, and pages advertise it in their head."""
    response = client.get("/feed/")
    assert response.status_code == 200
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert demo.title in titles
    head = BeautifulSoup(client.get(demo.url).text, "html.parser").head
    assert head.select_one('link[rel="alternate"][type="application/rss+xml"]')["href"] == "/feed/"


def test_sitemap_lists_the_article(client, demo):
    """sitemap.xml is valid XML and includes the article's URL."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", namespace)]
    assert any(location.endswith("/health-a-z/muscle-spasm/") for location in locations)


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_admin(client, home_page):
    """Crawlers find the sitemap, at the Site's address whatever host they asked, and skip the admin and search."""
    Site.objects.filter(is_default_site=True).update(hostname="health.example", port=443)
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8801")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: https://health.example/sitemap.xml" in response.text


def test_missing_page_is_a_friendly_404(client, home_page):
    """An unknown address answers 404 with a way back, revealing nothing internal."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize("page", ["٢", "²", "2.0", "9" * 5000])
def test_listing_and_search_page_numbers_are_plain_digits_only(client, article_index, topics_page, page):
    """A page number in another script or shape is not a page number: the first page, or the last if huge."""
    topic = TopicFactory(slug="muscles")
    for n in range(13):
        ArticlePageFactory(parent=article_index, title=f"Cramp {n:02}", topics=[topic])
    expected = "Page 2 of 2" if page.startswith("9") else "Page 1 of 2"
    assert expected in client.get("/topics/muscles/", {"page": page}).text
    assert expected in client.get("/search/", {"q": "cramp", "page": page}).text
