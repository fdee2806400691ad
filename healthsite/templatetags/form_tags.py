"""What templates/includes/form_field.html and error_summary.html need to link a field to its
hint and error for screen readers and to point the error summary at it."""

from django import forms, template
from django.utils.html import format_html

register = template.Library()


def why_asked(field):
    """Why a personal question is asked (set on the form field by the triage forms), or ""."""
    return getattr(field.field, "why_asked", "")


@register.filter
def is_choice_group(field):
    """Fields answered with a set of radios or checkboxes: a fieldset whose legend is the question."""
    return isinstance(field.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))


@register.filter
def anchor(field):
    """The id the error summary links to: the field, or the first option of a group."""
    return f"{field.auto_id}_0" if is_choice_group(field) else field.id_for_label


@register.filter
def has_hint(field):
    return bool(field.help_text or why_asked(field))


@register.filter
def described_by(field):
    """The ids of the field's hint and error, for aria-describedby ("" when it has neither)."""
    ids = [f"{field.auto_id}-hint"] if has_hint(field) else []
    ids += [f"{field.auto_id}-error"] if field.errors else []
    return " ".join(ids)


@register.filter
def label_text(field, mark_optional=False):
    """The label with its marker: "(optional)" on optional fields when the form marks those,
    else a "*" (hidden from screen readers, which announce `required`) on required ones."""
    if mark_optional:
        marker = "" if field.field.required else " (optional)"
        return format_html("{}{}", field.label, marker)
    if field.field.required:
        return format_html('{} <span class="required" aria-hidden="true">*</span>', field.label)
    return field.label


@register.filter
def with_descriptions(field):
    """The field's widget, pointing screen readers at its hint and error and flagging it invalid."""
    ids = described_by(field)
    attrs = {"aria-describedby": ids} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
