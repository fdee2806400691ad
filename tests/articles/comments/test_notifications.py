"""The comment emails: moderators hear about held comments, commenters opt in twice to hear about replies."""

import re
import time
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.urls import reverse
from wagtail.models import Site

from articles.comments import notifications
from articles.comments.actions import moderate
from articles.comments.models import Comment, CommentSettings, CommentSubscription
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db

EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*")


@pytest.fixture
def post(post_comment, article, django_capture_on_commit_callbacks):
    """Send the public “Leave a Reply” form, running the emails the request queues."""

    def post(**fields):
        data = {"name": "Alice Reader", "email": "alice@example.com", "body": "Magnesium helped my cramps.", **fields}
        with django_capture_on_commit_callbacks(execute=True):
            response = post_comment(article, **data)
        assert response.status_code == 302, response.content.decode()[:2000]
        return Comment.objects.get(email=data["email"], body=data["body"])

    return post


@pytest.fixture
def approve(moderator, django_capture_on_commit_callbacks):
    """Approve comments as a moderator does, running the emails it queues."""

    def approve(*comments):
        with django_capture_on_commit_callbacks(execute=True):
            moderate(comments, "approve", moderator)

    return approve


def link_in(message, path_start):
    """The first link in the email whose path starts with `path_start`, as a path the test client can open."""
    for url in re.findall(r"https?://\S+", message.body):
        parts = urlsplit(url)
        if parts.path.startswith(path_start):
            return parts.path
    raise AssertionError(f"no {path_start} link in:\n{message.body}")


def addresses_in(message):
    return set(EMAIL_ADDRESS.findall(f"{message.subject}\n{message.body}\n{message.extra_headers}"))


@pytest.fixture
def confirmed_subscription(article):
    comment = CommentFactory(article=article, email="alice@example.com")
    return CommentSubscription.objects.create(
        comment=comment, email="alice@example.com", confirmed_at=comment.created_at
    )


@pytest.fixture
def post_as_moderator(client, moderator, django_capture_on_commit_callbacks):
    """POST to an admin view as a moderator, running the emails the request queues."""
    client.force_login(moderator)

    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


# Moderators


def test_moderators_get_an_email_for_a_held_comment(moderator, post, article):
    """With “each”, a comment held for moderation emails every moderator."""
    comment = post(body="Try this cure: https://a.example and https://b.example")
    assert comment.status == Comment.Status.PENDING
    [message] = mail.outbox
    assert message.to == ["moderator@healthsite.example"]
    assert article.title in message.subject
    assert "Alice Reader" in message.body
    assert "https://a.example" in message.body
    assert "2 links" in message.body
    assert "/admin/comments/?status=pending" in message.body


def test_moderator_email_never_shows_the_commenters_address(moderator, post):
    """The commenter's email address is not in the moderators' email."""
    post(email="secret.person@example.com")
    [message] = mail.outbox
    assert "secret.person@example.com" not in message.message().as_string()
    assert addresses_in(message) <= {"moderator@healthsite.example"}


def test_each_moderator_gets_their_own_email(moderator, member_of, post):
    """Two moderators get two messages, neither seeing the other's address."""
    member_of("Moderators", "mod2")
    post()
    assert sorted(message.to for message in mail.outbox) == [
        ["mod2@healthsite.example"],
        ["moderator@healthsite.example"],
    ]
    assert all(len(message.recipients()) == 1 for message in mail.outbox)


def test_no_moderator_email_when_switched_off(moderator, post, home_page):
    """With “off”, a held comment sends nothing."""
    settings = CommentSettings.load()
    settings.notify_moderators = CommentSettings.Notify.OFF
    settings.save()
    post()
    assert mail.outbox == []


def test_no_moderator_email_for_spam(moderator, post):
    """A comment filed straight to spam bothers nobody."""
    settings = CommentSettings.load()
    settings.block_words = "casino"
    settings.save()
    comment = post(body="Best casino bonuses here")
    assert comment.status == Comment.Status.SPAM
    assert mail.outbox == []


# Double opt-in for reply emails


def test_asking_for_reply_emails_sends_only_a_confirmation(post, home_page, article):
    """Ticking “Notify me of replies” sends one confirmation email to the commenter, nothing else."""
    settings = CommentSettings.load()
    settings.notify_moderators = CommentSettings.Notify.OFF
    settings.save()
    comment = post(notify="on")
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert message.subject == "Confirm: email me about replies to my comment"
    assert article.title in message.body
    assert link_in(message, "/comments/replies/confirm/")
    subscription = comment.subscriptions.get()
    assert subscription.confirmed_at is None


def test_reply_emails_only_after_confirming(client, post, approve, moderator):
    """No reply email before the link is opened; afterwards one, with a one-click unsubscribe."""
    comment = post(notify="on")
    approve(comment)
    confirm_path = link_in(next(m for m in mail.outbox if m.to == ["alice@example.com"]), "/comments/replies/confirm/")

    early = CommentFactory.reply_to(comment, name="Bob Early", email="bob@example.com", status=Comment.Status.PENDING)
    mail.outbox.clear()
    approve(early)
    assert mail.outbox == []

    confirmed = client.get(confirm_path)
    assert confirmed.status_code == 200
    assert "Reply emails confirmed" in confirmed.text
    assert comment.subscriptions.get().confirmed_at is not None

    reply = CommentFactory.reply_to(
        comment, name="Carol Replier", email="carol@example.com", body="Stretch before bed.", status="pending"
    )
    approve(reply)
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert "Carol Replier" in message.body
    assert "Stretch before bed." in message.body
    assert f"#comment-{reply.pk}" in message.body
    unsubscribe_path = link_in(message, "/comments/replies/stop/")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_path}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert addresses_in(message) <= {"alice@example.com"}
    assert "carol@example.com" not in message.message().as_string()


def test_a_staff_reply_notifies_confirmed_subscribers(post_as_moderator, confirmed_subscription):
    """A reply as staff emails the commenter, marked as from the site's staff."""
    comment = confirmed_subscription.comment
    post_as_moderator(reverse("articles_comment_reply", args=[comment.pk]), {"body": "See your GP if it persists."})
    [message] = mail.outbox
    assert message.to == [confirmed_subscription.email]
    assert "(Health Guide staff)" in message.body
    assert "See your GP if it persists." in message.body
    assert "moderator@healthsite.example" not in message.message().as_string()


def test_own_reply_sends_no_email(confirmed_subscription, approve):
    """Replying to your own comment does not email you."""
    reply = CommentFactory.reply_to(confirmed_subscription.comment, email="ALICE@example.com", status="pending")
    approve(reply)
    assert mail.outbox == []


def test_pending_reply_sends_nothing(confirmed_subscription, django_capture_on_commit_callbacks):
    """A reply still waiting for a moderator emails no one."""
    with django_capture_on_commit_callbacks(execute=True):
        CommentFactory.reply_to(confirmed_subscription.comment, status=Comment.Status.PENDING)
    notifications.notify_subscribers(confirmed_subscription.comment.replies.get().pk)
    assert mail.outbox == []


@pytest.mark.parametrize("one_click", [True, False])
def test_unsubscribe_link_asks_then_stops_reply_emails(client, confirmed_subscription, approve, one_click):
    """Opening the link only asks (mail scanners open links); the button, or a mail client's
    RFC 8058 one-click POST, ends the emails."""
    comment = confirmed_subscription.comment
    approve(CommentFactory.reply_to(comment, status="pending"))
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_path = link_in(message, "/comments/replies/stop/")

    client.handler.enforce_csrf_checks = True  # a mail client's one-click POST carries no CSRF token
    if not one_click:
        page = client.get(unsubscribe_path)
        assert page.status_code == 200
        assert "Stop reply emails?" in page.text
        assert CommentSubscription.objects.filter(pk=confirmed_subscription.pk).exists()
        form = BeautifulSoup(page.text, "html.parser").select_one("main form")
        assert form["method"] == "post" and form.find("button").get_text() == "Stop emails about replies"
    response = client.post(unsubscribe_path, {"List-Unsubscribe": "One-Click"} if one_click else {})
    assert response.status_code == 200
    assert "You are unsubscribed" in response.text
    assert not CommentSubscription.objects.filter(pk=confirmed_subscription.pk).exists()

    mail.outbox.clear()
    approve(CommentFactory.reply_to(comment, status="pending"))
    assert mail.outbox == []
    assert client.post(unsubscribe_path).status_code == 200  # a second click is harmless


def test_unsubscribe_links_expire(client, confirmed_subscription, monkeypatch):
    """A link older than its documented lifetime is refused and unsubscribes no one."""
    long_ago = time.time() - notifications.UNSUBSCRIBE_MAX_AGE.total_seconds() - 86400
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: long_ago)
        token = notifications.subscription_token(confirmed_subscription, "unsubscribe")
    response = client.post(reverse("comment_unsubscribe", args=[token]))
    assert response.status_code == 400
    assert "expired" in response.text
    assert CommentSubscription.objects.filter(pk=confirmed_subscription.pk).exists()


def test_forged_confirm_link_is_refused_politely(client, confirmed_subscription):
    """A made-up confirm link answers 400 with a page explaining what to do, and confirms nothing."""
    unconfirmed = CommentSubscription.objects.create(comment=confirmed_subscription.comment, email="eve@example.com")
    forged = signing.dumps({"id": unconfirmed.pk, "for": "confirm"}, salt="guessed-salt")
    for token in [forged, "not-a-token", notifications.subscription_token(unconfirmed, "unsubscribe")]:
        response = client.get(reverse("comment_subscription_confirm", args=[token]))
        assert response.status_code == 400
        assert "This link does not work" in response.text
        assert "Notify me of replies by email" in response.text
    unconfirmed.refresh_from_db()
    assert unconfirmed.confirmed_at is None


def test_expired_confirm_link_is_refused_politely(client, confirmed_subscription, monkeypatch):
    """A confirm link older than 7 days answers 400 and confirms nothing."""
    unconfirmed = CommentSubscription.objects.create(comment=confirmed_subscription.comment, email="eve@example.com")
    eight_days_ago = time.time() - notifications.CONFIRMATION_MAX_AGE.total_seconds() - 86400
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: eight_days_ago)
        token = notifications.subscription_token(unconfirmed, "confirm")
    path = reverse("comment_subscription_confirm", args=[token])
    response = client.get(path)
    assert response.status_code == 400
    assert "expired" in response.text
    unconfirmed.refresh_from_db()
    assert unconfirmed.confirmed_at is None


def test_confirm_link_for_a_deleted_subscription(client, confirmed_subscription):
    """A valid link whose subscription is gone (purged, unsubscribed) answers 400, not 500."""
    unconfirmed = CommentSubscription.objects.create(comment=confirmed_subscription.comment, email="eve@example.com")
    path = reverse("comment_subscription_confirm", args=[notifications.subscription_token(unconfirmed, "confirm")])
    unconfirmed.delete()
    assert client.get(path).status_code == 400


def test_forged_unsubscribe_link_is_refused_politely(client, confirmed_subscription):
    """A made-up unsubscribe link answers 400 and deletes nothing."""
    response = client.post(reverse("comment_unsubscribe", args=["forged:token"]))
    assert response.status_code == 400
    assert "This link does not work" in response.text
    assert CommentSubscription.objects.filter(pk=confirmed_subscription.pk).exists()


def test_reply_email_links_to_the_article_on_a_multi_site_install(confirmed_subscription, approve, home_page):
    """With several sites the reply link is still one well-formed address."""
    Site.objects.create(hostname="other.example", port=443, root_page=home_page, site_name="Other")
    reply = CommentFactory.reply_to(confirmed_subscription.comment, status="pending")
    approve(reply)
    [message] = mail.outbox
    [reply_link] = [url for url in re.findall(r"https?://\S+", message.body) if f"#comment-{reply.pk}" in url]
    assert reply_link.count("://") == 1
