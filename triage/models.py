"""Doctor-visit checklists: pages editors build, and the one thing the site counts about their use."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, PageChooserPanel, TabbedInterface
from wagtail.models import Orderable, Page

from healthsite.choices import Urgency
from healthsite.review import MedicallyReviewed
from healthsite.routing import SpecificChildRouting
from triage.admin_forms import ChecklistPageForm
from triage.choices import AnswerType, OutcomeLevel
from triage.views import serve_checklist


class ChecklistIndexPage(SpecificChildRouting, Page):
    """The “Checklists” section: lists the published checklists."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["triage.ChecklistPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["checklists"] = ChecklistPage.objects.child_of(self).live().public().order_by("title")
        return context


class ChecklistPage(MedicallyReviewed, Page):
    """A doctor-visit checklist for one condition. Readers' answers are never stored."""

    intro = models.TextField(help_text="What the checklist helps with, shown above the first question.")
    subject = models.CharField(
        max_length=80,
        help_text="Starts every warning sign, e.g. “Your muscle spasm” + “causes severe discomfort”.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("subject"),
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

    def serve(self, request, *args, **kwargs):
        return serve_checklist(request, self)

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
    """A question the doctor may ask, which the reader can answer ahead of the visit."""

    page = ParentalKey(ChecklistPage, on_delete=models.CASCADE, related_name="preparation_questions")
    prompt = models.CharField(max_length=250)
    answer_type = models.CharField(max_length=20, choices=AnswerType, default=AnswerType.SHORT_TEXT)
    options = models.TextField(blank=True, help_text="For a choice: one option per line.")
    hint = models.CharField(max_length=250, blank=True)
    optional = models.BooleanField(default=False)
    sensitive = models.BooleanField(
        default=False, help_text="A personal question: readers are told why it is asked and may skip it."
    )
    why_asked = models.CharField(
        "why it is asked", max_length=300, blank=True, help_text="Shown with sensitive questions."
    )

    panels = [
        FieldPanel("prompt"),
        FieldPanel("answer_type"),
        FieldPanel("options"),
        FieldPanel("hint"),
        FieldPanel("optional"),
        FieldPanel("sensitive"),
        FieldPanel("why_asked"),
    ]

    @property
    def key(self):
        return f"question_{self.pk}"

    @property
    def option_list(self):
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    @property
    def skippable(self):
        return self.optional or self.sensitive

    def clean(self):
        super().clean()
        if self.answer_type == AnswerType.CHOICE and len(self.option_list) < 2:
            raise ValidationError({"options": "Give at least two options, one per line."})
        if self.sensitive and not self.why_asked.strip():
            raise ValidationError({"why_asked": "Tell readers why the doctor asks this personal question."})

    def __str__(self):
        return self.prompt


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
