"""R4.6: the live checklist of good InMail practice, and what a valid draft is (R4.1).

The nine items come from the reference article ("9 punti di attenzione"). Each is
checked from the actual text and settings, never blocking: the form shows which are met
and a short, actionable reason for each. Text is compared case- and accent-insensitively
on whole words, so "Chiara" matches "chiara," and "CHIARA" but "Ann" does not match
"announce". English and Italian phrasings are both recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from netui.core.inputs import text_problem
from netui.core.mentions import first_mentioned, fold, matches, mentions_any
from netui.core.model import Category, MessageKind
from netui.errors import BadInput

SUBJECT_MAX = 200
BODY_MAX = 2_000

# --- drafts and the people around them ----------------------------------------------


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    category: Category | None


@dataclass(frozen=True)
class RecipientView:
    """What the checklist needs to know about the recipient, from my side."""

    name: str
    first_name: str
    company: str
    industry: str
    skills: tuple[str, ...] = ()
    welcomed: frozenset[Category] = frozenset()
    mutual_names: tuple[str, ...] = ()
    shared_group_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class SenderView:
    """What the checklist needs to know about me, the sender."""

    name: str
    headline: str
    company: str
    contact_visible: bool


# --- length -----------------------------------------------------------------------------


class LengthBand(StrEnum):
    """How long the body is, with LinkedIn's published effect on responses (R4.6, R6.2).

    Exactly 400 characters is no longer "under 400", so it is medium.
    """

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"
    VERY_LONG = "very_long"

    @classmethod
    def of(cls, text: str) -> LengthBand:
        chars = len(text)
        if chars < 400:
            return cls.SHORT
        if chars <= 800:
            return cls.MEDIUM
        if chars <= 1_200:
            return cls.LONG
        return cls.VERY_LONG

    @property
    def label(self) -> str:
        return {
            "short": "Short (under 400 characters)",
            "medium": "Medium (400–800 characters)",
            "long": "Long (801–1,200 characters)",
            "very_long": "Very long (over 1,200 characters)",
        }[self.value]

    @property
    def effect(self) -> str:
        """The published figure, as the form shows it."""
        return {
            "short": "does best: about +22% responses",
            "medium": "average responses",
            "long": "average responses",
            "very_long": "does worst: about −11% responses",
        }[self.value]

    @property
    def response_factor(self) -> float:
        """Multiplier on the chance of a response; the simulation uses it (R6.2)."""
        return {"short": 1.22, "medium": 1.0, "long": 1.0, "very_long": 0.89}[self.value]


# --- the checklist ------------------------------------------------------------------------


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    met: bool
    reason: str


@dataclass(frozen=True)
class Checklist:
    items: tuple[ChecklistItem, ...]
    length: LengthBand
    chars: int

    @property
    def score(self) -> int:
        """How many of the nine items are met: 0–9."""
        return sum(item.met for item in self.items)

    @property
    def unmet(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for item in self.items if not item.met)

    def item(self, key: str) -> ChecklistItem:
        return next(item for item in self.items if item.key == key)


# The nine items in SPEC order: (key, label).
ITEMS = (
    ("contact_visible", "My contact info is visible"),
    ("category_welcomed", "A category they welcome"),
    ("personal", "Personal: addresses them by name"),
    ("their_interests", "About their interests, not mine"),
    ("shared", "Mentions what we share"),
    ("clear_reason", "Clear reason for writing"),
    ("who_and_what", "Says who I am and what I want"),
    ("next_step", "Asks to continue the contact"),
    ("thanks", "Thanks the reader"),
)

GENERIC_SUBJECTS = frozenset(
    {
        "hi", "hello", "hey", "hi there", "hello there", "greetings", "ciao", "salve",
        "buongiorno", "question", "quick question", "a question", "domanda",
        "opportunity", "an opportunity", "great opportunity", "opportunita",
        "info", "information", "informazioni", "request", "richiesta", "proposal",
        "proposta", "connect", "networking", "contact", "contatto", "hello world",
    }
)  # fmt: skip
# A specific subject says something: at least this many words, or this many characters.
SPECIFIC_SUBJECT_WORDS = 3
SPECIFIC_SUBJECT_CHARS = 15

PURPOSE_PHRASES = (
    "I'm writing", "I am writing", "writing to", "writing because", "reason", "because",
    "I'd like", "I would like", "would like", "looking for", "reaching out", "purpose",
    "I want to", "hoping to", "in order to",
    "ti scrivo", "le scrivo", "vi scrivo", "scrivo per", "perché", "motivo", "vorrei",
    "mi piacerebbe", "sto cercando", "cerco", "ti contatto", "la contatto",
)  # fmt: skip
SELF_PHRASES = (
    "my name", "I am a", "I am an", "I am the", "I'm a", "I'm an", "I'm the", "I work",
    "I lead", "I run", "I manage", "I founded", "I head",
    "mi chiamo", "sono un", "sono una", "sono il", "sono la", "lavoro", "mi occupo",
)  # fmt: skip
WANT_PHRASES = (
    *PURPOSE_PHRASES,
    "I want", "I need", "interested in", "could you", "can you", "would you", "I propose",
    "I'd love", "I would love", "ask", "invite", "offer",
    "mi serve", "potresti", "potrebbe", "propongo", "chiederti", "chiederle", "invitarti",
)  # fmt: skip
NEXT_STEP_PHRASES = (
    "let me know", "would you be open", "are you open", "open to", "call", "chat", "meet",
    "meeting", "coffee", "talk", "get in touch", "reply", "schedule", "connect",
    "hear from you", "hear back", "available", "next week",
    "fammi sapere", "mi faccia sapere", "sentirci", "incontrarci", "chiamata", "parlarne",
    "disponibile", "rispondi",
)  # fmt: skip
THANKS_PHRASES = (
    "thank*", "appreciat*", "grateful", "gratitude", "grazie", "ringrazi*",
)  # fmt: skip
# Trailing words of a company name that nobody writes in a letter ("Acme Inc." → "Acme").
COMPANY_SUFFIXES = frozenset(
    {
        "inc", "ltd", "llc", "plc", "gmbh", "ag", "sa", "spa", "srl", "snc", "sas", "sarl",
        "corp", "corporation", "co", "company", "limited", "bv", "nv", "oy", "ab", "kg",
        "pty", "llp", "group",
    }
)  # fmt: skip
# Parts of an industry too vague to show interest ("Information Technology and Services").
VAGUE_INDUSTRY_WORDS = frozenset({"services", "products", "goods", "other", "general"})


def check_inmail(draft: Draft, recipient: RecipientView, sender: SenderView) -> Checklist:
    """Check a draft against the nine items of good InMail practice, in SPEC order."""
    text = fold(f"{draft.subject}\n{draft.body}")
    checks = (
        _contact_visible(sender),
        _category_welcomed(draft.category, recipient),
        _personal(text, recipient),
        _their_interests(text, recipient),
        _shared(text, recipient),
        _clear_reason(draft, text),
        _who_and_what(text, sender),
        _next_step(draft, text),
        _thanks(text),
    )
    items = tuple(
        ChecklistItem(key, label, met, reason)
        for (key, label), (met, reason) in zip(ITEMS, checks, strict=True)
    )
    return Checklist(items, LengthBand.of(draft.body), len(draft.body))


Check = tuple[bool, str]


def _contact_visible(sender: SenderView) -> Check:
    if sender.contact_visible:
        return True, "Your contact info is visible"
    return False, "Make your contact info visible in Settings"


def _category_welcomed(category: Category | None, recipient: RecipientView) -> Check:
    who = recipient.first_name or recipient.name
    if not recipient.welcomed:
        return False, f"{who} welcomes no InMail categories"
    if category in recipient.welcomed:
        return True, f"{who} welcomes {category.label}"
    welcomed = ", ".join(c.label for c in Category if c in recipient.welcomed)
    return False, f"{who} welcomes: {welcomed}"


def _personal(text: str, recipient: RecipientView) -> Check:
    who = recipient.first_name or recipient.name
    if mentions_any(text, [recipient.first_name, *_person_names(recipient.name)]):
        return True, f"Addresses {who}"
    return False, f"Mention {who} by name"


def _their_interests(text: str, recipient: RecipientView) -> Check:
    # (what the reason shows, the ways of writing it)
    interests = [
        *((skill, [skill]) for skill in recipient.skills),
        *((part, [part]) for part in _industry_names(recipient.industry)),
        (recipient.company, _company_names(recipient.company)),
    ]
    found = next((shown for shown, terms in interests if mentions_any(text, terms)), None)
    if found:
        return True, f"Mentions {found}"
    examples = [x for x in (*recipient.skills[:1], recipient.industry, recipient.company) if x]
    if not examples:
        return False, "Mention their work"
    return False, "Mention their work: " + _either(examples)


def _shared(text: str, recipient: RecipientView) -> Check:
    people, groups = recipient.mutual_names, recipient.shared_group_names
    if not people and not groups:
        return False, "You share no connections or groups"
    for person in people:
        if mentions_any(text, _person_names(person)):
            return True, f"Mentions {person}"
    found = first_mentioned(text, groups)
    if found:
        return True, f"Mentions {found}"
    examples = [*people[:1], *(f"the {g} group" for g in groups[:1])]
    return False, "Mention " + _either(examples)


def _clear_reason(draft: Draft, text: str) -> Check:
    specific = _is_specific_subject(draft.subject)
    purpose = matches(text, PURPOSE_PHRASES)
    if specific and purpose:
        return True, "Specific subject and a stated purpose"
    if not specific and not purpose:
        return False, "Use a specific subject and say why you are writing"
    if not specific:
        return False, "Use a specific subject, not just a greeting"
    return False, 'Say why you are writing ("I\'m writing because…")'


def _who_and_what(text: str, sender: SenderView) -> Check:
    first_name = sender.name.split()[0] if sender.name.split() else ""
    me = [*_person_names(sender.name), first_name, sender.headline, *_company_names(sender.company)]
    who = mentions_any(text, me) or matches(text, SELF_PHRASES)
    what = matches(text, WANT_PHRASES)
    if who and what:
        return True, "Says who you are and what you want"
    if not who and not what:
        return False, "Say who you are and what you want"
    if not who:
        return False, "Say who you are: your name, role or company"
    return False, "Say what you want from them"


def _next_step(draft: Draft, text: str) -> Check:
    if "?" in draft.body or "?" in draft.subject or matches(text, NEXT_STEP_PHRASES):
        return True, "Asks to continue the contact"
    return False, 'End with a question ("Would you be open to a call?")'


def _thanks(text: str) -> Check:
    if matches(text, THANKS_PHRASES):
        return True, "Thanks the reader"
    return False, "Thank them for their time"


def _either(options: list[str]) -> str:
    """Options as a sentence lists them: a; a or b; a, b or c."""
    return " or ".join([", ".join(options[:-1]), options[-1]]) if len(options) > 1 else options[0]


def _is_specific_subject(subject: str) -> bool:
    words = fold(subject).split()
    if not words or " ".join(words) in GENERIC_SUBJECTS:
        return False
    return len(words) >= SPECIFIC_SUBJECT_WORDS or len(subject.strip()) >= SPECIFIC_SUBJECT_CHARS


# --- names worth looking for ------------------------------------------------------------


def _person_names(full_name: str) -> list[str]:
    """A person is mentioned by their full name or by first and last name alone."""
    words = full_name.split()
    return [full_name, f"{words[0]} {words[-1]}"] if len(words) > 2 else [full_name]


def _company_names(company: str) -> list[str]:
    """A company is mentioned by its name, or without the legal suffix: Rossi S.p.A. → Rossi."""
    words = fold(company).split()
    while len(words) > 1 and (words[-1] in COMPANY_SUFFIXES or len(words[-1]) == 1):
        words.pop()
    return [company, " ".join(words)]


def _industry_names(industry: str) -> list[str]:
    """An industry, or one of its parts: "Banking & Finance" → "Banking", "Finance"."""
    parts = [part.strip() for part in re.split(r",|&| and ", industry)]
    specific = [p for p in parts if len(p) >= 5 and fold(p).strip() not in VAGUE_INDUSTRY_WORDS]
    return [industry, *specific] if len(parts) > 1 else [industry]


# --- what a valid draft is (R4.1) -----------------------------------------------------------


def validate_draft(
    kind: MessageKind, subject: str | None, body: str, category: Category | None
) -> Draft:
    """Check a draft before sending and return it, or raise BadInput naming every problem.

    InMail needs a category, a one-line subject of 1–200 characters and a body of
    1–2,000 characters. A message or group message needs only the body; a subject or
    category given with one is dropped, not refused, because the route — not the
    writer — decides which kind a draft becomes.
    """
    problems = _text_problems("Body", body, BODY_MAX, multiline=True)
    if kind is MessageKind.INMAIL:
        problems += _text_problems("Subject", subject or "", SUBJECT_MAX, multiline=False)
        if category is None:
            choices = ", ".join(c.value for c in Category)
            problems.append(f"An InMail needs a category: one of {choices}.")
    else:
        subject, category = "", None
    if problems:
        message = problems[0] if len(problems) == 1 else f"The draft has {len(problems)} problems."
        raise BadInput(message, problems)
    return Draft(subject or "", body, category)


def _text_problems(field: str, text: str, limit: int, *, multiline: bool) -> list[str]:
    if not text.strip():
        return [f"{field} is empty; write 1–{limit:,} characters."]
    problems = []
    if len(text) > limit:
        problems.append(f"{field} is {len(text):,} characters; the limit is {limit:,}.")
    bad = text_problem(field, text, multiline=multiline)
    if bad is not None:
        problems.append(bad)
    return problems
