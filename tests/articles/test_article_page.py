import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page

from articles.models import HomePage, RelatedArticle
from tests.articles.factories import ArticlePageFactory, ArticleReferenceFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def structured_data(soup):
    return {
        item["@type"]: item
        for item in map(json.loads, (s.string for s in soup.select('script[type="application/ld+json"]')))
    }


def test_home_page_cannot_be_created_twice(home_page):
    """The site has exactly one home page."""
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_article_shows_byline_review_dates_sources_and_disclaimer(client, article_index):
    """A reader sees who wrote and reviewed the page, when it was reviewed, its sources and the disclaimer."""
    article = ArticlePageFactory(
        parent=article_index,
        author=PersonFactory(name="Alex Morgan", credentials="Health writer"),
        reviewer=PersonFactory(name="Dr Priya Shah", credentials="MBBS"),
        last_reviewed=datetime.date(2026, 10, 1),
        next_review_due=datetime.date(2027, 10, 1),
    )
    ArticleReferenceFactory(
        page=article, title="Leg cramps", publisher="NHS", url="https://www.nhs.uk/conditions/leg-cramps/"
    )
    soup = soup_of(client, article)
    text = " ".join(soup.get_text().split())
    assert "Written by Alex Morgan, Health writer." in text
    assert "Medically reviewed by Dr Priya Shah, MBBS." in text
    assert "Page last reviewed: 1 October 2026" in text
    assert "Next review due: 1 October 2027" in text
    assert soup.find("a", string="Leg cramps")["href"] == "https://www.nhs.uk/conditions/leg-cramps/"
    assert "not a substitute for advice from a doctor" in text
    assert "minute read" in text
    assert len(soup.find_all("h1")) == 1


def test_breadcrumbs_lead_home(client, article_index):
    """The breadcrumb trail shows home, the section and the current page."""
    article = ArticlePageFactory(parent=article_index, title="Muscle spasm")
    crumbs = soup_of(client, article).select('nav[aria-label="Breadcrumb"] a')
    assert [a.get_text() for a in crumbs] == ["Health Guide", "Health A to Z", "Muscle spasm"]
    assert crumbs[-1]["aria-current"] == "page"


def test_metadata_for_search_engines_and_sharing(client, article_index):
    """Canonical URL, description and Open Graph tags come from the page's fields."""
    article = ArticlePageFactory(
        parent=article_index, seo_title="Muscle spasm: symptoms", search_description="All about cramps."
    )
    soup = soup_of(client, article)
    assert soup.select_one('link[rel="canonical"]')["href"] == article.full_url
    assert soup.select_one('meta[name="description"]')["content"] == "All about cramps."
    assert soup.select_one('meta[property="og:title"]')["content"] == "Muscle spasm: symptoms"
    assert soup.select_one('meta[property="og:url"]')["content"] == article.full_url
    assert soup.title.string.startswith("Muscle spasm: symptoms")


def test_json_ld_describes_a_reviewed_medical_page(client, article_index):
    """The structured data parses and names the condition, reviewer, author and dates."""
    article = ArticlePageFactory(
        parent=article_index,
        condition_name="Muscle spasm",
        reviewer=PersonFactory(name="Dr Priya Shah"),
        author=PersonFactory(name="Alex Morgan"),
        last_reviewed=datetime.date(2026, 10, 1),
    )
    article.save_revision().publish()
    data = structured_data(soup_of(client, article))
    page = data["MedicalWebPage"]
    assert page["about"] == {"@type": "MedicalCondition", "name": "Muscle spasm"}
    assert page["lastReviewed"] == "2026-10-01"
    assert page["reviewedBy"]["name"] == "Dr Priya Shah"
    assert page["author"]["name"] == "Alex Morgan"
    assert page["datePublished"] and page["dateModified"]
    names = [item["name"] for item in data["BreadcrumbList"]["itemListElement"]]
    assert names == ["Health Guide", "Health A to Z", article.title]


def test_json_ld_cannot_be_broken_out_of(client, article_index):
    """An editor's “</script>” in a title stays inside the JSON."""
    article = ArticlePageFactory(parent=article_index, title="Cramps </script><script>alert(1)</script>")
    html = client.get(article.url).text
    assert "<script>alert(1)</script>" not in html
    assert structured_data(BeautifulSoup(html, "html.parser"))["MedicalWebPage"]["headline"] == article.title


def test_related_articles_prefer_the_editors_choice(client, article_index):
    """When the editor picks related articles, those are shown."""
    chosen = ArticlePageFactory(parent=article_index, title="Scoliosis")
    topic = TopicFactory()
    same_topic = ArticlePageFactory(parent=article_index, title="Back pain", topics=[topic])
    article = ArticlePageFactory(parent=article_index, topics=[topic])
    RelatedArticle.objects.create(page=article, article=chosen)
    related = soup_of(client, article).select_one("section.related").get_text()
    assert "Scoliosis" in related and same_topic.title not in related


def test_related_articles_fall_back_to_the_latest_on_the_same_topics(client, article_index):
    """Without a choice, the newest articles sharing a topic are shown, never the article itself."""
    topic = TopicFactory()
    older = ArticlePageFactory(
        parent=article_index,
        title="Older",
        topics=[topic],
        first_published_at=timezone.now() - datetime.timedelta(days=9),
    )
    newer = ArticlePageFactory(parent=article_index, title="Newer", topics=[topic])
    ArticlePageFactory(parent=article_index, title="Unrelated")
    article = ArticlePageFactory(parent=article_index, title="This one", topics=[topic])
    titles = [a.get_text() for a in soup_of(client, article).select("section.related .card__title a")]
    assert titles == [newer.title, older.title]


def test_unpublished_related_articles_are_not_shown(client, article_index):
    """A draft chosen as related does not leak onto the live page."""
    draft = ArticlePageFactory(parent=article_index, title="Secret draft", live=False)
    article = ArticlePageFactory(parent=article_index)
    RelatedArticle.objects.create(page=article, article=draft)
    assert "Secret draft" not in client.get(article.url).text


def test_hero_image_needs_alt_text(article_index):
    """An image without a description is refused."""
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    article = ArticlePageFactory(parent=article_index)
    article.hero_image = Image.objects.create(title="Calf", file=get_test_image_file())
    with pytest.raises(ValidationError, match="Describe the hero image"):
        article.full_clean()


def test_next_review_must_follow_the_last(article_index):
    """Review dates in the wrong order are refused."""
    from django.core.exceptions import ValidationError

    article = ArticlePageFactory(parent=article_index)
    article.last_reviewed, article.next_review_due = datetime.date(2026, 5, 1), datetime.date(2026, 4, 1)
    with pytest.raises(ValidationError, match="after the last"):
        article.full_clean()
