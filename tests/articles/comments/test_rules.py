"""The pure rules behind comments: networks, the moderation policy, the spam service."""

import datetime
import urllib.error

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


def test_akismet_is_asked_the_documented_questions():
    """The Akismet checker posts the comment-check fields and reads “true” as spam."""
    calls = []

    def post(url, data):
        calls.append((url, data))
        return "true"

    assert AkismetChecker(api_key="k3y", site_url="https://health.example", post=post).is_spam(submission())
    url, data = calls[0]
    assert url == "https://k3y.rest.akismet.com/1.1/comment-check"
    assert data["blog"] == "https://health.example"
    assert data["user_ip"] == "203.0.113.7"
    assert data["comment_author_email"] == "m@example.com"
    assert data["comment_type"] == "comment"


def test_akismet_outage_lets_a_moderator_decide():
    """If Akismet cannot be reached, the comment is not called spam."""

    def post(url, data):
        raise urllib.error.URLError("no route")

    assert AkismetChecker(api_key="k", site_url="https://s", post=post).is_spam(submission()) is False


def test_akismet_is_off_without_a_key(settings):
    """No AKISMET_API_KEY, no spam service."""
    from articles.comments.spam import spam_checker

    settings.COMMENT_SPAM_CHECKER = None
    assert spam_checker() is None


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
