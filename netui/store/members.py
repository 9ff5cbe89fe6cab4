"""The `members` table: every member's profile, and the two search indexes built on it.

Members never come or go once a network is built; what changes is my own profile and
settings (R8) and a plan. `members_fts` (everyone) and `inner_fts` (my 1st and 2nd
degree) take their text from this table, so a change to a searchable field goes
through `update`, which keeps them in step.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.db import NotFoundError

from netui.store import reach
from netui.store.schema import FTS_COLUMNS

# The member columns a search can be narrowed by, picked from a list of their values.
FACETS = ("country", "industry")
FLAGS = ("open_profile", "accepts_inmail", "contact_visible", "photo")


def get(db: sqlite_utils.Database, member_id: int) -> dict | None:
    """A member's row with its lists split (skills, welcomed categories) and its 0/1
    flags as booleans; None if there is no such member."""
    try:
        member = db["members"].get(member_id)
    except NotFoundError:
        return None
    member["skills"] = [s for s in member["skills"].split("; ") if s]
    member["categories"] = [c for c in member["categories"].split(";") if c]
    for flag in FLAGS:
        member[flag] = bool(member[flag])
    return member


def name(db: sqlite_utils.Database, member_id: int) -> str:
    row = db.execute("SELECT name FROM members WHERE id = ?", (member_id,)).fetchone()
    return row[0] if row else "?"


def count_by(db: sqlite_utils.Database, column: str) -> list[tuple[str, int]]:
    """Each value of a member column with how many members have it, in name order.

    Grouped as the column's index sorts (without case), so the index is read in order
    instead of sorted again: a tenth of a second for a million members.
    """
    if column not in FACETS:
        raise ValueError(f"not a facet: {column}")
    return db.execute(
        f"SELECT {column}, count(*) FROM members "
        f"GROUP BY {column} COLLATE NOCASE ORDER BY {column} COLLATE NOCASE"
    ).fetchall()


def update(db: sqlite_utils.Database, member_id: int, changes: dict) -> None:
    """Change a member's stored fields, keeping both search indexes in step.

    The indexes take their text from `members` (external content), so the old text
    must be deleted from them before the row changes, and the new text added after.
    """
    columns = [c.strip() for c in FTS_COLUMNS.split(",")]
    indexes = []
    if any(column in columns for column in changes):
        indexes.append("members_fts")
        if reach.in_inner_circle(db, member_id):
            indexes.append("inner_fts")
    old = db.execute(f"SELECT {FTS_COLUMNS} FROM members WHERE id = ?", (member_id,)).fetchone()
    marks = ", ".join("?" * len(columns))
    for index in indexes:
        db.execute(
            f"INSERT INTO {index} ({index}, rowid, {FTS_COLUMNS}) VALUES ('delete', ?, {marks})",
            (member_id, *old),
        )
    db["members"].update(member_id, changes)
    for index in indexes:
        db.execute(
            f"INSERT INTO {index} (rowid, {FTS_COLUMNS}) "
            f"SELECT id, {FTS_COLUMNS} FROM members WHERE id = ?",
            (member_id,),
        )
