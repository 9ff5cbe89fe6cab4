"""R5.8: what InMail costs in money — the price list, and the charges it causes.

Money is its own append-only record, apart from credits: a credit answers "can I send
one more InMail?", a charge answers "what has this outreach cost me?". Amounts are
whole US cents, so sums are exact; dollars appear only when a person reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from netui.core.model import Plan
from netui.core.words import count

# The 2015 list prices (R5.3, R5.8), in cents.
CREDIT_PRICE_CENTS = 1_000
PLAN_PRICES_CENTS = {
    Plan.FREE: 0,
    Plan.PREMIUM_CAREER: 2_999,
    Plan.PREMIUM_BUSINESS: 5_999,
    Plan.RECRUITER_LITE: 11_995,
    Plan.SALES_NAVIGATOR: 7_999,
}


@dataclass(frozen=True)
class PriceList:
    """What a bought credit and a month of each plan cost. A teacher can change it in
    the configuration file; the defaults are the 2015 list prices."""

    credit_cents: int = CREDIT_PRICE_CENTS
    plan_cents: dict[Plan, int] = field(default_factory=lambda: dict(PLAN_PRICES_CENTS))

    def pack(self, credits: int) -> int:
        return credits * self.credit_cents

    def month_of(self, plan: Plan) -> int:
        return self.plan_cents.get(plan, 0)

    def as_json(self) -> dict:
        return {
            "credit_usd": dollars(self.credit_cents),
            "plans_usd": {plan.value: dollars(cents) for plan, cents in self.plan_cents.items()},
        }


@dataclass(frozen=True)
class Charge:
    """One payment: its day, its amount in cents and why."""

    date: date
    cents: int
    cause: str

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "usd": dollars(self.cents), "cause": self.cause}


def pack_charge(prices: PriceList, credits: int, today: date) -> Charge:
    return Charge(today, prices.pack(credits), f"Pack of {count(credits, 'InMail credit')}")


def month_charge(prices: PriceList, plan: Plan, today: date, *, first: bool = False) -> Charge:
    what = "first month" if first else "monthly billing"
    return Charge(today, prices.month_of(plan), f"{plan.label}: {what}")


def dollars(cents: int) -> float:
    """Cents as a JSON number of dollars: 2999 → 29.99."""
    return round(cents / 100, 2)


def usd(cents: int | None) -> str:
    """Cents as a person reads them: $1,234.50, or — when there is nothing to divide."""
    return "—" if cents is None else f"${cents / 100:,.2f}"


def per_answer(spent_cents: int, answers: int) -> int | None:
    """Money per answered InMail, in cents; None before the first answer."""
    return round(spent_cents / answers) if answers else None
