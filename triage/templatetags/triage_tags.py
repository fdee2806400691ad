from django import template

register = template.Library()


@register.simple_tag
def described_input(bound_field, hint=False):
    """A text-like input tied to its hint and error message for screen readers."""
    described_by = []
    if hint:
        described_by.append(f"{bound_field.auto_id}-hint")
    attrs = {}
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)
