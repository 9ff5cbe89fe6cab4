"""R5.5, R5.6, R7.3: what became of an InMail — its state, its credit, and the score.

An InMail is sent, maybe opened, maybe answered (accepted, declined, replied), and has
no answer once 90 days pass without one. Whether its credit comes back depends on the
refund policy (R5.5); the score is the share answered of those sent in the last 90 days
(R5.6). Windows are half-open: an InMail sent on day S can be refunded by events on
S … S+89 and counts towards the score on S … S+89.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from netui.core.model import RefundPolicy
from netui.core.words import count

REFUND_WINDOW = timedelta(days=90)
# Under the pre-2015 rule the credit came back if the InMail was still unopened this
# long after sending (R5.5, `unopened-after-7-days`).
UNOPENED_GRACE = timedelta(days=7)
SCORE_WINDOW = timedelta(days=90)

# --- what became of an InMail ------------------------------------------------------------

# An InMail with no answer this long after sending is "no answer" from then on (R7.3).
ANSWER_WINDOW = timedelta(days=90)


class InMailState(StrEnum):
    """Where a sent InMail stands (R7.3), as far as `today` has revealed."""

    SENT = "sent"
    OPENED = "opened"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REPLIED = "replied"
    NO_ANSWER = "no_answer"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


ANSWER_STATES = {
    "accept": InMailState.ACCEPTED,
    "decline": InMailState.DECLINED,
    "reply": InMailState.REPLIED,
}


def inmail_state(sent: date, opened: date | None, answer: str | None, today: date) -> InMailState:
    """sent → opened → accepted / declined / replied; no answer once the window closes."""
    if answer:
        return ANSWER_STATES[answer]
    if today >= sent + ANSWER_WINDOW:
        return InMailState.NO_ANSWER
    return InMailState.OPENED if opened else InMailState.SENT


# --- refunds ----------------------------------------------------------------------------


class CreditState(StrEnum):
    """What became of the credit an InMail cost (R7.3)."""

    SPENT = "spent"
    REFUNDED = "refunded"
    FREE = "free"


def refund_date(
    policy: RefundPolicy,
    sent: date,
    opened: date | None,
    answered: date | None,
    *,
    free: bool = False,
) -> date | None:
    """The date the credit for an InMail comes back, or None if it never does (R5.5).

    Called with the InMail's whole planned fate (R6 decides it at sending), so the
    date can be stored with the InMail; the policy is the one in force when it was
    sent, which is what freezes the policy per InMail. One date at most: an InMail is
    refunded at most once. Free InMails are never refunded.

    Under `unopened-after-7-days`, the check runs on day 7 after that day's opens
    (R6.1 processes opens before refunds), so an InMail opened on day 7 counts as
    opened and is not refunded.
    """
    if free:
        return None
    deadline = sent + REFUND_WINDOW
    match policy:
        case RefundPolicy.OPEN_WITHIN_90_DAYS:
            return opened if opened is not None and opened < deadline else None
        case RefundPolicy.RESPONSE_WITHIN_90_DAYS:
            return answered if answered is not None and answered < deadline else None
        case RefundPolicy.UNOPENED_AFTER_7_DAYS:
            check = sent + UNOPENED_GRACE
            return check if opened is None or opened > check else None


def refund_days_left(
    policy: RefundPolicy,
    sent: date,
    today: date,
    *,
    opened: date | None = None,
    answered: date | None = None,
    free: bool = False,
) -> int | None:
    """Days left in which a refund can still be decided, for the sent list (R7.3).

    None when no window applies: a free InMail, a window that has closed, or one the
    recipient has already settled (opened or answered by `today`, whichever the policy
    watches). Events after `today` are ignored, so passing the planned fate is safe.
    """
    if free:
        return None
    seen = _by(opened, today)
    match policy:
        case RefundPolicy.OPEN_WITHIN_90_DAYS:
            settled, closes = seen is not None, sent + REFUND_WINDOW
        case RefundPolicy.RESPONSE_WITHIN_90_DAYS:
            settled, closes = _by(answered, today) is not None, sent + REFUND_WINDOW
        case RefundPolicy.UNOPENED_AFTER_7_DAYS:
            settled, closes = seen is not None, sent + UNOPENED_GRACE
    left = (closes - today).days
    return None if settled or left <= 0 else left


def credit_state(*, free: bool, refund_on: date | None, today: date) -> CreditState:
    """The credit state shown for a sent InMail on `today` (R7.3)."""
    if free:
        return CreditState.FREE
    if refund_on is not None and refund_on <= today:
        return CreditState.REFUNDED
    return CreditState.SPENT


# --- the score ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """My InMail response rate over the trailing 90 days, with the open rate (R5.6)."""

    sent: int
    opened: int
    answered: int
    # Answered, or past their answer window (R7.3): the InMails whose fate is known.
    decided: int = 0

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.sent if self.sent else None

    @property
    def waiting(self) -> bool:
        """InMails were sent but none has had its chance to be answered yet: a rate of
        0% right after a first send would say they were all ignored (issue 14.5)."""
        return self.sent > 0 and self.decided == 0

    @property
    def open_rate(self) -> float | None:
        return self.opened / self.sent if self.sent else None

    def describe(self) -> str:
        """The score as the form shows it: 34% (12 of 35), "no score yet", or
        "waiting for answers (2 InMails sent, none answered yet)"."""
        if self.waiting:
            return f"waiting for answers ({count(self.sent, 'InMail')} sent, none answered yet)"
        return _rate(self.answered, self.sent)

    def describe_open_rate(self) -> str:
        return _rate(self.opened, self.sent)

    def as_json(self) -> dict:
        return {"score": self.response_rate, "open_rate": self.open_rate, "sent": self.sent}


def score(inmails: Iterable[tuple[date, date | None, date | None]], today: date) -> Score:
    """Score InMails given as (sent, opened, answered), counting only what happened by today.

    An answer implies the InMail was read, so it counts as opened too.
    """
    sent = opened = answered = decided = 0
    since = today - SCORE_WINDOW
    for sent_on, opened_on, answered_on in inmails:
        if not since < sent_on <= today:
            continue
        sent += 1
        was_answered = _by(answered_on, today) is not None
        answered += was_answered
        opened += was_answered or _by(opened_on, today) is not None
        decided += was_answered or today >= sent_on + ANSWER_WINDOW
    return Score(sent, opened, answered, decided)


# --- wording ---------------------------------------------------------------------------


def _by(day: date | None, today: date) -> date | None:
    """`day` if it has happened by `today`: the future is not known yet."""
    return day if day is not None and day <= today else None


def _rate(part: int, whole: int) -> str:
    if not whole:
        return "no score yet"
    return f"{round(100 * part / whole)}% ({part} of {whole})"
