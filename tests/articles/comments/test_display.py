"""What readers see of comments, and what they never see."""

import datetime
import json
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.comments.models import Comment, CommentSettings
from articles.comments.threads import build_threads
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db


def comment_names(html, selector=".comment__author"):
    return [" ".join(p.get_text().split()) for p in BeautifulSoup(html, "html.parser").select(selector)]


def test_only_approved_comments_are_shown_oldest_first(client, article):
    """Pending, spam and trash stay hidden; approved ones appear in the order they were posted."""
    CommentFactory(article=article, name="First")
    CommentFactory(article=article, name="Held", status=Comment.Status.PENDING)
    CommentFactory(article=article, name="Junk", status=Comment.Status.SPAM)
    CommentFactory(article=article, name="Binned", status=Comment.Status.TRASH)
    CommentFactory(article=article, name="Second")
    assert comment_names(client.get(article.url).text) == ["First", "Second"]


def test_replies_nest_to_the_configured_depth(client, article):
    """With depth 3, a fourth-level reply shows at the third level, saying whom it answers."""
    root = CommentFactory(article=article, name="Ann")
    child = CommentFactory.reply_to(root, name="Ben")
    grandchild = CommentFactory.reply_to(child, name="Cat")
    CommentFactory.reply_to(grandchild, name="Dan")
    soup = BeautifulSoup(client.get(article.url).text, "html.parser")
    dan = soup.find(id=f"comment-{Comment.objects.get(name='Dan').pk}")
    assert len(dan.find_parents("li", class_="comment")) == 2
    assert "In reply to Cat" in dan.get_text()


def test_build_threads_attaches_deep_replies_at_the_last_level():
    """The pure threading function keeps every reply, flattening below the maximum depth."""
    root = Comment(pk=1, name="Ann", depth=0)
    child = Comment(pk=2, name="Ben", depth=1, parent_id=1)
    deep = Comment(pk=3, name="Cat", depth=2, parent_id=2)
    [tree] = build_threads([root], [child, deep], max_depth=2)
    assert [node.comment.name for node in tree.replies] == ["Ben", "Cat"]
    assert tree.replies[1].in_reply_to == "Ben"


def test_threads_are_paginated_by_top_level_comment(client, article):
    """Replies stay with their thread; the second page holds the next threads."""
    settings = CommentSettings.load()
    settings.threads_per_page = 2
    settings.save()
    first = CommentFactory(article=article, name="One")
    CommentFactory.reply_to(first, name="One's reply")
    CommentFactory(article=article, name="Two")
    CommentFactory(article=article, name="Three")
    page_one = client.get(article.url)
    assert comment_names(page_one.text) == ["One", "One's reply", "Two"]
    assert "?comments-page=2#comments" in page_one.text
    assert comment_names(client.get(article.url, {"comments-page": 2}).text) == ["Three"]


def test_each_comment_has_a_permalink_and_a_name_link(client, article):
    """The name links to the commenter's site without passing trust; the date links to the comment."""
    comment = CommentFactory(article=article, name="Maria", website="https://maria.example/")
    soup = BeautifulSoup(client.get(article.url).text, "html.parser")
    item = soup.find(id=f"comment-{comment.pk}")
    author = item.find("a", string="Maria")
    assert author["href"] == "https://maria.example/"
    assert author["rel"] == ["nofollow", "ugc", "noopener"]
    assert item.find("a", href=f"#comment-{comment.pk}").time["datetime"]


def test_staff_replies_carry_a_badge(client, article):
    """A reply posted from the admin is marked “Staff”."""
    CommentFactory(article=article, name="Health Guide team", staff_reply=True)
    assert comment_names(client.get(article.url).text) == ["Health Guide team Staff"]


def test_reply_link_targets_the_form(client, article):
    """“Reply” leads to the form, which then says whom the reader is answering."""
    comment = CommentFactory(article=article, name="Maria")
    soup = BeautifulSoup(client.get(article.url).text, "html.parser")
    link = soup.select_one(".comment__reply")
    assert link["href"] == f"?replyto={comment.pk}#respond"
    reply_page = BeautifulSoup(client.get(article.url, {"replyto": comment.pk}).text, "html.parser")
    assert reply_page.find(id="respond-heading").get_text() == "Reply to Maria"
    assert reply_page.find("input", attrs={"name": "parent"})["value"] == str(comment.pk)


def test_leave_a_reply_form_has_the_familiar_fields_and_notices(client, article):
    """The form keeps WordPress's wording and adds the health-privacy notice."""
    soup = BeautifulSoup(client.get(article.url).text, "html.parser")
    respond = soup.find(id="respond")
    text = " ".join(respond.get_text().split())
    assert "Leave a Reply" in text
    assert "Your email address will not be published. Required fields are marked" in text
    assert "do not share personal health details" in text and "emergency number" in text
    labels = [" ".join(label.get_text().split()) for label in respond.find_all("label")]
    for label in ["Name *", "Email *", "Website", "Comment *", "Notify me of replies by email"]:
        assert label in labels
    save = respond.find("input", attrs={"name": "save_details"})
    assert not save.has_attr("checked")


def test_comment_count_on_the_article_and_in_listings(client, article, home_page):
    """Readers see how many approved comments an article has, on it and in the home page's listing."""
    CommentFactory.create_batch(2, article=article)
    CommentFactory(article=article, status=Comment.Status.PENDING)
    assert "Comments (2)" in " ".join(BeautifulSoup(client.get(article.url).text, "html.parser").get_text().split())
    assert "2 comments" in client.get(home_page.url).text


def test_json_ld_lists_approved_comments(client, article):
    """The structured data holds Comment items with names, never addresses."""
    CommentFactory(article=article, name="Maria", email="maria@example.com", body="Helpful, thanks.")
    soup = BeautifulSoup(client.get(article.url).text, "html.parser")
    page = next(
        item
        for item in (json.loads(s.string) for s in soup.select('script[type="application/ld+json"]'))
        if item["@type"] == "MedicalWebPage"
    )
    assert page["commentCount"] == 1
    assert page["comment"][0]["author"]["name"] == "Maria"
    assert page["comment"][0]["text"] == "Helpful, thanks."


def test_commenter_email_never_appears_in_public_output(client, article):
    """No page, feed, sitemap, search result or structured data carries a commenter's email."""
    email = "secret.person@example.com"
    parent = CommentFactory(article=article, email=email)
    CommentFactory.reply_to(parent, email="another.secret@example.com")
    CommentFactory(article=article, email="pending.secret@example.com", status=Comment.Status.PENDING)
    for url in [article.url, "/", "/health-a-z/", "/feed/", "/sitemap.xml", "/search/?q=stretching"]:
        body = client.get(url).content.decode()
        assert "secret" not in body, url
        assert "@example.com" not in body, url


def test_article_queries_do_not_grow_with_comments(client, article_index):
    """An article with 500 approved comments renders in as many queries as one with 5."""
    from tests.articles.factories import ArticlePageFactory

    def queries(article):
        client.get(article.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.url).status_code == 200
        return len(captured)

    small, large = ArticlePageFactory(parent=article_index), ArticlePageFactory(parent=article_index)
    for article, threads in [(small, 5), (large, 250)]:
        roots = CommentFactory.create_batch(threads, article=article)
        if article is large:
            for root in roots:
                CommentFactory.reply_to(root)
    assert queries(large) == queries(small)


@pytest.mark.parametrize("page", ["99999999999999999999999", "9" * 5000, "0", "-3", "two", "\x00", "²", "₀", "①", "٣"])
def test_odd_comment_page_numbers_show_a_page_not_an_error(client, article, page):
    """A mistyped or huge comments page number shows the first or last page, never a 500."""
    CommentFactory(article=article, name="Only")
    response = client.get(article.url, {"comments-page": page})
    assert response.status_code == 200
    assert comment_names(response.text) == ["Only"]


def test_a_comment_shows_when_it_was_posted_and_how_long_ago(client, article, settings):
    """The date and time in the site's time zone, a machine-readable timestamp, and the age in words."""
    settings.TIME_ZONE = "America/New_York"
    posted = timezone.now() - datetime.timedelta(days=3, hours=2)
    comment = CommentFactory(article=article, name="Ann", created_at=posted)
    soup = BeautifulSoup(client.get(article.url).text, "html.parser")
    shown = soup.find(id=comment.anchor)
    local = timezone.localtime(posted, zoneinfo.ZoneInfo("America/New_York"))
    time = shown.find("time")
    assert time["datetime"] == f"{local:%Y-%m-%dT%H:%M:%S%z}"
    assert time.get_text() == f"{local.day} {local:%B %Y} at {local:%H:%M}"
    assert shown.find(class_="comment__age").get_text() == "(3\xa0days, 2\xa0hours ago)"


@pytest.mark.parametrize("reply_to", ["²", "⁰", "₀", "①", "٣", "9" * 5000, "-1"])
def test_odd_reply_targets_show_the_plain_form(client, article, reply_to):
    """A reply link with a number no one typed shows the article with an ordinary comment form."""
    CommentFactory(article=article, name="Only")
    response = client.get(article.url, {"replyto": reply_to})
    assert response.status_code == 200
    assert "Leave a Reply" in response.text
