"""What money buys (R5.2, R5.3, R5.8): packs of credits, plans, and billing days.

A subscription starts the first time I play a member, on a paid plan with its first
month charged and granted at once. Each billing day then charges the month and grants
the plan's full amount; a switch between paid plans waits for that day, a move to Free
happens at once. Every charge lands beside the ledger entry it paid for.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from netui.core import credits, plans
from netui.core.model import Plan
from netui.core.money import dollars, month_charge, pack_charge
from netui.store import accounts, ledger, members
from netui.store.db import transaction
from netui.world.context import Context
from netui.world.results import PlanChanged, Purchase


def buy(ctx: Context, pack: int) -> Purchase:
    """Buy a pack of 1, 2, 5 or 10 credits (R5.2), paid at the price list's rate."""
    today, me = ctx.today, ctx.me
    with transaction(ctx.db):
        posting = credits.purchase(pack, today, lot_id=ledger.next_lot_id(ctx.db))
        entry_id = ledger.post(ctx.db, me, posting)
        paid = pack_charge(ctx.prices, pack, today)
        ledger.charge(ctx.db, me, paid, entry_id)
    return Purchase(
        balance=ctx.balance(),
        bought=pack,
        usd=dollars(paid.cents),
        expires=posting.lot.expires.isoformat(),
    )


def change_plan(ctx: Context, plan: Plan) -> PlanChanged:
    """R5.3: from Free, a subscription starts at once (charged and granted); paid →
    paid at the next billing day; to Free at once, dropping the plan's credits."""
    today, me = ctx.today, ctx.me
    with transaction(ctx.db):
        account = accounts.get(ctx.db, me)
        pending = account["pending_plan"]
        change = plans.change_plan(
            ctx.my_plan(),
            plan,
            billing_day=account["billing_day"],
            pending=Plan(pending) if pending else None,
            lots=ledger.lots(ctx.db, me),
            today=today,
        )
        if change.effective == today:
            _apply_plan(ctx, change, account, today)
        else:
            account.update(pending_plan=plan.value, pending_from=change.effective.isoformat())
            accounts.save(ctx.db, account)
    account = accounts.get(ctx.db, me)
    pending = account["pending_plan"]
    return PlanChanged(
        plan=ctx.my_plan(),
        pending_plan=Plan(pending) if pending else None,
        effective=change.effective.isoformat(),
        next_grant=next_grant(ctx, account),
        message=change.describe(),
        balance=ctx.balance(),
        spent_usd=dollars(ledger.spent_cents(ctx.db, me)),
    )


def next_grant(ctx: Context, account: dict) -> str | None:
    """The next billing day, if a paid plan will be in force on it."""
    billing_day = account["billing_day"]
    if not billing_day or not (account["pending_plan"] or ctx.my_plan().is_premium):
        return None
    return plans.next_billing_date(billing_day, ctx.today).isoformat()


def open_account(ctx: Context, member_id: int) -> None:
    """First time I play a member: their subscription starts today, and on a paid
    plan its first month is charged and granted."""
    account = accounts.get(ctx.db, member_id)
    if account["billing_day"] is not None:
        return
    plan = Plan(ctx.member(member_id)["plan"])
    account["billing_day"] = ctx.today.day
    accounts.save(ctx.db, account)
    _bill_month(ctx, member_id, plan, ctx.today, ctx.today.day, first=True)


def bill_day(ctx: Context, day: date, events: Counter[str]) -> None:
    """Billing days: a switch asked for earlier takes effect, then the plan in force
    charges its month and grants its full amount (R5.3)."""
    for account in accounts.every(ctx.db):
        owner, billing_day = account["member_id"], account["billing_day"]
        if not billing_day or not plans.is_billing_date(billing_day, day):
            continue
        if account["pending_from"] == day.isoformat():
            old = Plan(ctx.member(owner)["plan"])
            change = plans.PlanChange(old, Plan(account["pending_plan"]), day, billing_day)
            _apply_plan(ctx, change, account, day)
        granted = _bill_month(ctx, owner, Plan(ctx.member(owner)["plan"]), day, billing_day)
        events["granted"] += granted
        events["charges"] += granted > 0


def _apply_plan(ctx: Context, change: plans.PlanChange, account: dict, day: date) -> None:
    owner = account["member_id"]
    for posting in change.cancellations:
        ledger.post(ctx.db, owner, posting)
    member_changes: dict = {"plan": change.new.value}
    if not change.new.is_premium:
        member_changes["open_profile"] = 0  # Open Profile is for premium members (R8.1)
    members.update(ctx.db, owner, member_changes)
    account.update(billing_day=change.billing_day, pending_plan=None, pending_from=None)
    accounts.save(ctx.db, account)
    if change.starts_subscription:
        _bill_month(ctx, owner, change.new, day, change.billing_day, first=True)


def _bill_month(
    ctx: Context, owner: int, plan: Plan, day: date, billing_day: int, *, first: bool = False
) -> int:
    """A billing day of a paid plan: the month is charged and its full grant posted
    (R5.3, R5.8). The credits granted."""
    posting = plans.grant(plan, day, billing_day=billing_day, lot_id=ledger.next_lot_id(ctx.db))
    if posting is None:
        return 0
    entry_id = ledger.post(ctx.db, owner, posting)
    ledger.charge(ctx.db, owner, month_charge(ctx.prices, plan, day, first=first), entry_id)
    return posting.entry.amount
