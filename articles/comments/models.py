from django.apps import apps
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# Who may moderate: the permission that shows the Comments queue and makes a user a moderator.
MODERATE_PERMISSION = "articles.change_comment"


def commented_articles():
    """The pages comments belong to. Looked up by label: article pages build on comments, so this
    package does not import them."""
    return apps.get_model("articles", "ArticlePage").objects


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """What every reader sees."""
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        """Waiting for a moderator."""
        return self.filter(status=Comment.Status.PENDING)

    def spam(self):
        return self.filter(status=Comment.Status.SPAM)

    def trash(self):
        return self.filter(status=Comment.Status.TRASH)

    def urgent(self):
        """Held by the safety list and still waiting: a reader may be in danger."""
        return self.pending().filter(urgent=True)

    def unanswered_questions(self):
        """Approved comments that ask something and have no staff reply yet, oldest first."""
        staff_replies = Comment.objects.filter(parent=models.OuterRef("pk"), staff_reply=True)
        return (
            self.approved()
            .filter(staff_reply=False, body__contains="?")
            .exclude(models.Exists(staff_replies))
            .order_by("created_at", "pk")
        )

    def top_level(self):
        return self.filter(parent__isnull=True)

    def oldest_first(self):
        return self.order_by("created_at", "pk")

    def posted_since(self, moment):
        return self.filter(created_at__gte=moment)

    def by_email(self, email):
        return self.filter(email__iexact=email)

    def approved_count_for(self, article_ref):
        """A subquery counting an article's approved comments, for annotating page listings."""
        counts = (
            self.approved()
            .filter(article=article_ref)
            .order_by()
            .values("article")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Coalesce(Subquery(counts), 0)


class Comment(models.Model):
    """A reader's comment under an article, or a reply to one. Held for moderation when posted."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        TRASH = "trash", "Trash"

    # A ForeignKey, not a ParentalKey: posting a comment must never create a page revision.
    article = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text="The comment replied to.",
    )
    # The top-level comment of the thread, so a page of threads loads in one query.
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="thread_comments", editable=False
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)

    name = models.CharField(max_length=100)
    email = models.EmailField(help_text="Never published.")
    website = models.URLField(blank=True)
    body = models.TextField("comment", max_length=5000)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    hold_reasons = ArrayField(models.CharField(max_length=200), default=list, blank=True, editable=False)
    ip_address = models.CharField(
        "IP network", max_length=50, blank=True, editable=False, help_text="IPv4 cut to /24, IPv6 to /48."
    )
    staff_reply = models.BooleanField(default=False, editable=False)
    # A staff reply signed by a medical reviewer with their credential line: readers see a Clinician badge.
    clinician_reply = models.BooleanField(default=False, editable=False)
    # Matched the safety list: a reader may be in danger, so it tops the queue. Never shown publicly.
    urgent = models.BooleanField(default=False, editable=False)
    edited_by_moderator = models.BooleanField(default=False, editable=False)

    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        app_label = "articles"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["ip_address", "created_at"]),
            models.Index(fields=["email", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "spam", "trash"]), name="comment_status_valid"
            )
        ]

    def __str__(self):
        return f"Comment by {self.name}"

    @property
    def anchor(self):
        return f"comment-{self.pk}"

    def place_under(self, parent):
        """Make this a reply to `parent`, in the same thread, one level deeper."""
        self.parent = parent
        self.thread_id = parent.thread_id or parent.pk
        self.depth = parent.depth + 1


# Crisis and emergency language, matched as whole words in any case. Tested against the examples
# in tests/articles/comments/test_safety.py; moderators extend the list in Settings → Comments.
DEFAULT_SAFETY_PHRASES = "\n".join(
    [
        "kill myself",
        "killing myself",
        "end it all",
        "end my life",
        "take my own life",
        "suicide",
        "suicidal",
        "want to die",
        "better off dead",
        "no reason to live",
        "self harm",
        "self-harm",
        "hurt myself",
        "cutting myself",
        "overdose",
        "overdosed",
        "chest pain right now",
        "can't breathe",
        "cannot breathe",
        "struggling to breathe",
        "passing out",
        "lips are turning blue",
        "face is drooping",
        "heavy bleeding",
        "having a seizure",
    ]
)
DEFAULT_SAFETY_RESOURCES = (
    "If you or someone else is in immediate danger, or has chest pain, trouble breathing or heavy bleeding, "
    "call 999 now (112 from a mobile anywhere in Europe).\n"
    "If you are thinking about ending your life or harming yourself, you can talk to Samaritans any time, "
    "day or night, free on 116 123, or text SHOUT to 85258.\n"
    "For urgent medical help that is not an emergency, call NHS 111.\n"
    "A moderator will read your comment, but cannot reply quickly: please contact one of these now."
)


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    """What moderators tune in Settings → Comments."""

    class Notify(models.TextChoices):
        EACH = "each", "Email moderators as each of them chose (each held comment, an hourly digest or none)"
        OFF = "off", "Send no emails, except about comments held by the safety list"

    close_after_days = models.PositiveIntegerField(
        "close comments after (days)", default=0, help_text="Days after publication. 0 keeps comments open."
    )
    link_limit = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1)],
        help_text="Hold a comment for moderation when it has this many links or more.",
    )
    hold_words = models.TextField(
        blank=True, help_text="One word or phrase a line. A comment containing one waits for a moderator."
    )
    block_words = models.TextField(
        blank=True, help_text="One word or phrase a line. A comment containing one goes straight to spam."
    )
    notify_moderators = models.CharField(max_length=10, choices=Notify.choices, default=Notify.EACH)
    thread_depth = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="How deep replies nest. Deeper replies show at the last level.",
    )
    threads_per_page = models.PositiveSmallIntegerField(
        "comments per page", default=50, validators=[MinValueValidator(1)], help_text="Top-level comments a page."
    )

    staff_team_name = models.CharField(
        "team name for staff replies",
        max_length=100,
        blank=True,
        help_text="Staff may sign replies with this name (e.g. “the editorial team”) instead of their own.",
    )
    safety_phrases = models.TextField(
        default=DEFAULT_SAFETY_PHRASES,
        help_text="One phrase a line. A comment containing one may come from a reader in danger: it is held as "
        "Safety, tops the queue under Urgent, moderators are emailed at once and the poster is shown the "
        "resources below. Nothing about the match is shown publicly.",
    )
    safety_resources = models.TextField(
        default=DEFAULT_SAFETY_RESOURCES,
        help_text="Shown at once, only to the person whose comment matched the safety list.",
    )

    panels = [
        FieldPanel("close_after_days"),
        FieldPanel("thread_depth"),
        FieldPanel("threads_per_page"),
        FieldPanel("link_limit"),
        FieldPanel("hold_words"),
        FieldPanel("block_words"),
        FieldPanel("notify_moderators"),
        FieldPanel("staff_team_name"),
        FieldPanel("safety_phrases"),
        FieldPanel("safety_resources"),
    ]

    class Meta:
        app_label = "articles"
        verbose_name = "comments"

    @property
    def hold_word_list(self):
        return _lines(self.hold_words)

    @property
    def block_word_list(self):
        return _lines(self.block_words)

    @property
    def safety_phrase_list(self):
        return _lines(self.safety_phrases)


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class CommentSubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)


class CommentSubscription(models.Model):
    """A commenter's wish to hear about replies to their comment. Nothing is sent until they confirm."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="subscriptions")
    email = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = CommentSubscriptionQuerySet.as_manager()

    class Meta:
        app_label = "articles"
        constraints = [models.UniqueConstraint(fields=["comment", "email"], name="one_subscription_per_comment")]

    def __str__(self):
        return f"Replies to comment {self.comment_id}"


class StaffProfile(models.Model):
    """What a staff member chooses about comments: how they sign replies and which emails they get."""

    class Emails(models.TextChoices):
        EACH = "each", "An email for each comment held for moderation"
        DIGEST = "digest", "An hourly digest"
        NONE = "none", "No emails (comments held by the safety list are always emailed)"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile")
    credential = models.CharField(
        "clinician signature",
        max_length=100,
        blank=True,
        help_text="For medical reviewers: your name and credential as readers will see it, e.g. “Dr A. Patel, GP”.",
    )
    comment_emails = models.CharField(
        "emails about held comments", max_length=10, choices=Emails.choices, default=Emails.EACH
    )
    # When this moderator was last emailed, so a burst of comments sends at most one email a window.
    last_emailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_urgent_email_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        app_label = "articles"

    def __str__(self):
        return f"Staff profile of {self.user}"
