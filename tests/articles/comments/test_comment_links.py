"""A link to a comment reaches it, on whichever page of threads it is: after posting, in emails,
from the admin, and from old `#comment-N` links that name only the comment."""

import pytest
from django.core import mail
from django.utils import timezone

from articles.comments.models import Comment, CommentSettings, CommentSubscription
from articles.comments.notifications import notify_subscribers
from articles.comments.threads import comment_location
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_page():
    settings = CommentSettings.load()
    settings.threads_per_page = 2
    settings.save()
    return settings


@pytest.fixture
def three_threads(article, two_per_page):
    """Threads by Ann and Ben on page 1, Cat's on page 2, with a reply to Cat."""
    ann, ben, cat = (CommentFactory(article=article, name=name) for name in ("Ann", "Ben", "Cat"))
    return ann, ben, cat, CommentFactory.reply_to(cat, name="Dee")


def test_a_comment_is_found_on_the_page_of_its_thread(client, article, three_threads):
    """Comments of the first page link plainly; Cat's thread, reply included, is on page 2, and that page shows it."""
    ann, _, cat, dee = three_threads
    assert comment_location(ann, article.url, per_page=2) == f"{article.url}#comment-{ann.pk}"
    for comment in (cat, dee):
        location = comment_location(comment, article.url, per_page=2)
        assert location == f"{article.url}?comments-page=2#comment-{comment.pk}"
        assert f'id="comment-{comment.pk}"' in client.get(location.split("#")[0]).text


def test_a_hidden_thread_does_not_push_later_ones_back(article, two_per_page):
    """Only threads readers see count: a held comment before Cat's leaves it on page 1."""
    CommentFactory(article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article)
    cat = CommentFactory(article=article)
    assert comment_location(cat, article.url, per_page=2) == f"{article.url}#comment-{cat.pk}"


def test_a_poster_lands_on_the_page_with_their_new_comment(client, article, three_threads, post_comment, instant_forms):
    """The new comment is the newest thread, on the last page; the redirect goes there, not to page 1."""
    response = post_comment(article, body="On the last page.")
    new = Comment.objects.get(body="On the last page.")
    assert response["Location"] == f"{article.url}?comments-page=2#comment-{new.pk}"
    assert "On the last page." in client.get(response["Location"].split("#")[0]).text


def test_an_old_comment_link_is_sent_to_the_page_that_shows_it(client, article, three_threads):
    """/comments/find/N/ (where the page's script sends a #comment-N it cannot find) redirects to the comment."""
    _, _, cat, dee = three_threads
    response = client.get(f"/comments/find/{dee.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?comments-page=2#comment-{dee.pk}"
    assert "Cache-Control" not in response or "public" not in response["Cache-Control"]


def test_a_link_to_a_comment_no_longer_shown_leads_to_the_thread(client, article, two_per_page):
    """A held, spam or binned comment is never revealed: the link leads to the article's comments."""
    for status in (Comment.Status.PENDING, Comment.Status.SPAM, Comment.Status.TRASH):
        hidden = CommentFactory(article=article, status=status)
        response = client.get(f"/comments/find/{hidden.pk}/")
        assert (response.status_code, response["Location"]) == (302, f"{article.url}#comments")
    assert client.get("/comments/find/999999/").status_code == 404


def test_a_reply_email_links_to_the_page_with_the_reply(article, three_threads):
    """Someone subscribed to Cat's comment gets a link that opens page 2 at the reply."""
    _, _, cat, _ = three_threads
    CommentSubscription.objects.create(comment=cat, email="cat@example.com", confirmed_at=timezone.now())
    reply = CommentFactory.reply_to(cat, name="Eve")
    mail.outbox.clear()
    notify_subscribers(reply.pk)
    assert f"{article.url}?comments-page=2#comment-{reply.pk}" in mail.outbox[0].body
