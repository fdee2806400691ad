"""Integers and form data from a request, parsed in one place.

Python's `str.isdigit()` and `int()` accept far more than a reader types: superscripts (²), circled
digits (①) and every script's decimal digits (٣), and `int()` refuses numbers past 4,300 digits.
Letting those through made database lookups fail with a 500. Here only ASCII digits count.
"""

import re
from urllib.parse import parse_qsl

from django import forms
from django.http import QueryDict

ASCII_DIGITS = re.compile(r"[0-9]+", flags=re.ASCII)
# PostgreSQL's bigint: anything larger cannot name a row and cannot be an offset either.
LARGEST = 2**63 - 1


def int_param(value, default=None, *, min_value=0, max_value=LARGEST):
    """`value` as an int if it is ASCII digits (surrounding spaces allowed), else `default`.

    Below `min_value` is `default`; above `max_value` is `max_value` (a huge page number means the
    last page; a huge id finds nothing)."""
    text = value.strip() if isinstance(value, str) else ""
    if not ASCII_DIGITS.fullmatch(text):
        return default
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(max_value)):
        return max_value
    number = int(digits)
    if number < min_value:
        return default
    return min(number, max_value)


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField for a row id sent by the browser: anything but an id is an invalid choice."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        pk = int_param(str(value), min_value=1)
        if pk is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(pk)


def form_data(request):
    """The POSTed form and whether all of it was readable UTF-8.

    Django reads a body that is not valid UTF-8 as Latin-1, garbling every field; here only the
    unreadable bytes become U+FFFD, so the reader gets their text back and can be told."""
    if request.content_type != "application/x-www-form-urlencoded":
        return request.POST, True
    try:
        parse_qsl(request.body.decode(), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        return QueryDict(request.body.decode(errors="replace")), False
    return request.POST, True
