"""What a person may type: ids, counts, dates and text, checked before anything runs.

Plain functions, no SQL: the command line calls them on every argument, and the
draft checks (R4.1) share the text rule, so a character is refused in one place only.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from netui.errors import BadInput

# SQLite stores integers as signed 64-bit: a larger id cannot name any row (and would
# make Python's sqlite3 raise OverflowError instead of finding nothing).
LARGEST_ID = 2**63 - 1
# How many rows one listing may ask for (search results, conversations, ledger entries).
MAX_LIMIT = 10_000

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


def parse_id(text: str, what: str) -> int:
    """An id of a `what` ("member", "message"…): a whole number from 1.

    A number too large for SQLite is simply an id nothing has, so it gets the same
    answer as any other unknown id, not a different kind of error.
    """
    value = parse_whole_number(text, f"a {what} id")
    if value < 1:
        raise BadInput(f"{_short(text)} is not a {what} id; ids start at 1.")
    if value > LARGEST_ID:
        raise BadInput(f"No {what} with id {_short(str(value))}.")
    return value


def parse_limit(text: str, what: str) -> int:
    """How many `what` to show: 1 to MAX_LIMIT."""
    value = parse_whole_number(text, "a whole number")
    if not 1 <= value <= MAX_LIMIT:
        raise BadInput(f"Show between 1 and {MAX_LIMIT:,} {what}, not {_short(text)}.")
    return value


def parse_whole_number(text: str, expected: str = "a whole number") -> int:
    """A plain decimal integer ("12", "-3"); BadInput naming `expected` otherwise."""
    cleaned = text.strip()
    if not _WHOLE_NUMBER.fullmatch(cleaned):
        raise BadInput(f"{_short(text)!r} is not {expected}.")
    try:
        return int(cleaned)
    except ValueError:  # over 4,300 digits: Python declines to convert it
        raise BadInput(f"{_short(cleaned)} is far too large to be {expected}.") from None


def parse_date(text: str) -> date:
    """An ISO date, written YYYY-MM-DD (years 0001–9999)."""
    cleaned = text.strip()
    try:
        if not _ISO_DATE.fullmatch(cleaned):
            raise ValueError
        return date.fromisoformat(cleaned)
    except ValueError:
        raise BadInput(
            f"{_short(text)!r} is not a date; write it YYYY-MM-DD, e.g. 2015-03-01."
        ) from None


def text_problem(field: str, text: str, *, multiline: bool) -> str | None:
    """Why `text` cannot be stored and shown as typed, or None if it can.

    Refused: control characters (NUL, escape, backspace…) except, in multi-line text,
    new lines and tabs; and lone surrogates, which is how Python carries bytes of a
    command line that are not valid UTF-8: SQLite cannot store them as text.
    """
    allowed = "\n\t" if multiline else ""
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Cs":
            return f"{field} holds bytes that are not valid UTF-8 text; retype it."
        if kind == "Cc" and char not in allowed:
            if not multiline and char in "\n\r":
                return f"{field} must be a single line."
            found = f"{field} contains a control character (U+{ord(char):04X})"
            if multiline:
                return f"{found}; only new lines and tabs may."
            return f"{found}; remove it."
    return None


def check_text(field: str, text: str, *, multiline: bool = False) -> str:
    """`text` itself, or BadInput saying what is wrong with it."""
    problem = text_problem(field, text, multiline=multiline)
    if problem:
        raise BadInput(problem)
    return text


def _short(text: str, limit: int = 40) -> str:
    """User text quoted back in an error, cut so a pasted novel stays one line."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
