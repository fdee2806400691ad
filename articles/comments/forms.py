import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.validators import URLValidator
from django.urls import reverse

from articles.comments.models import Comment
from healthsite.forms import ReaderForm
from healthsite.requestargs import IdChoiceField

from .text import (
    comparable,
    has_hidden_characters,
    has_visible_character,
    normalised_body,
    normalised_name,
    unified_newlines,
    without_control_characters,
)

SIGNING_NAMESPACE = "articles.comments.form"  # a salt, public by design
SEND_AGAIN = (
    "Please check your comment and press Post Comment again. We ask once, to make sure each "
    "comment comes from a person."
)
UNREADABLE = (
    "Part of what your browser sent was not readable text and is shown as �. "
    "Please check your comment and send it again."
)


def form_token(article_id, now=None):
    """Signs the article, the moment the form was shown and a random id, to catch bots that post too
    fast, replay old forms or send one form many times. A cached page holds none: the form asks
    `comment_form_token` for one when the reader starts on it, and a form sent without one comes
    back with one (see `CommentForm.clean`)."""
    token = {"article": article_id, "shown": int(now or time.time()), "id": secrets.token_urlsafe(12)}
    return signing.dumps(token, salt=SIGNING_NAMESPACE)


def use_up(token):
    """Record the token as sent, atomically (`add`), until it would be too old anyway. False when it
    already was."""
    return cache.add(f"comments:used-token:{token['id']}", True, timeout=settings.COMMENT_MAX_FORM_AGE + 60)


class CommentTextField(forms.CharField):
    """The comment box, measured as the browser's maxlength measures it: a line break is one character."""

    def to_python(self, value):
        return unified_newlines(super().to_python(value))


class WebsiteField(forms.URLField):
    """An http(s) address, checked once (URLField's own validator would repeat every error)."""

    default_validators = [URLValidator(schemes=["http", "https"])]

    def to_python(self, value):
        if has_hidden_characters(str(value or "").strip()):
            raise forms.ValidationError("Enter the web address without spaces or hidden characters", code="hidden")
        return super().to_python(value)


class CommentForm(ReaderForm, forms.ModelForm):
    """The “Leave a Reply” form. Every error names the field and keeps what was typed."""

    parent = IdChoiceField(
        queryset=Comment.objects.none(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid_choice": "The comment you replied to is no longer available. Your text is kept below."
        },
    )
    website = WebsiteField(
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a web address that starts with http:// or https://",
            "max_length": "Keep your web address to 200 characters or fewer",
        },
    )
    notify = forms.BooleanField(
        label="Notify me of replies by email", required=False, help_text="We will email you to confirm first."
    )
    save_details = forms.BooleanField(
        label="Save my name, email, and website in this browser for the next time I comment.", required=False
    )
    # A field people never see: bots fill in every field they find.
    homepage = forms.CharField(required=False, label="Leave this field empty")
    # Empty in the page, which every reader shares: filled in per reader (comments.js), or on the
    # way back from the server when the browser runs no script.
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Comment
        fields = ["name", "email", "website", "body", "parent"]
        labels = {"body": "Comment"}
        error_messages = {
            "name": {"required": "Enter your name", "max_length": "Keep your name to 100 characters or fewer"},
            "email": {
                "required": "Enter your email address",
                "invalid": "Enter an email address like name@example.com",
                "max_length": "Keep your email address to 254 characters or fewer",
            },
            "body": {"required": "Write your comment", "max_length": "Keep your comment to 5,000 characters or fewer"},
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        field_classes = {"body": CommentTextField}

    def __init__(self, *args, article, unreadable=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.unreadable = unreadable
        self.fields["parent"].queryset = Comment.objects.approved().filter(article=article)
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["website"].widget.attrs.update(autocomplete="url")
        self.fields["homepage"].widget.attrs.update(autocomplete="off", tabindex="-1")
        self.fields["token"].widget.attrs["data-token-url"] = reverse("comment_form_token", args=[article.pk])

    def clean_name(self):
        name = normalised_name(self.cleaned_data["name"])
        if not has_visible_character(name):
            raise forms.ValidationError("Enter your name in letters we can show: this one has none")
        return name

    def clean_email(self):
        return without_control_characters(self.cleaned_data["email"]).strip()

    def clean_body(self):
        body = normalised_body(self.cleaned_data["body"])
        if not has_visible_character(body):
            raise forms.ValidationError("Write your comment")
        return body

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError("Leave this field empty")
        return ""

    def clean_token(self):
        """The signed token, or None when the form came without one (no script ran)."""
        sent = self.cleaned_data["token"]
        # Whatever happened, the next attempt gets a fresh token.
        self.data = self.data.copy()
        self.data["token"] = form_token(self.article.pk)
        if not sent:
            return None
        try:
            token = signing.loads(sent, salt=SIGNING_NAMESPACE)
        except signing.BadSignature:
            token = {}
        if (
            token.get("article") != self.article.pk
            or not isinstance(token.get("shown"), int)
            or not isinstance(token.get("id"), str)
        ):
            raise forms.ValidationError(
                "Something went wrong with the form. Your comment is kept: please send it again."
            )
        return token

    def check_timing(self, token):
        """Bots post within a second or replay old forms; people do neither."""
        age = time.time() - token["shown"]
        if age < settings.COMMENT_MIN_SECONDS:
            raise forms.ValidationError("That was quick! Please check your comment and send it again.")
        if age > settings.COMMENT_MAX_FORM_AGE:
            raise forms.ValidationError(
                "This form was open for a long time. Your comment is kept: please send it again."
            )

    def clean(self):
        cleaned = super().clean()
        if self.unreadable:
            raise forms.ValidationError(UNREADABLE, code="unreadable")
        if self.errors:
            # The reader has something to fix and will send again: timing tells nothing yet.
            return cleaned
        if cleaned["token"] is None:
            raise forms.ValidationError(SEND_AGAIN, code="no_token")
        self.check_timing(cleaned["token"])
        email, body = cleaned.get("email"), cleaned.get("body")
        if email and body:
            earlier = (
                Comment.objects.filter(article=self.article)
                .by_email(email)
                .exclude(status=Comment.Status.TRASH)
                .values_list("body", flat=True)
            )
            if comparable(body) in {comparable(text) for text in earlier}:
                raise forms.ValidationError("You have already posted this comment.", code="duplicate")
        if not use_up(cleaned["token"]):
            raise forms.ValidationError("This form was already sent. Your comment is kept: please send it again.")
        return cleaned
