"""A database outage: readers still get cached pages, and a commenter keeps what they wrote."""

import pytest
from django.db import connection

pytestmark = pytest.mark.usefixtures("page_cache_on")


@pytest.fixture
def stop_database(transactional_db, tmp_path):
    """Point the connection at a directory with no server socket in it: every query fails as it
    does when PostgreSQL is down."""
    saved_host = connection.settings_dict["HOST"]

    def stop():
        connection.close()
        connection.settings_dict["HOST"] = str(tmp_path)

    yield stop
    connection.close()
    connection.settings_dict["HOST"] = saved_host


def test_cached_pages_are_served_while_the_database_is_down(client, article, stop_database):
    """A page read before the outage is still served, by every process that kept it."""
    client.get(article.url)
    stop_database()
    response = client.get(article.url)
    assert response.status_code == 200
    assert "What is muscle spasm?" in response.text
    assert response["X-Page-Cache"] == "stale"


def test_a_comment_sent_while_the_database_is_down_keeps_its_text(client, article, post_comment, stop_database):
    """The poster gets a 503 page that says to try again, with their comment ready to send again."""
    stop_database()
    response = post_comment(article, body="My <b>calf</b> cramps at night.", name="Maria")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "try again" in response.text
    assert "My &lt;b&gt;calf&lt;/b&gt; cramps at night.</textarea>" in response.text
    assert 'value="Maria"' in response.text


@pytest.mark.parametrize("cache", ["database", "still up"], ids=["database cache", "cache still up, as Redis is"])
def test_with_sites_kept_a_comment_sent_while_the_database_is_down_keeps_its_text(
    client, article, post_comment, stop_database, settings, cache
):
    """As production runs (healthsite/sitewide.py on): when the kept Sites must be read again and
    cannot be, the comment still comes back on the 503 page, not lost to a 500."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    if cache == "still up":  # an empty cache holds no version: the kept Sites must be read again
        settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    stop_database()
    response = post_comment(article, body="My calf cramps at night.", name="Maria")
    assert response.status_code == 503
    assert "My calf cramps at night.</textarea>" in response.text
