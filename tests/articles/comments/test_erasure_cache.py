"""With the page cache on, every write to comments reaches the next anonymous reader at once:
an erased or removed commenter's name is gone from the cached HTML and JSON-LD."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command

from articles.comments import privacy
from articles.comments.actions import delete_permanently, moderate
from articles.comments.models import Comment
from tests.articles.factories import CommentFactory
from tests.healthsite.test_pagecache import RecordingBackend

pytestmark = pytest.mark.django_db
NAME = "Philippa Quennell"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_superuser("mod", "mod@example.com", "x")


def erase_anonymise(comment, moderator):
    privacy.erase(comment.email, user=moderator)


def erase_remove(comment, moderator):
    privacy.erase(comment.email, mode="remove", user=moderator)


def erase_from_the_command_line(comment, moderator):
    call_command("commenter_data", "erase", comment.email)


def bulk_trash(comment, moderator):
    moderate(Comment.objects.filter(pk=comment.pk), "trash", moderator)


def delete(comment, moderator):
    delete_permanently(Comment.objects.filter(pk=comment.pk), moderator)


@pytest.mark.parametrize("write", [erase_anonymise, erase_remove, erase_from_the_command_line, bulk_trash, delete])
def test_the_next_reader_no_longer_sees_the_name(
    client, article, moderator, write, settings, django_capture_on_commit_callbacks
):
    """The name was in the cached HTML and JSON-LD; after the write it is in neither, and the CDN was told."""
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.healthsite.test_pagecache.RecordingBackend"}}
    comment = CommentFactory(article=article, name=NAME, email="philippa@example.com", status=Comment.Status.APPROVED)
    client.get(article.url)
    cached = client.get(article.url)
    assert cached["X-Page-Cache"] == "hit"
    assert cached.text.count(NAME) >= 2  # the comment, and its author in the JSON-LD
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        write(comment, moderator)
    assert NAME not in client.get(article.url).text
    assert any(url.endswith(article.url) for url in RecordingBackend.purged)
