"""The `meta` table: one JSON value per key, for what the world knows about itself.

Who I play (`me`), the simulated date (`today`), the seed every later random draw is
taken from, the refund policy in force, and the counts and measures the dashboard shows
without counting a million rows again.
"""

from __future__ import annotations

import json

import sqlite_utils


def get(db: sqlite_utils.Database, key: str, default=None):
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def update(db: sqlite_utils.Database, **values) -> None:
    """Set each key to its value, adding the keys that are new."""
    db.conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [(k, json.dumps(v)) for k, v in values.items()],
    )
