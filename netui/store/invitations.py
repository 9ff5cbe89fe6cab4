"""The `invitations` table: invitations to connect (R3.6).

Each is pending until its recipient accepts it (on the day planned when it was sent,
`fate_accepted`) or its sender withdraws it; a withdrawal is kept, since it starts the
pause before the same member may be invited again.
"""

from __future__ import annotations

from datetime import date

import sqlite_utils


def insert(db: sqlite_utils.Database, sender: int, recipient: int, sent: date) -> int:
    """A new pending invitation; its id."""
    return db.execute(
        "INSERT INTO invitations (sender, recipient, sent) VALUES (?, ?, ?)",
        (sender, recipient, sent.isoformat()),
    ).lastrowid


def plan_acceptance(db: sqlite_utils.Database, invitation_id: int, day: date | None) -> None:
    """The day its recipient will accept it, or None if they never will."""
    db.execute(
        "UPDATE invitations SET fate_accepted = ? WHERE id = ?",
        (day and day.isoformat(), invitation_id),
    )


def accept(db: sqlite_utils.Database, invitation_id: int, day: date) -> None:
    _decide(db, invitation_id, "accepted", day)


def withdraw(db: sqlite_utils.Database, invitation_id: int, day: date) -> None:
    _decide(db, invitation_id, "withdrawn", day)


def _decide(db: sqlite_utils.Database, invitation_id: int, status: str, day: date) -> None:
    db.execute(
        "UPDATE invitations SET status = ?, decided = ? WHERE id = ?",
        (status, day.isoformat(), invitation_id),
    )


def pending(db: sqlite_utils.Database, sender: int, recipient: int) -> int | None:
    """The id of `sender`'s pending invitation to `recipient`, if there is one."""
    row = db.execute(
        "SELECT id FROM invitations WHERE sender = ? AND recipient = ? AND status = 'pending'",
        (sender, recipient),
    ).fetchone()
    return row[0] if row else None


def pending_count(db: sqlite_utils.Database, sender: int) -> int:
    return db.execute(
        "SELECT count(*) FROM invitations WHERE sender = ? AND status = 'pending'", (sender,)
    ).fetchone()[0]


def pending_sent(db: sqlite_utils.Database, sender: int) -> list[dict]:
    """`sender`'s pending invitations with their recipients' names, oldest first."""
    return list(
        db.query(
            "SELECT i.id, i.recipient, m.name, i.sent FROM invitations i "
            "JOIN members m ON m.id = i.recipient WHERE i.sender = ? AND i.status = 'pending' "
            "ORDER BY i.sent, i.id",
            (sender,),
        )
    )


def accepting_on(db: sqlite_utils.Database, day: date) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM invitations WHERE fate_accepted = ? AND status = 'pending' ORDER BY id",
            (day.isoformat(),),
        )
    )


def last_withdrawn(db: sqlite_utils.Database, sender: int, recipient: int) -> date | None:
    """When `sender` last withdrew an invitation to `recipient` (R3.6), if ever."""
    row = db.execute(
        "SELECT max(decided) FROM invitations WHERE sender = ? AND recipient = ? "
        "AND status = 'withdrawn'",
        (sender, recipient),
    ).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None
