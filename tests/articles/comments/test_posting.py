"""A reader posts a comment: what is accepted, what is refused, and how refusals read."""

import time

import pytest
from bs4 import BeautifulSoup

from articles.comments.forms import form_token
from articles.comments.models import Comment, CommentSettings
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db


def error_summary(response):
    summary = BeautifulSoup(response.text, "html.parser").select_one(".error-summary")
    return " ".join(summary.get_text().split()) if summary else ""


def field_value(response, name):
    element = BeautifulSoup(response.text, "html.parser").find(attrs={"name": name})
    # Browsers drop the line break Django puts after <textarea>.
    return element.get("value") if element.name == "input" else element.get_text().removeprefix("\n")


def test_posted_comment_waits_for_moderation(post_comment, article, client):
    """The reader is sent back to their comment, told it awaits moderation, and alone can see it."""
    response = post_comment(article)
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#comment-{comment.pk}"
    page = client.get(article.url).text
    assert "Your comment is awaiting moderation" in page
    assert f'id="comment-{comment.pk}"' in page
    client.cookies.clear()
    assert f'id="comment-{comment.pk}"' not in client.get(article.url).text


def test_posting_does_not_create_a_page_revision(post_comment, article):
    """A comment is not page content: the article's revisions are untouched."""
    revisions = article.revisions.count()
    post_comment(article)
    assert article.revisions.count() == revisions


def test_stored_network_is_minimised(post_comment, article):
    """The poster's IPv4 address is cut to its /24 network before it is stored."""
    post_comment(article)
    assert Comment.objects.get().ip_address == "127.0.0.0/24"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "Enter your name"),
        ({"email": ""}, "Enter your email address"),
        ({"body": ""}, "Write your comment"),
        ({"body": "   \n  "}, "Write your comment"),
        ({"email": "not-an-email"}, "Enter an email address like name@example.com"),
        ({"name": "x" * 101}, "Keep your name to 100 characters or fewer"),
        ({"body": "x" * 5001}, "Keep your comment to 5,000 characters or fewer"),
        ({"website": "javascript:alert(1)"}, "starts with http:// or https://"),
        ({"website": "ftp://example.com/"}, "starts with http:// or https://"),
        ({"body": "bad\x00byte"}, "Null characters are not allowed"),
        ({"name": "Mar\x00ia"}, "Null characters are not allowed"),
    ],
)
def test_bad_input_is_explained_and_kept(post_comment, article, fields, message):
    """Each mistake is listed in the error summary and nothing typed is lost or stored."""
    response = post_comment(article, **{"name": "Maria", "body": "My text stays here.", **fields})
    assert response.status_code == 400
    assert message in error_summary(response)
    assert not Comment.objects.exists()
    if "body" not in fields:
        assert field_value(response, "body") == "My text stays here."


def test_errors_link_to_their_fields(post_comment, article):
    """Each summary link points at the field, which says it is invalid and names its error."""
    soup = BeautifulSoup(post_comment(article, email="nope").text, "html.parser")
    link = soup.select_one(".error-summary a")
    field = soup.find(id=link["href"][1:])
    assert field["name"] == "email"
    assert field["aria-invalid"] == "true"
    descriptions = [soup.find(id=i).get_text().strip() for i in field["aria-describedby"].split()]
    assert any(text.endswith("name@example.com") for text in descriptions)


def test_control_characters_are_removed_not_refused(post_comment, article):
    """Invisible control characters are dropped; line breaks are kept."""
    post_comment(article, name="Ma\x07ria", body="Line one\x1b\nLine two")
    comment = Comment.objects.get()
    assert comment.name == "Maria"
    assert comment.body == "Line one\nLine two"


def test_markup_in_every_field_is_shown_as_text(post_comment, article, client):
    """HTML and script typed into any field come out escaped on the page."""
    script = "<script>alert('x')</script>"
    post_comment(article, name=script, body=f"{script} <b>bold</b>", website="https://example.com/?q=<script>")
    Comment.objects.update(status=Comment.Status.APPROVED)
    html = client.get(article.url).text
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html


def test_honeypot_stops_bots(post_comment, article):
    """A form with the hidden field filled is refused and nothing is stored."""
    response = post_comment(article, homepage="http://spam.example/")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_too_fast_is_refused_with_a_friendly_message(post_comment, article, settings):
    """A form sent within seconds of being shown is a bot's; a person is asked to send again."""
    settings.COMMENT_MIN_SECONDS = 3
    response = post_comment(article)
    assert response.status_code == 400
    assert "Please check your comment and send it again" in error_summary(response)
    assert field_value(response, "body") == "Stretching my calf helps."
    assert field_value(response, "token") != ""


def test_stale_form_is_refused_but_keeps_the_comment(post_comment, article):
    """A form older than a day asks to be sent again, with the text kept and a fresh token."""
    old = form_token(article.pk, now=time.time() - 2 * 86400)
    response = post_comment(article, token=old)
    assert "open for a long time" in error_summary(response)
    assert field_value(response, "token") != old


@pytest.mark.parametrize("token", ["", "garbage", "eyJhIjoxfQ:1:bad"])
def test_tampered_token_is_refused(post_comment, article, token):
    """A missing or forged token is refused cleanly, never a 500."""
    response = post_comment(article, token=token)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_token_for_another_article_is_refused(post_comment, article, article_index):
    """A token signed for one article cannot be replayed on another."""
    from tests.articles.factories import ArticlePageFactory

    other = ArticlePageFactory(parent=article_index)
    response = post_comment(article, token=form_token(other.pk))
    assert response.status_code == 400


def test_duplicate_comment_is_refused(post_comment, article):
    """The same text from the same address twice is posted once."""
    post_comment(article)
    response = post_comment(article)
    assert "already posted this comment" in error_summary(response)
    assert Comment.objects.count() == 1


def test_rate_limit_answers_429_with_when_to_retry(post_comment, article):
    """The sixth comment in ten minutes waits, told when, with the text kept."""
    for n in range(5):
        assert post_comment(article, body=f"Comment number {n}").status_code == 302
    response = post_comment(article, body="One too many")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    assert "Please try again after" in error_summary(response)
    assert field_value(response, "body") == "One too many"
    assert Comment.objects.count() == 5


def test_rate_limit_counts_by_email_across_networks(post_comment, article):
    """The same address from five different networks is limited too."""
    for n in range(5):
        CommentFactory(article=article, email="maria@example.com", ip_address=f"10.0.{n}.0/24")
    assert post_comment(article).status_code == 429


def test_reply_to_an_unapproved_comment_is_refused(post_comment, article):
    """Readers can only reply to comments everyone can see."""
    pending = CommentFactory(article=article, status=Comment.Status.PENDING)
    response = post_comment(article, parent=pending.pk)
    assert "no longer available" in error_summary(response)


def test_reply_is_threaded_under_its_parent(post_comment, article):
    """A reply records its parent, thread and depth."""
    parent = CommentFactory(article=article)
    post_comment(article, parent=parent.pk)
    reply = Comment.objects.get(parent=parent)
    assert (reply.thread_id, reply.depth) == (parent.pk, 1)


def test_link_heavy_comment_is_held_with_the_reason(post_comment, article):
    """Two links hold the comment with that reason recorded."""
    post_comment(article, body="See https://a.example and http://b.example")
    assert Comment.objects.get().hold_reasons == ["2 links (hold from 2)"]


def test_hold_and_block_words(post_comment, article):
    """A hold word keeps the comment pending with the reason; a block word files it as spam."""
    settings = CommentSettings.load()
    settings.hold_words, settings.block_words = "miracle cure", "casino"
    settings.save()
    post_comment(article, body="A miracle cure for cramps")
    post_comment(article, body="Visit my casino", email="spam@example.com")
    held, blocked = Comment.objects.order_by("pk")
    assert (held.status, held.hold_reasons) == (Comment.Status.PENDING, ["Hold list: “miracle cure”"])
    assert (blocked.status, blocked.hold_reasons) == (Comment.Status.SPAM, ["Block list: “casino”"])


def test_closed_comments_show_a_notice_and_refuse_posts(post_comment, article, client):
    """When the editor closes comments the form becomes “Comments are closed.” and posts are refused."""
    article.comments_open = False
    article.save()
    assert "Comments are closed." in client.get(article.url).text
    response = post_comment(article)
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_comments_close_automatically_after_the_set_days(article, client):
    """With “close after 30 days”, an article published 31 days ago takes no more comments."""
    import datetime

    from django.utils import timezone

    settings = CommentSettings.load()
    settings.close_after_days = 30
    settings.save()
    type(article).objects.filter(pk=article.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=31))
    assert "Comments are closed." in client.get(article.url).text


def test_comments_on_drafts_are_refused(post_comment, article):
    """Nobody can comment on an unpublished article."""
    article.unpublish()
    assert post_comment(article).status_code == 404


@pytest.mark.parametrize("parent", ["²", "⁰", "₀", "①", "٣", "9" * 5000, "-1", "1.0"])
def test_odd_reply_parent_is_explained_and_the_text_kept(post_comment, article, parent):
    """A reply to something that is not a comment id is refused with the reader's text kept."""
    response = post_comment(article, parent=parent, body="My text stays here.")
    assert response.status_code == 400
    assert "The comment you replied to is no longer available" in error_summary(response)
    assert field_value(response, "body") == "My text stays here."
    assert not Comment.objects.exists()
