"""What is stored about a commenter: handed over on request, erased on request, purged on schedule."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from articles.comments.actions import moderate
from articles.comments.models import Comment, CommentSubscription
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db

ALICE = "alice@example.com"


@pytest.fixture
def alices_data(article):
    """Alice's two comments (one a reply to Bob) and a subscription, next to Bob's comment."""
    bob = CommentFactory(article=article, name="Bob", email="bob@example.com", body="Bob's own story.")
    first = CommentFactory(
        article=article, name="Alice", email=ALICE, body="My cramps stopped.", ip_address="203.0.113.0/24"
    )
    reply = CommentFactory.reply_to(bob, name="Alice", email="Alice@Example.com", body="Same for me, Bob.")
    CommentSubscription.objects.create(comment=first, email=ALICE)
    CommentSubscription.objects.create(comment=bob, email="bob@example.com")
    return {"bob": bob, "first": first, "reply": reply}


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def assert_only_alices(data):
    assert data["email"] == ALICE
    assert sorted(c["comment"] for c in data["comments"]) == ["My cramps stopped.", "Same for me, Bob."]
    assert {c["article"] for c in data["comments"]} == {"What is muscle spasm?"}
    assert [s["confirmed_at"] for s in data["reply_subscriptions"]] == [None]
    text = json.dumps(data)
    assert "bob@example.com" not in text
    assert "Bob's own story." not in text
    assert "203.0.113.0/24" in text


def test_export_command_prints_everything_about_one_email(alices_data):
    """`commenter_data export` prints JSON with all of Alice's comments and subscriptions, nothing of Bob's."""
    assert_only_alices(json.loads(run("commenter_data", "export", ALICE)))


def test_export_from_the_admin(client, moderator, alices_data):
    """A moderator downloads the same JSON from Settings → Commenter data."""
    client.force_login(moderator)
    url = reverse("articles_commenter_data")
    assert "Commenter data" in client.get(url).text
    response = client.post(url, {"email": ALICE, "action": "export", "erase_mode": "anonymise"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert_only_alices(json.loads(response.content))


def test_export_of_an_unknown_email_is_empty(article):
    """Exporting an address with nothing stored gives empty lists, not an error."""
    data = json.loads(run("commenter_data", "export", "nobody@example.com"))
    assert data["comments"] == [] and data["reply_subscriptions"] == []


def test_erase_command_anonymises_and_keeps_text(alices_data, article, client):
    """`commenter_data erase` keeps the text as “Anonymous”, with the email, website and network gone."""
    output = run("commenter_data", "erase", ALICE)
    assert "2 comment(s) anonymised, 1 subscription(s) deleted." in output
    first = Comment.objects.get(pk=alices_data["first"].pk)
    assert (first.name, first.body, first.ip_address, first.website) == ("Anonymous", "My cramps stopped.", "", "")
    assert not Comment.objects.by_email(ALICE).exists()
    assert not CommentSubscription.objects.filter(email__iexact=ALICE).exists()
    assert Comment.objects.filter(email="bob@example.com").count() == 1
    assert CommentSubscription.objects.filter(email="bob@example.com").exists()
    page = client.get(article.url).text
    assert "My cramps stopped." in page
    assert "Anonymous" in page
    assert json.loads(run("commenter_data", "export", ALICE))["comments"] == []


def test_erase_leaves_no_name_in_the_audit_log(moderator, alices_data):
    """After erasing, the audit log about Alice's comments no longer carries her name."""
    first = alices_data["first"]
    first.name = "Alice Smith-Unique"
    first.save()
    moderate([first], "trash", moderator)
    run("commenter_data", "erase", ALICE)
    entries = ModelLogEntry.objects.for_instance(first)
    assert {entry.action for entry in entries} >= {"articles.comment.trash", "articles.comment.erase"}
    assert not any("Alice Smith-Unique" in entry.label for entry in entries)


def test_erase_remove_deletes_comments_and_replies(alices_data):
    """`erase --remove` deletes Alice's comments (with their replies) and keeps Bob's."""
    CommentFactory.reply_to(alices_data["first"], name="Carol", email="carol@example.com")
    output = run("commenter_data", "erase", ALICE, "--remove")
    assert "2 comment(s) removed" in output
    assert not Comment.objects.filter(pk__in=[alices_data["first"].pk, alices_data["reply"].pk]).exists()
    assert not Comment.objects.filter(email="carol@example.com").exists()
    assert Comment.objects.filter(pk=alices_data["bob"].pk).exists()
    assert not CommentSubscription.objects.filter(email__iexact=ALICE).exists()


def test_erase_from_the_admin(client, moderator, alices_data):
    """A moderator erases from the admin and is told what happened."""
    client.force_login(moderator)
    response = client.post(
        reverse("articles_commenter_data"), {"email": ALICE, "action": "erase", "erase_mode": "remove"}, follow=True
    )
    assert f"Erased {ALICE}: 2 comment(s) removed, 1 reply subscription(s) deleted." in response.text
    assert not Comment.objects.by_email(ALICE).exists()


def test_commenter_data_is_refused_to_editors(client, editor, alices_data):
    """Editors can neither open, export nor erase commenter data, and have no menu item for it."""
    client.force_login(editor)
    url = reverse("articles_commenter_data")
    assert client.get(url).status_code in (302, 403)
    response = client.post(url, {"email": ALICE, "action": "erase", "erase_mode": "remove"})
    assert response.status_code in (302, 403)
    assert b"My cramps stopped." not in response.content
    assert Comment.objects.by_email(ALICE).count() == 2
    assert "Commenter data" not in client.get(reverse("wagtailadmin_home")).text


def test_purge_deletes_old_spam_trash_and_unconfirmed_subscriptions(article):
    """`purge_comments` removes spam and trash past 30 days and unconfirmed subscriptions past 7 days."""
    now = timezone.now()
    old, recent = now - datetime.timedelta(days=31), now - datetime.timedelta(days=29)
    old_spam = CommentFactory(article=article, status=Comment.Status.SPAM, created_at=old)
    old_trash = CommentFactory(article=article, status=Comment.Status.TRASH, created_at=old)
    new_spam = CommentFactory(article=article, status=Comment.Status.SPAM, created_at=recent)
    old_approved = CommentFactory(article=article, status=Comment.Status.APPROVED, created_at=old)
    old_pending = CommentFactory(article=article, status=Comment.Status.PENDING, created_at=old)
    stale = CommentSubscription.objects.create(
        comment=old_approved, email="a@example.com", created_at=now - datetime.timedelta(days=8)
    )
    fresh = CommentSubscription.objects.create(
        comment=old_approved, email="b@example.com", created_at=now - datetime.timedelta(days=6)
    )
    confirmed = CommentSubscription.objects.create(
        comment=old_approved, email="c@example.com", created_at=old, confirmed_at=old
    )
    CommentSubscription.objects.create(comment=old_spam, email="d@example.com", created_at=old, confirmed_at=old)

    output = run("purge_comments")

    assert output.strip() == "Purged 2 comment(s) and 1 subscription(s)."
    remaining = set(Comment.objects.values_list("pk", flat=True))
    assert remaining == {new_spam.pk, old_approved.pk, old_pending.pk}
    assert old_spam.pk not in remaining and old_trash.pk not in remaining
    assert set(CommentSubscription.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}
    assert stale.pk not in set(CommentSubscription.objects.values_list("pk", flat=True))


def test_purge_keeps_approved_replies_under_old_trash(article):
    """A trashed comment that others answered is kept, so purging never deletes an approved reply."""
    old = timezone.now() - datetime.timedelta(days=60)
    trashed = CommentFactory(article=article, status=Comment.Status.TRASH, created_at=old)
    reply = CommentFactory.reply_to(trashed, status=Comment.Status.APPROVED)
    trashed_thread = CommentFactory(article=article, status=Comment.Status.TRASH, created_at=old)
    spam_reply = CommentFactory.reply_to(trashed_thread, status=Comment.Status.SPAM, created_at=old)
    run("purge_comments")
    assert Comment.objects.filter(pk__in=[trashed.pk, reply.pk]).count() == 2
    assert not Comment.objects.filter(pk__in=[trashed_thread.pk, spam_reply.pk]).exists()
