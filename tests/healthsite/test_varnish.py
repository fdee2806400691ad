"""Varnish in front of the site (deploy/varnish/default.vcl, as `make serve` runs it): pages
purged by tag, a fresh single-use form token per reader, and posters who see their own comment."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from articles.comments.actions import moderate
from articles.comments.models import Comment
from tests.articles.factories import ArticlePageFactory, CommentFactory
from tests.test_serve import free_port

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import varnish  # noqa: E402 - scripts/ is not a package


def wait_for_port(port, process):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{process.args[0]} exited"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


@pytest.fixture
def varnish_port(transactional_db, home_page, settings, tmp_path, test_database_url):
    """gunicorn with the page cache on, and Varnish in front of it on a loopback port."""
    site_port, varnish_port = free_port(), free_port()
    purge_url = f"http://127.0.0.1:{varnish_port}/"
    settings.VARNISH_PURGE_URL = purge_url  # changes made by the test itself purge too
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "healthsite.settings.test",
        "DATABASE_URL": test_database_url,
        "PAGE_CACHE_SECONDS": "300",
        "COMMENT_MIN_SECONDS": "0",
        "VARNISH_PURGE_URL": purge_url,
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    site = subprocess.Popen(  # noqa: S603
        [gunicorn, "healthsite.wsgi", "--bind", f"127.0.0.1:{site_port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    front = subprocess.Popen(  # noqa: S603
        varnish.command(varnish_port, site_port, tmp_path / "varnish"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(site_port, site)
        wait_for_port(varnish_port, front)
        yield varnish_port
    finally:
        for process in (front, site):
            process.terminate()
            process.wait(timeout=10)


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    text = response.read().decode()
    connection.close()
    return response, text


def get(port, path, cookies=""):
    return request(port, "GET", path, headers={"Cookie": cookies} if cookies else {})


def post_form(port, path, fields):
    from urllib.parse import urlencode

    return request(port, "POST", path, urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"})


def token_from(port, article):
    """What the form's script asks for (the page itself holds none)."""
    response, body = get(port, f"/comments/{article.pk}/token/")
    assert response.status == 200 and "X-Varnish-Cache" in response.headers
    return json.loads(body)["token"]


def test_approving_a_comment_on_one_article_leaves_the_other_cached(varnish_port, article):
    """The tag purge reaches Varnish: article A shows the comment at once, article B stays a hit."""
    other = ArticlePageFactory(parent=article.get_parent(), title="Stretching")
    pending = CommentFactory(article=article, status=Comment.Status.PENDING, body="Heat helps too.")
    for page in (article, other):
        get(varnish_port, page.url)
        assert get(varnish_port, page.url)[0].headers["X-Varnish-Cache"] == "hit"
    moderate([pending], "approve", get_user_model().objects.create_superuser("mod", "m@example.com", "x"))
    assert get(varnish_port, other.url)[0].headers["X-Varnish-Cache"] == "hit"
    response, html = get(varnish_port, article.url)
    assert response.headers["X-Varnish-Cache"] == "miss"
    assert "Heat helps too." in html


def test_the_token_on_a_page_from_varnish_is_fresh_and_single_use(varnish_port, article):
    """The page is one plain hit for everyone; each reader's form gets its own token through
    Varnish, never cached, accepted once and never twice."""
    get(varnish_port, article.url)
    response, html = get(varnish_port, article.url)
    assert response.headers["X-Varnish-Cache"] == "hit"
    assert 'name="token" value=' not in html
    token = token_from(varnish_port, article)
    assert token != token_from(varnish_port, article)
    fields = {"name": "Maria", "email": "maria@example.com", "body": "Through Varnish.", "token": token}
    assert post_form(varnish_port, f"/comments/{article.pk}/", fields)[0].status == 302
    replay, html = post_form(varnish_port, f"/comments/{article.pk}/", {**fields, "body": "Again."})
    assert replay.status == 400
    assert "This form was already sent" in html
    assert list(Comment.objects.values_list("body", flat=True)) == ["Through Varnish."]


def test_a_poster_sees_their_pending_comment_through_varnish(varnish_port, article):
    """Their cookies take them past the cached copy; every other reader still gets the cached copy."""
    get(varnish_port, article.url)
    get(varnish_port, article.url)
    fields = {
        "name": "Maria",
        "email": "maria@example.com",
        "body": "My calf cramps.",
        "token": token_from(varnish_port, article),
    }
    posted, _ = post_form(varnish_port, f"/comments/{article.pk}/", fields)
    assert posted.status == 302
    cookies = "; ".join(value.split(";", 1)[0] for name, value in posted.getheaders() if name == "Set-Cookie")
    mine, html = get(varnish_port, article.url, cookies)
    assert "My calf cramps." in html and "awaiting moderation" in html
    assert mine.headers["X-Varnish-Cache"] == "miss"
    theirs, html = get(varnish_port, article.url)
    assert theirs.headers["X-Varnish-Cache"] == "hit" and "My calf cramps." not in html
