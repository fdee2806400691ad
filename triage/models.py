"""Doctor-visit checklists: pages editors build, and the one thing the site counts about their use."""

import math

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, validate_slug
from django.db import IntegrityError, models, transaction
from django.db.models import Count, F
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, PageChooserPanel, TabbedInterface
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from healthsite.choices import Urgency
from healthsite.review import MedicallyReviewed
from healthsite.routing import KnownViewRestrictions, breadcrumbs
from triage.admin_forms import NOT_PUBLISHABLE, ChecklistPageForm, publishing_problems
from triage.choices import AnswerType, OutcomeLevel
from triage.views import STEPS as CHECKLIST_STEPS
from triage.views import serve_checklist

# How long readers take, roughly, for the index's "time to complete": a yes/no/not-sure sign is
# quick; a preparation question may need a date remembered or a sentence written.
SECONDS_PER_SIGN = 10
SECONDS_PER_QUESTION = 30


def _minutes(seconds):
    return max(1, math.ceil(seconds / 60))


class ChecklistIndexPage(KnownViewRestrictions, Page):
    """The “Checklists” section: lists the published checklists."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["triage.ChecklistPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = breadcrumbs(self)
        context["checklists"] = checklists = list(
            ChecklistPage.objects.child_of(self)
            .live()
            .public()
            .annotate(
                sign_count=Count("warning_signs", distinct=True),
                question_count=Count("preparation_questions", distinct=True),
            )
            .order_by("title")
        )
        for checklist in checklists:
            seconds = checklist.sign_count * SECONDS_PER_SIGN
            checklist.minutes_to_result = _minutes(seconds)
            checklist.minutes_in_all = _minutes(seconds + checklist.question_count * SECONDS_PER_QUESTION)
        return context


class ChecklistPage(KnownViewRestrictions, MedicallyReviewed, Page):
    """A doctor-visit checklist for one condition. Readers' answers are never stored."""

    intro = models.TextField(help_text="What the checklist helps with, shown above the first question.")
    subject = models.CharField(
        max_length=80,
        help_text="Starts every warning sign, e.g. “Your muscle spasm” + “causes severe discomfort”.",
    )
    article = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="article about the condition",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked from every step of the checklist, for readers who want to read more.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("subject", boost=2),
        index.SearchField("intro"),
        index.AutocompleteField("subject"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("subject"),
        PageChooserPanel("article", "articles.ArticlePage"),
        InlinePanel("warning_signs", label="Warning sign", heading="Warning signs"),
        InlinePanel("outcomes", label="Outcome", heading="Outcomes"),
        InlinePanel("preparation_questions", label="Question", heading="What your doctor may ask"),
        InlinePanel("questions_to_ask", label="Suggestion", heading="Questions to ask your doctor"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(MedicallyReviewed.review_panels, heading="Review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    base_form_class = ChecklistPageForm
    parent_page_types = ["triage.ChecklistIndexPage"]
    subpage_types = []
    # Every step links to the checklist's article: fetched with the checklist (healthsite.routing).
    serve_select_related = ("article",)

    def route(self, request, path_components):
        """The checklist's steps live under its address: result/, prepare/, summary/ and pdf/."""
        if len(path_components) == 1 and path_components[0] in CHECKLIST_STEPS:
            return RouteResult(super().route(request, []).page, kwargs={"step": path_components[0]})
        return super().route(request, path_components)

    def serve(self, request, *args, step="", **kwargs):
        return serve_checklist(request, self, step)

    def publish(self, revision, *args, **kwargs):
        """The editor's form checks a checklist before it is published; this checks it again when a
        scheduled publish or a workflow approval publishes a revision without that form."""
        checklist = revision.as_object()
        problems = publishing_problems(
            [{"urgency": sign.urgency} for sign in checklist.warning_signs.all()],
            [{"level": outcome.level} for outcome in checklist.outcomes.all()],
            [{"warning_urgency": question.warning_urgency} for question in checklist.preparation_questions.all()],
        )
        if problems:
            raise ValidationError([NOT_PUBLISHABLE, *problems])
        return super().publish(revision, *args, **kwargs)

    def record_outcome(self, level):
        """The only trace a reader leaves: one more in today's count for the outcome they reached."""
        DailyOutcomeCount.objects.add_one(self, level)


class WarningSign(Orderable):
    """A “red flag”: a sign that the reader should get care, and how urgently."""

    page = ParentalKey(ChecklistPage, on_delete=models.CASCADE, related_name="warning_signs")
    text = models.CharField(
        max_length=200, help_text="Follows the checklist’s subject, e.g. “causes severe discomfort”."
    )
    hint = models.CharField(max_length=250, blank=True)
    urgency = models.CharField(max_length=20, choices=Urgency)
    not_sure_counts = models.BooleanField(
        "“Not sure” counts as yes",
        default=True,
        help_text="When on, a reader who is not sure gets the same advice as one who answered yes.",
    )

    panels = [FieldPanel("text"), FieldPanel("hint"), FieldPanel("urgency"), FieldPanel("not_sure_counts")]

    @property
    def key(self):
        return f"sign_{self.pk}"

    def __str__(self):
        return self.text


class Outcome(Orderable):
    """What the reader is told for one urgency level, or when no warning sign applies."""

    page = ParentalKey(ChecklistPage, on_delete=models.CASCADE, related_name="outcomes")
    level = models.CharField(max_length=20, choices=OutcomeLevel)
    heading = models.CharField(max_length=120)
    what_to_do = models.TextField()
    if_worse = models.TextField("what to do if it gets worse")
    help_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="helpful article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    help_anchor = models.CharField(
        "section anchor",
        max_length=80,
        blank=True,
        validators=[validate_slug],
        help_text="The section of the article to open, e.g. “home-treatment”.",
    )
    help_link_text = models.CharField(
        max_length=120, blank=True, help_text="e.g. “How to ease a muscle spasm at home”."
    )

    panels = [
        FieldPanel("level"),
        FieldPanel("heading"),
        FieldPanel("what_to_do"),
        FieldPanel("if_worse"),
        MultiFieldPanel(
            [
                PageChooserPanel("help_page", "articles.ArticlePage"),
                FieldPanel("help_anchor"),
                FieldPanel("help_link_text"),
            ],
            heading="Link to the article section that helps",
        ),
    ]

    def clean(self):
        super().clean()
        if self.help_page_id and not self.help_link_text.strip():
            raise ValidationError({"help_link_text": "Say what the linked section helps with."})

    def help_url(self):
        if self.help_page is None:
            return ""
        url = self.help_page.url or ""
        return f"{url}#{self.help_anchor}" if self.help_anchor else url

    def __str__(self):
        return self.heading


class PreparationQuestion(Orderable):
    """A question the doctor may ask, which the reader can answer ahead of the visit. Some answers
    may be red flags that raise the reader's outcome, like a warning sign."""

    page = ParentalKey(ChecklistPage, on_delete=models.CASCADE, related_name="preparation_questions")
    prompt = models.CharField(max_length=250)
    answer_type = models.CharField(max_length=20, choices=AnswerType, default=AnswerType.SHORT_TEXT)
    options = models.TextField(blank=True, help_text="For a choice: one option per line.")
    hint = models.CharField(max_length=250, blank=True)
    required_for_summary = models.BooleanField(
        default=False,
        help_text="Readers may skip any question, except these: the visit summary is not made without an answer.",
    )
    sensitive = models.BooleanField(
        default=False, help_text="A personal question: readers are told why it is asked and may skip it."
    )
    why_asked = models.CharField(
        "why it is asked", max_length=300, blank=True, help_text="Shown with sensitive questions."
    )
    warning_urgency = models.CharField(
        "urgency of a warning answer",
        max_length=20,
        choices=Urgency,
        blank=True,
        help_text="Leave empty unless an answer to this question is a red flag. Yes of a yes-or-no question, the "
        "options listed below, or a scale value from the threshold below, raise the reader’s result to this level.",
    )
    warning_answers = models.TextField(
        "options that are a warning",
        blank=True,
        help_text="For a choice: the options that are a warning, one per line.",
    )
    warning_from = models.PositiveSmallIntegerField(
        "warning from scale value",
        null=True,
        blank=True,
        validators=[MaxValueValidator(10)],
        help_text="For a scale: the value (0 to 10) from which the answer is a warning.",
    )
    warning_text = models.CharField(
        "why the result was raised",
        max_length=250,
        blank=True,
        help_text="What the reader is told, e.g. “You said your urine was darker after exercise”.",
    )

    panels = [
        FieldPanel("prompt"),
        FieldPanel("answer_type"),
        FieldPanel("options"),
        FieldPanel("hint"),
        FieldPanel("required_for_summary"),
        FieldPanel("sensitive"),
        FieldPanel("why_asked"),
        MultiFieldPanel(
            [
                FieldPanel("warning_urgency"),
                FieldPanel("warning_answers"),
                FieldPanel("warning_from"),
                FieldPanel("warning_text"),
            ],
            heading="Red flag: answers that raise the result",
        ),
    ]

    @property
    def key(self):
        return f"question_{self.pk}"

    @property
    def option_list(self):
        return _lines(self.options)

    @property
    def warning_options(self):
        return _lines(self.warning_answers)

    @property
    def skippable(self):
        return self.sensitive or not self.required_for_summary

    def clean(self):
        super().clean()
        errors = {}
        if self.answer_type == AnswerType.CHOICE and len(self.option_list) < 2:
            errors["options"] = "Give at least two options, one per line."
        if self.sensitive and not self.why_asked.strip():
            errors["why_asked"] = "Tell readers why the doctor asks this personal question."
        if self.sensitive and self.required_for_summary:
            errors["required_for_summary"] = "A personal question can always be skipped: it cannot be required."
        if self.warning_urgency:
            errors |= self._warning_problems()
        if errors:
            raise ValidationError(errors)

    def _warning_problems(self):
        if not self.warning_text.strip():
            return {"warning_text": "Tell readers why their answer raised the result."}
        match self.answer_type:
            case AnswerType.YES_NO:
                return {}
            case AnswerType.CHOICE:
                unknown = [option for option in self.warning_options if option not in self.option_list]
                if not self.warning_options or unknown:
                    return {"warning_answers": "List the options that are a warning, each exactly as in the options."}
                return {}
            case AnswerType.SCALE:
                return {} if self.warning_from is not None else {"warning_from": "Give the value from 0 to 10."}
        return {"warning_urgency": "Only yes-or-no, choice and scale answers can be a warning."}

    def __str__(self):
        return self.prompt


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class QuestionToAsk(Orderable):
    """A question the reader may want to ask the doctor, ticked to add it to their summary."""

    page = ParentalKey(ChecklistPage, on_delete=models.CASCADE, related_name="questions_to_ask")
    text = models.CharField(max_length=250)

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text


class DailyOutcomeCountQuerySet(models.QuerySet):
    def add_one(self, checklist, level):
        """Add one to today's count of `level`; safe when two readers finish at once."""
        rows = self.filter(checklist=checklist, day=timezone.localdate(), outcome=level)
        if rows.update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                self.create(checklist=checklist, day=timezone.localdate(), outcome=level, count=1)
        except IntegrityError:
            rows.update(count=F("count") + 1)


class DailyOutcomeCount(models.Model):
    """How many readers reached each outcome of a checklist on a day. Nothing else about them:
    no answers, no address, no time finer than the day."""

    checklist = models.ForeignKey(ChecklistPage, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    outcome = models.CharField(max_length=20, choices=OutcomeLevel)
    count = models.PositiveIntegerField(default=0)

    objects = DailyOutcomeCountQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["checklist", "day", "outcome"], name="one_count_per_outcome_day")
        ]
        ordering = ["-day", "checklist", "outcome"]

    def __str__(self):
        return f"{self.checklist} {self.day} {self.outcome}: {self.count}"
