"""How what a reader typed is normalised before it is checked and stored (docs/comments.md,
“What we store, exactly”). Pure functions: the form uses them, the property tests check them."""

import unicodedata

# Embeddings, overrides and isolates reorder the text around them: in a name they can make it
# read as someone else's, in a web address they disguise the host (“moc.elpmaxe”).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters and symbols that draw nothing, used to make an “empty” name look filled in.
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Format (Cf), control (Cc), separators (Z*), and marks (M*), which draw nothing on their own.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"})


def without_control_characters(text, keep=""):
    """Drop control characters (they cannot be stored or shown), keeping any listed in `keep`."""
    return "".join(c for c in text if c in keep or unicodedata.category(c) != "Cc")


def unified_newlines(text):
    """Browsers send line breaks as CRLF and count them as one character: so do we."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalised_body(text):
    """The comment as stored: one kind of line break, no control characters but tab and line
    break, no blank lines or spaces at either end."""
    return without_control_characters(unified_newlines(text), keep="\n\t").strip()


def normalised_name(text):
    """The name as stored: no control or direction-changing characters, each run of whitespace
    one space, none at either end."""
    kept = "".join(c for c in without_control_characters(text, keep="\t\n") if c not in BIDI_CONTROLS)
    return " ".join(kept.split())


def has_visible_character(text):
    """Whether the text would show anything at all on the page."""
    return any(c not in BLANK_LETTERS and unicodedata.category(c) not in INVISIBLE_CATEGORIES for c in text)


def has_hidden_characters(text):
    """Whitespace, control or format characters (such as direction overrides): a web address has none."""
    return any(c.isspace() or unicodedata.category(c) in {"Cc", "Cf", "Zs", "Zl", "Zp"} for c in text)


def comparable(text):
    """The text for spotting a repeated comment: case and spacing do not make it new."""
    return " ".join(text.casefold().split())
