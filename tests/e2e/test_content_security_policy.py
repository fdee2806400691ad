"""The Content-Security-Policy blocks nothing the site itself needs: no violation on any reader
page, through the checklist and the comment form, or in the admin."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Page

from articles.models import ArticlePage
from healthsite.demo_accounts import ensure_demo_accounts

pytestmark = pytest.mark.django_db(transaction=True)

# Runs before any page script: records what the policy blocked, whatever reports it.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def watched_page(page):
    """The browser page, collecting CSP violations from events and from the console."""
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))

    def violations():
        seen = page.evaluate("window.cspViolations")
        return seen + [text for text in console if "Content Security Policy" in text]

    page.csp_violations = violations
    return page


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.csp_violations() == [], url
    return response


def test_reader_pages_break_no_policy(live_server, watched_page):
    """Every published page, search, the 404 page, and a reader's pass through comments and the checklist."""
    call_command("load_demo_content")
    urls = [live_server.url + page.url for page in Page.objects.live().exclude(depth=1)]
    for url in [*urls, live_server.url + "/search/?q=cramp", live_server.url + "/no-such-page/"]:
        response = visit(watched_page, url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "camera=()" in response.headers["permissions-policy"]
    article = ArticlePage.objects.get(slug="muscle-spasm")
    visit(watched_page, live_server.url + article.url)
    watched_page.get_by_role("button", name="Post Comment").click()  # an empty form: the error summary
    # The form sends itself once its token has come, so wait for the page that answers it.
    expect(watched_page.get_by_role("alert")).to_be_visible()
    watched_page.wait_for_load_state("networkidle")
    assert watched_page.csp_violations() == []
    checklist = Page.objects.live().filter(content_type__model="checklistpage").first()
    visit(watched_page, live_server.url + checklist.url)
    watched_page.locator("main form button[type=submit]").last.click()
    watched_page.wait_for_load_state("networkidle")
    assert watched_page.csp_violations() == []


def test_admin_pages_break_no_policy(live_server, watched_page, tmp_path):
    """The admin works under its own policy: dashboard, page tree, the article editor, comments, settings."""
    call_command("load_demo_content")
    password = {name: secret for name, secret, _ in ensure_demo_accounts(tmp_path / "accounts.txt")}["admin"]
    visit(watched_page, live_server.url + "/admin/login/")
    watched_page.get_by_label("Username").fill("admin")
    watched_page.get_by_label("Password").fill(password)
    watched_page.get_by_role("button", name="Sign in").click()
    watched_page.wait_for_load_state("networkidle")
    article = ArticlePage.objects.get(slug="muscle-spasm")
    for path in [
        "/admin/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        reverse("wagtailsnippets_articles_comment:list"),
        reverse("wagtailsettings:edit", args=["articles", "commentsettings"]),
        "/admin/users/",
        "/admin/images/",
    ]:
        response = visit(watched_page, live_server.url + path)
        assert response.status == 200, path
        assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    # The user bar Wagtail adds to public pages for signed-in editors.
    visit(watched_page, live_server.url + article.url)
