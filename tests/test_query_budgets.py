"""Every public page type renders within a fixed number of SQL queries (the speed issue's budget)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db

# With kept parts off, as here, every page also looks up its Site and fetches the menu and footer (one
# query each, articles/navigation.py); routing finds a page and its ancestors in one (healthsite/routing.py).
BUDGETS = {
    "/": 8,
    "/health-a-z/": 7,
    "/health-a-z/muscle-spasm/": 12,
    "/health-a-z/scoliosis/": 10,
    "/topics/": 7,
    "/topics/back-spine/": 8,
    "/editorial-policy/": 5,
    # One more for each kind of page among the results (article, checklist, content page).
    "/search/?q=cramp": 5,
    "/feed/": 3,
    "/sitemap.xml": 13,
    "/robots.txt": 1,
    "/manifest.webmanifest": 1,
    "/checklists/": 7,
    "/checklists/muscle-spasm/": 9,
}


def queries(client, url):
    client.get(url)  # the first view of a page makes image renditions; readers after it only read
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(("url", "budget"), BUDGETS.items())
def test_public_pages_stay_within_their_query_budget(client, demo, url, budget):
    """Each public page type renders in at most its budget of queries."""
    assert queries(client, url) <= budget


@pytest.mark.parametrize("comments", [0, 50, 500])
def test_article_takes_twelve_queries_whatever_the_thread(client, demo, comments):
    """The demo article costs 12 queries with 0, 50 or 500 approved comments."""
    article = ArticlePage.objects.get(slug="muscle-spasm")
    article.comments.all().delete()
    roots = CommentFactory.create_batch(comments - comments // 5, article=article)
    for root in roots[: comments // 5]:
        CommentFactory.reply_to(root)
    assert queries(client, article.url) == 12


@pytest.mark.usefixtures("fragment_cache_on")
@pytest.mark.parametrize("staff", [False, True], ids=["reader", "superuser with the user bar"])
def test_a_signed_in_article_takes_at_most_eight_queries(client, demo, django_user_model, staff):
    """Signed in (no page cache), the article with 50 comments takes at most 8 queries once its parts, its
    site and the menu are kept (the issue asks for 12 or fewer)."""
    CommentFactory.create_batch(50, article=demo)
    make = django_user_model.objects.create_superuser if staff else django_user_model.objects.create_user
    client.force_login(make("signed-in", "signed-in@example.com", "x"))
    assert queries(client, demo.url) <= 8
