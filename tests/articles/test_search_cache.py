"""Search ranks each normalised query once, until a page changes, on an index PostgreSQL can use."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.views import matching
from tests.articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

SEARCH_INDEX = "articles_search_title_body_gin"  # articles/migrations/0010_search_title_body_index.py


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


def test_with_no_time_to_keep_results_every_search_is_ranked(client, article, settings):
    """SEARCH_RESULTS_SECONDS = 0 (how the benchmark measures cold searches) ranks every search afresh."""
    settings.SEARCH_RESULTS_SECONDS = 0
    assert ranking_queries(client, "/search/?q=cramps")
    assert ranking_queries(client, "/search/?q=cramps")


def test_a_newly_published_article_is_found_at_once(client, article):
    """Publishing invalidates the kept results: the next search finds the new article."""
    client.get("/search/?q=cramps")
    new = ArticlePageFactory(parent=article.get_parent(), title="Cramps in sport", live=False)
    new.save_revision().publish()
    assert "Cramps in sport" in client.get("/search/?q=cramps").text


def test_an_unpublished_article_disappears_at_once(client, article):
    """Unpublishing invalidates the kept results: the next search, in any case, no longer lists it."""
    gone = ArticlePageFactory(parent=article.get_parent(), title="Cramps at night")
    assert "Cramps at night" in client.get("/search/?q=cramps").text
    gone.unpublish()
    assert "Cramps at night" not in client.get("/search/?q=Cramps").text


def test_the_query_wagtail_builds_uses_the_title_and_body_index(article):
    """PostgreSQL serves Wagtail's `title || body @@ query` from the index rather than reading every
    entry: were Wagtail's expression or the index to change, the plan would fall back to a scan."""
    with transaction.atomic(), connection.cursor() as cursor:
        # With a few pages PostgreSQL loops over the pages and looks each entry up; at thousands it
        # joins the matching entries to the pages (docs/performance.md), the plan checked here. Many
        # entries, fresh statistics and no loops or full scans make it choose how to find the matches.
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, body, autocomplete, "
            "title_text, body_text, title_norm) SELECT %s, 'other-' || n, to_tsvector('english', 'knee pain'), "
            "to_tsvector('english', 'stretching helps'), '', '', '', 1 FROM generate_series(1, 2000) AS n",
            [article.content_type_id],
        )
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_nestloop = off")
        plan = matching("cramp").get_queryset().explain()
    assert f"Bitmap Index Scan on {SEARCH_INDEX}" in plan
