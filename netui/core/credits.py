"""R5: InMail credits — lots and the ledger: the balance, expiry, spending, packs, refunds.

Credits arrive in *lots*: a monthly grant, a bought pack or one refunded credit. A
plan's grant expires on the third billing day after it (R5.4, `netui.core.plans`),
before that day's grant; a bought or refunded lot 90 days after it was credited. The
balance is the sum of what is left in the live lots, and spending always takes from the
lot that expires soonest.

Every change to the balance is a ledger entry (R5.7). The functions here never touch
storage: each returns `Posting`s — a ledger entry plus the lot as it stands after it —
which the service writes in one transaction. Dates are passed in; nothing reads a clock.
A new lot needs an id from the caller (the store's next rowid, say): that keeps these
functions pure and lets ties between lots be broken by age.

Windows are half-open, like the credit lifetime: a bought lot credited on day D is live
on D … D+89 and gone on D+90. Plans and plan changes are in `netui.core.plans`; what
became of an InMail (its state, its refund, the score) in `netui.core.outcomes`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from netui.core.words import count
from netui.errors import BadInput, Refused

PACK_SIZES = (1, 2, 5, 10)
CREDIT_LIFETIME = timedelta(days=90)


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


# --- wording ---------------------------------------------------------------------------


def _credits(n: int) -> str:
    return count(n, "credit")


def _source_adjective(source: LotSource) -> str:
    return {
        LotSource.GRANT: "granted",
        LotSource.PURCHASE: "bought",
        LotSource.REFUND: "refunded",
    }[source]
