"""The reader's address behind reverse proxies: read from the proxies' X-Forwarded-For entries when
configured, never from what a reader wrote there."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from articles.comments.forms import form_token
from articles.comments.models import Comment
from healthsite.clientip import client_ip


def request_from(peer, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("count", "peer", "forwarded", "expected"),
    [
        (0, "127.0.0.1", "203.0.113.9", "127.0.0.1"),  # no proxy configured: the header is anyone's
        (1, "127.0.0.1", "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the reader wrote the first entry
        (1, "127.0.0.1", None, "127.0.0.1"),  # the proxy added nothing
        (1, "192.0.2.1", "203.0.113.9", "192.0.2.1"),  # straight to the site, around the proxy
        (2, "127.0.0.1", "198.51.100.7, 203.0.113.9, 10.0.0.5", "203.0.113.9"),
        (2, "127.0.0.1", "203.0.113.9", "127.0.0.1"),  # one proxy short: nothing to trust
        (1, "127.0.0.1", "not-an-address", "127.0.0.1"),
        (1, "::1", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_address_comes_from_the_trusted_proxies_only(settings, count, peer, forwarded, expected):
    """The Nth entry from the right, for N trusted proxies, and only when the peer is one of them."""
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from(peer, forwarded)) == expected


@pytest.mark.django_db
def test_readers_behind_one_proxy_each_get_their_own_rate_limit(client, article, settings):
    """Behind a proxy, six readers on six networks can each post: they no longer share one bucket."""
    settings.COMMENT_MIN_SECONDS = 0
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(settings.COMMENT_RATE_LIMIT + 1):
        data = {
            "name": f"Reader {n}",
            "email": f"reader{n}@example.com",
            "body": f"Comment number {n}.",
            "token": form_token(article.pk),
        }
        response = client.post(
            reverse("post_comment", args=[article.pk]), data, HTTP_X_FORWARDED_FOR=f"203.0.{n}.9, 198.51.{n}.7"
        )
        assert response.status_code == 302
    assert set(Comment.objects.values_list("ip_address", flat=True)) == {
        f"198.51.{n}.0/24" for n in range(settings.COMMENT_RATE_LIMIT + 1)
    }
