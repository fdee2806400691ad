from django import template

register = template.Library()


def hint_id(field):
    return f"{field.auto_id}-hint"


def error_id(field):
    return f"{field.auto_id}-error"


@register.filter
def with_descriptions(field):
    """The field's widget, pointing screen readers at its hint and error and flagging it invalid."""
    described_by = [hint_id(field)] if field.help_text else []
    described_by += [error_id(field)] if field.errors else []
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
