"""Health-safety triage: comments that may come from a reader in danger are held as Safety, top the
queue, reach moderators at once, and show the poster where to get help, with nothing public."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from articles.comments.models import Comment, CommentSettings
from articles.comments.moderation import SAFETY_REASON, CommentPolicy
from tests.articles.comments.test_moderation_admin import listed_names
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db

# The examples the default list is held to. Moderators who edit the list can check it against these.
IN_DANGER = [
    "I want to end it all, nothing helps with this pain.",
    "Chest pain right now, what should I do?",
    "I've been thinking about suicide since the diagnosis.",
    "I can’t breathe properly and my lips are turning blue",
    "My friend took an overdose of paracetamol last night",
    "Some days I just want to die.",
    "I keep hurting myself when it gets too much. I hurt myself again today.",
    "I have been self-harming, is self-harm common with this?",
]
NOT_IN_DANGER = [
    "Stretching my calf before bed stopped the cramps.",
    "The chest pain went away after a week, my GP said it was muscular.",
    "Is it all right to end the treatment early?",
    "Ice packs kill the pain for me.",
    "I could breathe better after using the inhaler.",
    "Dying my hair did not cause this, did it?",
]


def default_policy():
    return CommentPolicy(CommentSettings())


def screen(body, policy=None):
    return (policy or default_policy()).screen(name="Reader", email="r@example.com", website="", body=body)


@pytest.mark.parametrize("body", IN_DANGER)
def test_default_list_flags_readers_in_danger(body):
    """Each crisis or emergency example is held as Safety and urgent."""
    screening = screen(body)
    assert screening.status == Comment.Status.PENDING
    assert screening.urgent
    assert screening.reasons[0] == SAFETY_REASON


@pytest.mark.parametrize("body", NOT_IN_DANGER)
def test_default_list_leaves_ordinary_comments_alone(body):
    """Everyday health talk is not flagged."""
    screening = screen(body)
    assert not screening.urgent
    assert SAFETY_REASON not in screening.reasons


@given(st.text(max_size=300))
def test_screening_any_text_never_fails(body):
    """Whatever a reader types, screening returns a status."""
    assert screen(body).status in Comment.Status.values


@given(before=st.text(alphabet=st.characters(categories=["Zs"]), min_size=1), after=st.text(max_size=50))
def test_a_listed_phrase_is_found_anywhere_in_a_comment(before, after):
    """A listed phrase is found whatever comes before or after it."""
    assert screen(f"Hello{before}I want to end it all {after}").urgent


def test_safety_wins_over_the_block_list():
    """A reader in danger whose comment also has a blocked word is held for a person, not filed as spam."""
    settings = CommentSettings(block_words="casino")
    screening = screen("Lost everything at the casino, I want to end it all", CommentPolicy(settings))
    assert screening.status == Comment.Status.PENDING and screening.urgent


def test_moderators_edit_the_list():
    """A phrase added in Comment settings is matched; a removed one is not."""
    settings = CommentSettings(safety_phrases="worst headache of my life")
    policy = CommentPolicy(settings)
    assert screen("This is the worst headache of my life", policy).urgent
    assert not screen("I want to end it all", policy).urgent


def test_a_safety_comment_is_held_emailed_and_answered_with_resources(
    client, post_comment, article, team, django_capture_on_commit_callbacks
):
    """Held as Safety and urgent, one immediate email to every moderator whatever they chose, the
    resources shown to the poster at once, and nothing about it shown to other readers."""
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(article, body="Chest pain right now, what should I do?", follow=True)
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING and comment.urgent
    assert comment.hold_reasons == [SAFETY_REASON]
    assert sorted(message.to[0] for message in mail.outbox) == sorted(user.email for user in team.values())
    assert all(message.subject.startswith("Urgent:") for message in mail.outbox)
    assert "?status=urgent" in mail.outbox[0].body

    status = BeautifulSoup(response.text, "html.parser").find(role="status").get_text(" ", strip=True)
    assert "awaiting moderation" in status
    assert "call 999 now" in status and "116 123" in status

    visitor = Client().get(article.url).content.decode()
    assert "Chest pain right now" not in visitor
    assert "116 123" not in visitor and "Safety" not in visitor


def test_an_ordinary_comment_shows_no_resources(post_comment, article, team):
    """A normal comment gets the usual thanks, no crisis lines, and is not urgent."""
    response = post_comment(article, body="Magnesium helped my cramps.", follow=True)
    assert "awaiting moderation" in response.text
    assert "116 123" not in response.text
    assert not Comment.objects.get().urgent


def test_urgent_comments_top_the_queue(client, moderator, article):
    """The Urgent tab lists safety holds, and they come first in Pending whatever their age."""
    CommentFactory(article=article, name="Newer ordinary", status=Comment.Status.PENDING)
    urgent = CommentFactory(article=article, name="In danger", status=Comment.Status.PENDING, urgent=True)
    Comment.objects.filter(pk=urgent.pk).update(created_at=urgent.created_at.replace(year=2020))
    client.force_login(moderator)
    queue = reverse("wagtailsnippets_articles_comment:list")
    assert listed_names(client.get(queue, {"status": "urgent"})) == ["In danger"]
    pending = client.get(queue)
    assert listed_names(pending) == ["In danger", "Newer ordinary"]
    assert "Urgent" in BeautifulSoup(pending.text, "html.parser").select_one("table tbody tr").get_text()
    tab = next(a for a in BeautifulSoup(pending.text, "html.parser").select("nav.comment-tabs a") if "Urgent" in a.text)
    assert tab.get_text(" ", strip=True) == "Urgent 1"


def test_questions_waiting_for_an_answer(client, moderator, article):
    """Approved questions without a staff reply, oldest first; answered ones and statements drop out."""
    answered = CommentFactory(article=article, name="Answered", body="Does ice help?")
    CommentFactory.reply_to(answered, staff_reply=True, body="Yes.")
    CommentFactory(article=article, name="Statement", body="Ice helped.")
    CommentFactory(article=article, name="Unapproved", body="Why?", status=Comment.Status.PENDING)
    later = CommentFactory(article=article, name="Later question", body="How long does it last?")
    earlier = CommentFactory(article=article, name="Earlier question", body="Should I see a GP?")
    Comment.objects.filter(pk=earlier.pk).update(created_at=later.created_at.replace(year=2020))
    client.force_login(moderator)
    response = client.get(reverse("wagtailsnippets_articles_comment:list"), {"status": "questions"})
    assert listed_names(response) == ["Earlier question", "Later question"]
