"""The pure rules behind comments: networks, the moderation policy, the spam service."""

import datetime
from urllib.parse import parse_qsl

import httpx
import pytest
from django.utils import timezone

from articles.comments.models import Comment, CommentSettings
from articles.comments.moderation import CommentPolicy, matched_words
from articles.comments.network import minimised_network
from articles.comments.spam import AkismetChecker, Submission


@pytest.mark.parametrize(
    ("address", "stored"),
    [
        ("203.0.113.77", "203.0.113.0/24"),
        ("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::/48"),
        ("::ffff:198.51.100.9", "198.51.100.0/24"),
        ("not an address", ""),
        ("", ""),
    ],
)
def test_addresses_are_cut_to_their_network(address, stored):
    """IPv4 keeps /24, IPv6 keeps /48, and junk keeps nothing."""
    assert minimised_network(address) == stored


def policy(**fields):
    return CommentPolicy(CommentSettings(**{"link_limit": 2, "hold_words": "", "block_words": "", **fields}))


def screen(policy, body="Stretching helps.", **fields):
    return policy.screen(name=fields.get("name", "Maria"), email="m@example.com", website="", body=body)


def test_plain_comment_waits_without_reasons():
    """Every new comment waits for a moderator, even with nothing suspicious."""
    assert screen(policy()).status == Comment.Status.PENDING
    assert screen(policy()).reasons == []


@pytest.mark.parametrize(("links", "held"), [(1, False), (2, True), (3, True)])
def test_links_at_the_limit_are_held(links, held):
    """The link limit (default 2) counts http, https and www links."""
    body = " ".join(["https://a.example", "www.b.example", "http://c.example"][:links])
    assert bool(screen(policy(), body=body).reasons) == held


def test_words_match_whole_words_in_any_case_and_field():
    """“Cure” does not match “secure”; a phrase matches across case and in the name too."""
    assert matched_words(["cure"], ["A secure site"]) == []
    assert matched_words(["miracle cure"], ["MIRACLE Cure now"]) == ["miracle cure"]
    result = screen(policy(block_words="casino"), name="Casino King")
    assert (result.status, result.reasons) == (Comment.Status.SPAM, ["Block list: “casino”"])


def test_block_beats_hold():
    """A comment with both kinds of word goes to spam."""
    result = screen(policy(hold_words="cure", block_words="casino"), body="casino cure")
    assert result.status == Comment.Status.SPAM


class FakeSpamService:
    def __init__(self, verdict):
        self.verdict, self.seen = verdict, []

    def is_spam(self, submission):
        self.seen.append(submission)
        return self.verdict


def test_spam_service_verdict_files_to_spam():
    """When the spam service says spam, the comment goes to spam with that reason."""
    service = FakeSpamService(verdict=True)
    result = policy().screen(
        name="x", email="x@example.com", website="", body="hi", spam_checker=service, submission="s"
    )
    assert (result.status, result.reasons) == (Comment.Status.SPAM, ["Spam service: flagged as spam"])
    assert service.seen == ["s"]


def submission():
    return Submission("Maria", "m@example.com", "", "Hello", "203.0.113.7", "Firefox", "", "https://site/a/")


class FakeAkismet:
    """Akismet's API answered inside this process by an httpx transport: no request leaves the machine."""

    def __init__(self):
        self.requests, self.answer = [], httpx.Response(200, text="false")

    def __call__(self, request):
        self.requests.append(request)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def forms(self):
        return [dict(parse_qsl(request.content.decode())) for request in self.requests]


@pytest.fixture
def fake_akismet(monkeypatch):
    fake = FakeAkismet()
    monkeypatch.setattr(AkismetChecker, "transport", httpx.MockTransport(fake))
    return fake


def test_akismet_is_asked_the_documented_questions(fake_akismet):
    """The Akismet checker posts the comment-check fields and reads “true” as spam."""
    fake_akismet.answer = httpx.Response(200, text="true")
    assert AkismetChecker(api_key="k3y", site_url="https://health.example").is_spam(submission())
    [request] = fake_akismet.requests
    assert str(request.url) == "https://rest.akismet.com/1.1/comment-check"
    [form] = fake_akismet.forms()
    assert form["api_key"] == "k3y"
    assert form["blog"] == "https://health.example"
    assert form["user_ip"] == "203.0.113.7"
    assert form["comment_author_email"] == "m@example.com"
    assert form["comment_content"] == "Hello"
    assert form["comment_type"] == "comment"


@pytest.mark.parametrize(
    "answer",
    [
        httpx.ConnectError("no route"),
        httpx.ReadTimeout("slow"),
        httpx.Response(500),
        httpx.Response(200, text="invalid"),
    ],
    ids=["unreachable", "timeout", "server error", "key refused"],
)
def test_akismet_without_a_verdict_lets_a_moderator_decide(fake_akismet, answer):
    """If Akismet cannot be reached, fails or refuses the key, the comment is not called spam."""
    fake_akismet.answer = answer
    assert AkismetChecker(api_key="k", site_url="https://s.example").is_spam(submission()) is False
    assert len(fake_akismet.requests) == 1


@pytest.mark.django_db
def test_akismet_checks_posted_comments_exactly_when_a_key_is_set(settings, fake_akismet, post_comment, article):
    """Without AKISMET_API_KEY no comment goes to Akismet; with it, every posted comment does and its verdict counts."""
    fake_akismet.answer = httpx.Response(200, text="true")
    settings.AKISMET_API_KEY = ""
    post_comment(article, email="first@example.com")
    assert fake_akismet.requests == []
    assert Comment.objects.get(email="first@example.com").status == Comment.Status.PENDING

    settings.AKISMET_API_KEY = "k3y"
    post_comment(article, email="second@example.com")
    assert [form["api_key"] for form in fake_akismet.forms()] == ["k3y"]
    assert Comment.objects.get(email="second@example.com").status == Comment.Status.SPAM


@pytest.mark.django_db
def test_fake_spam_checker_is_used_when_configured(settings, post_comment, article):
    """A configured checker screens posted comments (Akismet in production, a fake here)."""
    settings.COMMENT_SPAM_CHECKER = "tests.articles.comments.test_rules.AlwaysSpam"
    post_comment(article)
    assert Comment.objects.get().status == Comment.Status.SPAM


class AlwaysSpam:
    def is_spam(self, submission):
        return True


def test_policy_is_open_follows_the_switch_and_the_days():
    """Closed by the article's switch, or N days after publication when that setting is on."""
    published = timezone.now() - datetime.timedelta(days=10)

    class Article:
        comments_open = True
        first_published_at = published

    assert policy(close_after_days=0).is_open(Article)
    assert policy(close_after_days=11).is_open(Article)
    assert not policy(close_after_days=10).is_open(Article)
    Article.comments_open = False
    assert not policy(close_after_days=0).is_open(Article)
