"""What came back (R7): my conversations, a thread with one member, my sent InMails
with what became of their credit, and answering what was written to me.

A message's state (sent, opened, answered, or no answer once its window closed) is
worked out when shown, from its dates and today, so it is never stale.
"""

from __future__ import annotations

from datetime import date

from netui.core import outcomes
from netui.core.behaviour import Answer
from netui.core.checklist import validate_draft
from netui.core.model import Category, MessageKind, RefundPolicy
from netui.core.outcomes import InMailState, inmail_state
from netui.errors import BadInput, Refused
from netui.store import messages
from netui.store.db import transaction
from netui.world.context import Context, day_or_none
from netui.world.results import Conversation, Reply, SentItem, ThreadMessage


def inbox(ctx: Context, limit: int = 200) -> list[Conversation]:
    """The `limit` most recent conversations, newest first, with unread counts (R7.1)."""
    if limit < 1:
        raise BadInput("The inbox shows at least one conversation; use a limit of 1 or more.")
    return [
        Conversation(
            **{**c, "kind": MessageKind(c["kind"]), "last_from_me": bool(c["last_from_me"])}
        )
        for c in messages.conversations(ctx.db, ctx.me, limit)
    ]


def thread(ctx: Context, member_id: int, *, mark_read: bool = True) -> list[ThreadMessage]:
    """Every message with one member, oldest first; reading marks them read."""
    ctx.member(member_id)
    shown = [_shown(ctx, m) for m in messages.thread(ctx.db, ctx.me, member_id)]
    if mark_read:
        with transaction(ctx.db):
            messages.mark_read(ctx.db, ctx.me, member_id)
    return shown


def sent(ctx: Context) -> list[SentItem]:
    """My InMails with their state and what became of the credit (R7.3)."""
    today = ctx.today
    return [_sent_item(m, today) for m in messages.sent_inmails(ctx.db, ctx.me)]


def waiting_for_answer(ctx: Context, member_id: int) -> date | None:
    """The day I last InMailed this member if they have not answered it and still may
    (its answer window is open, R7.3): a second InMail would likely be a wasted credit."""
    ctx.member(member_id)
    since = ctx.today - outcomes.ANSWER_WINDOW
    return messages.unanswered_inmail(ctx.db, ctx.me, member_id, since)


def _state(m: dict, today: date) -> InMailState:
    """sent → opened → answered, or no answer once its window has closed (R7.3).
    Only InMails have a window; a message simply waits."""
    state = inmail_state(day_or_none(m["sent"]), day_or_none(m["opened"]), m["answer"], today)
    if state is InMailState.NO_ANSWER and m["kind"] != MessageKind.INMAIL:
        state = InMailState.OPENED if m["opened"] else InMailState.SENT
    return state


def _shown(ctx: Context, m: dict) -> ThreadMessage:
    incoming = m["recipient"] == ctx.me
    return ThreadMessage(
        id=m["id"],
        incoming=incoming,
        sender=m["sender"],
        recipient=m["recipient"],
        kind=MessageKind(m["kind"]),
        category=_category(m),
        subject=m["subject"],
        body=m["body"],
        sent=m["sent"],
        state=_state(m, ctx.today),
        read=bool(m["read"]) or not incoming,
        can_answer=incoming and m["answer"] is None and m["reply_to"] is None,
    )


def _category(m: dict) -> Category | None:
    return Category(m["category"]) if m["category"] else None


def _sent_item(m: dict, today: date) -> SentItem:
    free = m["cost"] == 0
    refund_on = day_or_none(m["refunded"])
    return SentItem(
        message_id=m["id"],
        to=m["recipient"],
        to_name=m["to_name"],
        sent=m["sent"],
        category=_category(m),
        subject=m["subject"],
        mismatch=bool(m["mismatch"]),
        state=_state(m, today),
        credit_state=outcomes.credit_state(free=free, refund_on=refund_on, today=today),
        refund_days_left=None
        if refund_on
        else outcomes.refund_days_left(
            RefundPolicy(m["refund_policy"]),
            day_or_none(m["sent"]),
            today,
            opened=day_or_none(m["opened"]),
            answered=day_or_none(m["answered"]),
            free=free,
        ),
    )


# ── answering what was written to me (R7.2) ─────────────────────────────────


def reply(ctx: Context, message_id: int, body: str) -> Reply:
    """Answer a message or InMail sent to me with a written reply."""
    original = _received(ctx, message_id)
    draft = validate_draft(MessageKind.MESSAGE, None, body, None)
    with transaction(ctx.db):
        reply_id = messages.insert(
            ctx.db,
            {
                "sender": ctx.me,
                "recipient": original["sender"],
                "kind": original["kind"],
                "subject": original["subject"] and f"Re: {original['subject']}"[:200],
                "body": draft.body,
                "sent": ctx.today.isoformat(),
                "reply_to": message_id,
                "read": 1,
            },
        )
        _answer(ctx, original, Answer.REPLY)
    return Reply(_shown(ctx, messages.get(ctx.db, message_id)), reply_id)


def accept(ctx: Context, message_id: int) -> ThreadMessage:
    """Accept an InMail sent to me."""
    return _answer_inmail(ctx, message_id, Answer.ACCEPT)


def decline(ctx: Context, message_id: int) -> ThreadMessage:
    """Decline an InMail sent to me."""
    return _answer_inmail(ctx, message_id, Answer.DECLINE)


def _answer_inmail(ctx: Context, message_id: int, answer: Answer) -> ThreadMessage:
    original = _received(ctx, message_id)
    if original["kind"] != MessageKind.INMAIL:
        raise BadInput(f"Message {message_id} is not an InMail; reply to it instead.")
    if original["answer"] is not None:
        raise Refused(f"You already answered message {message_id} ({original['answer']}).")
    with transaction(ctx.db):
        _answer(ctx, original, answer)
    return _shown(ctx, messages.get(ctx.db, message_id))


def _answer(ctx: Context, original: dict, answer: Answer) -> None:
    if original["answer"] is None:
        messages.update(
            ctx.db, original["id"], answer=answer.value, answered=ctx.today.isoformat(), read=1
        )


def _received(ctx: Context, message_id: int) -> dict:
    found = messages.get(ctx.db, message_id)
    if found is None:
        raise BadInput(f"No message with id {message_id}.")
    if found["recipient"] != ctx.me:
        raise BadInput(f"Message {message_id} was not sent to you.")
    return found
