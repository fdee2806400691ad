"""A new reader finds their way from the home page to an article, a topic and the editorial policy,
by clicking only, on a desktop and on a phone, with no accessibility violation on the way."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=[1280, 390], ids=["desktop", "phone"])
def reader(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page, request.param
    context.close()


def open_menu_item(page, width, name):
    """Follow a main-menu link: on a phone it sits behind the “Menu” button."""
    menu = page.get_by_role("navigation", name="Main")
    if width < 768:
        expect(menu.get_by_role("link", name=name)).to_be_hidden()
        menu.get_by_text("Menu", exact=True).click()
    menu.get_by_role("link", name=name).click()


def test_reader_walks_from_home_to_the_editorial_policy(demo_site, reader, assert_accessible):
    """home → menu → A to Z → letter → article → topic → another article → editorial policy, axe on each page."""
    page, width = reader
    page.goto(demo_site)
    assert_accessible(page)

    open_menu_item(page, width, "Health A to Z")
    expect(page.get_by_role("heading", level=1)).to_have_text("Health A to Z")
    assert_accessible(page)

    page.get_by_role("navigation", name="Articles by first letter").get_by_role("link", name="M").click()
    expect(page).to_have_url(demo_site + "/health-a-z/#letter-M")
    page.get_by_role("region", name="M").get_by_role("link", name="Muscle spasm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What is muscle spasm?")
    assert_accessible(page)

    page.get_by_role("link", name="Muscles, bones and joints").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Muscles, bones and joints")
    assert_accessible(page)

    page.get_by_role("link", name="How to get scoliosis?").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("scoliosis")
    assert_accessible(page)

    page.get_by_role("link", name="How we write and review our information").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Editorial policy")
    expect(page.get_by_role("heading", name="How to report a mistake")).to_be_visible()
    assert_accessible(page)


def test_menu_opens_and_closes_from_the_keyboard_without_javascript(demo_site, browser):
    """With JavaScript off, a phone reader opens the menu with Enter and reaches its links with Tab."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site)
    menu = page.get_by_role("navigation", name="Main")
    menu.get_by_text("Menu", exact=True).focus()
    page.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Topics")).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Health A to Z")).to_be_focused()
    menu.get_by_text("Menu", exact=True).focus()
    page.keyboard.press("Enter")
    expect(menu.get_by_role("link", name="Topics")).to_be_hidden()
    context.close()


def test_summary_buttons_do_not_touch_on_a_phone(demo_site, browser):
    """At 390 px the visit summary's print and download buttons (the outcome step's markup) keep a gap."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.set_content(
        f'<link rel="stylesheet" href="{demo_site}/static/css/site.css"><form class="summary-actions">'
        '<button class="button button--secondary">Print the summary</button>'
        '<button class="button button--secondary">Download PDF (A4)</button>'
        '<button class="button button--secondary">Download PDF (US Letter)</button></form>',
        wait_until="load",
    )
    boxes = [button.bounding_box() for button in page.get_by_role("button").all()]
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        side_by_side = abs(upper["y"] - lower["y"]) < 1
        gap = lower["x"] - upper["x"] - upper["width"] if side_by_side else lower["y"] - upper["y"] - upper["height"]
        assert gap >= 8
    context.close()
