"""The vocabulary of the domain: degrees, routes, categories, plans, refund policies.

Values are the spellings the command contract uses (SPEC R11), so an enum member
can be printed, stored and parsed back without a translation table.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from netui.errors import BadInput


class Degree(StrEnum):
    """How far a member is from me (R2). Declaration order is the display precedence."""

    FIRST = "1st"
    SECOND = "2nd"
    THIRD = "3rd"
    GROUP = "group"
    OUT = "out"

    @property
    def label(self) -> str:
        return {"group": "Group", "out": "Out"}.get(self.value, self.value)

    @property
    def rank(self) -> int:
        """0 for 1st … 4 for out: the order search results follow (R9.1)."""
        return list(Degree).index(self)

    @classmethod
    def from_hops(cls, hops: int | None, shares_group: bool) -> Degree:
        """The label for a member `hops` steps away (None: not within 3 hops)."""
        if hops in (1, 2, 3):
            return (cls.FIRST, cls.SECOND, cls.THIRD)[hops - 1]
        return cls.GROUP if shares_group else cls.OUT


class Route(StrEnum):
    """How I may contact a member (R3)."""

    MESSAGE = "message"
    GROUP_MESSAGE = "group_message"
    INMAIL = "inmail"
    FREE_INMAIL = "free_inmail"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            "message": "Message",
            "group_message": "Group message",
            "inmail": "InMail",
            "free_inmail": "Free InMail",
            "none": "—",
        }[self.value]

    @property
    def is_inmail(self) -> bool:
        return self in (Route.INMAIL, Route.FREE_INMAIL)


class MessageKind(StrEnum):
    MESSAGE = "message"
    GROUP_MESSAGE = "group_message"
    INMAIL = "inmail"

    @property
    def label(self) -> str:
        return {"message": "Message", "group_message": "Group message", "inmail": "InMail"}[
            self.value
        ]


class Category(StrEnum):
    """The eight InMail categories (R4.2)."""

    CAREER_OPPORTUNITY = "career-opportunity"
    CONSULTING_OFFER = "consulting-offer"
    NEW_VENTURE = "new-venture"
    JOB_INQUIRY = "job-inquiry"
    EXPERTISE_REQUEST = "expertise-request"
    BUSINESS_DEAL = "business-deal"
    REFERENCE_REQUEST = "reference-request"
    GETTING_BACK_IN_TOUCH = "getting-back-in-touch"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


class Plan(StrEnum):
    """Subscription plans and their monthly InMail grant (R5.3)."""

    FREE = "free"
    PREMIUM_CAREER = "premium-career"
    PREMIUM_BUSINESS = "premium-business"
    RECRUITER_LITE = "recruiter-lite"
    SALES_NAVIGATOR = "sales-navigator"

    @property
    def monthly_grant(self) -> int:
        return {
            "free": 0,
            "premium-career": 5,
            "premium-business": 15,
            "recruiter-lite": 30,
            "sales-navigator": 50,
        }[self.value]

    @property
    def is_premium(self) -> bool:
        return self is not Plan.FREE

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").title()


class RefundPolicy(StrEnum):
    """When a spent InMail credit comes back (R5.5). Frozen on each InMail when sent."""

    OPEN_WITHIN_90_DAYS = "open-within-90-days"
    RESPONSE_WITHIN_90_DAYS = "response-within-90-days"
    UNOPENED_AFTER_7_DAYS = "unopened-after-7-days"

    @property
    def meaning(self) -> str:
        """One sentence a user can read in the credits panel."""
        return {
            "open-within-90-days": "The credit comes back when the recipient opens the "
            "InMail within 90 days.",
            "response-within-90-days": "The credit comes back when the recipient accepts, "
            "declines or replies within 90 days.",
            "unopened-after-7-days": "The credit comes back if the recipient has not opened "
            "the InMail 7 days after it was sent (the rule until December 2014).",
        }[self.value]


E = TypeVar("E", bound=StrEnum)


def parse_enum(kind: type[E], text: str, what: str) -> E:
    """Parse a user-typed value into an enum, or raise BadInput listing the choices."""
    try:
        return kind(text.strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in kind)
        raise BadInput(f"Unknown {what} {text!r}; choose one of: {choices}.") from None


# Locales whose names are written family name first.
FAMILY_NAME_FIRST = frozenset({"ja_JP", "zh_CN", "zh_TW", "ko_KR", "hu_HU", "vi_VN"})


def given_name(full_name: str, locale: str) -> str:
    """The name to greet someone by: "Giulia" for Giulia Rossi, "Aiko" for 田中 愛子's Aiko."""
    parts = full_name.split()
    if not parts:
        return full_name
    return parts[-1] if locale in FAMILY_NAME_FIRST and len(parts) > 1 else parts[0]
