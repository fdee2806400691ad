"""Moderators' emails scale: each chooses each comment, an hourly digest or none, and nobody gets more
than one email a window however many comments arrive."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from articles.comments import notifications
from articles.comments.models import Comment, CommentSettings, StaffProfile
from tests.articles.comments.test_moderation_admin import bulk_comments
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db


def inbox(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_a_thousand_held_comments_send_each_moderator_at_most_one_email(article, team, settings):
    """1,000 comments held within a minute: the "each" moderator gets one email, the others none."""
    settings.COMMENT_EMAIL_WINDOW_MINUTES = 10
    for comment in bulk_comments(article, 1000):
        notifications.notify_moderators(comment.pk)
    assert len(inbox(team["each"])) == 1
    assert "1000 comments are waiting in all" in inbox(team["each"])[0].body
    assert inbox(team["digest"]) == [] and inbox(team["none"]) == []
    assert len(mail.outbox) == 1


def test_the_next_email_waits_for_the_window(article, team, settings):
    """After the window has passed, the next held comment emails again."""
    settings.COMMENT_EMAIL_WINDOW_MINUTES = 10
    first, second, third = bulk_comments(article, 3)
    notifications.notify_moderators(first.pk)
    notifications.notify_moderators(second.pk)
    assert len(inbox(team["each"])) == 1
    StaffProfile.objects.update(last_emailed_at=timezone.now() - datetime.timedelta(minutes=11))
    notifications.notify_moderators(third.pk)
    assert len(inbox(team["each"])) == 2


def test_digest_lists_comments_held_since_the_last_email(article, team):
    """The hourly digest goes to digest moderators, and to "each" moderators for what the window held back."""
    comments = bulk_comments(article, 30)
    for comment in comments:
        notifications.notify_moderators(comment.pk)
    StaffProfile.objects.update(last_emailed_at=timezone.now() - datetime.timedelta(hours=1, seconds=1))
    mail.outbox.clear()
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(created_at=timezone.now())

    call_command("send_comment_digests")
    [digest] = inbox(team["digest"])
    assert digest.subject == "30 comments waiting for moderation"
    assert "Reader 0" in digest.body and "The first 20 of 30 are listed." in digest.body
    assert len(inbox(team["each"])) == 1
    assert inbox(team["none"]) == []

    mail.outbox.clear()
    an_hour_later = datetime.timedelta(hours=1)
    Comment.objects.update(created_at=F("created_at") - an_hour_later)
    StaffProfile.objects.update(last_emailed_at=F("last_emailed_at") - an_hour_later + datetime.timedelta(seconds=1))
    call_command("send_comment_digests")
    assert mail.outbox == []  # nothing new since


def test_urgent_comments_email_everyone_at_once(article, team):
    """A safety hold emails every moderator, even those who chose a digest or none, and even when
    an ordinary email has just gone."""
    ordinary, urgent = bulk_comments(article, 2)
    Comment.objects.filter(pk=urgent.pk).update(urgent=True)
    notifications.notify_moderators(ordinary.pk)
    notifications.notify_moderators(urgent.pk)
    assert len(inbox(team["each"])) == 2
    assert len(inbox(team["digest"])) == 1 and len(inbox(team["none"])) == 1
    assert all(message.subject.startswith("Urgent:") for message in inbox(team["none"]))


def test_urgent_emails_are_capped_too(article, team):
    """A flood of safety holds still sends each moderator one urgent email a window."""
    for comment in bulk_comments(article, 50, urgent=True):
        notifications.notify_moderators(comment.pk)
    assert len(mail.outbox) == 3


def test_site_switch_off_silences_all_but_urgent(article, team, home_page):
    """With emails off in Comment settings, only safety holds are sent."""
    settings = CommentSettings.load()
    settings.notify_moderators = CommentSettings.Notify.OFF
    settings.save()
    ordinary, urgent = bulk_comments(article, 2)
    Comment.objects.filter(pk=urgent.pk).update(urgent=True)
    notifications.notify_moderators(ordinary.pk)
    notifications.send_moderator_digests()
    assert mail.outbox == []
    notifications.notify_moderators(urgent.pk)
    assert len(mail.outbox) == 3


def test_a_moderator_without_a_profile_gets_each_comment(article, roles):
    """Moderators who never chose get an email for each held comment (the default)."""
    user = get_user_model().objects.create_user("newmod", "newmod@healthsite.example", "x")
    user.groups.add(Group.objects.get(name="Moderators"))
    notifications.notify_moderators(CommentFactory(article=article, status=Comment.Status.PENDING).pk)
    assert [message.to for message in mail.outbox] == [["newmod@healthsite.example"]]
