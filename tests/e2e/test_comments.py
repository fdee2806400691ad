import pytest
from playwright.sync_api import expect

from articles.comments.models import Comment, CommentSettings
from healthsite.demo_accounts import ensure_demo_accounts

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = "/health-a-z/muscle-spasm/"


def comment_field(page, name):
    return page.locator("form.comment-form").get_by_role("textbox", name=name, exact=True)


def fill_comment(page, name="", email="", comment=""):
    """Type into the Leave a Reply form as a reader does; blank fields are left alone."""
    for label, text in (("Name", name), ("Email", email), ("Comment", comment)):
        if text:
            comment_field(page, label).fill(text)


def test_comment_is_moderated_then_shown_to_everyone(demo_site, page, browser, tmp_path):
    """A reader posts, sees it pending; the moderator approves it from the queue; a new visitor sees it."""
    page.goto(demo_site + ARTICLE)
    fill_comment(page, "Priya", "priya@example.com", "Massaging the calf with ice worked for me.")
    page.locator("form.comment-form").get_by_role("button", name="Post Comment").click()
    expect(page.get_by_role("status").filter(has_text="awaiting moderation")).to_be_visible()
    mine = page.locator(".comment", has_text="Massaging the calf with ice")
    expect(mine.get_by_text("Your comment is awaiting moderation.")).to_be_visible()

    visitor = browser.new_context().new_page()
    visitor.goto(demo_site + ARTICLE)
    expect(visitor.get_by_text("Massaging the calf with ice")).to_have_count(0)

    passwords = {name: password for name, password, _ in ensure_demo_accounts(tmp_path / "accounts.txt")}
    moderator = browser.new_context().new_page()
    moderator.goto(demo_site + "/admin/login/")
    moderator.get_by_label("Username").fill("moderator")
    moderator.get_by_label("Password").fill(passwords["moderator"])
    moderator.get_by_role("button", name="Sign in").click()
    moderator.goto(demo_site + "/admin/comments/?status=pending")
    row = moderator.get_by_role("row").filter(has_text="Priya")
    row.get_by_role("checkbox").check()
    moderator.get_by_role("link", name="Approve: selected comments").click()
    expect(moderator.get_by_text("Massaging the calf with ice")).to_be_visible()
    moderator.get_by_role("button", name="Approve").click()
    expect(moderator.get_by_text("1 comment approved.")).to_be_visible()

    visitor.reload()
    expect(visitor.get_by_text("Massaging the calf with ice worked for me.")).to_be_visible()


def test_errors_are_summarised_and_typing_is_kept(demo_site, page):
    """Sending without a name and email lists both problems, linked to the fields, and keeps the comment."""
    page.goto(demo_site + ARTICLE)
    fill_comment(page, comment="My comment survives.")
    page.locator("form.comment-form").get_by_role("button", name="Post Comment").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter your name")
    expect(summary).to_contain_text("Enter your email address")
    summary.get_by_role("link", name="Enter your name").click()
    expect(comment_field(page, "Name")).to_be_focused()
    expect(comment_field(page, "Comment")).to_have_value("My comment survives.")


def test_saved_details_are_filled_in_next_time(demo_site, page):
    """Ticking “Save my name…” keeps them in this browser for the next comment."""
    page.goto(demo_site + ARTICLE)
    fill_comment(page, "Sam", "sam@example.com", "First comment from Sam.")
    form = page.locator("form.comment-form")
    form.get_by_label("Save my name, email, and website").check()
    form.get_by_role("button", name="Post Comment").click()
    page.goto(demo_site + ARTICLE)
    expect(comment_field(page, "Name")).to_have_value("Sam")


@pytest.mark.parametrize("with_errors", [False, True])
def test_article_with_comments_has_no_accessibility_violations(demo_site, page, assert_accessible, with_errors):
    """axe finds nothing on the article with its thread, with and without form errors showing."""
    page.goto(demo_site + ARTICLE)
    if with_errors:
        page.locator("form.comment-form").get_by_role("button", name="Post Comment").click()
        expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("script", [True, False], ids=["with script", "without script"])
def test_a_reader_comments_from_a_cached_page(demo_site, browser, page_cache_on, script):
    """With the page cache on, a reader served the shared copy can still post, and sees their comment:
    with script in one go; without, after being asked once to send again, nothing they typed lost."""
    browser.new_context().new_page().goto(demo_site + ARTICLE)
    page = browser.new_context(java_script_enabled=script).new_page()
    response = page.goto(demo_site + ARTICLE)
    assert response.headers["x-page-cache"] == "hit"
    fill_comment(page, "Cached reader", "cached@example.com", "Posted from the shared copy.")
    send = page.locator("form.comment-form").get_by_role("button", name="Post Comment")
    send.click()
    if not script:
        expect(page.get_by_role("alert")).to_contain_text("press Post Comment again")
        expect(comment_field(page, "Comment")).to_have_value("Posted from the shared copy.")
        expect(comment_field(page, "Email")).to_have_value("cached@example.com")
        send.click()
    expect(page.get_by_role("status").filter(has_text="awaiting moderation")).to_be_visible()
    expect(page.locator(".comment", has_text="Posted from the shared copy.")).to_be_visible()


def test_an_old_link_to_a_comment_on_a_later_page_lands_on_it(demo_site, page):
    """`#comment-N` names only the comment: the page's script finds the page of threads holding it."""
    settings = CommentSettings.load()
    settings.threads_per_page = 1
    settings.save()
    last = Comment.objects.approved().filter(article__url_path__endswith=ARTICLE).top_level().oldest_first().last()
    page.goto(f"{demo_site}{ARTICLE}#comment-{last.pk}")
    expect(page).to_have_url(f"{demo_site}{ARTICLE}?comments-page={page_count()}#comment-{last.pk}")
    expect(page.locator(f"#comment-{last.pk}")).to_be_in_viewport()


def page_count():
    return Comment.objects.approved().filter(article__url_path__endswith=ARTICLE).top_level().count()
