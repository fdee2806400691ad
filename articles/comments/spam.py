"""Spam checks by an outside service. Off unless configured: AKISMET_API_KEY switches Akismet on."""

import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass

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
    """Asks Akismet's comment-check API. A failure to reach it lets the comment through to a moderator."""

    timeout = 5

    def __init__(self, api_key=None, site_url=None, post=None):
        self.api_key = api_key or settings.AKISMET_API_KEY
        self.site_url = site_url or settings.WAGTAILADMIN_BASE_URL
        self.post = post or self._post

    def is_spam(self, submission: Submission) -> bool:
        fields = asdict(submission)
        data = {
            "blog": self.site_url,
            "user_ip": fields["ip"],
            "user_agent": fields["user_agent"],
            "referrer": fields["referrer"],
            "permalink": fields["permalink"],
            "comment_type": "comment",
            "comment_author": fields["name"],
            "comment_author_email": fields["email"],
            "comment_author_url": fields["website"],
            "comment_content": fields["body"],
        }
        url = f"https://{self.api_key}.rest.akismet.com/1.1/comment-check"
        try:
            return self.post(url, data).strip() == "true"
        except (OSError, urllib.error.URLError) as error:
            logger.warning("Akismet could not be reached, so the comment goes to a moderator: %s", error)
            return False

    def _post(self, url, data):
        request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), method="POST")  # noqa: S310
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (fixed https URL)
            return response.read().decode()


def spam_checker():
    """The configured checker (COMMENT_SPAM_CHECKER, a dotted path), or None when spam checks are off."""
    path = settings.COMMENT_SPAM_CHECKER
    return import_string(path)() if path else None
