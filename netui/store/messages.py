"""The `messages` table: every message, group message and InMail, both ways (R4, R7).

Beside what was written, a row keeps what its recipient will do, planned when it was
sent (`fate_*`, R6.5), what they did so far (`opened`, `answer`), and for an InMail the
refund policy it went out under and the day its credit comes back (`refund_on`).
Callers hold the transaction (`netui.store.db.transaction`).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import sqlite_utils
from sqlite_utils.db import NotFoundError

# ── one message ─────────────────────────────────────────────────────────────


def insert(db: sqlite_utils.Database, message: dict) -> int:
    columns = ", ".join(message)
    marks = ", ".join(f":{k}" for k in message)
    return db.execute(f"INSERT INTO messages ({columns}) VALUES ({marks})", message).lastrowid


def get(db: sqlite_utils.Database, message_id: int) -> dict | None:
    try:
        return db["messages"].get(message_id)
    except NotFoundError:
        return None


def update(db: sqlite_utils.Database, message_id: int, **changes) -> None:
    sets = ", ".join(f"{k} = :{k}" for k in changes)
    db.execute(f"UPDATE messages SET {sets} WHERE id = :id", {**changes, "id": message_id})


# ── conversations ───────────────────────────────────────────────────────────


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
    return list(
        db.query(
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
    )


def thread(db: sqlite_utils.Database, me: int, other: int) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM messages WHERE (sender = :me AND recipient = :other) "
            "OR (sender = :other AND recipient = :me) ORDER BY sent, id",
            {"me": me, "other": other},
        )
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


# ── my InMails ──────────────────────────────────────────────────────────────

# An InMail I wrote, not a reply to one written to me.
MY_INMAILS = "sender = ? AND kind = 'inmail' AND reply_to IS NULL"


def sent_inmails(db: sqlite_utils.Database, me: int) -> list[dict]:
    """My InMails with their recipients' names, newest first."""
    return list(
        db.query(
            "SELECT msg.*, m.name AS to_name FROM messages msg "
            "JOIN members m ON m.id = msg.recipient "
            "WHERE msg.sender = ? AND msg.kind = 'inmail' AND msg.reply_to IS NULL "
            "ORDER BY msg.sent DESC, msg.id DESC",
            (me,),
        )
    )


def unanswered_inmail(
    db: sqlite_utils.Database, me: int, recipient: int, since: date
) -> date | None:
    """The day of my newest InMail to `recipient` sent after `since` with no answer yet."""
    row = db.execute(
        f"SELECT max(sent) FROM messages WHERE {MY_INMAILS} AND recipient = ? "
        "AND answer IS NULL AND sent > ?",
        (me, recipient, since.isoformat()),
    ).fetchone()
    return row[0] and date.fromisoformat(row[0])


def inmail_outcomes(db: sqlite_utils.Database, me: int, since: date) -> list[tuple]:
    """(sent, opened, answered, how many) of my InMails sent after `since`, for the score.

    Grouped in SQL: ten thousand InMails share a few hundred distinct outcomes.
    """
    return [
        (*(d and date.fromisoformat(d) for d in row[:3]), row[3])
        for row in db.execute(
            f"SELECT sent, opened, answered, count(*) FROM messages WHERE {MY_INMAILS} "
            "AND sent > ? GROUP BY sent, opened, answered",
            (me, since.isoformat()),
        )
    ]


def answered_inmails(db: sqlite_utils.Database, sender: int) -> int:
    """InMails ever answered (accepted, declined or replied): what money bought."""
    return db.execute(
        f"SELECT count(*) FROM messages WHERE {MY_INMAILS} AND answer IS NOT NULL", (sender,)
    ).fetchone()[0]


REFUNDABLE = (
    "sender = :me AND kind = 'inmail' AND reply_to IS NULL AND cost > 0 "
    "AND refunded IS NULL AND sent > :since"
)


def refundable_groups(db: sqlite_utils.Database, me: int, since: date) -> list[dict]:
    """My paid InMails sent after `since` whose credit has not come back, grouped by what
    decides their refund window: policy, sending day, and whether opened or answered yet."""
    return list(
        db.query(
            "SELECT refund_policy, sent, opened IS NOT NULL AS opened, "
            "answered IS NOT NULL AS answered, count(*) AS count FROM messages "
            f"WHERE {REFUNDABLE} GROUP BY refund_policy, sent, 3, 4",
            {"me": me, "since": since.isoformat()},
        )
    )


def refundable_in_group(db: sqlite_utils.Database, me: int, group: dict, limit: int) -> list[dict]:
    """The first `limit` InMails of one refundable group (see refundable_groups)."""
    return list(
        db.query(
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
    return list(
        db.query(
            "SELECT * FROM messages WHERE fate_answered = ? AND answer IS NULL ORDER BY id",
            (day.isoformat(),),
        )
    )


def refunding_on(db: sqlite_utils.Database, day: date) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM messages WHERE refund_on = ? AND refunded IS NULL ORDER BY id",
            (day.isoformat(),),
        )
    )


def fates_of(db: sqlite_utils.Database, ids: list[int]) -> list[dict]:
    """What the recipients of these messages were decided to do, in id order."""
    return [
        row
        for start in range(0, len(ids), 900)
        for row in db.query(
            "SELECT id, sent, cost, fate_opened, fate_answered FROM messages "
            f"WHERE id IN ({', '.join('?' * len(ids[start : start + 900]))}) ORDER BY id",
            ids[start : start + 900],
        )
    ]


def outcome_of(db: sqlite_utils.Database, ids: list[int]) -> dict[str, int]:
    """Opened, answered, credits spent and refunded, summed over these messages."""
    totals = {"opened": 0, "answered": 0, "spent": 0, "refunded": 0}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ", ".join("?" * len(chunk))
        opened, answered = db.execute(
            f"SELECT count(opened), count(answer) FROM messages WHERE id IN ({marks})", chunk
        ).fetchone()
        spent, refunded = db.execute(
            "SELECT count(*) FILTER (WHERE kind = 'spend'), count(*) FILTER (WHERE kind = "
            f"'refund') FROM ledger WHERE message_id IN ({marks})",
            chunk,
        ).fetchone()
        for key, value in zip(totals, (opened, answered, spent, refunded), strict=True):
            totals[key] += value
    return totals
