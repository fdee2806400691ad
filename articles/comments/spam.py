"""Spam checks by an outside service. Off unless configured: AKISMET_API_KEY switches Akismet on."""

import logging
from dataclasses import dataclass

import akismet
import httpx
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submission:
    """What a spam service is told about a comment. The full IP is sent, never stored."""

    name: str
    email: str
    website: str
    body: str
    ip: str
    user_agent: str
    referrer: str
    permalink: str


class AkismetChecker:
    """Asks Akismet's comment-check API through the `akismet` package. A failure to reach it, or a
    key Akismet refuses, lets the comment through to a moderator."""

    timeout = 5
    # Where requests go: the network, unless a test hands in a fake Akismet (an httpx transport).
    transport = None

    def __init__(self, api_key=None, site_url=None):
        self.config = akismet.Config(
            key=api_key or settings.AKISMET_API_KEY, url=site_url or settings.WAGTAILADMIN_BASE_URL
        )

    def is_spam(self, submission: Submission) -> bool:
        headers = {"User-Agent": akismet.USER_AGENT}
        with httpx.Client(transport=self.transport, headers=headers, timeout=self.timeout) as http:
            client = akismet.SyncClient(config=self.config, http_client=http)
            try:
                return bool(
                    client.comment_check(
                        user_ip=submission.ip,
                        user_agent=submission.user_agent,
                        referrer=submission.referrer,
                        permalink=submission.permalink,
                        comment_type="comment",
                        comment_author=submission.name,
                        comment_author_email=submission.email,
                        comment_author_url=submission.website,
                        comment_content=submission.body,
                    )
                )
            except akismet.AkismetError as error:
                logger.warning("Akismet gave no verdict, so the comment goes to a moderator: %s", error)
                return False


def spam_checker():
    """The checker named by COMMENT_SPAM_CHECKER (a dotted path), else Akismet when AKISMET_API_KEY
    is set, else None: spam checks are off."""
    if settings.COMMENT_SPAM_CHECKER:
        return import_string(settings.COMMENT_SPAM_CHECKER)()
    if settings.AKISMET_API_KEY:
        return AkismetChecker()
    return None
