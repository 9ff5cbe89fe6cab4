"""R5.3, R5.4: plans — billing days, monthly grants, and moving from one plan to another.

A paid plan bills on its billing day every month (clamped to the month's length), and
grants its full monthly amount then. A grant expires on the third billing day after it,
before that day's grant, so a plan's credits hold at most three grants.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from netui.core.credits import LedgerEntry, LedgerKind, Lot, LotSource, Posting
from netui.core.model import Plan
from netui.core.words import count

# Plan credits live for this many billing cycles (R5.4).
PLAN_CREDIT_CYCLES = 3

# --- billing days and plan grants -------------------------------------------------------


def billing_date(billing_day: int, year: int, month: int) -> date:
    """The billing date in a month: the plan's day, clamped to the month's length."""
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(billing_day, last))


def next_billing_date(billing_day: int, today: date) -> date:
    """The first billing date strictly after `today` (today's grant has already come)."""
    this_month = billing_date(billing_day, today.year, today.month)
    if this_month > today:
        return this_month
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return billing_date(billing_day, year, month)


def is_billing_date(billing_day: int, day: date) -> bool:
    return day == billing_date(billing_day, day.year, day.month)


def plan_credits_expire(billing_day: int, granted: date) -> date:
    """The third billing date after a grant (R5.4): about 90 days, but counted in
    billing cycles, so a lot always ends on a billing day, before that day's grant."""
    day = granted
    for _ in range(PLAN_CREDIT_CYCLES):
        day = next_billing_date(billing_day, day)
    return day


def grant(plan: Plan, today: date, *, billing_day: int, lot_id: int) -> Posting | None:
    """The plan's full monthly grant on a billing day (R5.3), or None on the Free plan.

    Post expiries for `today` first (R6.1): the lot granted three billing days ago
    goes before this one arrives, so a plan's credits hold at most three grants.
    """
    if not plan.is_premium:
        return None
    amount = plan.monthly_grant
    lot = Lot(
        lot_id,
        LotSource.GRANT,
        amount,
        amount,
        today,
        plan_credits_expire(billing_day, today),
    )
    cause = f"{plan.label} monthly grant of {_credit_count(amount)}"
    return Posting(LedgerEntry(today, LedgerKind.GRANT, amount, cause, lot_id=lot_id), lot)


# --- plan changes -----------------------------------------------------------------------


@dataclass(frozen=True)
class PlanChange:
    """What moving from one plan to another does (R5.3).

    The service applies it at once when `effective` is today; otherwise it keeps `new`
    pending until that billing date, where the billing day charges and grants under the
    new plan (a later change replaces a pending one; asking for the current plan again
    cancels it). Applying it means: set the plan and `billing_day`, post
    `cancellations`, and if `starts_subscription`, charge the first month and post its
    grant at once.
    """

    old: Plan
    new: Plan
    effective: date
    billing_day: int | None
    cancellations: tuple[Posting, ...] = ()
    dropped_pending: Plan | None = None  # a paid switch asked for earlier, now cancelled

    @property
    def is_noop(self) -> bool:
        return self.old is self.new and self.dropped_pending is None

    @property
    def starts_subscription(self) -> bool:
        """From Free to a paid plan: the first month is charged and granted at once."""
        return self.new.is_premium and not self.old.is_premium

    def describe(self) -> str:
        if self.is_noop:
            return f"You are already on {self.new.label}."
        if self.old is self.new:
            return (
                f"You stay on {self.new.label}; the move to "
                f"{self.dropped_pending.label if self.dropped_pending else ''} is cancelled."
            )
        day = self.effective.isoformat()
        if not self.new.is_premium:
            dropped = -sum(p.entry.amount for p in self.cancellations)
            return (
                f"Moved to Free on {day}; {_credit_count(dropped)} of unspent plan grants "
                "dropped (bought and refunded credits stay). Nothing is paid back."
            )
        if self.starts_subscription:
            return (
                f"{self.new.label} starts today: the first month is charged and "
                f"{_credit_count(self.new.monthly_grant)} granted; billed on day "
                f"{self.billing_day} of every month."
            )
        return (
            f"{self.new.label} takes effect on your next billing day, {day}: "
            f"charged and granted then. {self.old.label} stays until then."
        )


def change_plan(
    old: Plan,
    new: Plan,
    *,
    billing_day: int | None,
    pending: Plan | None,
    lots: Iterable[Lot],
    today: date,
) -> PlanChange:
    """Decide when a plan change takes effect and what it drops (R5.3).

    - to the plan I am on: nothing, or the cancellation of a pending switch;
    - to Free: at once; the unspent grant credits go (bought and refunded ones stay);
    - from Free to a paid plan: at once, and today becomes the billing day;
    - from one paid plan to another: at the next billing day.
    """
    if new is old:
        return PlanChange(old, new, today, billing_day, dropped_pending=pending)
    if not new.is_premium:
        return PlanChange(
            old, new, today, None, _cancel_grants(old, new, lots, today), dropped_pending=pending
        )
    if not old.is_premium or billing_day is None:
        return PlanChange(old, new, today, today.day)
    return PlanChange(old, new, next_billing_date(billing_day, today), billing_day)


def _cancel_grants(old: Plan, new: Plan, lots: Iterable[Lot], today: date) -> tuple[Posting, ...]:
    cause = f"Moved from {old.label} to {new.label}: unspent plan credits dropped"
    return tuple(
        Posting(
            LedgerEntry(today, LedgerKind.CANCELLATION, -lot.remaining, cause, lot_id=lot.id),
            replace(lot, remaining=0),
        )
        for lot in lots
        if lot.source is LotSource.GRANT and lot.is_live(today)
    )


def _credit_count(n: int) -> str:
    return count(n, "credit")
