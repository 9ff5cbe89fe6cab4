"""What the World answers: one frozen type per answer, read by attribute.

The CLI prints `as_json()`, which spells each answer exactly as the command contract
does (R11); the UI reads the fields, which hold the domain's own values (a `Degree`, a
`Route`, the `RouteDecision` itself), so no screen turns a word back into a rule.

All the types live in this one module, not beside the module that produces each: the
CLI and the screens read answers from several modules at once (the dashboard shows
stats, settings, the inbox and sent InMails), and here a reader finds every shape that
crosses the boundary, with its JSON, in one place. Dates stay ISO strings: the contract
prints them so and the screens only show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, ClassVar

from netui.core.credits import CreditState, InMailState, LedgerKind, LotSource
from netui.core.model import Category, Degree, MessageKind, Plan, RefundPolicy, Route
from netui.core.money import Charge, PriceList
from netui.core.routes import RouteDecision

# ── how an answer becomes JSON ──────────────────────────────────────────────


def to_json(value: Any) -> Any:
    """A field's value as the contract spells it: enums by value, tuples as lists."""
    if hasattr(value, "as_json"):
        return value.as_json()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {to_json(key): to_json(item) for key, item in value.items()}
    return value


def spread() -> Any:
    """A field whose JSON keys are written among its owner's own (`{**glance, …}`)."""
    return field(metadata={"spread": True})


def unlisted(default: Any = None) -> Any:
    """A field the screens read that the command contract does not print."""
    return field(default=default, metadata={"unlisted": True})


class Result:
    """Fields in the contract's order; `JSON_NAMES` renames those whose contract name
    is a Python keyword or reads badly as an attribute."""

    __slots__ = ()
    JSON_NAMES: ClassVar[dict[str, str]] = {}

    def as_json(self) -> dict:
        data: dict = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.metadata.get("unlisted"):
                continue
            if f.metadata.get("spread"):
                data.update(value.as_json())
            else:
                data[self.JSON_NAMES.get(f.name, f.name)] = to_json(value)
        return data


# ── members as I see them (R2, R3, R9) ──────────────────────────────────────


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
    inmail_route: RouteDecision | None = unlisted()  # the route when InMail is asked for

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
    score: ScoreLine = spread()
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


# ── writing and inviting (R3, R4) ───────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class SendReceipt(Result):
    message_id: int
    route: Route
    cost: int
    credits: int  # my balance after sending
    mismatch: bool  # an InMail in a category the recipient does not welcome (R4.3)


@dataclass(frozen=True, slots=True)
class InvitationSent(Result):
    invitation_id: int
    to: int

    def as_json(self) -> dict:
        return {"invitation_id": self.invitation_id, "status": "pending", "to": self.to}


@dataclass(frozen=True, slots=True)
class InvitationWithdrawn(Result):
    invitation_id: int
    to: int
    can_invite_again: str  # R3.6

    def as_json(self) -> dict:
        return {
            "invitation_id": self.invitation_id,
            "to": self.to,
            "status": "withdrawn",
            "can_invite_again": self.can_invite_again,
        }


# ── what came back (R7) ─────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Conversation(Result):
    member_id: int
    name: str
    last_date: str
    unread: int
    count: int
    kind: MessageKind  # of the newest message
    subject: str | None
    preview: str
    last_from_me: bool

    @property
    def about(self) -> str:
        """The subject, or the start of the newest message, on one line."""
        return " ".join((self.subject or self.preview or "").split())


@dataclass(frozen=True, slots=True)
class ThreadMessage(Result):
    id: int
    incoming: bool
    sender: int
    recipient: int
    kind: MessageKind
    category: Category | None
    subject: str | None
    body: str
    sent: str
    state: InMailState
    read: bool
    can_answer: bool  # written to me, not yet answered (R7.2)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "direction": "in" if self.incoming else "out",
            "from": self.sender,
            "to": self.recipient,
            "kind": self.kind.value,
            "category": to_json(self.category),
            "subject": self.subject,
            "body": self.body,
            "sent": self.sent,
            "state": self.state.value,
            "read": self.read,
            "can_answer": self.can_answer,
        }

    @property
    def answerable_inmail(self) -> bool:
        """An InMail to me I may still accept or decline."""
        return self.can_answer and self.kind is MessageKind.INMAIL


@dataclass(frozen=True, slots=True)
class Reply(Result):
    """The message answered, as it now stands, and the id of my reply."""

    message: ThreadMessage = spread()
    reply_id: int


@dataclass(frozen=True, slots=True)
class SentItem(Result):
    """An InMail of mine, with what became of it and of its credit (R7.3)."""

    message_id: int
    to: int
    to_name: str
    sent: str
    category: Category | None
    subject: str | None
    mismatch: bool
    state: InMailState
    credit_state: CreditState
    refund_days_left: int | None


# ── credits and money (R5) ──────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class LotGroup(Result):
    """Live credits from one source that expire on one day."""

    amount: int
    source: LotSource
    credited: str
    expires: str


@dataclass(frozen=True, slots=True)
class RefundWindowItem(Result):
    """An InMail whose credit may still come back, and for how many days."""

    message_id: int
    to: int
    to_name: str
    days_left: int


@dataclass(frozen=True, slots=True)
class LedgerLine(Result):
    date: str
    kind: LedgerKind
    amount: int
    cause: str
    message_id: int | None
    usd: float | None  # only where money was charged with it

    def as_json(self) -> dict:
        data = {
            "date": self.date,
            "kind": self.kind.value,
            "amount": self.amount,
            "cause": self.cause,
            "message_id": self.message_id,
        }
        return data if self.usd is None else {**data, "usd": self.usd}


@dataclass(frozen=True, slots=True)
class BalanceDay(Result):
    date: str
    balance: int


@dataclass(frozen=True, slots=True)
class CreditsOverview(Result):
    """Balance, plan, lots, score, money and the newest ledger entries (R5)."""

    balance: int
    plan: Plan
    monthly_grant: int
    next_grant: str | None
    billing_day: int | None
    pending_plan: Plan | None
    pending_from: str | None
    spent_usd: float
    answered: int
    usd_per_answer: float | None
    charges: tuple[Charge, ...]
    prices: PriceList
    lots: tuple[LotGroup, ...]
    score: ScoreLine = spread()
    refund_policy: RefundPolicy
    policy_meaning: str
    in_refund_window: tuple[RefundWindowItem, ...]  # the first few
    in_refund_window_count: int  # all of them
    ledger: tuple[LedgerLine, ...]  # the newest, newest first
    ledger_total: int
    history: tuple[BalanceDay, ...]  # the balance at the end of each recent day


@dataclass(frozen=True, slots=True)
class Purchase(Result):
    balance: int
    bought: int
    usd: float
    expires: str


@dataclass(frozen=True, slots=True)
class PlanChanged(Result):
    plan: Plan
    pending_plan: Plan | None
    effective: str
    next_grant: str | None
    message: str  # the change in words (R5.3)
    balance: int
    spent_usd: float


# ── the clock (R6) ──────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class AdvanceReport(Result):
    date: str
    days: int
    events: dict[str, int]  # how many of each kind in netui.core.clock.EVENT_KINDS
