"""The moderation policy: when comments are open, and what happens to a new comment before a human
sees it. Every new comment waits for a moderator; some wait with reasons, some go straight to spam."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone

from articles.comments.models import Comment

LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


# The hold reason for the safety list. The phrase matched stays out of it: it is shown to moderators
# only, but a reason that quotes "suicide" in a queue row helps no one decide faster.
SAFETY_REASON = "Safety"


@dataclass
class Screening:
    status: str
    reasons: list[str] = field(default_factory=list)
    # Matched the safety list: the writer may be in danger.
    urgent: bool = False


def matched_words(words, texts):
    """The listed words or phrases found, as whole words and in any case, in any of the texts."""
    haystack = "\n".join(texts)
    return [word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", haystack, re.IGNORECASE)]


def plain_text(text):
    """Typographic apostrophes as typed on phones, and runs of spaces, read as the list writes them."""
    return " ".join(text.replace("\u2019", "'").split())


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
        """Spam for block-list words or a spam service's verdict; otherwise pending, with any reasons to look twice.

        The safety list comes first and wins: a reader who may be in danger is seen by a person,
        never filed as spam by a word list or a service."""
        texts = [name, email, website, body]
        if matched_words(self.settings.safety_phrase_list, [plain_text(body)]):
            return Screening(Comment.Status.PENDING, [SAFETY_REASON, *self.hold_reasons(texts, body)], urgent=True)
        blocked = matched_words(self.settings.block_word_list, texts)
        if blocked:
            return Screening(Comment.Status.SPAM, [f"Block list: “{word}”" for word in blocked])
        if spam_checker is not None and spam_checker.is_spam(submission):
            return Screening(Comment.Status.SPAM, ["Spam service: flagged as spam"])
        return Screening(Comment.Status.PENDING, self.hold_reasons(texts, body))

    def hold_reasons(self, texts, body):
        reasons = []
        links = len(LINK.findall(body))
        if links >= self.settings.link_limit:
            reasons.append(f"{links} links (hold from {self.settings.link_limit})")
        reasons += [f"Hold list: “{word}”" for word in matched_words(self.settings.hold_word_list, texts)]
        return reasons
