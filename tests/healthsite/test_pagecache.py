"""The anonymous readers' page cache: what it keeps, what it never keeps, and that every change
that shows on a page reaches the next reader."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from articles.comments.actions import moderate
from articles.comments.models import Comment, CommentSettings
from tests.articles.factories import CommentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on", "instant_forms")]


def fetch(client, url):
    response = client.get(url)
    return response, response.get("X-Page-Cache")


def token_for(client, article):
    """What the form's script asks for when the reader starts on the form."""
    response = client.get(reverse("comment_form_token", args=[article.pk]))
    assert "no-store" in response["Cache-Control"] and response.get("X-Page-Cache") is None
    return response.json()["token"]


def test_second_anonymous_view_comes_from_the_cache(client, article):
    """The first reader renders the page; the next gets the stored copy, with CDN-friendly headers."""
    first, state = fetch(client, article.url)
    assert state == "miss"
    second, state = fetch(client, article.url)
    assert state == "hit"
    assert second.text == first.text
    assert "public" in second["Cache-Control"] and "s-maxage=300" in second["Cache-Control"]
    assert "max-age=0" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


def test_cached_pages_set_no_cookies(client, article):
    """Nothing personal is stored: the cached page sets no cookie and holds no CSRF token."""
    response, _ = fetch(client, article.url)
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.text


def test_logged_in_users_are_never_served_or_stored(client, article):
    """Editors see the live page, and their page (with the user bar) is never stored."""
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.com", "x"))
    for _ in range(2):
        response, state = fetch(client, article.url)
        assert state is None
        assert "private" in response["Cache-Control"]


def test_a_poster_with_a_pending_comment_bypasses_the_cache(client, article, post_comment):
    """After posting, the reader's own page shows their pending comment, not the shared copy."""
    fetch(client, article.url)
    fetch(client, article.url)
    post_comment(article)
    response, state = fetch(client, article.url)
    assert state is None
    assert "Your comment is awaiting moderation" in response.text


def test_admin_and_posts_are_never_cached(client, article):
    """The admin, form posts and their error pages are not stored."""
    assert fetch(client, "/admin/login/")[1] is None
    response = client.post(reverse("post_comment", args=[article.pk]), {"name": ""})
    assert response.status_code == 400
    assert response.get("X-Page-Cache") is None


def test_a_cached_page_holds_no_token_and_its_form_asks_for_one(client, article):
    """The shared copy is the same for everyone, so its form has an empty token and says where a
    fresh one comes from; each ask gets a new token that no cache keeps."""
    fetch(client, article.url)
    cached, state = fetch(client, article.url)
    assert state == "hit"
    field = re.search(r'<input type="hidden" name="token"[^>]*>', cached.text).group(0)
    assert "value=" not in field
    assert f'data-token-url="/comments/{article.pk}/token/"' in field
    assert token_for(client, article) != token_for(client, article)


def test_a_cached_article_still_takes_comments(client, article):
    """The form in the shared copy works for any reader: a token of their own, the origin checked."""
    fetch(client, article.url)
    assert fetch(client, article.url)[1] == "hit"
    token = token_for(client, article)
    data = {"name": "Maria", "email": "m@example.com", "body": "From the cached page.", "token": token}
    url = reverse("post_comment", args=[article.pk])
    assert client.post(url, data, HTTP_ORIGIN="http://testserver").status_code == 302
    assert Comment.objects.filter(body="From the cached page.").exists()
    assert client.post(url, {**data, "body": "Forged"}, HTTP_ORIGIN="https://evil.example").status_code == 403


def approved_comment_shows(client, article, text):
    return text in fetch(client, article.url)[0].text


def test_every_change_reaches_the_next_reader(client, article, article_index):
    """Publishing, comments, settings and snippets each show on the very next anonymous view."""
    moderator = get_user_model().objects.create_superuser("mod", "mod@example.com", "x")
    fetch(client, article.url)

    article.title = "Muscle cramps explained"
    article.save_revision().publish()
    assert "Muscle cramps explained" in fetch(client, article.url)[0].text

    comment = CommentFactory(article=article, status=Comment.Status.PENDING, body="Ice helps me.")
    assert not approved_comment_shows(client, article, "Ice helps me.")
    moderate([comment], "approve", moderator)
    assert approved_comment_shows(client, article, "Ice helps me.")
    moderate([comment], "spam", moderator)
    assert not approved_comment_shows(client, article, "Ice helps me.")
    moderate([comment], "approve", moderator)
    comment.delete()
    assert not approved_comment_shows(client, article, "Ice helps me.")

    settings = CommentSettings.load()
    settings.close_after_days = 1
    settings.save()
    type(article).objects.filter(pk=article.pk).update(first_published_at=article.first_published_at.replace(year=2020))
    article.author.name = "Dr New Name"
    article.author.save()
    page = fetch(client, article.url)[0].text
    assert "Comments are closed." in page and "Dr New Name" in page

    article.unpublish()
    assert fetch(client, article.url)[0].status_code == 404


def test_moving_and_deleting_pages_reach_the_next_reader(client, article, article_index, home_page):
    """A moved article's old address redirects to the new one; a deleted one leaves the listing."""
    from tests.articles.factories import ArticleIndexPageFactory

    fetch(client, article_index.url)
    other_section = ArticleIndexPageFactory(parent=home_page, title="Fitness", slug="fitness")
    old_url = article.url
    article.move(other_section, pos="last-child")
    moved = fetch(client, old_url)[0]
    assert (moved.status_code, moved["Location"]) == (301, "/fitness/" + old_url.split("/")[-2] + "/")
    assert "What is muscle spasm?" not in fetch(client, article_index.url)[0].text
    fetch(client, other_section.url)
    article.refresh_from_db()
    article.delete()
    assert "What is muscle spasm?" not in fetch(client, other_section.url)[0].text


def test_new_pending_comments_do_not_empty_the_cache(client, article):
    """A flood of comments waiting for moderation changes no public page, so the cache stays warm."""
    fetch(client, article.url)
    CommentFactory(article=article, status=Comment.Status.PENDING)
    assert fetch(client, article.url)[1] == "hit"


def test_an_emptied_shared_cache_never_revives_old_copies(client, article):
    """If the shared cache is flushed, no worker serves a copy it kept from before."""
    fetch(client, article.url)
    type(article).objects.filter(pk=article.pk).update(title="Changed without a signal")
    cache.clear()
    response, state = fetch(client, article.url)
    assert state == "miss"
    assert "Changed without a signal" in response.text


class RecordingBackend(BaseBackend):
    """A stand-in CDN that records what it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)

    def purge_batch(self, urls):
        self.purged.extend(urls)


def test_a_configured_cdn_is_told_about_comment_changes(client, article, settings, django_capture_on_commit_callbacks):
    """Approving a comment purges the article's URL from the CDN, when one is configured."""
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.healthsite.test_pagecache.RecordingBackend"}}
    RecordingBackend.purged.clear()
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    assert RecordingBackend.purged == []
    with django_capture_on_commit_callbacks(execute=True):  # the purge is a background task
        moderate([comment], "approve", get_user_model().objects.create_superuser("m", "m@example.com", "x"))
    assert any(url.endswith(article.url) for url in RecordingBackend.purged)


def test_a_token_is_timed_from_when_the_reader_asked_for_it(client, article, settings, monkeypatch):
    """The token is made when this reader started on the form: a bot posting at once is refused,
    however old the stored copy of the page is."""
    from articles.comments import forms

    settings.COMMENT_MIN_SECONDS = 3
    fetch(client, article.url)
    a_minute_later = time.time() + 60
    monkeypatch.setattr(forms.time, "time", lambda: a_minute_later)
    assert fetch(client, article.url)[1] == "hit"
    data = {"name": "Bot", "email": "bot@example.com", "body": "Buy now.", "token": token_for(client, article)}
    response = client.post(reverse("post_comment", args=[article.pk]), data)
    assert response.status_code == 400
    assert "That was quick!" in response.text
    assert not Comment.objects.exists()
