"""The `drafts` table: what I was writing to a member, kept until it is sent.

One draft per (owner, recipient): the owner is the member I played while writing, so
each persona keeps its own drafts.
"""

from __future__ import annotations

from datetime import date

import sqlite_utils

COLUMNS = ("kind", "category", "subject", "body", "saved")


def get(db: sqlite_utils.Database, owner: int, recipient: int) -> dict | None:
    row = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM drafts WHERE owner = ? AND recipient = ?",
        (owner, recipient),
    ).fetchone()
    return dict(zip(COLUMNS, row, strict=True)) if row else None


def save(
    db: sqlite_utils.Database,
    owner: int,
    recipient: int,
    *,
    kind: str,
    category: str | None,
    subject: str,
    body: str,
    saved: date,
) -> None:
    """Keep this draft, replacing the one before it."""
    db.execute(
        "INSERT INTO drafts (owner, recipient, kind, category, subject, body, saved) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner, recipient) DO UPDATE SET "
        "kind = excluded.kind, category = excluded.category, subject = excluded.subject, "
        "body = excluded.body, saved = excluded.saved",
        (owner, recipient, kind, category, subject, body, saved.isoformat()),
    )


def drop(db: sqlite_utils.Database, owner: int, recipient: int) -> None:
    db.execute("DELETE FROM drafts WHERE owner = ? AND recipient = ?", (owner, recipient))
