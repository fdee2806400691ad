"""How readers' forms show a field: Django renders `{{ field.as_field_group }}` with
templates/includes/form_field.html, given a bound field that links the field to its hint and error
for screen readers. Forms readers fill in mix in ReaderForm."""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.html import format_html


class FieldGroup(forms.BoundField):
    """A field with what its group shows. Django links only the help text to the widget; here the
    hint also holds why a personal question is asked, and the error is linked too."""

    @property
    def why_asked(self):
        """Why a personal question is asked (set on the form field by the triage forms), or ""."""
        return getattr(self.field, "why_asked", "")

    @property
    def has_hint(self):
        return bool(self.help_text or self.why_asked)

    @property
    def aria_describedby(self):
        """The ids of the hint and the error. Django puts them on the widget, or, for a group of
        radios or checkboxes, the template puts them on the fieldset."""
        ids = [f"{self.auto_id}-hint"] if self.has_hint else []
        ids += [f"{self.auto_id}-error"] if self.errors else []
        return " ".join(ids)

    @property
    def anchor(self):
        """The id the error summary links to: the field, or the first option of a group."""
        return f"{self.auto_id}_0" if self.use_fieldset else self.id_for_label

    @property
    def marked_label(self):
        """The label with "(optional)" on optional fields when the form marks those, else a "*"
        (hidden from screen readers, which announce `required`) on required ones."""
        if self.form.mark_optional:
            return format_html("{}{}", self.label, "" if self.field.required else " (optional)")
        if self.field.required:
            return format_html('{} <span class="required" aria-hidden="true">*</span>', self.label)
        return format_html("{}", self.label)


class FieldGroupRenderer(TemplatesSetting):
    """Finds form templates through the project's TEMPLATES, so a field group can live in templates/."""

    field_template_name = "includes/form_field.html"
    bound_field_class = FieldGroup


class ReaderForm:
    """A mixin for the forms readers fill in. Only these use the field group: the admin's forms keep Django's."""

    default_renderer = FieldGroupRenderer
    # Mark the optional fields "(optional)" rather than the required ones "*": for forms where most are optional.
    mark_optional = False
    # Give each field's group the field's name as its id, for links back to a question.
    anchored = False
