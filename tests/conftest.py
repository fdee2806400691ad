import pytest
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from tests.articles.factories import HomePageFactory


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
def article_index(home_page):
    from tests.articles.factories import ArticleIndexPageFactory

    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def article(article_index):
    from tests.articles.factories import ArticlePageFactory

    return ArticlePageFactory(parent=article_index, title="What is muscle spasm?")


@pytest.fixture
def post_comment(client):
    """POST the comment form for an article, as a browser would, with valid defaults for every field not given."""
    from django.urls import reverse

    from articles.comments.forms import form_token

    def post(article, follow=False, **fields):
        data = {
            "name": "Maria",
            "email": "maria@example.com",
            "website": "",
            "body": "Stretching my calf helps.",
            "token": form_token(article),
            "homepage": "",
            **fields,
        }
        return client.post(reverse("post_comment", args=[article.pk]), data, follow=follow)

    return post
