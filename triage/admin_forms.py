"""The checklist editor's form: what must be true before a checklist reaches readers."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from triage.choices import OutcomeLevel

NOT_PUBLISHABLE = "This checklist cannot be published yet."
# Page editor buttons that send a checklist towards readers: publish now, or submit for approval.
PUBLISHING_ACTIONS = ("action-publish", "action-submit")


def _kept_rows(formset):
    """The cleaned rows of an inline panel that the editor did not delete."""
    formset.is_valid()
    return [
        form.cleaned_data
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


def publishing_problems(signs, outcomes, questions=()):
    """What stops a checklist from being published, as messages an editor can act on: every level a
    warning sign or a red-flag answer can reach needs its outcome."""
    problems = []
    if not signs:
        problems.append("Add at least one warning sign.")
    levels = [row["level"] for row in outcomes]
    reached = [row["urgency"] for row in signs] + [row.get("warning_urgency") for row in questions]
    reached = [level for level in reached if level]
    needed = [*dict.fromkeys(reached), OutcomeLevel.NONE]
    missing = [OutcomeLevel(level).label for level in needed if level not in levels]
    if missing:
        problems.append("Add an outcome for: " + "; ".join(missing) + ".")
    repeated = sorted({OutcomeLevel(level).label for level in levels if levels.count(level) > 1})
    if repeated:
        problems.append("Keep one outcome per level; there is more than one for: " + "; ".join(repeated) + ".")
    return problems


class ChecklistPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if any(action in self.data for action in PUBLISHING_ACTIONS):
            problems = publishing_problems(
                _kept_rows(self.formsets["warning_signs"]),
                _kept_rows(self.formsets["outcomes"]),
                _kept_rows(self.formsets["preparation_questions"]),
            )
            if problems:
                raise ValidationError([NOT_PUBLISHABLE, *problems])
        return cleaned_data
