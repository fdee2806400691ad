"""The moderation policy: when comments are open, and what happens to a new comment before a human
sees it. Every new comment waits for a moderator; some wait with reasons, some go straight to spam."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone

from articles.comments.models import Comment

LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


@dataclass
class Screening:
    status: str
    reasons: list[str] = field(default_factory=list)


def matched_words(words, texts):
    """The listed words or phrases found, as whole words and in any case, in any of the texts."""
    haystack = "\n".join(texts)
    return [word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", haystack, re.IGNORECASE)]


class CommentPolicy:
    """Reads the moderators' settings (Settings → Comments) once and applies them."""

    def __init__(self, settings):
        self.settings = settings

    def is_open(self, article, now=None):
        if not article.comments_open:
            return False
        days = self.settings.close_after_days
        if days and article.first_published_at:
            return (now or timezone.now()) < article.first_published_at + datetime.timedelta(days=days)
        return True

    def screen(self, *, name, email, website, body, spam_checker=None, submission=None):
        """Spam for block-list words or a spam service's verdict; otherwise pending, with any reasons to look twice."""
        texts = [name, email, website, body]
        blocked = matched_words(self.settings.block_word_list, texts)
        if blocked:
            return Screening(Comment.Status.SPAM, [f"Block list: “{word}”" for word in blocked])
        if spam_checker is not None and spam_checker.is_spam(submission):
            return Screening(Comment.Status.SPAM, ["Spam service: flagged as spam"])
        reasons = []
        links = len(LINK.findall(body))
        if links >= self.settings.link_limit:
            reasons.append(f"{links} links (hold from {self.settings.link_limit})")
        reasons += [f"Hold list: “{word}”" for word in matched_words(self.settings.hold_word_list, texts)]
        return Screening(Comment.Status.PENDING, reasons)
