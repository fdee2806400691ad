"""Editors create articles through the Wagtail admin's page form."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from tests.articles.factories import PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def article_form(body, **overrides):
    topic, person = TopicFactory(), PersonFactory()
    data = {
        "title": "What is muscle spasm?",
        "slug": "muscle-spasm",
        "summary": "A sudden tightening of a muscle.",
        "hero_image_alt": "",
        "body": streamfield(body),
        "topics": [topic.pk],
        "author": person.pk,
        "reviewer": person.pk,
        "last_reviewed": "2026-10-01",
        "next_review_due": "2027-10-01",
        "references": inline_formset(
            [{"title": "Leg cramps", "publisher": "NHS", "url": "https://www.nhs.uk/", "accessed": "2026-10-01"}]
        ),
        "related_articles": inline_formset([]),
        "seo_title": "What is Muscle Spasm? Back, Legs, Neck, Treatment, Symptoms",
        "search_description": "",
        "condition_name": "Muscle spasm",
        "comments_open": "on",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", parent.pk))


def test_superuser_creates_and_publishes_an_article(admin_client, article_index):
    """The admin form saves every field, the body blocks and the sources, and publishes the page."""
    body = [
        ("section_heading", {"heading": "Symptoms", "level": 2, "anchor": ""}),
        ("paragraph", rich_text("<p>Sudden, sharp pain.</p>")),
        ("care_card", {"urgency": "urgent", "heading": "See a doctor if:", "body": rich_text("<p>It is severe.</p>")}),
    ]
    response = admin_client.post(add_url(article_index), article_form(body, **{"action-publish": "publish"}))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="muscle-spasm")
    assert article.live
    assert article.seo_title.startswith("What is Muscle Spasm?")
    assert [block.block_type for block in article.body] == ["section_heading", "paragraph", "care_card"]
    assert article.references.get().title == "Leg cramps"
    assert article.next_review_due == datetime.date(2027, 10, 1)
    assert admin_client.get(article.url).status_code == 200


def test_admin_shows_the_editor_what_to_fix(admin_client, article_index):
    """Duplicate section anchors come back as an error on the form, with the typed title kept."""
    body = [
        ("section_heading", {"heading": "Causes", "level": 2, "anchor": ""}),
        ("section_heading", {"heading": "Causes", "level": 2, "anchor": ""}),
    ]
    response = admin_client.post(add_url(article_index), article_form(body))
    assert response.status_code == 200
    assert "#causes" in response.text
    assert "What is muscle spasm?" in response.text
    assert not ArticlePage.objects.filter(slug="muscle-spasm").exists()


def test_article_editor_has_the_three_editorial_tabs(admin_client, article_index):
    """Content, review and sources, and promotion are separate tabs."""
    soup = BeautifulSoup(admin_client.get(add_url(article_index)).text, "html.parser")
    tabs = [" ".join(tab.get_text().split()).removesuffix(" ()") for tab in soup.select('[role="tab"]')]
    assert tabs[:3] == ["Content", "Review and sources", "Promote"]


def test_articles_are_added_only_inside_a_section(admin_client, home_page, article_index, article):
    """The admin opens a new article in a section, refuses one on the home page or under an article,
    and offers no page type at all under an article."""
    assert admin_client.get(add_url(article_index)).status_code == 200
    refused = admin_client.post(add_url(home_page), article_form([], **{"action-publish": "publish"}))
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")
    assert not ArticlePage.objects.filter(slug="muscle-spasm").exists()
    under_article = admin_client.get(add_url(article))
    assert under_article.status_code == 302
    assert [model for model in get_page_models() if model.can_create_at(article)] == []
    assert ArticleIndexPage.can_create_at(home_page)
    assert not ArticleIndexPage.can_create_at(article_index)
