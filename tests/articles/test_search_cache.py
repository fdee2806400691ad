"""Search ranks each normalised query once, until a page changes, on an index PostgreSQL can use."""

import pytest
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st

from articles.views import LAST_ASKABLE_PAGE, RESULTS_PER_PAGE, matching, ranked
from tests.articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

SEARCH_INDEX = "articles_search_title_body_gin"  # articles/migrations/0010_search_title_body_index.py


@pytest.fixture
def search_corpus(article_index):
    """Articles enough for several pages of "cramp", ranked apart by where the word is."""
    for n in range(23):
        title = f"Night cramp {n}" if n % 3 else f"Spasm {n}"
        ArticlePageFactory(parent=article_index, title=title, summary="A muscle cramp at night." * (n % 4 + 1))


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


@examples(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.sampled_from(["cramp", "cramps", "muscle cramp", "night", "spasm", "zebra", "the", "cramp -night", "x"]),
    page_number=st.sampled_from([1, 2, 3, 4, 99, LAST_ASKABLE_PAGE, 2**63 - 1]),
)
def test_one_query_ranks_and_counts_as_the_paginator_would(search_corpus, query, page_number):
    """A page of results and the total from one ranking query are the Paginator's over the search
    results (which counts in a second query): same pages, order, page number and count, past the
    last page and with nothing found too."""
    page = Paginator(matching(query), RESULTS_PER_PAGE).get_page(page_number)
    expected = {
        "found": [(p.pk, p.content_type_id) for p in page],
        "number": page.number,
        "count": page.paginator.count,
    }
    assert ranked(query, page_number) == expected


def test_a_search_is_ranked_and_counted_in_one_query(client, search_corpus, settings):
    settings.SEARCH_RESULTS_SECONDS = 0
    assert len(ranking_queries(client, "/search/?q=cramp&page=2")) == 1
