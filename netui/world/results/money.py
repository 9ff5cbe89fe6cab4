"""Credits and money (R5), and the clock (R6)."""

from __future__ import annotations

from dataclasses import dataclass

from netui.core.credits import LedgerKind, LotSource
from netui.core.model import Plan, RefundPolicy
from netui.core.money import Charge, PriceList
from netui.world.results.base import Result, spread
from netui.world.results.members import ScoreLine


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
    score_line: ScoreLine = spread()
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
