from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from articles.comments.forms import form_token
from articles.models import ArticlePage, TopicIndexPage
from healthsite.pagecache.store import local_pages
from healthsite.role_groups import sync_role_groups
from tests.articles.factories import ArticleIndexPageFactory, ArticlePageFactory, HomePageFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary directory, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def wagtail_base_rows(request):
    """Restore the locale, page tree root and collection root that Wagtail's migrations make.

    Transactional tests (the browser tests) end by flushing every table, and --reuse-db keeps
    that flushed database for the next run, so tests cannot rely on migration-made rows.
    """
    if request.node.get_closest_marker("django_db") is None and not {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        return
    request.getfixturevalue("db")
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def home_page(db):
    """A HomePage as the root of the default site, as the demo content sets it up."""
    root = Page.get_first_root_node()
    root.get_children().filter(slug="home").delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Health Guide"},
    )
    return home


@pytest.fixture
def test_database_url(django_db_setup):
    """The URL of the test database, for processes the test starts: they see its committed rows.
    The test needs a django_db mark, or pytest-django sets up no test database at all."""
    db = connection.settings_dict
    auth = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    host = quote(db["HOST"] or "localhost", safe="") + (f":{db['PORT']}" if db["PORT"] else "")
    return f"postgres://{auth}@{host}/{db['NAME']}"


@pytest.fixture
def instant_forms(settings):
    """Tests post a comment form the moment it is made; the minimum time is tested on its own."""
    settings.COMMENT_MIN_SECONDS = 0


@pytest.fixture
def page_cache_on(settings):
    """The anonymous readers' page cache as production runs it, starting empty (tests switch it off)."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    local_pages.clear()


@pytest.fixture
def fragment_cache_on(settings):
    """Kept parts of pages (healthsite/pagecache/parts.py) as production runs them, starting empty."""
    settings.FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    local_pages.clear()


@pytest.fixture
def demo(db):
    """The demo content, as `make run` loads it; returns its muscle-spasm article."""
    call_command("load_demo_content")
    return ArticlePage.objects.get(slug="muscle-spasm")


@pytest.fixture
def roles(home_page):
    """The role groups (Editors, Medical reviewers, Moderators) with their rights on the site."""
    sync_role_groups()


@pytest.fixture
def member_of(roles, django_user_model):
    """Make a staff user in a role group: `member_of("Moderators", "moderator")`."""

    def make(group_name, username):
        user = django_user_model.objects.create_user(username, f"{username}@healthsite.example", "x")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def editor(member_of):
    return member_of("Editors", "editor")


@pytest.fixture
def reviewer(member_of):
    return member_of("Medical reviewers", "reviewer")


@pytest.fixture
def moderator(member_of):
    return member_of("Moderators", "moderator")


@pytest.fixture
def article_index(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def topics_page(home_page):
    page = home_page.add_child(instance=TopicIndexPage(title="Topics", slug="topics", show_in_menus=True))
    page.save_revision().publish()
    return page


@pytest.fixture
def article(article_index):
    return ArticlePageFactory(parent=article_index, title="What is muscle spasm?")


@pytest.fixture
def post_comment(client):
    """POST the comment form for an article, as a browser would, with valid defaults for every field not given."""

    def post(article, follow=False, **fields):
        data = {
            "name": "Maria",
            "email": "maria@example.com",
            "website": "",
            "body": "Stretching my calf helps.",
            "token": form_token(article.pk),
            "homepage": "",
            **fields,
        }
        return client.post(reverse("post_comment", args=[article.pk]), data, follow=follow)

    return post
