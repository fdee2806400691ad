"""How readers find their way: the menu, the footer's trust pages, the A to Z and the topic pages."""

import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from articles.models import ArticlePage, ContentPage
from articles.models.pages import letter_sections
from tests.articles.factories import ArticlePageFactory, TopicFactory

pytestmark = pytest.mark.django_db

TRUST_PAGES = ["About us", "Editorial policy", "Privacy notice", "Accessibility statement", "Contact us"]


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.text, "html.parser")


def link_texts(element):
    return [" ".join(a.get_text().split()) for a in element.find_all("a")]


def query_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_menu_lists_the_pages_shown_in_menus_in_tree_order(client, demo):
    """The header menu is Health A to Z, Checklists, Topics, About us, in a disclosure too for narrow screens."""
    nav = soup_of(client, "/").find("nav", attrs={"aria-label": "Main"})
    expected = ["Health A to Z", "Checklists", "Topics", "About us"]
    assert link_texts(nav.find("ul", class_="site-nav__bar")) == expected
    menu = nav.find("details")
    assert menu.find("summary").get_text() == "Menu"
    assert link_texts(menu) == expected


def test_menu_marks_the_current_section(client, demo):
    """On the A to Z, its menu link says it is the current page."""
    nav = soup_of(client, "/health-a-z/").find("nav", attrs={"aria-label": "Main"})
    assert [a.get_text() for a in nav.find_all("a", attrs={"aria-current": "page"})] == ["Health A to Z"] * 2


def test_menu_and_footer_cost_one_query_however_many_pages(client, home_page):
    """Six menu pages cost what one does."""
    home_page.add_child(instance=ContentPage(title="About us", slug="about-us", show_in_menus=True))
    one = query_count(client, "/")
    for n in range(5):
        home_page.add_child(instance=ContentPage(title=f"Page {n}", slug=f"page-{n}", show_in_menus=True))
    assert len(soup_of(client, "/").find("ul", class_="site-nav__bar").find_all("li")) == 6
    assert query_count(client, "/") == one


def test_unpublished_pages_stay_out_of_the_menu_and_footer(client, home_page):
    """A draft content page is in neither the menu nor the footer."""
    home_page.add_child(instance=ContentPage(title="Draft policy", slug="draft", show_in_menus=True, live=False))
    assert "Draft policy" not in soup_of(client, "/").get_text()


@pytest.mark.usefixtures("fragment_cache_on")
def test_the_kept_menu_changes_as_soon_as_its_pages_do(client, home_page):
    """Kept for every reader, the menu still shows a page published, renamed or unpublished at once."""
    about = home_page.add_child(instance=ContentPage(title="About us", slug="about-us", show_in_menus=True))
    about.save_revision().publish()
    assert link_texts(soup_of(client, "/").find("ul", class_="site-nav__bar")) == ["About us"]
    news = home_page.add_child(instance=ContentPage(title="News", slug="news", show_in_menus=True, live=False))
    news.save_revision().publish()
    about.title = "Who we are"
    about.save_revision().publish()
    assert link_texts(soup_of(client, "/").find("ul", class_="site-nav__bar")) == ["Who we are", "News"]
    news.refresh_from_db()
    news.unpublish()
    assert link_texts(soup_of(client, "/").find("ul", class_="site-nav__bar")) == ["Who we are"]


def test_footer_links_every_trust_page_and_each_has_real_text(client, demo):
    """The footer links the five trust pages; each opens with its title and an introduction, and no demo label."""
    footer = soup_of(client, "/").find("nav", attrs={"aria-label": "About this site"})
    assert link_texts(footer)[:5] == TRUST_PAGES
    for link in footer.find_all("a")[:5]:
        page = soup_of(client, link["href"])
        assert page.h1.get_text() == link.get_text()
        assert page.find("p", class_="lead").get_text()
        assert "demo content" not in page.get_text().lower()


def test_privacy_notice_states_the_real_retention_and_that_checklist_answers_are_not_kept(client, demo):
    """The privacy notice gives the purge periods the code uses and the data request route."""
    from articles.comments.privacy import SPAM_AND_TRASH_KEPT, UNCONFIRMED_SUBSCRIPTIONS_KEPT

    text = " ".join(soup_of(client, "/privacy/").get_text().split())
    assert f"deleted after {SPAM_AND_TRASH_KEPT.days} days" in text
    assert f"deleted after {UNCONFIRMED_SUBSCRIPTIONS_KEPT.days} days" in text
    assert "Checklist answers are never stored" in text
    assert "privacy@example.org" in text


def test_article_links_how_we_write_and_review_to_the_editorial_policy(client, demo):
    """Every article links to the editorial policy beside its review dates."""
    soup = soup_of(client, "/health-a-z/muscle-spasm/")
    link = soup.find("a", string="How we write and review our information")
    assert soup_of(client, link["href"]).h1.get_text() == "Editorial policy"


def test_article_shows_when_it_was_first_published_as_well_as_reviewed(client, demo):
    """Readers see First published, Page last reviewed and Next review due."""
    article = ArticlePage.objects.get(slug="muscle-spasm")
    text = " ".join(soup_of(client, article.url).find("div", class_="review-dates").get_text().split())
    assert f"First published: {article.first_published_at:%-d %B %Y}" in text
    assert "Page last reviewed:" in text and "Next review due:" in text


def test_a_to_z_links_only_letters_that_have_articles(client, article_index):
    """Letters with an article link to their section; the others are shown, not linked."""
    for name in ["asthma", "Acne", "Zika virus", "Éczema"]:
        ArticlePageFactory(parent=article_index, title=f"What is {name}?", condition_name=name)
    soup = soup_of(client, article_index.url)
    index = soup.find("nav", attrs={"aria-label": "Articles by first letter"})
    assert link_texts(index) == ["A", "E", "Z"]
    assert [item.get_text() for item in index.find_all("li")] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    section = soup.find(id="letter-A")
    assert section.find("h2").get_text() == "A"
    assert link_texts(section.find("ul")) == ["Acne", "asthma"]
    assert soup.find(id="letter-E").find("a")["href"].endswith("/")


def test_a_to_z_lists_articles_without_a_condition_by_title_and_hides_drafts(client, article_index):
    """An article without a condition name is listed by its title; a draft is not listed."""
    ArticlePageFactory(parent=article_index, title="8 ways to sleep better", condition_name="")
    ArticlePageFactory(parent=article_index, title="Bunions", condition_name="Bunions", live=False)
    soup = soup_of(client, article_index.url)
    assert link_texts(soup.find("nav", attrs={"aria-label": "Articles by first letter"})) == ["0–9"]
    assert "Bunions" not in soup.get_text()


@given(st.lists(st.text(max_size=30)))
def test_every_article_lands_in_exactly_one_letter(names):
    """Whatever the names, A to Z come in order, and each article is listed once."""
    articles = [SimpleNamespace(a_to_z_name=name) for name in names]
    sections = letter_sections(articles)
    assert [letter for letter, _ in sections[:26]] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    listed = [id(article) for _, group in sections for article in group]
    assert sorted(listed) == sorted(id(article) for article in articles)


def test_a_to_z_costs_the_same_with_more_articles(client, article_index):
    """Two or twelve articles, the A to Z takes the same number of queries."""
    ArticlePageFactory.create_batch(2, parent=article_index)
    few = query_count(client, article_index.url)
    ArticlePageFactory.create_batch(10, parent=article_index)
    assert query_count(client, article_index.url) == few


def test_topic_page_shows_its_introduction_and_only_its_published_articles(client, article_index, topics_page):
    """/topics/<slug>/ has the topic's name, introduction and articles, not other topics' or drafts."""
    back = TopicFactory(name="Back and spine", slug="back-and-spine", description="Back pain and posture.")
    ArticlePageFactory(parent=article_index, title="Scoliosis", topics=[back])
    ArticlePageFactory(parent=article_index, title="Sciatica draft", topics=[back], live=False)
    ArticlePageFactory(parent=article_index, title="Cramp")
    soup = soup_of(client, "/topics/back-and-spine/")
    assert soup.h1.get_text() == "Back and spine"
    assert soup.find("p", class_="lead").get_text() == "Back pain and posture."
    assert [a.get_text() for a in soup.select(".card__title a")] == ["Scoliosis"]
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Back pain and posture."
    assert soup.find("link", rel="canonical")["href"] == "http://localhost/topics/back-and-spine/"
    assert soup.title.get_text().startswith("Back and spine | ")


def test_unknown_topic_is_a_404(client, topics_page):
    """A topic address that matches no topic is Page not found."""
    assert client.get("/topics/no-such-topic/").status_code == 404


def test_topic_page_costs_the_same_with_more_articles(client, article_index, topics_page):
    """A topic with two or twelve articles takes the same number of queries."""
    topic = TopicFactory(slug="joints")
    ArticlePageFactory.create_batch(2, parent=article_index, topics=[topic])
    few = query_count(client, "/topics/joints/")
    ArticlePageFactory.create_batch(10, parent=article_index, topics=[topic])
    assert query_count(client, "/topics/joints/") == few


def test_topic_chips_link_to_their_topic_pages(client, demo):
    """Every chip, on the home page and on an article, opens that topic's page."""
    for url in ["/", "/health-a-z/muscle-spasm/"]:
        chips = soup_of(client, url).find_all("ul", class_="topic-list")[-1].find_all("a")
        assert chips
        for chip in chips:
            assert soup_of(client, chip["href"]).h1.get_text() == chip.get_text()


def test_topics_are_in_the_sitemap(client, demo):
    """sitemap.xml lists the topics page and every topic's page."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {loc.text for loc in root.findall("s:url/s:loc", namespace)}
    for slug in ["muscles-bones-joints", "exercise-fitness", "back-spine"]:
        assert f"http://localhost/topics/{slug}/" in locations
    assert "http://localhost/topics/" in locations
