"""The comment form's token works once: a replayed form is refused and the reader's text is kept."""

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


def test_the_refused_form_carries_a_new_token_that_works(post_comment, article):
    """After a refusal the reader sends the kept form again, and it goes through."""
    token = form_token(article.pk)
    post_comment(article, token=token, body="First.")
    replay = post_comment(article, token=token, body="Second.")
    fresh = replay.text.split('name="token" value="')[1].split('"')[0]
    assert post_comment(article, token=fresh, body="Second.").status_code == 302
