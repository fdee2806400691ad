"""Awkward input a browser or a mischievous reader can send: each is stored as documented or refused clearly."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from articles.comments.forms import UNREADABLE, form_token
from articles.comments.models import Comment
from tests.articles.comments.test_posting import error_summary, field_value

pytestmark = pytest.mark.django_db


def test_line_breaks_count_once_as_the_browser_counts_them(post_comment, article):
    """A comment the browser's maxlength=5000 lets through, sent with CRLF line breaks, is accepted."""
    body = ("x" * 99 + "\r\n") * 49 + "x" * 100  # 5,000 characters as the browser counts, 5,049 bytes
    response = post_comment(article, body=body)
    assert response.status_code == 302
    assert Comment.objects.get().body == body.replace("\r\n", "\n")


@pytest.mark.parametrize("name", ["\u200b", "\ufeff", "\u00ad", "\u180e", "\u2060 \u3164", "\u202e\u2066"])
def test_names_that_show_nothing_are_refused(post_comment, article, name):
    """A name of invisible characters would show a blank author: the reader is asked for a real one."""
    response = post_comment(article, name=name)
    assert response.status_code == 400
    assert "Enter your name in letters we can show" in error_summary(response)
    assert not Comment.objects.exists()


def test_direction_overrides_are_taken_out_of_names(post_comment, article):
    """A right-to-left override cannot make a name read as another; real right-to-left letters stay."""
    post_comment(article, name="Ma\u202eria \u2067سارا\u2069  Smith")
    assert Comment.objects.get().name == "Maria سارا Smith"


@pytest.mark.parametrize(
    "website", ["https://exa\u202emple.com/", "https://example.com/\u2066x", "https://ex ample.com"]
)
def test_web_addresses_with_hidden_characters_are_refused(post_comment, article, website):
    """A direction override or space in a web address could disguise where it leads."""
    response = post_comment(article, website=website)
    assert response.status_code == 400
    assert "Enter the web address without spaces or hidden characters" in error_summary(response)


def test_a_repeat_differing_only_in_case_and_spacing_is_a_duplicate(post_comment, article):
    """Sending the same comment again in other capitals or spacing does not post it twice."""
    post_comment(article, body="Stretching my calf helps.")
    response = post_comment(article, body="  stretching MY   calf\r\nhelps. ", email="MARIA@example.com")
    assert "You have already posted this comment." in error_summary(response)
    assert Comment.objects.count() == 1


def test_a_bad_web_address_is_explained_once(post_comment, article):
    """One mistake, one message."""
    response = post_comment(article, website="not a web address")
    assert error_summary(response).count("web address") == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "a" * 250 + "@example.com"}, "Keep your email address to 254 characters or fewer"),
        ({"website": "https://example.com/" + "a" * 200}, "Keep your web address to 200 characters or fewer"),
    ],
)
def test_over_long_addresses_are_explained_in_plain_words(post_comment, article, fields, message):
    """Too long an email or web address gets the site's wording, not Django's."""
    response = post_comment(article, **fields)
    assert response.status_code == 400
    assert message in error_summary(response)
    assert "Ensure this value" not in response.text


def test_unreadable_bytes_spoil_only_themselves(client, article):
    """A body that is not valid UTF-8 is refused with every readable character kept, not read as Latin-1."""
    fields = {"name": "Zoë", "email": "zoe@example.com", "website": "", "homepage": "", "token": form_token(article.pk)}
    body = "&".join(f"{key}={quote(value)}" for key, value in fields.items()).encode() + b"&body=caf\xe9+au+lait"
    response = client.post(
        reverse("post_comment", args=[article.pk]), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert UNREADABLE in error_summary(response)
    assert field_value(response, "name") == "Zoë"
    assert field_value(response, "body") == "caf\ufffd au lait"
    assert not Comment.objects.exists()
