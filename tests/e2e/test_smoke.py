import pytest
from playwright.sync_api import expect

from healthsite.demo_accounts import ensure_demo_accounts

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_renders(live_server, home_page, page):
    """A reader opening the site sees the home page heading and a working skip link."""
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Health Guide")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()


def test_editor_can_log_in_to_the_admin(live_server, home_page, page, tmp_path):
    """The demo editor signs in with the password from the accounts file and reaches the dashboard."""
    accounts = {username: password for username, password, _ in ensure_demo_accounts(tmp_path / "a.txt")}
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(accounts["editor"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Health Guide")


def test_home_page_has_no_accessibility_violations(live_server, home_page, page, assert_accessible):
    """axe-core finds nothing on the home page."""
    page.goto(live_server.url)
    assert_accessible(page)
