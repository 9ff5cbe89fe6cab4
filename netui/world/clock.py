"""The simulated clock (R6): moving it day by day, and what happens on each day.

Each day is one transaction and runs in the order R6.1 gives: credits expire, billing
days charge and grant, recipients open and answer what was planned for that day
(their answers written as letters), refunds come back, invitations are accepted, and
other members write to me. Every draw is seeded by the world's seed and the day, so
the same database and actions give the same events (R6.5).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from netui.core import credits, letters
from netui.core.behaviour import Answer, Inbound, inbound_for_day, seeded_rng
from netui.core.clock import EVENT_KINDS, target_date
from netui.core.model import Category, MessageKind, given_name
from netui.store import connections, groups, invitations, ledger, messages, meta, reach
from netui.store.db import transaction
from netui.world import billing, persona
from netui.world.context import Context
from netui.world.results import AdvanceReport

ANSWER_EVENT = {Answer.ACCEPT: "accepted", Answer.DECLINE: "declined", Answer.REPLY: "replied"}


def advance(ctx: Context, days: int | None = None, *, to: date | None = None) -> AdvanceReport:
    """Move the clock day by day; each day is one transaction (R6.1)."""
    today = ctx.today
    target = target_date(today, days, to)
    events: Counter[str] = Counter()
    day = today
    while day < target:
        day += timedelta(days=1)
        with transaction(ctx.db):
            _live(ctx, day, events)
            meta.update(ctx.db, today=day.isoformat())
    return AdvanceReport(
        date=target.isoformat(),
        days=(target - today).days,
        events={kind: events[kind] for kind in EVENT_KINDS},
    )


def _live(ctx: Context, day: date, events: Counter[str]) -> None:
    """One simulated day, in the order R6.1 gives."""
    _expire(ctx, day, events)
    billing.bill_day(ctx, day, events)
    opened = messages.open_due(ctx.db, day)
    inmails = opened.get(MessageKind.INMAIL, 0)
    events["inmails_opened"] += inmails
    events["messages_opened"] += sum(opened.values()) - inmails
    for m in messages.answering_on(ctx.db, day):
        _answered(ctx, m, day, events)
    for m in messages.refunding_on(ctx.db, day):
        _refund(ctx, m, day)
        events["refunded"] += 1
    for invitation in invitations.accepting_on(ctx.db, day):
        _invitation_accepted(ctx, invitation, day)
        events["invitations_accepted"] += 1
    for number, inbound in enumerate(_inbound(ctx, day)):
        _receive(ctx, inbound, day, number)
        events["new_messages"] += 1


def _expire(ctx: Context, day: date, events: Counter[str]) -> None:
    for owner in ledger.owners_with_credits_expiring(ctx.db, day):
        for posting in credits.expire(ledger.lots(ctx.db, owner, expiring_by=day), day):
            ledger.post(ctx.db, owner, posting)
            events["expired"] += -posting.entry.amount


def _answered(ctx: Context, m: dict, day: date, events: Counter[str]) -> None:
    """A recipient answers what I sent, as planned when I sent it."""
    answer = Answer(m["fate_answer"])
    messages.update(
        ctx.db,
        m["id"],
        answer=answer.value,
        answered=day.isoformat(),
        opened=m["opened"] or day.isoformat(),
    )
    events[ANSWER_EVENT[answer]] += 1
    writer, reader = ctx.member(m["recipient"]), ctx.member(m["sender"])
    text = letters.answer_letter(
        seeded_rng(ctx.seed, "answer", m["id"]),
        answer,
        writer=_writer(writer),
        reader_first_name=given_name(reader["name"], reader["locale"]),
        kind=MessageKind(m["kind"]),
        subject=m["subject"] or "",
    )
    messages.insert(
        ctx.db,
        {
            "sender": m["recipient"],
            "recipient": m["sender"],
            "kind": m["kind"],
            "subject": text.subject or None,
            "body": text.body,
            "sent": day.isoformat(),
            "reply_to": m["id"],
        },
    )


def _refund(ctx: Context, m: dict, day: date) -> None:
    """An InMail's credit comes back, on the day its refund policy set when it was sent."""
    posting = credits.refund(
        day,
        lot_id=ledger.next_lot_id(ctx.db),
        message_id=m["id"],
        cause=f"Refund for InMail #{m['id']} ({m['refund_policy']})",
    )
    ledger.post(ctx.db, m["sender"], posting)
    messages.update(ctx.db, m["id"], refunded=day.isoformat())


def _invitation_accepted(ctx: Context, invitation: dict, day: date) -> None:
    a, b = invitation["sender"], invitation["recipient"]
    invitations.accept(ctx.db, invitation["id"], day)
    connections.add(ctx.db, a, b)
    meta.update(ctx.db, connection_count=meta.get(ctx.db, "connection_count") + 1)
    persona.connected(ctx, a, b)


# ── others writing to me (R6.4) ─────────────────────────────────────────────


def _inbound(ctx: Context, day: date) -> list[Inbound]:
    me = ctx.member(ctx.me)
    rng = seeded_rng(ctx.seed, "inbound", ctx.me, day.isoformat())
    return inbound_for_day(
        rng,
        day,
        connections=reach.members_at(ctx.db, hops=1),
        group_fellows=reach.group_fellows(ctx.db),
        strangers=range(1, meta.get(ctx.db, "member_count") + 1),
        is_stranger=lambda member_id: _is_stranger(ctx, member_id),
        accepts_inmail=me["accepts_inmail"],
        welcomed=frozenset(Category(c) for c in me["categories"]),
    )


def _is_stranger(ctx: Context, member_id: int) -> bool:
    """Neither me, nor a connection, nor a fellow group member: who may InMail me."""
    standing = ctx.standing(member_id)
    return member_id != ctx.me and standing.hops != 1 and standing.shared_groups == 0


def _receive(ctx: Context, inbound: Inbound, day: date, number: int) -> None:
    """Store the `number`th message written to me on `day` (the number keeps two
    letters from one sender on one day from being word for word the same)."""
    my_id = ctx.me
    if inbound.sender_id == my_id:
        return
    writer, me = ctx.member(inbound.sender_id), ctx.member(my_id)
    shared = groups.shared_names(ctx.db, my_id, inbound.sender_id)
    text = letters.inbound_letter(
        seeded_rng(ctx.seed, "letter", my_id, day.isoformat(), number),
        inbound.kind,
        writer=_writer(writer),
        reader_first_name=given_name(me["name"], me["locale"]),
        reader_company=me["company"],
        category=inbound.category,
        group_name=shared[0] if shared else "",
    )
    messages.insert(
        ctx.db,
        {
            "sender": inbound.sender_id,
            "recipient": my_id,
            "kind": inbound.kind.value,
            "category": inbound.category and inbound.category.value,
            "subject": text.subject or None,
            "body": text.body,
            "sent": day.isoformat(),
            "opens_conversation": not messages.has_conversation(ctx.db, my_id, inbound.sender_id),
        },
    )


def _writer(member: dict) -> letters.Writer:
    return letters.Writer(member["name"], member["headline"], member["company"])
