"""R5: InMail credits — lots, the ledger, grants, plan changes, refunds and the score.

Credits arrive in *lots*: a monthly grant, a bought pack or one refunded credit. A
plan's grant expires on the third billing day after it (R5.4), before that day's grant;
a bought or refunded lot 90 days after it was credited. The balance is the sum of what
is left in the live lots, and spending always takes from the lot that expires soonest.

Every change to the balance is a ledger entry (R5.7). The functions here never touch
storage: each returns `Posting`s — a ledger entry plus the lot as it stands after it —
which the service writes in one transaction. Dates are passed in; nothing reads a clock.
A new lot needs an id from the caller (the store's next rowid, say): that keeps these
functions pure and lets ties between lots be broken by age.

Windows are half-open, like the credit lifetime: a bought lot credited on day D is live
on D … D+89 and gone on D+90; an InMail sent on day S can be refunded by events on
S … S+89 (R5.5), and counts towards the score on S … S+89 (R5.6).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from netui.core.model import Plan, RefundPolicy
from netui.core.words import count
from netui.errors import BadInput, Refused

PACK_SIZES = (1, 2, 5, 10)
CREDIT_LIFETIME = timedelta(days=90)
REFUND_WINDOW = timedelta(days=90)
# Under the pre-2015 rule the credit came back if the InMail was still unopened this
# long after sending (R5.5, `unopened-after-7-days`).
UNOPENED_GRACE = timedelta(days=7)
SCORE_WINDOW = timedelta(days=90)
# Plan credits live for this many billing cycles (R5.4).
PLAN_CREDIT_CYCLES = 3


class LotSource(StrEnum):
    """Where a lot of credits came from."""

    GRANT = "grant"
    PURCHASE = "purchase"
    REFUND = "refund"


class LedgerKind(StrEnum):
    """The kinds of ledger entry (R5.7), spelled as the command contract writes them."""

    GRANT = "grant"
    PURCHASE = "purchase"
    SPEND = "spend"
    REFUND = "refund"
    EXPIRY = "expiry"
    CANCELLATION = "cancellation"


@dataclass(frozen=True)
class Lot:
    """Credits that arrived together and therefore expire together."""

    id: int
    source: LotSource
    amount: int
    remaining: int
    credited: date
    expires: date

    @classmethod
    def credit(cls, id: int, source: LotSource, amount: int, on: date) -> Lot:
        """A fresh, untouched lot credited `on` that day."""
        return cls(id, source, amount, amount, on, on + CREDIT_LIFETIME)

    def is_live(self, today: date) -> bool:
        """Still holds credits that can be spent today."""
        return self.remaining > 0 and self.expires > today

    def is_expired(self, today: date) -> bool:
        """Past its expiry date with credits not yet written off."""
        return self.remaining > 0 and self.expires <= today

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "source": self.source.value,
            "amount": self.remaining,
            "credited": self.credited.isoformat(),
            "expires": self.expires.isoformat(),
        }


@dataclass(frozen=True)
class LedgerEntry:
    """One change to the balance: + in, − out, with a cause a person can read."""

    date: date
    kind: LedgerKind
    amount: int
    cause: str
    message_id: int | None = None
    lot_id: int | None = None

    def as_json(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "kind": self.kind.value,
            "amount": self.amount,
            "cause": self.cause,
        }


@dataclass(frozen=True)
class Posting:
    """A ledger entry and the lot it touched, as the lot stands afterwards.

    The service appends `entry` and inserts or updates `lot`. `lot` is None only for an
    entry that moves no credit (a monthly grant skipped because of the cap).
    """

    entry: LedgerEntry
    lot: Lot | None


# --- the balance ---------------------------------------------------------------------


def balance(entries: Iterable[LedgerEntry]) -> int:
    """The balance is the sum of the ledger (R5.7)."""
    return sum(entry.amount for entry in entries)


def live_credits(lots: Iterable[Lot], today: date) -> int:
    """Credits I can spend today. Equals the ledger balance once expiries are posted."""
    return sum(lot.remaining for lot in lots if lot.is_live(today))


def choose_lot(lots: Iterable[Lot], today: date) -> Lot | None:
    """The live lot that expires soonest, oldest id first on a tie (R5.4)."""
    live = [lot for lot in lots if lot.is_live(today)]
    return min(live, key=lambda lot: (lot.expires, lot.id), default=None)


def next_expiry(lots: Iterable[Lot], today: date) -> Lot | None:
    """The lot whose credits go first, for "credits with the next expiry" (R10)."""
    return choose_lot(lots, today)


def expired_lots(lots: Iterable[Lot], today: date) -> list[Lot]:
    """Lots that have reached their expiry date with credits still in them."""
    return [lot for lot in lots if lot.is_expired(today)]


# --- moving credits -------------------------------------------------------------------


def expire(lots: Iterable[Lot], today: date) -> list[Posting]:
    """Write off every lot that has expired by `today`, in expiry order.

    Each entry is dated the day the lot expired, not `today`, so a long jump of the
    clock still leaves a ledger in time order.
    """
    postings = []
    for lot in sorted(expired_lots(lots, today), key=lambda lot: (lot.expires, lot.id)):
        credits = _credits(lot.remaining)
        entry = LedgerEntry(
            lot.expires,
            LedgerKind.EXPIRY,
            -lot.remaining,
            f"{credits} {_source_adjective(lot.source)} on {lot.credited.isoformat()} expired",
            lot_id=lot.id,
        )
        postings.append(Posting(entry, replace(lot, remaining=0)))
    return postings


def spend(lots: Iterable[Lot], today: date, *, message_id: int, cause: str) -> Posting:
    """Take one credit for an InMail from the lot that expires soonest (R5.1, R5.4).

    Raises Refused when no live credit is left: the balance never goes below zero.
    """
    lot = choose_lot(lots, today)
    if lot is None:
        raise Refused(
            "You have no InMail credits.",
            ["Buy a pack of 1, 2, 5 or 10 credits, or move to a paid plan."],
        )
    entry = LedgerEntry(today, LedgerKind.SPEND, -1, cause, message_id, lot.id)
    return Posting(entry, replace(lot, remaining=lot.remaining - 1))


def purchase(pack: int, today: date, *, lot_id: int) -> Posting:
    """Buy a pack of credits (R5.2). Raises BadInput for a size that is not sold."""
    if pack not in PACK_SIZES:
        sizes = ", ".join(map(str, PACK_SIZES))
        raise BadInput(f"Credits come in packs of {sizes}; {pack} is not one of them.")
    lot = Lot.credit(lot_id, LotSource.PURCHASE, pack, today)
    entry = LedgerEntry(
        today, LedgerKind.PURCHASE, pack, f"Bought a pack of {_credits(pack)}", lot_id=lot_id
    )
    return Posting(entry, lot)


def refund(today: date, *, lot_id: int, message_id: int, cause: str) -> Posting:
    """Give one credit back for an InMail: a new lot with its own 90 days (R5.4, R5.5).

    Whether and when a refund is due is `refund_date`'s business; the service calls this
    once, on that date, and marks the InMail refunded in the same transaction.
    """
    lot = Lot.credit(lot_id, LotSource.REFUND, 1, today)
    entry = LedgerEntry(today, LedgerKind.REFUND, 1, cause, message_id, lot_id)
    return Posting(entry, lot)


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
    cause = f"{plan.label} monthly grant of {_credits(amount)}"
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
                f"Moved to Free on {day}; {_credits(dropped)} of unspent plan grants "
                "dropped (bought and refunded credits stay). Nothing is paid back."
            )
        if self.starts_subscription:
            return (
                f"{self.new.label} starts today: the first month is charged and "
                f"{_credits(self.new.monthly_grant)} granted; billed on day "
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


# --- wording --------------------------------------------------------------------------------


def _by(day: date | None, today: date) -> date | None:
    """`day` if it has happened by `today`: the future is not known yet."""
    return day if day is not None and day <= today else None


def _credits(n: int) -> str:
    return count(n, "credit")


def _source_adjective(source: LotSource) -> str:
    return {
        LotSource.GRANT: "granted",
        LotSource.PURCHASE: "bought",
        LotSource.REFUND: "refunded",
    }[source]


def _rate(part: int, whole: int) -> str:
    if not whole:
        return "no score yet"
    return f"{round(100 * part / whole)}% ({part} of {whole})"
