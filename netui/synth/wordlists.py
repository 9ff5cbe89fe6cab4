"""Faker's own word lists, pulled once per locale and sampled in bulk.

Calling Faker once per field per member costs hundreds of microseconds a profile
(bench/seed_generate.py measures it); reading the provider's tuples once and drawing
from them with `random.Random.choices` is over a hundred times faster per name, and just
as true to the locale. This module turns a locale's person
and company providers into plain `WordList`s and small format templates:

- person names follow the locale's own name formats (surname first in ja_JP and hu_HU,
  without a space in zh_CN, two surnames in es_ES), minus prefixes, suffixes and
  patronymic middle names, which a professional profile rarely shows;
- gendered surname lists are used where the language has them (ru_RU, pl_PL, cs_CZ ...);
- a list Faker only fills in through code (is_IS patronymics) is probed by calling the
  provider a few hundred times with a fixed seed.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from random import Random
from types import ModuleType

GENDERS = ("male", "female")
# A list shorter than this is one of Faker's placeholders (["John", "Jane"], ["Doe"]).
_MIN_WORDS = 10
_PROBE_CALLS = 400
_MAX_COMPANY_TOKENS = 4
# Positional str.format fields of a name template: given names 0 and 1, surnames 2 and 3.
_SLOTS = {"f": ("{0}", "{1}"), "l": ("{2}", "{3}")}
_SECOND_FIRST, _SECOND_LAST = "{1}", "{3}"
_TOKEN = re.compile(r"\{\{\s*(\w+)\s*\}\}")
# Name tokens a professional profile leaves out.
_DROPPED_NAME_TOKENS = ("prefix", "suffix", "middle_name")
# Where a locale has no company provider, borrow one in the same language.
_COMPANY_LANGUAGE_FALLBACK = {
    "ar": "ar_DZ",
    "de": "de_DE",
    "en": "en_US",
    "es": "es_ES",
    "fr": "fr_FR",
    "it": "it_IT",
    "nl": "nl_NL",
    "pt": "pt_PT",
    "zh": "zh_CN",
}


@dataclass(frozen=True)
class WordList:
    """Words with optional weights (Faker's OrderedDicts carry frequencies)."""

    words: tuple[str, ...]
    cum_weights: tuple[float, ...] | None = None

    def sample(self, rng: Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=k)

    def pick(self, rng: Random) -> str:
        if self.cum_weights is None:
            return self.words[int(rng.random() * len(self.words))]
        return self.words[bisect(self.cum_weights, rng.random() * self.cum_weights[-1])]


@dataclass(frozen=True)
class CompanyTemplate:
    """A company name format split into literal text and the word lists to fill in."""

    pieces: tuple[str | WordList, ...]

    def render(self, rng: Random) -> str:
        return "".join(p if isinstance(p, str) else p.pick(rng) for p in self.pieces)


@dataclass(frozen=True)
class LocaleWords:
    """Everything the seeder needs to name people and companies in one locale."""

    locale: str
    first: dict[str, WordList]  # by gender
    last: dict[str, WordList]  # by gender
    name_formats: dict[str, WordList]  # by gender; "{2} {0}" = surname, given name
    company_templates: tuple[CompanyTemplate, ...]
    latin_script: bool  # whether English words can sit next to these names

    def names(self, rng: Random, gender: str, k: int) -> list[str]:
        """`k` full names of one gender, drawn in bulk."""
        formats = self.name_formats[gender].sample(rng, k)
        first, last = self.first[gender], self.last[gender]
        f0, l0 = first.sample(rng, k), last.sample(rng, k)
        # Second given names and double surnames: draw them only if a format uses them.
        templates = self.name_formats[gender].words
        f1 = first.sample(rng, k) if any(_SECOND_FIRST in t for t in templates) else f0
        l1 = last.sample(rng, k) if any(_SECOND_LAST in t for t in templates) else l0
        return [
            fmt.format(a, b, c, d) for fmt, a, b, c, d in zip(formats, f0, f1, l0, l1, strict=True)
        ]


@cache
def locale_words(locale: str) -> LocaleWords:
    """Read (once per process) the person and company word lists of a Faker locale."""
    person = _provider_module("person", locale)
    if person is None:
        raise ValueError(f"Faker has no person provider for locale {locale!r}")
    provider = person.Provider
    first = {g: _word_list(provider, "first", g) for g in GENDERS}
    last = {g: _word_list(provider, "last", g) for g in GENDERS}
    return LocaleWords(
        locale=locale,
        first=first,
        last=last,
        name_formats=_name_formats(provider),
        company_templates=_company_templates(locale, first["male"], last["male"]),
        latin_script=all(_is_latin(w) for w in last["male"].words[:20]),
    )


def _provider_module(kind: str, locale: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"faker.providers.{kind}.{locale}")
    except ModuleNotFoundError:
        return None


def _as_word_list(value: object) -> WordList | None:
    """Faker stores words as tuples, lists or {word: weight} dicts; accept any.

    A few entries are sort keys ("West-Francië, van") rather than names; they are left out.
    """
    if isinstance(value, dict):
        pairs = [(str(w), float(f)) for w, f in value.items() if "," not in str(w)]
        cum_weights: tuple[float, ...] | None = tuple(accumulate(f for _, f in pairs))
    elif isinstance(value, list | tuple):
        pairs = [(str(w), 1.0) for w in value if "," not in str(w)]
        cum_weights = None
    else:
        return None
    if len(pairs) < _MIN_WORDS:
        return None
    return WordList(tuple(w for w, _ in pairs), cum_weights)


def _word_list(provider: type, part: str, gender: str) -> WordList:
    """The first usable attribute among the usual spellings, else probe Faker's method."""
    if part == "first":
        names = (f"first_names_{gender}", "first_names")
    else:
        names = (f"last_names_{gender}", f"{gender}_last_names", "last_names", "unisex_last_names")
    for name in names:
        found = _as_word_list(getattr(provider, name, None))
        if found is not None:
            return found
    return _probe(provider, f"{part}_name_{gender}")


def _probe(provider: type, method: str) -> WordList:
    """Collect the words a provider produces in code (e.g. Icelandic patronymics)."""
    from faker import Generator  # only a few locales need it; keep `import netui` light

    generator = Generator()
    generator.seed_instance(0)
    instance = provider(generator)
    produced = (getattr(instance, method)() for _ in range(_PROBE_CALLS))
    return WordList(tuple(dict.fromkeys(produced)))  # dedupe, keep first-seen order


def _name_formats(provider: type) -> dict[str, WordList]:
    """Per gender, the locale's name formats rewritten as str.format templates."""
    by_gender: dict[str, dict[str, float]] = {g: {} for g in GENDERS}
    sources = [(g, getattr(provider, f"formats_{g}", None)) for g in GENDERS]
    if not any(formats for _, formats in sources):
        sources = [(None, provider.formats)]
    for gender, formats in sources:
        for pattern, weight in _weighted(formats):
            template, template_gender = _name_template(pattern)
            if template is None:
                continue
            for g in GENDERS:
                if (gender or template_gender) in (None, g):
                    by_gender[g][template] = by_gender[g].get(template, 0.0) + weight
    result = {}
    for g in GENDERS:
        weights = by_gender[g] or {"{0} {2}": 1.0}
        result[g] = WordList(tuple(weights), tuple(accumulate(weights.values())))
    return result


def _weighted(formats: object) -> list[tuple[str, float]]:
    if isinstance(formats, dict):
        return [(str(k), float(v)) for k, v in formats.items()]
    return [(str(f), 1.0) for f in formats or ()]


def _name_template(pattern: str) -> tuple[str | None, str | None]:
    """'{{last_name}} {{first_name_male}}' -> ('{2} {0}', 'male'); None if unusable.

    Formats with anything but given names, surnames, spaces and hyphens (a comma, a
    title, an unknown token) are skipped; prefixes and suffixes are dropped.
    """
    counts = {"f": 0, "l": 0}
    gender: str | None = None
    template: list[str] = []
    literal: list[str] = []
    position = 0
    for match in _TOKEN.finditer(pattern):
        literal.append(pattern[position : match.start()])
        template.append(pattern[position : match.start()])
        position = match.end()
        token = match.group(1)
        if token.startswith(_DROPPED_NAME_TOKENS):
            continue
        slot = token[0]
        if not token.startswith(("first_name", "last_name")) or counts[slot] == 2:
            return None, None
        template.append(_SLOTS[slot][counts[slot]])
        counts[slot] += 1
        if "_female" in token:
            gender = "female"
        elif "_male" in token:
            gender = "male"
    literal.append(pattern[position:])
    template.append(pattern[position:])
    if not counts["f"] or not counts["l"] or "".join(literal).strip(" -"):
        return None, None
    return " ".join("".join(template).split()), gender


def _company_templates(locale: str, first: WordList, last: WordList) -> tuple[CompanyTemplate, ...]:
    """The locale's company name formats (or its language's, or en_US's), resolved.

    Some providers list real company names instead of formats (fa_IR, bn_BD); those are
    used as they are. Formats borrowed from another language keep only the ones with no
    words of that language in them ("{last}-{last}", "{last} Ltd"), so a Hebrew surname
    is not followed by "and".
    """
    language = locale.split("_")[0]
    candidates = [locale, _COMPANY_LANGUAGE_FALLBACK.get(language, "en_US"), "en_US"]
    for candidate in candidates:
        module = _provider_module("company", candidate)
        if module is None:
            continue
        provider = module.Provider
        own = vars(provider)
        templates = [
            CompanyTemplate((words,))
            for attr in ("company_names", "companies")
            if (words := _as_word_list(own.get(attr))) is not None
        ]
        formats = provider.formats if candidate == "en_US" else own.get("formats", ())
        foreign = not candidate.startswith(language)
        for pattern, _weight in _weighted(formats):
            if foreign and any(ch.isalpha() for ch in _TOKEN.sub("", pattern)):
                continue
            template = _company_template(provider, pattern, first, last, foreign)
            if template is not None:
                templates.append(template)
        if templates:
            return tuple(templates)
    return (CompanyTemplate((last, " Group")),)


def _company_template(
    provider: type, pattern: str, first: WordList, last: WordList, foreign: bool
) -> CompanyTemplate | None:
    if len(_TOKEN.findall(pattern)) > _MAX_COMPANY_TOKENS:
        return None  # a Faker data slip: two formats glued together by a missing comma
    pieces: list[str | WordList] = []
    position = 0
    for match in _TOKEN.finditer(pattern):
        pieces.append(pattern[position : match.start()])
        position = match.end()
        token = match.group(1)
        if token.startswith("last_name"):
            pieces.append(last)
        elif token.startswith("first_name"):
            pieces.append(first)
        else:
            words = _company_words(provider, token, foreign)
            if words is None:
                return None
            pieces.append(words)
    pieces.append(pattern[position:])
    return CompanyTemplate(tuple(p for p in pieces if p != ""))


def _company_words(provider: type, token: str, foreign: bool) -> WordList | None:
    """'company_suffix' -> the provider's company_suffixes (and Faker's typo variants).

    Borrowed from another language, only one-word parts ("Ltd", not "and Sons") fit.
    """
    plurals = (
        f"{token}s",
        f"{token}es",
        f"{token[:-1]}ies",
        token.replace("prefix", "preffix") + "es",
    )
    for name in plurals:
        value = getattr(provider, name, None)
        if isinstance(value, dict):
            value = tuple(value)
        if isinstance(value, list | tuple):
            words = tuple(str(v) for v in value if not (foreign and " " in str(v)))
            if words:
                return WordList(words)
    return None


def _is_latin(word: str) -> bool:
    """Latin letters (with accents, incl. Vietnamese) or punctuation only."""
    return all(not ch.isalpha() or ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in word)
