import pytest
from playwright.sync_api import expect

from articles.wordpress.importer import import_export
from tests.articles.wordpress.conftest import EXPORT, SEED_POST_ID, UPLOADS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def imported_site(live_server, article_index):
    import_export(EXPORT, index=article_index, media_dir=UPLOADS)
    return live_server.url


def test_an_old_comment_link_opens_the_imported_article_at_that_comment(imported_site, page, assert_accessible):
    """A reader's bookmark to WordPress's /?p=4#comment-53 lands on the comment in the new article,
    and the imported article, image and threads included, has no accessibility violations."""
    page.goto(f"{imported_site}/?p={SEED_POST_ID}#comment-53")
    expect(page).to_have_url(f"{imported_site}/health-a-z/what-is-muscle-spasm/#comment-53")
    expect(page.locator("#comment-53")).to_be_in_viewport()
    expect(page.locator("#comment-53")).to_contain_text("Cảm ơn bác sĩ!")
    expect(page.get_by_role("img", name="A person leaning against a wall")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/health-a-z/magnesium-leg-cramps/", "/about/"])
def test_imported_classic_post_and_page_have_no_accessibility_violations(imported_site, page, assert_accessible, path):
    """A classic-editor post (table, quote, embed link, missing image) and a WordPress page pass axe."""
    page.goto(imported_site + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
