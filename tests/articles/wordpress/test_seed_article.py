"""The seed article as WordPress served it (fixtures/seed-article.html) against the imported one."""

import pytest
from lxml import html

from articles.models import ArticlePage
from tests.test_html_validity import html_errors

from .conftest import FIXTURES, SEED_POST_ID

pytestmark = pytest.mark.django_db


def words(element):
    return " ".join(element.text_content().split())


def headings(content):
    return [(el.tag, el.get("id"), words(el)) for el in content.xpath(".//h2|.//h3|.//h4")]


def list_items(content):
    return [words(li) for li in content.xpath(".//ol/li|.//ul/li")]


def comment_threads(document):
    """Each shown comment's id, with the id of the comment it sits under (None for a thread's first)."""
    threads = {}
    for li in document.xpath("//li[starts-with(@id, 'comment-')]"):
        parent = li.xpath("ancestor::li[starts-with(@id, 'comment-')][1]/@id")
        threads[li.get("id")] = parent[0] if parent else None
    return threads


@pytest.fixture
def wordpress_page():
    return html.fromstring((FIXTURES / "seed-article.html").read_text())


@pytest.fixture
def imported_page(run_import, client):
    run_import()
    response = client.get(ArticlePage.objects.get(slug="what-is-muscle-spasm").url)
    assert response.status_code == 200
    return html.fromstring(response.content)


def test_same_headings_with_the_same_anchors(wordpress_page, imported_page):
    """Every heading of the WordPress article is there, at its level, reachable by its old #anchor."""
    (wordpress_body,) = wordpress_page.xpath("//*[contains(@class, 'wp-block-post-content')]")
    (imported_body,) = imported_page.xpath("//*[@class='article__body']")
    assert headings(imported_body) == headings(wordpress_body)
    assert len(headings(imported_body)) == 10


def test_same_lists(wordpress_page, imported_page):
    """Every list item of the WordPress article is there, in order."""
    (wordpress_body,) = wordpress_page.xpath("//*[contains(@class, 'wp-block-post-content')]")
    (imported_body,) = imported_page.xpath("//*[@class='article__body']")
    assert list_items(imported_body) == list_items(wordpress_body)
    assert len(list_items(imported_body)) == 26


def test_same_comments_in_the_same_threads(wordpress_page, imported_page):
    """The approved comments show under the same ids, each under the comment it replied to;
    pingbacks, which WordPress lists among comments, are left out."""
    pingbacks = {li.get("id") for li in wordpress_page.xpath("//li[contains(@class, 'pingback')]")}
    wordpress = {k: v for k, v in comment_threads(wordpress_page).items() if k not in pingbacks}
    wordpress = {k: v for k, v in wordpress.items() if "Another Health Blog" not in words(_by_id(wordpress_page, k))}
    assert comment_threads(imported_page) == wordpress
    assert len(wordpress) == 52


def test_an_old_comment_link_lands_on_that_comment(run_import, client):
    """/?p=4#comment-N: the redirect keeps the fragment, and the page has that comment under that id."""
    run_import()
    response = client.get(f"/?p={SEED_POST_ID}", follow=True)
    assert response.redirect_chain[0][1] == 301
    page = html.fromstring(response.content)
    (reply,) = page.xpath("//li[@id='comment-53']")
    assert "Cảm ơn bác sĩ!" in words(reply) and "Nguyễn Thị Hoa" in words(reply)


def _by_id(document, element_id):
    return document.xpath(f"//*[@id='{element_id}']")[0]


def test_imported_pages_are_valid_html(run_import, client, tmp_path):
    """vnu finds no errors in imported posts (Gutenberg and classic) and pages."""
    run_import()
    urls = [ArticlePage.objects.get(slug=slug).url for slug in ("what-is-muscle-spasm", "magnesium-leg-cramps")]
    assert html_errors(client, [*urls, "/about/"], tmp_path) == []
