"""My credits as the Credits screen and the dashboard show them (R5).

The balance and where it comes from (lots by expiry date), my plan and its next grant,
money spent and per answered InMail, my score, the InMails whose credit may still come
back, the newest ledger entries and the balance day by day. All of it is read here;
what changes credits lives where the change happens (billing, sending, the clock).
"""

from __future__ import annotations

from datetime import date, timedelta

from netui.core import outcomes
from netui.core.credits import LedgerKind, LotSource
from netui.core.model import MessageKind, Plan, RefundPolicy
from netui.core.money import dollars, per_answer
from netui.core.routes import GROUP_MESSAGES_PER_MONTH
from netui.errors import BadInput
from netui.store import accounts, ledger, messages
from netui.store.db import transaction
from netui.world import billing
from netui.world.context import Context, day_or_none
from netui.world.results import (
    BalanceDay,
    CreditsOverview,
    LedgerLine,
    LotGroup,
    NextExpiry,
    RefundWindowItem,
    ScoreLine,
)

REFUND_WINDOW_SHOWN = 50


def overview(ctx: Context, *, ledger_limit: int = 100) -> CreditsOverview:
    """Balance, plan, lots, score, money and the newest ledger entries (R5)."""
    if ledger_limit < 0:
        raise BadInput("The ledger shows the newest N entries; N cannot be negative.")
    today, me = ctx.today, ctx.me
    account = accounts.get(ctx.db, me)
    plan = ctx.my_plan()
    window, in_window = _refund_window(ctx)
    spent = ledger.spent_cents(ctx.db, me)
    answers = messages.answered_inmails(ctx.db, me)
    policy = ctx.refund_policy()
    pending = account["pending_plan"]
    return CreditsOverview(
        balance=ledger.balance(ctx.db, me),
        plan=plan,
        monthly_grant=plan.monthly_grant,
        next_grant=billing.next_grant(ctx, account),
        billing_day=account["billing_day"],
        pending_plan=Plan(pending) if pending else None,
        pending_from=account["pending_from"],
        spent_usd=dollars(spent),
        answered=answers,
        usd_per_answer=None if not answers else dollars(per_answer(spent, answers)),
        charges=tuple(ledger.charges(ctx.db, me)),
        prices=ctx.prices,
        lots=tuple(_lot_group(lot) for lot in ledger.credits_by_expiry(ctx.db, me, today)),
        score_line=score_and_expiry(ctx),
        refund_policy=policy,
        policy_meaning=policy.meaning,
        in_refund_window=window,
        in_refund_window_count=in_window,
        ledger=tuple(_ledger_line(entry) for entry in ledger.entries(ctx.db, me, ledger_limit)),
        ledger_total=ledger.size(ctx.db, me),
        history=_balance_history(ctx),
    )


def _lot_group(row: dict) -> LotGroup:
    return LotGroup(row["amount"], LotSource(row["source"]), row["credited"], row["expires"])


def group_messages_left(ctx: Context) -> int:
    """Free group messages left this calendar month (R3.2)."""
    today = ctx.today
    used = messages.conversations_opened(
        ctx.db, ctx.me, MessageKind.GROUP_MESSAGE.value, today.replace(day=1), today
    )
    return max(0, GROUP_MESSAGES_PER_MONTH - used)


def score_and_expiry(ctx: Context) -> ScoreLine:
    """What the dashboard and the credits panel both show beside the balance."""
    upcoming = ledger.credits_by_expiry(ctx.db, ctx.me, ctx.today)
    first = upcoming[0]["expires"] if upcoming else None
    score = _score(ctx)
    return ScoreLine(
        next_expiry=first
        and NextExpiry(sum(lot["amount"] for lot in upcoming if lot["expires"] == first), first),
        score=score.response_rate,
        score_text=score.describe(),
        score_waiting=score.waiting,
        open_rate=score.open_rate,
        open_rate_text=score.describe_open_rate(),
    )


def _score(ctx: Context) -> outcomes.Score:
    today = ctx.today
    fates = messages.inmail_outcomes(ctx.db, ctx.me, today - outcomes.SCORE_WINDOW)
    return outcomes.score((fate[:3] for fate in fates for _ in range(fate[3])), today)


def _refund_window(ctx: Context) -> tuple[tuple[RefundWindowItem, ...], int]:
    """The InMails whose credit may still come back, soonest decided first (up to
    REFUND_WINDOW_SHOWN of them), and how many there are in all."""
    today, me = ctx.today, ctx.me
    since = today - outcomes.REFUND_WINDOW
    open_groups = []
    for group in messages.refundable_groups(ctx.db, me, since):
        left = outcomes.refund_days_left(
            RefundPolicy(group["refund_policy"]),
            day_or_none(group["sent"]),
            today,
            opened=today if group["opened"] else None,
            answered=today if group["answered"] else None,
        )
        if left is not None:
            open_groups.append((left, group))
    open_groups.sort(key=lambda g: (g[0], g[1]["sent"]))
    shown: list[RefundWindowItem] = []
    for left, group in open_groups:
        room = REFUND_WINDOW_SHOWN - len(shown)
        if room <= 0:
            break
        shown += [
            RefundWindowItem(**m, days_left=left)
            for m in messages.refundable_in_group(ctx.db, me, group, room)
        ]
    return tuple(shown), sum(group["count"] for _, group in open_groups)


def _balance_history(ctx: Context, days: int = 90) -> tuple[BalanceDay, ...]:
    """The balance at the end of each of the last `days` days, for the chart: from
    my account's first entry at the earliest (no made-up days before it)."""
    net = dict(ledger.daily_net(ctx.db, ctx.me))
    start = ctx.today - timedelta(days=days - 1)
    if net:
        start = max(start, date.fromisoformat(min(net)))
    return tuple(BalanceDay(*day) for day in _running_balance(net, start, ctx.today))


def _running_balance(net: dict[str, int], since: date, today: date) -> list[tuple[str, int]]:
    """(date, balance at the end of it) for every day from `since` to `today`, from
    each day's net change (ISO date → credits)."""
    running = sum(v for d, v in net.items() if d < since.isoformat())
    days = []
    for offset in range((today - since).days + 1):
        day = (since + timedelta(days=offset)).isoformat()
        running += net.get(day, 0)
        days.append((day, running))
    return days


def _ledger_line(entry: dict) -> LedgerLine:
    cents = entry["cents"]
    return LedgerLine(
        date=entry["date"],
        kind=LedgerKind(entry["kind"]),
        amount=entry["amount"],
        cause=entry["cause"],
        message_id=entry["message_id"],
        usd=None if cents is None else dollars(cents),
    )


# ── what the policy lab reads and changes (R12) ─────────────────────────────


def balance_by_day(ctx: Context, *, since: date) -> list[tuple[str, int]]:
    """(date, balance at the end of it) for every day from `since` to today."""
    return _running_balance(dict(ledger.daily_net(ctx.db, ctx.me)), since, ctx.today)


def spent_cents(ctx: Context) -> int:
    """All the money I have ever spent (R5.8), in cents."""
    return ledger.spent_cents(ctx.db, ctx.me)


def campaign_outcome(ctx: Context, message_ids: list[int]) -> dict[str, int]:
    """What became of these InMails of mine by today: opened, answered, credits spent
    and refunded (the lab's report, R12.3)."""
    return messages.outcome_of(ctx.db, message_ids)


def refreeze_refund_policy(ctx: Context, message_ids: list[int], policy: RefundPolicy) -> None:
    """Store on these InMails what sending them under `policy` would have stored (R5.5
    freezes a policy per InMail): the lab's runs then differ only by the policy."""
    with transaction(ctx.db):
        for m in messages.fates_of(ctx.db, message_ids):
            refund_on = outcomes.refund_date(
                policy,
                day_or_none(m["sent"]),
                day_or_none(m["fate_opened"]),
                day_or_none(m["fate_answered"]),
                free=m["cost"] == 0,
            )
            messages.update(
                ctx.db,
                m["id"],
                refund_policy=policy.value,
                refund_on=refund_on and refund_on.isoformat(),
            )
