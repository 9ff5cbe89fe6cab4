"""The `accounts` table: the subscription of each member I have played (R5.3).

The day of the month its plan bills on, and a plan change asked for that waits for the
next billing day. A member I never played has no row, and no billing day yet.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.db import NotFoundError

NO_ACCOUNT = {"member_id": None, "billing_day": None, "pending_plan": None, "pending_from": None}


def get(db: sqlite_utils.Database, member: int) -> dict:
    """A member's subscription; without a billing day if I never played them."""
    try:
        return db["accounts"].get(member)
    except NotFoundError:
        return dict(NO_ACCOUNT, member_id=member)


def save(db: sqlite_utils.Database, account: dict) -> None:
    db["accounts"].upsert(account, pk="member_id")


def every(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("SELECT * FROM accounts ORDER BY member_id"))
