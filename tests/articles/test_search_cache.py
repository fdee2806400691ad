"""Search ranks each normalised query once, until a page changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def ranking_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query for query in captured if "wagtailsearch_indexentry" in query["sql"]]


def test_the_same_words_in_another_case_are_not_ranked_again(client, article):
    """“cramps” and “  CRAMPS ” share one ranking: the second search reads it from the cache."""
    ArticlePageFactory(parent=article.get_parent(), title="Night cramps")
    assert ranking_queries(client, "/search/?q=cramps")
    assert not ranking_queries(client, "/search/?q=++CRAMPS+")
    assert "Night cramps" in client.get("/search/?q=++CRAMPS+").text


def test_a_newly_published_article_is_found_at_once(client, article):
    """Publishing invalidates the kept results: the next search finds the new article."""
    client.get("/search/?q=cramps")
    new = ArticlePageFactory(parent=article.get_parent(), title="Cramps in sport", live=False)
    new.save_revision().publish()
    assert "Cramps in sport" in client.get("/search/?q=cramps").text
