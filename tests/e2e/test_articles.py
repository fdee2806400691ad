import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_article_renders_and_its_contents_links_jump_to_sections(demo_site, page):
    """A reader opens the muscle-spasm article and jumps to “Causes” from “On this page”."""
    page.goto(demo_site + "/health-a-z/muscle-spasm/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What is muscle spasm?")
    expect(page.get_by_text("Urgent advice", exact=True)).to_be_visible()
    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="Causes").click()
    expect(page).to_have_url(demo_site + "/health-a-z/muscle-spasm/#causes")
    expect(page.get_by_role("heading", name="Causes", level=2)).to_be_in_viewport()


def test_reader_searches_for_cramp_and_opens_the_article(demo_site, page):
    """The header search finds the article by the everyday word."""
    page.goto(demo_site)
    page.get_by_role("searchbox", name="Search the site").fill("cramp")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="What is muscle spasm?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What is muscle spasm?")


READER_PAGES = [
    "/",
    "/health-a-z/",
    "/health-a-z/muscle-spasm/",
    "/topics/",
    "/topics/back-spine/",
    "/about-us/",
    "/privacy/",
    "/accessibility/",
    "/contact/",
    "/search/?q=cramp",
    "/search/?q=xylophone",
]


def test_reader_pages_have_no_accessibility_violations(demo_site, page, assert_accessible):
    """axe-core finds no WCAG 2.2 A/AA violations on the home, A to Z, article, topic, trust and
    search pages. One demo site serves them all (loading it is most of a browser test's time);
    every page is checked and each one's report kept, so one failure hides none of the others."""
    failures = []
    for path in READER_PAGES:
        page.goto(demo_site + path)
        try:
            assert_accessible(page)
        except AssertionError as error:
            failures.append(f"{path}:\n{error}")
    assert not failures, "\n\n".join(failures)


def test_article_is_readable_on_a_phone(demo_site, browser):
    """At 320 CSS pixels wide nothing forces sideways scrolling."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    phone = context.new_page()
    phone.goto(demo_site + "/health-a-z/muscle-spasm/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_print_keeps_care_cards_and_drops_navigation(demo_site, page):
    """Printing the article keeps the care card and hides the header search and contents."""
    page.goto(demo_site + "/health-a-z/muscle-spasm/")
    page.emulate_media(media="print")
    expect(page.get_by_text("Urgent advice", exact=True)).to_be_visible()
    expect(page.get_by_role("search")).to_be_hidden()
    expect(page.get_by_role("navigation", name="On this page")).to_be_hidden()
