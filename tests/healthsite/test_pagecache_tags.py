"""Exact invalidation: each change makes a miss of the pages that show it, and of no other."""

import pytest
from django.contrib.auth import get_user_model
from wagtail import hooks

from articles.comments.actions import moderate
from articles.comments.models import Comment, CommentSettings
from healthsite import pagecache
from tests.articles.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CommentFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on", "instant_forms")]


def state(client, url):
    return client.get(url).get("X-Page-Cache")


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert state(client, url) == "hit", url


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_superuser("mod", "mod@example.com", "x")


@pytest.fixture
def other_section(home_page):
    return ArticleIndexPageFactory(parent=home_page, title="Fitness", slug="fitness")


@pytest.fixture
def other_article(other_section):
    """An article in another section, sharing nothing with `article`."""
    return ArticlePageFactory(parent=other_section, title="Stretching")


def test_approving_a_comment_on_one_article_leaves_the_others_cached(client, article, other_article, moderator):
    """comments:N — the article changes; the other article and the A to Z (names only, no counts) do not."""
    pending = CommentFactory(article=article, status=Comment.Status.PENDING, body="Heat helps too.")
    warm(client, article.url, other_article.url, article.get_parent().url, other_article.get_parent().url)
    moderate([pending], "approve", moderator)
    assert state(client, other_article.url) == "hit"
    assert state(client, other_article.get_parent().url) == "hit"
    assert state(client, article.get_parent().url) == "hit"
    response = client.get(article.url)
    assert "Heat helps too." in response.text and response["X-Page-Cache"] == "miss"


def test_invalidate_comments_of_reaches_writes_that_send_no_signal(client, article, other_article):
    """invalidate_comments_of() after QuerySet.update() (as erasure does) refreshes that article only."""
    comment = CommentFactory(article=article, name="Maria Example")
    warm(client, article.url, other_article.url)
    Comment.objects.filter(pk=comment.pk).update(name="Anonymous")
    pagecache.invalidate_comments_of(article.pk)
    assert "Maria Example" not in client.get(article.url).text
    assert state(client, other_article.url) == "hit"


def test_a_new_revision_refreshes_the_page_and_its_cards_only(client, article, other_article, home_page):
    """page:N — the page, and every listing showing its card, change; an unrelated article does not."""
    warm(client, article.url, other_article.url, home_page.url, article.get_parent().url)
    article.title = "Muscle cramps explained"
    article.save_revision().publish()
    assert "Muscle cramps explained" in client.get(article.url).text
    assert "Muscle cramps explained" in client.get(home_page.url).text
    assert "Muscle cramps explained" in client.get(article.get_parent().url).text
    assert state(client, other_article.url) == "hit"


def test_publishing_in_a_section_refreshes_its_listing_not_other_sections(client, article, other_article):
    """section:S — a new article shows in its section at once; the other section stays cached."""
    section, other = article.get_parent(), other_article.get_parent()
    new = ArticlePageFactory(parent=section, title="Night cramps", live=False)
    warm(client, section.url, other.url, article.url)
    new.save_revision().publish()
    assert "Night cramps" in client.get(section.url).text
    assert state(client, other.url) == "hit"
    assert state(client, article.url) == "hit"


def test_publishing_on_a_topic_refreshes_related_articles_on_that_topic(client, article, other_article):
    """topic:T — articles on the topic show the new one under Related articles; others stay cached."""
    topic = TopicFactory()
    article.topics.set([topic])
    article.save_revision().publish()
    new = ArticlePageFactory(parent=other_article.get_parent(), title="Cramp at night", live=False)
    new.topics.set([topic])
    warm(client, article.url, other_article.url)
    new.save_revision().publish()
    assert "Cramp at night" in client.get(article.url).text
    assert state(client, other_article.url) == "hit"


@pytest.mark.parametrize("address", ["/", "/feed/", "/sitemap.xml", "/search/?q=cramps"])
def test_site_wide_listings_show_a_new_article_at_once(client, article, address):
    """home, feed, sitemap, search — each lists every new article at once."""
    new = ArticlePageFactory(parent=article.get_parent(), title="Cramps in sport", slug="cramps-in-sport", live=False)
    warm(client, address, article.url)
    new.save_revision().publish()
    assert "cramps-in-sport" in client.get(address).text
    assert state(client, article.url) == "hit"


def test_renaming_an_author_refreshes_the_pages_that_credit_them(client, article, other_article):
    """A snippet (articles.person:N) — pages crediting that person change, others do not."""
    warm(client, article.url, other_article.url)
    article.author.name = "Dr New Name"
    article.author.save()
    assert "Dr New Name" in client.get(article.url).text
    assert state(client, other_article.url) == "hit"


def test_renaming_a_topic_refreshes_the_topic_lists(client, article, home_page):
    """topics — the home page lists topics by name."""
    topic = TopicFactory(name="Muscles")
    warm(client, home_page.url, article.url)
    topic.name = "Muscles and joints"
    topic.save()
    assert "Muscles and joints" in client.get(home_page.url).text
    assert state(client, article.url) == "hit"


def test_site_wide_settings_empty_everything(client, article, other_article):
    """all — comment settings show on every article, so changing them refreshes every page."""
    warm(client, article.url, other_article.url)
    settings = CommentSettings.load()
    settings.threads_per_page = 1
    settings.save()
    assert state(client, article.url) == "miss"
    assert state(client, other_article.url) == "miss"


def test_a_pending_comment_or_a_new_person_changes_nothing(client, article):
    """Writes no reader sees leave the cache warm: a flood of spam cannot empty it."""
    warm(client, article.url)
    CommentFactory(article=article, status=Comment.Status.PENDING)
    PersonFactory()
    assert state(client, article.url) == "hit"


def test_a_render_that_overlaps_a_change_is_not_kept(client, article):
    """A page rendered from rows read before a change committed is a miss for the next reader."""

    def change_commits_during_render(page, request, serve_args, serve_kwargs):
        pagecache.invalidate(pagecache.comments_tag(article.pk))

    with hooks.register_temporarily("before_serve_page", change_commits_during_render):
        assert state(client, article.url) == "miss"
    assert state(client, article.url) == "miss"
    assert state(client, article.url) == "hit"
