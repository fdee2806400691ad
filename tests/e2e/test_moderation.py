"""Browser tests of moderation as a moderator does it: row actions, Undo, replies, the comment screen,
with and without JavaScript, by keyboard, and axe on every moderation page."""

import pytest
from playwright.sync_api import expect

from articles.comments.models import Comment
from articles.models import ArticlePage
from healthsite.demo_accounts import ensure_demo_accounts
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def log_in(browser, tmp_path, demo_site):
    """A signed-in admin page for a demo account, with or without JavaScript."""
    passwords = {name: password for name, password, _ in ensure_demo_accounts(tmp_path / "accounts.txt")}
    contexts = []

    def log_in(username="moderator", javascript=True):
        context = browser.new_context(java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(demo_site + "/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(passwords[username])
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        return page

    yield log_in
    for context in contexts:
        context.close()


@pytest.fixture
def waiting(demo_site):
    """A pending comment from Priya on the demo article."""
    article = ArticlePage.objects.get(slug="muscle-spasm")
    return CommentFactory(article=article, name="Priya Waiting", body="Does ice help a calf cramp?", status="pending")


def row(page, name):
    return page.get_by_role("row").filter(has_text=name)


def row_action(page, name, action):
    target = row(page, name)
    target.hover()
    return target.get_by_role("button", name=action)


def activator(javascript):
    """Click with the mouse; without JavaScript, Wagtail's "JavaScript is required" banner covers the
    foot of the screen, so press Enter on the focused control as a keyboard user does."""
    return (lambda locator: locator.click()) if javascript else (lambda locator: locator.press("Enter"))


def status_of(comment):
    comment.refresh_from_db()
    return comment.status


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_row_actions_with_undo(log_in, demo_site, waiting, javascript):
    """Approve, Undo, Spam, Not spam, Trash and Restore from queue rows, staying on the chosen tab."""
    page = log_in(javascript=javascript)
    press = activator(javascript)
    page.goto(demo_site + "/admin/comments/?status=pending&q=Priya")
    press(row_action(page, "Priya Waiting", "Approve"))
    expect(page.locator(".messages")).to_contain_text("Comment by Priya Waiting approved.")
    assert "status=pending" in page.url and "q=Priya" in page.url
    assert status_of(waiting) == Comment.Status.APPROVED
    press(page.get_by_role("button", name="Undo"))
    expect(page.locator(".messages")).to_contain_text("Comment by Priya Waiting restored to pending.")
    assert status_of(waiting) == Comment.Status.PENDING

    press(row_action(page, "Priya Waiting", "Spam"))
    expect(page.locator(".messages")).to_contain_text("marked as spam")
    page.goto(demo_site + "/admin/comments/?status=spam")
    press(row_action(page, "Priya Waiting", "Not spam"))
    expect(page.locator(".messages")).to_contain_text("restored to pending")
    assert status_of(waiting) == Comment.Status.PENDING

    page.goto(demo_site + "/admin/comments/?status=pending")
    press(row_action(page, "Priya Waiting", "Trash"))
    expect(page.locator(".messages")).to_contain_text("moved to trash")
    assert status_of(waiting) == Comment.Status.TRASH
    page.goto(demo_site + "/admin/comments/?status=trash")
    press(row_action(page, "Priya Waiting", "Restore"))
    expect(page.locator(".messages")).to_contain_text("restored to pending")
    assert status_of(waiting) == Comment.Status.PENDING


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_reply_from_a_row_and_act_from_the_comment_screen(log_in, demo_site, waiting, javascript):
    """Reply opens the comment screen's reply form; publishing approves the comment; the screen's
    own buttons spam, trash and restore it."""
    page = log_in(javascript=javascript)
    press = activator(javascript)
    page.goto(demo_site + "/admin/comments/")
    row(page, "Priya Waiting").hover()
    press(row(page, "Priya Waiting").get_by_role("link", name="Reply to Priya Waiting"))
    page.get_by_label("Your reply").fill("Yes: 10 minutes of ice, wrapped in a cloth.")
    press(page.get_by_role("button", name="Publish reply"))
    expect(page.locator(".messages")).to_contain_text("Your reply to Priya Waiting is published.")
    assert status_of(waiting) == Comment.Status.APPROVED
    assert waiting.replies.get().staff_reply

    press(page.get_by_role("button", name="Spam comment by Priya Waiting"))
    expect(page.locator(".messages")).to_contain_text("Comment by Priya Waiting marked as spam.")
    expect(page.get_by_role("heading", name="Comment by Priya Waiting")).to_be_visible()
    press(page.get_by_role("button", name="Not spam comment by Priya Waiting"))
    expect(page.locator(".messages")).to_contain_text("restored to pending")
    press(page.get_by_role("button", name="Trash comment by Priya Waiting"))
    expect(page.locator(".messages")).to_contain_text("moved to trash")
    assert status_of(waiting) == Comment.Status.TRASH
    press(page.get_by_role("button", name="Restore comment by Priya Waiting"))
    expect(page.locator(".messages")).to_contain_text("restored to pending")
    assert status_of(waiting) == Comment.Status.PENDING


def test_row_actions_show_on_keyboard_focus(log_in, demo_site, waiting):
    """Hidden until hover, a row's actions appear when Tab reaches them."""
    page = log_in()
    page.goto(demo_site + "/admin/comments/?q=Priya")
    actions = row(page, "Priya Waiting").locator(".comment-row-actions")
    page.mouse.move(0, 0)
    assert actions.evaluate("el => getComputedStyle(el).opacity") == "0"
    row(page, "Priya Waiting").get_by_role("link", name="Priya Waiting", exact=True).focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").startswith("Approve"):
            break
    assert page.evaluate("document.activeElement.textContent").startswith("Approve")
    assert actions.evaluate("el => getComputedStyle(el).opacity") == "1"
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Comment by Priya Waiting approved.")


def test_single_key_shortcuts(log_in, demo_site, waiting):
    """With focus in a row, j moves to the next comment and a approves it, as in WordPress."""
    article = waiting.article
    older = CommentFactory(article=article, name="Priya Older", body="Is heat better?", status="pending")
    Comment.objects.filter(pk=older.pk).update(created_at=waiting.created_at.replace(year=2020))
    page = log_in()
    page.goto(demo_site + "/admin/comments/?q=Priya")
    row(page, "Priya Waiting").get_by_role("link", name="Priya Waiting", exact=True).focus()
    page.keyboard.press("j")
    expect(row(page, "Priya Older").get_by_role("link", name="Priya Older", exact=True)).to_be_focused()
    page.keyboard.press("a")
    expect(page.locator(".messages")).to_contain_text("Comment by Priya Older approved.")
    assert status_of(older) == Comment.Status.APPROVED
    assert status_of(waiting) == Comment.Status.PENDING


def test_bulk_bar_counts_comments(log_in, demo_site, waiting):
    """Ticking a row says "1 comment selected"."""
    page = log_in()
    page.goto(demo_site + "/admin/comments/")
    row(page, "Priya Waiting").get_by_role("checkbox").check()
    expect(page.get_by_text("1 comment selected")).to_be_visible()


def test_moderation_pages_have_no_accessibility_violations(log_in, demo_site, waiting, assert_accessible):
    """axe finds nothing on the queue, the comment screen, a bulk confirmation and the dashboards."""
    page = log_in()
    for path in (
        "/admin/comments/",
        "/admin/comments/?status=all",
        f"/admin/comments/{waiting.pk}/",
        f"/admin/bulk/articles/comment/comment_approve/?next=/admin/comments/&id={waiting.pk}",
        f"/admin/bulk/articles/comment/delete/?next=/admin/comments/&id={waiting.pk}",
        "/admin/",
    ):
        page.goto(demo_site + path)
        assert_accessible(page)
    for username in ("editor", "reviewer"):
        other = log_in(username)
        other.goto(demo_site + "/admin/")
        assert_accessible(other)
