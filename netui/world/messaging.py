"""Reaching out: writing to a member (R3, R4) and inviting them to connect (R3.6).

A message goes by the route R3 allows, decided under the write lock; it lands with the
credit it spends, and with what its recipient will do, decided at once from the world's
seed and the message id (R6.5), so any later run gives the same answers. An InMail is
measured against the checklist (R4.6), which also feeds that decision, and goes out
under the refund policy in force, which fixes the day its credit would come back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from netui.core import credits, outcomes
from netui.core.behaviour import Factors, invitation_fate, plan_fate, seeded_rng
from netui.core.checklist import (
    Checklist,
    Draft,
    LengthBand,
    RecipientView,
    SenderView,
    check_inmail,
    validate_draft,
)
from netui.core.degrees import Standing
from netui.core.invitations import can_invite_again, check_may_invite
from netui.core.model import Category, Degree, MessageKind, Route, given_name
from netui.core.outcomes import ANSWER_WINDOW
from netui.core.profile import completeness
from netui.errors import Refused
from netui.store import drafts, groups, invitations, ledger, messages, reach
from netui.store.db import transaction
from netui.world import preferences, views
from netui.world.context import Context, not_before_tomorrow
from netui.world.results import InvitationSent, InvitationWithdrawn, SendReceipt

KIND_OF_ROUTE = {
    Route.MESSAGE: MessageKind.MESSAGE,
    Route.GROUP_MESSAGE: MessageKind.GROUP_MESSAGE,
    Route.INMAIL: MessageKind.INMAIL,
    Route.FREE_INMAIL: MessageKind.INMAIL,
}


# ── sending ─────────────────────────────────────────────────────────────────


def send(
    ctx: Context,
    member_id: int,
    *,
    body: str,
    subject: str | None = None,
    category: Category | None = None,
    want_inmail: bool = False,
    checklist_score: int | None = None,
) -> SendReceipt:
    """Send by the route R3 allows: the message and its ledger entry land together.

    `checklist_score` is for the policy lab, whose drafts are described rather than
    written: the score is taken as given instead of read from the text (R12.1)."""
    member = ctx.member(member_id)
    with transaction(ctx.db):  # the route is decided under the write lock
        decision = views.route(ctx, member_id, want_inmail=want_inmail)
        if not decision.allowed:
            raise Refused(f"Cannot write to {member['name']} that way.", decision.reasons)
        kind = KIND_OF_ROUTE[decision.route]
        draft = validate_draft(kind, subject, body, category)
        message_id = _store_message(ctx, member, kind, draft, decision.cost, checklist_score)
    return SendReceipt(
        message_id=message_id,
        route=decision.route,
        cost=decision.cost,
        credits=ctx.balance(),
        mismatch=kind is MessageKind.INMAIL and not _welcomed(member, draft),
    )


def _store_message(
    ctx: Context,
    member: dict,
    kind: MessageKind,
    draft: Draft,
    cost: int,
    checklist_score: int | None = None,
) -> int:
    """Store a message with the credit it spends and what its recipient will do."""
    standing = ctx.standing(member["id"])
    checklist = None
    if kind is MessageKind.INMAIL:
        checklist = (
            Scored(checklist_score)
            if checklist_score is not None
            else _checklist(ctx, member, standing, draft)
        )
    message_id = _insert(ctx, member, kind, draft, cost, checklist)
    if cost:
        posting = credits.spend(
            ledger.lots(ctx.db, ctx.me),
            ctx.today,
            message_id=message_id,
            cause=f"InMail to {member['name']}",
        )
        ledger.post(ctx.db, ctx.me, posting)
    factors = _factors(ctx, member, standing, kind, draft, checklist)
    _plan_fate(ctx, message_id, kind, cost, factors)
    return message_id


def _insert(
    ctx: Context,
    member: dict,
    kind: MessageKind,
    draft: Draft,
    cost: int,
    checklist: Checklist | None,
) -> int:
    me = ctx.me
    return messages.insert(
        ctx.db,
        {
            "sender": me,
            "recipient": member["id"],
            "kind": kind.value,
            "category": draft.category and draft.category.value,
            "subject": draft.subject or None,
            "body": draft.body,
            "sent": ctx.today.isoformat(),
            "opens_conversation": not messages.has_conversation(ctx.db, me, member["id"]),
            "cost": cost,
            "mismatch": not _welcomed(member, draft),
            "checklist_score": checklist and checklist.score,
            "refund_policy": ctx.refund_policy().value if kind is MessageKind.INMAIL else None,
        },
    )


def _welcomed(member: dict, draft: Draft) -> bool:
    """Whether the member welcomes the draft's category (a draft without one is welcome)."""
    return draft.category is None or draft.category.value in member["categories"]


def _factors(
    ctx: Context,
    member: dict,
    standing: Standing,
    kind: MessageKind,
    draft: Draft,
    checklist: Checklist | None,
) -> Factors:
    """What the behaviour model weighs (R6.2), as it stands when the message is sent."""
    return Factors(
        activity=member["activity"],
        responsiveness=member["responsiveness"],
        category_match=_welcomed(member, draft),
        checklist_score=checklist.score if checklist else 5,
        length=LengthBand.of(draft.body),
        weekday=ctx.today.weekday(),
        mutual=standing.mutual,
        shared_groups=standing.shared_groups,
        contact_visible=ctx.member(ctx.me)["contact_visible"],
        completeness=completeness(preferences.my_profile(ctx)).fraction,
        kind=kind,
    )


def _plan_fate(
    ctx: Context, message_id: int, kind: MessageKind, cost: int, factors: Factors
) -> None:
    """Decide now what the recipient will do (R6.5): reproducible whatever runs later."""
    today = ctx.today
    fate = plan_fate(factors, seeded_rng(ctx.seed, "fate", message_id))
    opened = not_before_tomorrow(today, fate.opened_after)
    answered = not_before_tomorrow(today, fate.answered_after)
    answer = fate.answer
    if opened and answered and answered < opened:
        answered = opened
    if kind is MessageKind.INMAIL and answered and answered >= today + ANSWER_WINDOW:
        answer = answered = None  # by then it is "no answer" for good (R7.3)
    refund_on = None
    if kind is MessageKind.INMAIL:
        refund_on = outcomes.refund_date(
            ctx.refund_policy(), today, opened, answered, free=cost == 0
        )
    messages.update(
        ctx.db,
        message_id,
        fate_opened=opened and opened.isoformat(),
        fate_answer=answer and answer.value,
        fate_answered=answered and answered.isoformat(),
        refund_on=refund_on and refund_on.isoformat(),
    )


@dataclass(frozen=True)
class Scored:
    """A checklist known only by its score (the lab's described drafts)."""

    score: int


# ── the checklist (R4.6) ────────────────────────────────────────────────────


def draft_checklist(
    ctx: Context, member_id: int, *, subject: str, body: str, category: Category | None
) -> Checklist:
    """How a draft to this member measures up, item by item."""
    member = ctx.member(member_id)
    return _checklist(ctx, member, ctx.standing(member_id), Draft(subject, body, category))


def _checklist(ctx: Context, member: dict, standing: Standing, draft: Draft) -> Checklist:
    me = ctx.member(ctx.me)
    recipient = RecipientView(
        name=member["name"],
        first_name=given_name(member["name"], member["locale"]),
        company=member["company"],
        industry=member["industry"],
        skills=tuple(member["skills"]),
        welcomed=frozenset(Category(c) for c in member["categories"]),
        mutual_names=tuple(reach.mutual_names(ctx.db, member["id"])) if standing.mutual else (),
        shared_group_names=tuple(groups.shared_names(ctx.db, ctx.me, member["id"])),
    )
    sender = SenderView(me["name"], me["headline"], me["company"], me["contact_visible"])
    return check_inmail(draft, recipient, sender)


# ── drafts (issue 14): nothing typed is lost when the form closes ──────────────


@dataclass(frozen=True)
class SavedDraft:
    """What I was writing to a member, as I left it."""

    kind: MessageKind  # INMAIL, or MESSAGE for any message
    subject: str
    body: str
    category: Category | None
    saved: date

    def as_json(self) -> dict:
        return {
            "kind": self.kind.value,
            "subject": self.subject,
            "body": self.body,
            "category": self.category and self.category.value,
            "saved": self.saved.isoformat(),
        }


def draft_for(ctx: Context, member_id: int) -> SavedDraft | None:
    """My draft to this member, if I left one."""
    ctx.member(member_id)
    row = drafts.get(ctx.db, ctx.me, member_id)
    if row is None:
        return None
    return SavedDraft(
        MessageKind(row["kind"]),
        row["subject"],
        row["body"],
        row["category"] and Category(row["category"]),
        date.fromisoformat(row["saved"]),
    )


def save_draft(
    ctx: Context,
    member_id: int,
    *,
    inmail: bool,
    subject: str,
    body: str,
    category: Category | None = None,
) -> None:
    """Keep what I am writing to this member; a draft with no text is dropped."""
    ctx.member(member_id)
    if not subject.strip() and not body.strip():
        drop_draft(ctx, member_id)
        return
    kind = MessageKind.INMAIL if inmail else MessageKind.MESSAGE
    with transaction(ctx.db):
        drafts.save(
            ctx.db,
            ctx.me,
            member_id,
            kind=kind.value,
            category=category and category.value,
            subject=subject,
            body=body,
            saved=ctx.today,
        )


def drop_draft(ctx: Context, member_id: int) -> None:
    """Forget my draft to this member (it was sent, or emptied)."""
    with transaction(ctx.db):
        drafts.drop(ctx.db, ctx.me, member_id)


# ── invitations (R3.6) ──────────────────────────────────────────────────────


def connect(ctx: Context, member_id: int) -> InvitationSent:
    """Invite a member; they accept or ignore it as the clock runs."""
    member = ctx.member(member_id)
    standing = ctx.standing(member_id)
    me = ctx.me
    if member_id == me:
        raise Refused("You cannot invite yourself.")
    if standing.degree is Degree.FIRST:
        raise Refused(f"{member['name']} is already a 1st-degree connection.")
    with transaction(ctx.db):
        today = ctx.today
        if invitations.pending(ctx.db, me, member_id):
            raise Refused(
                f"You already invited {member['name']}; wait for an answer "
                f"or withdraw it (netui withdraw {member_id})."
            )
        check_may_invite(member["name"], invitations.last_withdrawn(ctx.db, me, member_id), today)
        invitation_id = invitations.insert(ctx.db, me, member_id, today)
        days = invitation_fate(
            seeded_rng(ctx.seed, "invitation", invitation_id),
            standing.degree,
            standing.mutual,
            standing.shared_groups > 0,
            member["activity"],
            responsiveness=member["responsiveness"],
        )
        invitations.plan_acceptance(ctx.db, invitation_id, not_before_tomorrow(today, days))
    return InvitationSent(invitation_id, member_id)


def withdraw(ctx: Context, member_id: int) -> InvitationWithdrawn:
    """Withdraw my pending invitation to a member; 21 days before a new one."""
    member = ctx.member(member_id)
    with transaction(ctx.db):
        today = ctx.today
        invitation_id = invitations.pending(ctx.db, ctx.me, member_id)
        if invitation_id is None:
            raise Refused(f"You have no pending invitation to {member['name']}.")
        invitations.withdraw(ctx.db, invitation_id, today)
    return InvitationWithdrawn(invitation_id, member_id, can_invite_again(today).isoformat())


def pending_invitations(ctx: Context) -> list[dict]:
    """My invitations still waiting for an answer, oldest first."""
    return invitations.pending_sent(ctx.db, ctx.me)
