"""R8.2: my profile, and how complete it is.

The reference article's advice — "cura bene il profilo", look after your profile —
is measured here: each part of the profile a recipient looks at before answering an
InMail has a weight, and the completeness is the sum of the parts that are there.
Recipients treat the InMails of a thin profile with less trust (netui.core.behaviour).
"""

from __future__ import annotations

from dataclasses import dataclass

from netui.core.inputs import text_problem
from netui.errors import BadInput

# Enough skills for a recipient to see what I do.
SKILLS_WANTED = 3
MAX_SKILLS = 50
LIMITS = {"headline": 120, "summary": 2_000, "company": 100, "skill": 60}

# (part, weight in percent, what to do when it is missing). Weights sum to 100.
PARTS = (
    ("headline", 20, "add a headline"),
    ("summary", 20, "write a summary"),
    ("photo", 20, "add a photo"),
    ("company", 15, "add your current position"),
    ("skills", 15, f"list at least {SKILLS_WANTED} skills"),
    ("contact", 10, "make your contact info visible"),
)


@dataclass(frozen=True)
class MyProfile:
    """What the people I write to see of me."""

    headline: str
    summary: str
    photo: bool
    company: str
    skills: tuple[str, ...]
    contact_visible: bool

    def has(self, part: str) -> bool:
        return {
            "headline": bool(self.headline.strip()),
            "summary": bool(self.summary.strip()),
            "photo": self.photo,
            "company": bool(self.company.strip()),
            "skills": len(self.skills) >= SKILLS_WANTED,
            "contact": self.contact_visible,
        }[part]


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: tuple[str, ...]  # what to do, most valuable first

    @property
    def fraction(self) -> float:
        return self.percent / 100

    def describe(self) -> str:
        if not self.missing:
            return f"{self.percent}% complete"
        return f"{self.percent}% complete · to do: {', '.join(self.missing)}"


def completeness(profile: MyProfile) -> Completeness:
    """How complete a profile is (0–100) and what would complete it."""
    percent = sum(weight for part, weight, _ in PARTS if profile.has(part))
    missing = [(weight, advice) for part, weight, advice in PARTS if not profile.has(part)]
    missing.sort(key=lambda item: -item[0])
    return Completeness(percent, tuple(advice for _, advice in missing))


def checked_text(what: str, text: str) -> str:
    """A profile text as it will be stored: trimmed, within its limit, one line for
    everything but the summary. Raises BadInput with what to change."""
    value = text.strip()
    limit = LIMITS[what]
    if len(value) > limit:
        raise BadInput(f"The {what} is {len(value):,} characters; keep it to {limit:,}.")
    problem = text_problem(f"The {what}", value, multiline=what == "summary")
    if problem:
        raise BadInput(problem)
    return value


def checked_skills(skills: list[str]) -> tuple[str, ...]:
    """Skills as stored: trimmed, no blanks or duplicates (first spelling kept)."""
    seen: dict[str, str] = {}
    for skill in skills:
        value = checked_text("skill", skill)
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    if len(seen) > MAX_SKILLS:
        raise BadInput(f"{len(seen)} skills is too many; list at most {MAX_SKILLS}.")
    if any(";" in skill for skill in seen.values()):
        raise BadInput("A skill cannot contain ';'; separate skills with commas.")
    return tuple(seen.values())
