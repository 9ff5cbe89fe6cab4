"""The `groups` and `group_members` tables: discussion groups and who is in them.

Sharing a group with a member opens a free group message to them (R3.2) and shows on
their profile; export writes the groups as tables of their own.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlite_utils


def shared_counts(db: sqlite_utils.Database, me: int) -> dict[int, int]:
    """Member id → number of groups they share with me."""
    rows = db.execute(
        """
        SELECT gm.member_id, count(*)
        FROM group_members mine JOIN group_members gm ON gm.group_id = mine.group_id
        WHERE mine.member_id = ? AND gm.member_id != ?
        GROUP BY gm.member_id
        """,
        (me, me),
    )
    return dict(rows.fetchall())


def shared_names(db: sqlite_utils.Database, me: int, member_id: int) -> list[str]:
    """The names of the groups a member and I are both in, A to Z."""
    rows = db.execute(
        """
        SELECT g.name FROM group_members mine
        JOIN group_members theirs ON theirs.group_id = mine.group_id
        JOIN groups g ON g.id = mine.group_id
        WHERE mine.member_id = ? AND theirs.member_id = ? ORDER BY g.name
        """,
        (me, member_id),
    )
    return [r[0] for r in rows]


def names_by_member(db: sqlite_utils.Database) -> dict[int, list[str]]:
    """Every member in a group, with the names of their groups."""
    names: dict[int, list[str]] = {}
    rows = db.execute(
        "SELECT gm.member_id, g.name FROM group_members gm JOIN groups g ON g.id = gm.group_id"
    )
    for member_id, name in rows:
        names.setdefault(member_id, []).append(name)
    return names


def every(db: sqlite_utils.Database) -> list[tuple[int, str, str, str]]:
    """(id, name, topic, industry) of every group, by id."""
    return db.execute("SELECT id, name, topic, industry FROM groups ORDER BY id").fetchall()


def memberships(db: sqlite_utils.Database) -> Iterator[tuple[int, int]]:
    """(group id, member id) of every membership, by group then member."""
    return db.execute("SELECT group_id, member_id FROM group_members ORDER BY group_id, member_id")
