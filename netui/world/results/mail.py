"""Writing and inviting (R3, R4), and what came back (R7)."""

from __future__ import annotations

from dataclasses import dataclass

from netui.core.model import Category, MessageKind, Route
from netui.core.outcomes import CreditState, InMailState
from netui.world.results.base import Result, spread, to_json


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
