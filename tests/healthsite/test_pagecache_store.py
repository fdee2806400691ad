"""What a cached page is keyed on, and what bounds the cache: made-up query strings cannot empty it."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthsite.pagecache.store import MemoryBoundedStore
from tests.articles.factories import ArticlePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def state(client, url):
    return client.get(url).get("X-Page-Cache")


def test_query_parameters_a_page_does_not_read_share_its_copy(client, article):
    """400 made-up query strings are all served the one stored copy, which stays cached."""
    client.get(article.url)
    assert all(state(client, f"{article.url}?utm_source=mail&n={n}") == "hit" for n in range(400))
    assert state(client, article.url) == "hit"


def test_query_parameters_a_page_reads_each_get_their_own_copy(client, article):
    """Search results for one query are never served for another."""
    ArticlePageFactory(parent=article.get_parent(), title="Night cramps")
    assert "Night cramps" in client.get("/search/?q=cramps").text
    assert "Night cramps" not in client.get("/search/?q=spasm").text
    assert state(client, "/search/?q=cramps&utm_source=mail") == "hit"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.text(min_size=1).filter(lambda name: name not in {"comments-page", "replyto"}), st.text()))
def test_any_other_query_string_reaches_the_stored_article(client, article, parameters):
    """Whatever else a query string holds, the article answers 200 from its one stored copy."""
    client.get(article.url)
    response = client.get(article.url, parameters)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_the_store_is_bounded_in_bytes_least_recently_used_out_first():
    """Pages past the byte budget push out the least recently read, never the page just read."""
    store = MemoryBoundedStore(max_bytes=1000)
    for name in ("a", "b", "c"):
        store.set(name, name, timeout=60, size=300)
    store.get("a")
    store.set("d", "d", timeout=60, size=300)
    assert [store.get(name) for name in "abcd"] == ["a", None, "c", "d"]
    store.set("huge", "huge", timeout=60, size=5000)
    assert store.get("huge") is None and store.get("d") == "d"
