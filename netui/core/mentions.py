"""Finding words in a letter as a reader would: whole words, ignoring case and accents.

The InMail checklist (R4.6) asks whether a letter mentions a name, a company or a phrase;
"Chiara" must match "chiara," and "CHIARA" but "Ann" must not match "announce".
Texts are folded once (`fold`) and searched many times.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[\w+#]+")


def fold(text: str) -> str:
    """Lower-case, accent-free words separated by single spaces, padded with spaces.

    Keeping `+` and `#` inside words lets skills like "C++" and "C#" be found.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " " + " ".join(_WORD.findall(plain)) + " "


def mentions(text: str, term: str) -> bool:
    words = fold(term)
    return words.strip() != "" and words in text


def mentions_any(text: str, terms: Iterable[str]) -> bool:
    return any(mentions(text, term) for term in terms if term)


def first_mentioned(text: str, terms: Iterable[str]) -> str | None:
    return next((term for term in terms if term and mentions(text, term)), None)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex for a list of phrases; a trailing `*` matches any word ending."""
    alternatives = []
    for phrase in phrases:
        stem = fold(phrase.rstrip("*")).strip()
        tail = r"[\w+#]*" if phrase.endswith("*") else ""
        alternatives.append(re.escape(stem) + tail)
    return re.compile(r" (?:" + "|".join(alternatives) + r") ")


_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def matches(text: str, phrases: tuple[str, ...]) -> bool:
    pattern = _PATTERNS.get(phrases)
    if pattern is None:
        pattern = _PATTERNS[phrases] = _phrase_pattern(phrases)
    return pattern.search(text) is not None
