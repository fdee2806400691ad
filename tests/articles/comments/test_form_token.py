"""The comment form's token works once: a replayed form is refused and the reader's text is kept;
a form sent without one (no script ran) comes back with one."""

import pytest

from articles.comments.forms import form_token
from articles.comments.models import Comment

pytestmark = pytest.mark.django_db


def test_a_token_is_accepted_once(post_comment, article):
    """The same form sent again (from anywhere) is refused, keeping the text; one comment is stored."""
    token = form_token(article.pk)
    assert post_comment(article, token=token, body="First.").status_code == 302
    replay = post_comment(article, token=token, body="Second, same form.")
    assert replay.status_code == 400
    assert "This form was already sent" in replay.text
    assert "Second, same form.</textarea>" in replay.text
    assert list(Comment.objects.values_list("body", flat=True)) == ["First."]


def token_in(html):
    return html.split('name="token" value="')[1].split('"')[0]


def test_a_form_sent_without_a_token_comes_back_with_one(post_comment, article):
    """Without script the page's form has no token: the reader is asked to send again, everything
    they typed kept, and the second send goes through."""
    first = post_comment(article, token="", body="No script here.")
    assert first.status_code == 400
    assert "press Post Comment again" in first.text
    assert "No script here.</textarea>" in first.text and 'value="maria@example.com"' in first.text
    assert not Comment.objects.exists()
    assert post_comment(article, token=token_in(first.text), body="No script here.").status_code == 302
    assert list(Comment.objects.values_list("body", flat=True)) == ["No script here."]


def test_a_form_without_a_token_and_with_mistakes_shows_only_the_mistakes(post_comment, article):
    """The reader has something to fix anyway: the send-again request would only be noise."""
    response = post_comment(article, token="", name="")
    assert "Enter your name" in response.text
    assert "press Post Comment again" not in response.text


def test_the_refused_form_carries_a_new_token_that_works(post_comment, article):
    """After a refusal the reader sends the kept form again, and it goes through."""
    token = form_token(article.pk)
    post_comment(article, token=token, body="First.")
    replay = post_comment(article, token=token, body="Second.")
    fresh = token_in(replay.text)
    assert post_comment(article, token=fresh, body="Second.").status_code == 302
