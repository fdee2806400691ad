"""The article body block that shows a checklist's warning signs or preparation questions, so the
article and the checklist share one source and cannot disagree."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef
from django.db.models.functions import JSONObject
from django.utils.html import format_html, format_html_join
from wagtail import blocks

from healthsite.choices import Urgency
from healthsite.pagecache import depends_on, page_tag
from triage.models import PreparationQuestion, WarningSign

CARE_CARD_HEADINGS = {
    Urgency.EMERGENCY: "Call your local emergency number now if {subject}:",
    Urgency.URGENT: "See a doctor today if {subject}:",
    Urgency.ROUTINE: "Make an appointment with a doctor if {subject}:",
}


class ChecklistChooserBlock(blocks.PageChooserBlock):
    """Chooses a checklist. Its warning signs and question prompts arrive with it, gathered into
    arrays by PostgreSQL in the same query, so an article pays one query for all its checklists."""

    def bulk_to_python(self, values):
        def gathered(model, **fields):
            rows = model.objects.filter(page=OuterRef("pk")).order_by("sort_order")
            return ArraySubquery(rows.values(row=JSONObject(**fields)))

        checklists = self.target_model.objects.annotate(
            sign_rows=gathered(WarningSign, text="text", urgency="urgency"),
            question_prompts=gathered(PreparationQuestion, prompt="prompt"),
        ).in_bulk(values)
        return [checklists.get(pk) for pk in values]


def care_cards(checklist):
    """The checklist's warning signs as care-card values, one per urgency level, most urgent first."""
    subject = checklist.subject[:1].lower() + checklist.subject[1:]
    cards = []
    for level in Urgency:
        signs = [sign["text"] for sign in checklist.sign_rows if sign["urgency"] == level]
        if signs:
            body = format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((text,) for text in signs)))
            heading = CARE_CARD_HEADINGS[level].format(subject=subject)
            cards.append({"urgency": level, "heading": heading, "body": body})
    return cards


class DoctorVisitChecklistBlock(blocks.StructBlock):
    checklist = ChecklistChooserBlock(page_type="triage.ChecklistPage")
    show = blocks.ChoiceBlock(
        choices=[
            ("warning_signs", "Warning signs, as care cards by urgency"),
            ("questions", "Questions your doctor may ask"),
        ],
        default="warning_signs",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        checklist = value["checklist"]
        if checklist is not None:
            # Its warning signs and questions, and whether it is live, show in the article.
            depends_on(page_tag(checklist.pk))
        context["checklist"] = checklist if checklist is not None and checklist.live else None
        if context["checklist"] is not None:
            if value["show"] == "warning_signs":
                context["care_cards"] = care_cards(checklist)
            else:
                context["doctor_questions"] = {
                    "heading": "Questions your doctor may ask",
                    "intro": "",
                    "questions": [question["prompt"] for question in checklist.question_prompts],
                }
        return context

    class Meta:
        icon = "tasks"
        label = "Doctor-visit checklist"
        template = "triage/blocks/doctor_visit_checklist.html"
        description = (
            "Shows a checklist’s warning signs or the questions a doctor may ask, with a button to start the "
            "checklist. Edit the checklist to change them."
        )
