"""Integers from the address and forms: only ASCII digits count, whatever else the reader sends."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthsite.requestargs import LARGEST, int_param


@pytest.mark.parametrize("text", ["²", "⁰", "₀", "①", "٣", "३", "１", "-1", "+1", "1.5", "1e3", "", "  ", "0x10"])
def test_anything_but_ascii_digits_is_the_default(text):
    """Digits from other scripts, superscripts and signs are not numbers a reader meant."""
    assert int_param(text, default="default") == "default"


@pytest.mark.parametrize(("text", "expected"), [("7", 7), (" 12 ", 12), ("007", 7), ("9" * 5000, LARGEST)])
def test_ascii_digits_are_read_and_huge_numbers_capped(text, expected):
    """Plain numbers are read; one too long for int() or the database is the largest allowed."""
    assert int_param(text) == expected


def test_bounds():
    """Below the minimum is the default; above the maximum is the maximum."""
    assert int_param("0", 1, min_value=1) == 1
    assert int_param("50", 1, min_value=1, max_value=10) == 10


@given(st.text())
def test_any_text_gives_the_default_or_a_number_in_range(text):
    """No text makes the parser raise or step outside its bounds."""
    value = int_param(text, None, min_value=1, max_value=1000)
    assert value is None or 1 <= value <= 1000
