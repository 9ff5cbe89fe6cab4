"""SQL for messages, credits (lots and the ledger), accounts and invitations.

Callers hold the transaction (`netui.store.db.transaction`): a message and the ledger
entry it causes land together or not at all.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import sqlite_utils

from netui.core.credits import Lot, LotSource, Posting
from netui.core.money import Charge


def rows(db: sqlite_utils.Database, sql: str, params: dict | tuple = ()) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


# ── credits ──────────────────────────────────────────────────────────────────


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
    return rows(
        db,
        "SELECT sum(remaining) AS amount, source, min(credited) AS credited, expires FROM lots "
        "WHERE owner = ? "
        "AND remaining > 0 AND expires > ? GROUP BY expires, source ORDER BY expires, source",
        (owner, today.isoformat()),
    )


def next_lot_id(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) + 1 FROM lots").fetchone()[0]


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


def ledger(db: sqlite_utils.Database, owner: int, limit: int) -> list[dict]:
    """The newest `limit` entries, each with the cents charged with it (or None)."""
    return rows(
        db,
        "SELECT l.date, l.kind, l.amount, l.cause, l.message_id, c.cents FROM ledger l "
        "LEFT JOIN charges c ON c.ledger_id = l.id WHERE l.owner = ? "
        "ORDER BY l.id DESC LIMIT ?",
        (owner, limit),
    )


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


def answered_inmails(db: sqlite_utils.Database, sender: int) -> int:
    """InMails ever answered (accepted, declined or replied): what money bought."""
    return db.execute(
        "SELECT count(*) FROM messages WHERE sender = ? AND kind = 'inmail' "
        "AND reply_to IS NULL AND answer IS NOT NULL",
        (sender,),
    ).fetchone()[0]


def ledger_size(db: sqlite_utils.Database, owner: int) -> int:
    return db.execute("SELECT count(*) FROM ledger WHERE owner = ?", (owner,)).fetchone()[0]


def daily_net(db: sqlite_utils.Database, owner: int) -> list[tuple[str, int]]:
    """(date, net change) per day with ledger activity, oldest first."""
    return db.execute(
        "SELECT date, sum(amount) FROM ledger WHERE owner = ? GROUP BY date ORDER BY date",
        (owner,),
    ).fetchall()


def owners_with_credits_expiring(db: sqlite_utils.Database, day: date) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT owner FROM lots WHERE remaining > 0 AND expires <= ? ORDER BY owner",
            (day.isoformat(),),
        )
    ]


# ── accounts ────────────────────────────────────────────────────────────────


def account(db: sqlite_utils.Database, member: int) -> dict:
    found = rows(db, "SELECT * FROM accounts WHERE member_id = ?", (member,))
    return (
        found[0]
        if found
        else {"member_id": member, "billing_day": None, "pending_plan": None, "pending_from": None}
    )


def save_account(db: sqlite_utils.Database, account: dict) -> None:
    db["accounts"].upsert(account, pk="member_id")


def accounts(db: sqlite_utils.Database) -> list[dict]:
    return rows(db, "SELECT * FROM accounts ORDER BY member_id")


# ── messages ─────────────────────────────────────────────────────────────────


def insert_message(db: sqlite_utils.Database, message: dict) -> int:
    columns = ", ".join(message)
    marks = ", ".join(f":{k}" for k in message)
    return db.execute(f"INSERT INTO messages ({columns}) VALUES ({marks})", message).lastrowid


def message(db: sqlite_utils.Database, message_id: int) -> dict | None:
    found = rows(db, "SELECT * FROM messages WHERE id = ?", (message_id,))
    return found[0] if found else None


def update_message(db: sqlite_utils.Database, message_id: int, **changes) -> None:
    sets = ", ".join(f"{k} = :{k}" for k in changes)
    db.execute(f"UPDATE messages SET {sets} WHERE id = :id", {**changes, "id": message_id})


def has_conversation(db: sqlite_utils.Database, a: int, b: int) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM messages WHERE (sender = ? AND recipient = ?) "
            "OR (sender = ? AND recipient = ?) LIMIT 1",
            (a, b, b, a),
        ).fetchone()
    )


def conversations_opened(
    db: sqlite_utils.Database, sender: int, kind: str, since: date, until: date
) -> int:
    """Conversations `sender` opened with messages of `kind` in [since, until]."""
    return db.execute(
        "SELECT count(*) FROM messages WHERE sender = ? AND kind = ? AND opens_conversation "
        "AND sent BETWEEN ? AND ?",
        (sender, kind, since.isoformat(), until.isoformat()),
    ).fetchone()[0]


def conversations(db: sqlite_utils.Database, me: int, limit: int) -> list[dict]:
    """One row per member I exchanged messages with, newest activity first."""
    return rows(
        db,
        """
        SELECT c.other AS member_id, m.name, c.last_date, c.unread, c.count,
               last.kind, last.subject, substr(last.body, 1, 120) AS preview,
               last.sender = :me AS last_from_me
        FROM (
            SELECT CASE WHEN sender = :me THEN recipient ELSE sender END AS other,
                   max(sent) AS last_date, max(id) AS last_id, count(*) AS count,
                   sum(recipient = :me AND NOT read) AS unread
            FROM messages WHERE sender = :me OR recipient = :me
            GROUP BY other
        ) c
        JOIN members m ON m.id = c.other
        JOIN messages last ON last.id = c.last_id
        ORDER BY c.last_date DESC, c.last_id DESC
        LIMIT :limit
        """,
        {"me": me, "limit": limit},
    )


def thread(db: sqlite_utils.Database, me: int, other: int) -> list[dict]:
    return rows(
        db,
        "SELECT * FROM messages WHERE (sender = :me AND recipient = :other) "
        "OR (sender = :other AND recipient = :me) ORDER BY sent, id",
        {"me": me, "other": other},
    )


def mark_read(db: sqlite_utils.Database, me: int, other: int) -> None:
    db.execute(
        "UPDATE messages SET read = 1 WHERE recipient = ? AND sender = ? AND NOT read",
        (me, other),
    )


def unread_count(db: sqlite_utils.Database, me: int) -> int:
    return db.execute(
        "SELECT count(*) FROM messages WHERE recipient = ? AND NOT read", (me,)
    ).fetchone()[0]


def sent_inmails(db: sqlite_utils.Database, me: int, *, since: date | None = None) -> list[dict]:
    sql = """
        SELECT msg.*, m.name AS to_name FROM messages msg JOIN members m ON m.id = msg.recipient
        WHERE msg.sender = ? AND msg.kind = 'inmail' AND msg.reply_to IS NULL
    """
    params: list = [me]
    if since is not None:
        sql += " AND msg.sent > ?"
        params.append(since.isoformat())
    return rows(db, sql + " ORDER BY msg.sent DESC, msg.id DESC", params)


def inmail_outcomes(db: sqlite_utils.Database, me: int, since: date) -> list[tuple]:
    """(sent, opened, answered, how many) of my InMails sent after `since`, for the score.

    Grouped in SQL: ten thousand InMails share a few hundred distinct outcomes.
    """
    return [
        (*(d and date.fromisoformat(d) for d in row[:3]), row[3])
        for row in db.execute(
            "SELECT sent, opened, answered, count(*) FROM messages WHERE sender = ? "
            "AND kind = 'inmail' AND reply_to IS NULL AND sent > ? "
            "GROUP BY sent, opened, answered",
            (me, since.isoformat()),
        )
    ]


REFUNDABLE = (
    "sender = :me AND kind = 'inmail' AND reply_to IS NULL AND cost > 0 "
    "AND refunded IS NULL AND sent > :since"
)


def refundable_groups(db: sqlite_utils.Database, me: int, since: date) -> list[dict]:
    """My paid InMails sent after `since` whose credit has not come back, grouped by what
    decides their refund window: policy, sending day, and whether opened or answered yet."""
    return rows(
        db,
        "SELECT refund_policy, sent, opened IS NOT NULL AS opened, "
        "answered IS NOT NULL AS answered, count(*) AS count FROM messages "
        f"WHERE {REFUNDABLE} GROUP BY refund_policy, sent, 3, 4",
        {"me": me, "since": since.isoformat()},
    )


def refundable_in_group(db: sqlite_utils.Database, me: int, group: dict, limit: int) -> list[dict]:
    """The first `limit` InMails of one refundable group (see refundable_groups)."""
    return rows(
        db,
        'SELECT msg.id AS message_id, msg.recipient AS "to", m.name AS to_name '
        "FROM messages msg JOIN members m ON m.id = msg.recipient "
        "WHERE msg.sender = :me AND kind = 'inmail' AND msg.sent = :sent "
        "AND reply_to IS NULL AND cost > 0 AND refunded IS NULL AND refund_policy = :policy "
        "AND (opened IS NOT NULL) = :opened AND (answered IS NOT NULL) = :answered "
        "ORDER BY msg.id LIMIT :limit",
        {
            "me": me,
            "policy": group["refund_policy"],
            "sent": group["sent"],
            "opened": group["opened"],
            "answered": group["answered"],
            "limit": limit,
        },
    )


# ── what the clock reveals on one day ───────────────────────────────────────


def open_due(db: sqlite_utils.Database, day: date) -> dict[str, int]:
    """Mark opened (and so read, in the recipient's inbox) what its recipient opens on
    `day`; how many of each kind of message."""
    opened = db.execute(
        "UPDATE messages SET opened = ?, read = 1 WHERE fate_opened = ? AND opened IS NULL "
        "RETURNING kind",
        (day.isoformat(), day.isoformat()),
    ).fetchall()
    return dict(Counter(kind for (kind,) in opened))


def answering_on(db: sqlite_utils.Database, day: date) -> list[dict]:
    return rows(
        db,
        "SELECT * FROM messages WHERE fate_answered = ? AND answer IS NULL ORDER BY id",
        (day.isoformat(),),
    )


def refunding_on(db: sqlite_utils.Database, day: date) -> list[dict]:
    return rows(
        db,
        "SELECT * FROM messages WHERE refund_on = ? AND refunded IS NULL ORDER BY id",
        (day.isoformat(),),
    )


def fates_of(db: sqlite_utils.Database, ids: list[int]) -> list[dict]:
    """What the recipients of these messages were decided to do, in id order."""
    return [
        row
        for start in range(0, len(ids), 900)
        for row in rows(
            db,
            "SELECT id, sent, cost, fate_opened, fate_answered FROM messages "
            f"WHERE id IN ({', '.join('?' * len(ids[start : start + 900]))}) ORDER BY id",
            ids[start : start + 900],
        )
    ]


def outcome_of(db: sqlite_utils.Database, ids: list[int]) -> dict[str, int]:
    """Opened, answered, spent and refunded, summed over these messages."""
    totals = {"opened": 0, "answered": 0, "spent": 0, "refunded": 0}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        opened, answered = db.execute(
            f"SELECT count(opened), count(answer) FROM messages WHERE id IN ({marks})",
            chunk,
        ).fetchone()
        spent, refunded = db.execute(
            "SELECT count(*) FILTER (WHERE kind = 'spend'), count(*) FILTER (WHERE kind = "
            f"'refund') FROM ledger WHERE message_id IN ({marks})",
            chunk,
        ).fetchone()
        for key, value in zip(totals, (opened, answered, spent, refunded), strict=True):
            totals[key] += value
    return totals


# ── invitations ─────────────────────────────────────────────────────────────


def pending_invitation(db: sqlite_utils.Database, sender: int, recipient: int) -> int | None:
    row = db.execute(
        "SELECT id FROM invitations WHERE sender = ? AND recipient = ? AND status = 'pending'",
        (sender, recipient),
    ).fetchone()
    return row[0] if row else None


def pending_invitations(db: sqlite_utils.Database, sender: int) -> int:
    return db.execute(
        "SELECT count(*) FROM invitations WHERE sender = ? AND status = 'pending'", (sender,)
    ).fetchone()[0]


def accepting_on(db: sqlite_utils.Database, day: date) -> list[dict]:
    return rows(
        db,
        "SELECT * FROM invitations WHERE fate_accepted = ? AND status = 'pending' ORDER BY id",
        (day.isoformat(),),
    )


def add_connection(db: sqlite_utils.Database, a: int, b: int) -> None:
    db.execute("INSERT OR IGNORE INTO connections (a, b) VALUES (?, ?)", (min(a, b), max(a, b)))


def withdraw_invitation(db: sqlite_utils.Database, invitation_id: int, day: date) -> None:
    db.execute(
        "UPDATE invitations SET status = 'withdrawn', decided = ? WHERE id = ?",
        (day.isoformat(), invitation_id),
    )


def last_withdrawn(db: sqlite_utils.Database, sender: int, recipient: int) -> date | None:
    """When `sender` last withdrew an invitation to `recipient` (R3.6), if ever."""
    row = db.execute(
        "SELECT max(decided) FROM invitations WHERE sender = ? AND recipient = ? "
        "AND status = 'withdrawn'",
        (sender, recipient),
    ).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def pending_invitations_sent(db: sqlite_utils.Database, sender: int) -> list[dict]:
    return rows(
        db,
        "SELECT i.id, i.recipient, m.name, i.sent FROM invitations i "
        "JOIN members m ON m.id = i.recipient WHERE i.sender = ? AND i.status = 'pending' "
        "ORDER BY i.sent, i.id",
        (sender,),
    )
