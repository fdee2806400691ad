import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import URLValidator

from articles.comments.models import Comment
from healthsite.forms import ReaderForm
from healthsite.requestargs import IdChoiceField

SIGNING_NAMESPACE = "articles.comments.form"  # a salt, public by design


def without_control_characters(text, keep=""):
    """Drop control characters (they cannot be stored or shown), keeping any listed in `keep`."""
    return "".join(c for c in text if c in keep or unicodedata.category(c) != "Cc")


def form_token(article, now=None):
    """Signs the article and the moment the form was shown, to catch bots that post too fast or replay old forms."""
    return signing.dumps({"article": article.pk, "shown": int(now or time.time())}, salt=SIGNING_NAMESPACE)


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
    website = forms.URLField(
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        error_messages={"invalid": "Enter a web address that starts with http:// or https://"},
    )
    notify = forms.BooleanField(
        label="Notify me of replies by email", required=False, help_text="We will email you to confirm first."
    )
    save_details = forms.BooleanField(
        label="Save my name, email, and website in this browser for the next time I comment.", required=False
    )
    # A field people never see: bots fill in every field they find.
    homepage = forms.CharField(required=False, label="Leave this field empty")
    token = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["name", "email", "website", "body", "parent"]
        labels = {"body": "Comment"}
        error_messages = {
            "name": {"required": "Enter your name", "max_length": "Keep your name to 100 characters or fewer"},
            "email": {
                "required": "Enter your email address",
                "invalid": "Enter an email address like name@example.com",
            },
            "body": {"required": "Write your comment", "max_length": "Keep your comment to 5,000 characters or fewer"},
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.fields["parent"].queryset = Comment.objects.approved().filter(article=article)
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["website"].widget.attrs.update(autocomplete="url")
        self.fields["homepage"].widget.attrs.update(autocomplete="off", tabindex="-1")
        if not self.is_bound:
            self.initial["token"] = form_token(article)

    def clean_name(self):
        return without_control_characters(self.cleaned_data["name"]).strip()

    def clean_email(self):
        return without_control_characters(self.cleaned_data["email"]).strip()

    def clean_body(self):
        body = without_control_characters(self.cleaned_data["body"], keep="\n\t").replace("\r", "").strip()
        if not body:
            raise forms.ValidationError("Write your comment")
        return body

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError("Leave this field empty")
        return ""

    def clean_token(self):
        try:
            token = signing.loads(self.cleaned_data["token"], salt=SIGNING_NAMESPACE)
        except signing.BadSignature:
            token = {}
        # Whatever happened, the next attempt gets a fresh token.
        self.data = self.data.copy()
        self.data["token"] = form_token(self.article)
        if token.get("article") != self.article.pk or not isinstance(token.get("shown"), int):
            raise forms.ValidationError(
                "Something went wrong with the form. Your comment is kept: please send it again."
            )
        return token["shown"]

    def check_timing(self, shown):
        """Bots post within a second or replay old forms; people do neither."""
        age = time.time() - shown
        if age < settings.COMMENT_MIN_SECONDS:
            raise forms.ValidationError("That was quick! Please check your comment and send it again.")
        if age > settings.COMMENT_MAX_FORM_AGE:
            raise forms.ValidationError(
                "This form was open for a long time. Your comment is kept: please send it again."
            )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            # The reader has something to fix and will send again: timing tells nothing yet.
            return cleaned
        self.check_timing(cleaned["token"])
        email, body = cleaned.get("email"), cleaned.get("body")
        if email and body:
            duplicate = (
                Comment.objects.filter(article=self.article, body=body)
                .by_email(email)
                .exclude(status=Comment.Status.TRASH)
                .exists()
            )
            if duplicate:
                raise forms.ValidationError("You have already posted this comment.", code="duplicate")
        return cleaned
