"""Credits and money: the `lots` and `ledger` tables (R5.7), and `charges` (R5.8).

A lot is credits that arrived together (a month's grant, a pack, a refund) and expire
together; the ledger is the append-only record of every change, whose sum is the
balance. Charges are what money was paid, in cents, kept apart because credits and
money answer different questions. Callers hold the transaction
(`netui.store.db.transaction`): a message and the ledger entry it causes land together.
"""

from __future__ import annotations

from datetime import date

import sqlite_utils

from netui.core.credits import Lot, LotSource, Posting
from netui.core.money import Charge

# ── lots ────────────────────────────────────────────────────────────────────


def lots(db: sqlite_utils.Database, owner: int, *, expiring_by: date | None = None) -> list[Lot]:
    """An owner's lots that still hold credits, soonest to expire first.

    With `expiring_by`, only those expiring by that day: a day of the clock looks at
    the few lots that end, not at every refunded credit still alive.
    """
    sql = (
        "SELECT id, source, amount, remaining, credited, expires FROM lots "
        "WHERE owner = ? AND remaining > 0"
    )
    params: list = [owner]
    if expiring_by is not None:
        sql += " AND expires <= ?"
        params.append(expiring_by.isoformat())
    return [
        Lot(i, LotSource(src), amount, remaining, date.fromisoformat(c), date.fromisoformat(e))
        for i, src, amount, remaining, c, e in db.execute(sql + " ORDER BY expires, id", params)
    ]


def credits_by_expiry(db: sqlite_utils.Database, owner: int, today: date) -> list[dict]:
    """Live credits grouped by the day they expire (and where they came from)."""
    return list(
        db.query(
            "SELECT sum(remaining) AS amount, source, min(credited) AS credited, expires "
            "FROM lots WHERE owner = ? AND remaining > 0 AND expires > ? "
            "GROUP BY expires, source ORDER BY expires, source",
            (owner, today.isoformat()),
        )
    )


def next_lot_id(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM lots").fetchone()[0]


def owners_with_credits_expiring(db: sqlite_utils.Database, day: date) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT owner FROM lots WHERE remaining > 0 AND expires <= ? ORDER BY owner",
            (day.isoformat(),),
        )
    ]


# ── the ledger ──────────────────────────────────────────────────────────────


def post(db: sqlite_utils.Database, owner: int, posting: Posting) -> int:
    """Append a ledger entry and save the lot as it stands after it; the entry's id."""
    lot, entry = posting.lot, posting.entry
    if lot is not None:
        db.execute(
            "INSERT INTO lots (id, owner, source, amount, remaining, credited, expires) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET remaining = excluded.remaining",
            (
                lot.id,
                owner,
                lot.source.value,
                lot.amount,
                lot.remaining,
                lot.credited.isoformat(),
                lot.expires.isoformat(),
            ),
        )
    return db.execute(
        "INSERT INTO ledger (owner, date, kind, amount, cause, message_id, lot_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            owner,
            entry.date.isoformat(),
            entry.kind.value,
            entry.amount,
            entry.cause,
            entry.message_id,
            entry.lot_id,
        ),
    ).lastrowid


def balance(db: sqlite_utils.Database, owner: int) -> int:
    """The sum of the owner's ledger (R5.7)."""
    return db.execute(
        "SELECT coalesce(sum(amount), 0) FROM ledger WHERE owner = ?", (owner,)
    ).fetchone()[0]


def entries(db: sqlite_utils.Database, owner: int, limit: int) -> list[dict]:
    """The newest `limit` entries, each with the cents charged with it (or None)."""
    return list(
        db.query(
            "SELECT l.date, l.kind, l.amount, l.cause, l.message_id, c.cents FROM ledger l "
            "LEFT JOIN charges c ON c.ledger_id = l.id WHERE l.owner = ? "
            "ORDER BY l.id DESC LIMIT ?",
            (owner, limit),
        )
    )


def size(db: sqlite_utils.Database, owner: int) -> int:
    return db.execute("SELECT count(*) FROM ledger WHERE owner = ?", (owner,)).fetchone()[0]


def daily_net(db: sqlite_utils.Database, owner: int) -> list[tuple[str, int]]:
    """(date, net change) per day with ledger activity, oldest first."""
    return db.execute(
        "SELECT date, sum(amount) FROM ledger WHERE owner = ? GROUP BY date ORDER BY date",
        (owner,),
    ).fetchall()


# ── money (R5.8) ────────────────────────────────────────────────────────────


def charge(db: sqlite_utils.Database, owner: int, paid: Charge, ledger_id: int | None) -> None:
    db.execute(
        "INSERT INTO charges (owner, date, cents, cause, ledger_id) VALUES (?, ?, ?, ?, ?)",
        (owner, paid.date.isoformat(), paid.cents, paid.cause, ledger_id),
    )


def charges(db: sqlite_utils.Database, owner: int) -> list[Charge]:
    """Every payment, oldest first."""
    return [
        Charge(date.fromisoformat(day), cents, cause)
        for day, cents, cause in db.execute(
            "SELECT date, cents, cause FROM charges WHERE owner = ? ORDER BY id", (owner,)
        )
    ]


def spent_cents(db: sqlite_utils.Database, owner: int) -> int:
    return db.execute(
        "SELECT coalesce(sum(cents), 0) FROM charges WHERE owner = ?", (owner,)
    ).fetchone()[0]
