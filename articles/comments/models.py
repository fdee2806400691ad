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


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    """What moderators tune in Settings → Comments."""

    class Notify(models.TextChoices):
        EACH = "each", "Email moderators about each comment held for moderation"
        OFF = "off", "Send no emails"

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

    panels = [
        FieldPanel("close_after_days"),
        FieldPanel("thread_depth"),
        FieldPanel("threads_per_page"),
        FieldPanel("link_limit"),
        FieldPanel("hold_words"),
        FieldPanel("block_words"),
        FieldPanel("notify_moderators"),
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
