"""New published posts are written without Wagtail's per-save extras: the pages must be the ones
Wagtail's own add_child, save_revision and publish would have made."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from articles.models import ArticleIndexPage, ArticlePage

from .conftest import EXPORT

pytestmark = pytest.mark.django_db

# What differs between any two pages whatever made them.
OWN_VALUES = {
    "id",
    "page_ptr",
    "path",
    "slug",
    "title",
    "draft_title",
    "url_path",
    "translation_key",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "latest_revision",
    "live_revision",
}


def made_by_wagtail(imported):
    """A twin of `imported` made through Wagtail's API, as an editor's publish makes it."""
    twin = ArticlePage(
        title=f"Twin of {imported.title}",
        slug=f"twin-{imported.slug}",
        summary=imported.summary,
        body=imported.body.raw_data,
        author=imported.author,
        seo_title=imported.seo_title,
        search_description=imported.search_description,
        comments_open=imported.comments_open,
        topics=list(imported.topics.all()),
    )
    imported.get_parent().add_child(instance=twin)
    twin.save_revision().publish()
    return ArticlePage.objects.get(pk=twin.pk)


def page_values(page):
    return {
        field.name: field.value_from_object(page)
        for field in page._meta.concrete_fields
        if field.name not in OWN_VALUES and field.name != "body"
    }


def test_an_imported_article_is_the_page_wagtail_would_make(run_import):
    """Same columns, a live revision holding the page, the same log entries, a valid tree."""
    run_import()
    imported = ArticlePage.objects.get(slug="what-is-muscle-spasm")
    twin = made_by_wagtail(imported)
    assert page_values(imported) == page_values(twin)
    assert list(imported.body.raw_data) == list(twin.body.raw_data)
    assert imported.url_path == imported.get_parent().url_path + imported.slug + "/"
    for page in (imported, twin):
        assert page.live_revision_id == page.latest_revision_id
        assert page.latest_revision_created_at == page.live_revision.created_at
        assert page.draft_title == page.title
    revision = imported.live_revision
    assert revision.content.keys() == twin.live_revision.content.keys()
    as_revised = revision.as_object()
    assert (as_revised.title, as_revised.summary, list(as_revised.body.raw_data)) == (
        imported.title,
        imported.summary,
        list(imported.body.raw_data),
    )
    assert set(as_revised.topics.all()) == set(imported.topics.all())

    def actions(page):
        return sorted(PageLogEntry.objects.filter(page=page).values_list("action", "revision_id", "content_type"))

    twin_actions = [(action, rev and imported.live_revision_id, ct) for action, rev, ct in actions(twin)]
    assert actions(imported) == twin_actions
    assert all(not problems for problems in Page.find_problems())


def test_an_imported_article_opens_in_the_editor(run_import, admin_client):
    """An editor can open the imported article and sees its latest revision's title."""
    run_import()
    imported = ArticlePage.objects.get(slug="what-is-muscle-spasm")
    response = admin_client.get(f"/admin/pages/{imported.pk}/edit/")
    assert response.status_code == 200
    assert f'value="{imported.title}"' in response.content.decode()


def test_imported_articles_are_listed_where_their_images_are_used(run_import):
    """The reference index holds the rows Wagtail's own indexing writes for the article, so the
    image's usage lists it."""
    run_import()
    article = ArticlePage.objects.get(slug="what-is-muscle-spasm")
    recorded = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(article.pk)
    )

    def rows():
        return sorted(
            recorded.values_list("content_type", "to_content_type", "to_object_id", "model_path", "content_path_hash")
        )

    imported = rows()
    recorded.delete()
    ReferenceIndex.create_or_update_for_object(article)
    assert imported == rows()
    image = get_image_model().objects.get(title="Calf stretch")
    assert article.pk in {page.pk for page, _ in ReferenceIndex.get_references_to(image).group_by_source_object()}


def test_imported_articles_are_indexed_for_search_as_wagtail_indexes_them(run_import):
    """Each article's search entry, made in bulk after the import, is the one indexing it alone makes."""
    run_import()
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(ArticlePage))

    def indexed():
        return sorted(entries.values_list("object_id", "title", "autocomplete", "body", "title_text", "body_text"))

    imported = indexed()
    for article in ArticlePage.objects.all():
        get_search_backend().add(article)
    assert len(imported) == ArticlePage.objects.count() and imported == indexed()


def test_pages_added_meanwhile_do_not_break_the_tree(run_import, article_index):
    """A page added to the section after the importer read it takes no path the import gives."""
    from tests.articles.factories import ArticlePageFactory

    ArticlePageFactory(parent=ArticleIndexPage.objects.get(pk=article_index.pk))
    assert article_index.numchild == 0  # what the importer holds is out of date
    run_import(path=EXPORT)
    assert all(not problems for problems in Page.find_problems())
    section = ArticleIndexPage.objects.get(pk=article_index.pk)
    assert section.numchild == section.get_children().count() == 7
