"""Members as I see them (R2, R3, R9), the dashboard (R10) and my settings (R8)."""

from __future__ import annotations

from dataclasses import dataclass

from netui.core.model import Category, Degree, Plan, RefundPolicy
from netui.core.routes import RouteDecision
from netui.world.results.base import Result, spread, unlisted


@dataclass(frozen=True, slots=True)
class Profile(Result):
    """A member with where they stand from me, how we are linked and how I may write."""

    # The member's own columns, in the table's order.
    id: int
    name: str
    headline: str
    company: str
    industry: str
    city: str
    country: str
    country_code: str
    locale: str
    skills: tuple[str, ...]
    summary: str
    joined: str
    plan: Plan
    open_profile: bool
    accepts_inmail: bool
    categories: tuple[Category, ...]
    contact_visible: bool
    activity: float
    responsiveness: float
    photo: bool
    # From my side.
    degree: Degree
    mutual: int
    mutual_names: tuple[str, ...]
    shared_groups: int
    shared_group_names: tuple[str, ...]
    path: tuple[int, ...]
    path_names: tuple[str, ...]
    connections: int
    invitation_pending: bool
    can_invite_again: str | None  # while the pause after a withdrawal runs (R3.6)
    route: RouteDecision  # the route without asking for InMail
    inmail_route: RouteDecision = unlisted()  # the route when InMail is asked for

    @property
    def is_connection(self) -> bool:
        return self.degree is Degree.FIRST

    @property
    def can_invite(self) -> bool:
        """Not yet connected and no invitation waiting (R3.6)."""
        return not self.is_connection and not self.invitation_pending


@dataclass(frozen=True, slots=True)
class SearchResult(Result):
    """One member found (R9.1), with the route R3 allows to them."""

    id: int
    name: str
    headline: str
    company: str
    country: str
    industry: str
    mutual: int
    shared_groups: int
    degree: Degree
    decision: RouteDecision

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "headline": self.headline,
            "company": self.company,
            "country": self.country,
            "industry": self.industry,
            "mutual": self.mutual,
            "shared_groups": self.shared_groups,
            "degree": self.degree.value,
            "route": self.decision.route.value,
            "route_reasons": list(self.decision.reasons),
            "refusals": [refusal.value for refusal in self.decision.refusals],
        }


@dataclass(frozen=True, slots=True)
class Facet(Result):
    """A country or industry search can be narrowed by, with how many members it holds."""

    name: str
    members: int


@dataclass(frozen=True, slots=True)
class Facets(Result):
    countries: tuple[Facet, ...]
    industries: tuple[Facet, ...]


# ── the dashboard (R10) ─────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class NextExpiry(Result):
    amount: int
    date: str


@dataclass(frozen=True, slots=True)
class ScoreLine(Result):
    """What the dashboard and the credits panel both show beside the balance (R5.6)."""

    next_expiry: NextExpiry | None
    score: float | None
    score_text: str
    score_waiting: bool  # sent, but none has had its chance to be answered (R5.6)
    open_rate: float | None
    open_rate_text: str


@dataclass(frozen=True, slots=True)
class Glance(Result):
    """What moves as I act and the days pass: for a status bar."""

    date: str
    me: int
    me_name: str
    credits: int
    plan: Plan
    score_line: ScoreLine = spread()
    unread: int
    pending_invitations: int
    group_messages_left: int


@dataclass(frozen=True, slots=True)
class Stats(Result):
    """The numbers at a glance, from stored counts."""

    members: int
    connections: int
    groups: int
    countries: int
    source: str
    degrees: dict[Degree, int]  # how many members at each degree from me
    network: dict  # the graph's measures, as stored when it was built
    glance: Glance = spread()


# ── my settings (R8) ────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Settings(Result):
    me: int
    name: str
    accept_inmail: bool
    categories: tuple[Category, ...]
    contact_visible: bool
    open_profile: bool
    plan: Plan
    refund_policy: RefundPolicy
    headline: str
    summary: str
    photo: bool
    company: str
    skills: tuple[str, ...]
    completeness: int  # percent (R8.2)
    missing: tuple[str, ...]  # what would complete it, most valuable first
