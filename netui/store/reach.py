"""The `reach` table: the network as I see it, one row per member I can reach.

How many hops away each member is, through whom (the parent on a shortest path), how
many mutual connections and shared groups we have, and the degree rank search sorts
by (R2). Worked out by a breadth-first search when I start playing a member and kept
here, so no command walks the graph again; a new connection only updates the rows
that move closer. Beside it, in `meta`, how many members sit at each rank (R10).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import sqlite_utils

from netui.core.degrees import ReachRow, Standing
from netui.store import meta
from netui.store.schema import FTS_COLUMNS, INNER_CIRCLE_MAX_RANK, INNER_CIRCLE_ROWS

RANK = 5  # in a ReachRow
UPSERT = (
    "INSERT INTO reach (member_id, hops, parent, mutual, shared_groups, rank) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def standing(db: sqlite_utils.Database, member_id: int) -> Standing | None:
    """Where a member stands from me, or None if out of my reach."""
    row = db.execute(
        "SELECT hops, parent, mutual, shared_groups FROM reach WHERE member_id = ?",
        (member_id,),
    ).fetchone()
    return Standing(*row) if row else None


def parent(db: sqlite_utils.Database, member_id: int) -> int | None:
    """The member one hop nearer to me on a shortest path."""
    row = db.execute("SELECT parent FROM reach WHERE member_id = ?", (member_id,)).fetchone()
    return row[0] if row else None


def save(db: sqlite_utils.Database, rows: list[ReachRow]) -> None:
    """Replace my stored view of the graph; the caller holds the transaction."""
    db.execute("DELETE FROM reach")
    db.conn.executemany(UPSERT, rows)
    db.execute("INSERT INTO inner_fts (inner_fts) VALUES ('delete-all')")
    db.execute(f"INSERT INTO inner_fts (rowid, {FTS_COLUMNS}) {INNER_CIRCLE_ROWS}")
    _save_rank_counts(db, Counter(row[RANK] for row in rows))


def update(db: sqlite_utils.Database, changed: dict[int, Standing]) -> None:
    """Write the standings that changed (after a new connection, R2.3).

    Members only ever move closer here, so the inner circle's index just gains rows.
    """
    ids = list(changed)
    rank_before = {
        member: rank
        for start in range(0, len(ids), 900)
        for member, rank in db.execute(
            f"SELECT member_id, rank FROM reach "
            f"WHERE member_id IN ({', '.join('?' * len(ids[start : start + 900]))})",
            ids[start : start + 900],
        )
    }
    inner_before = {m for m, rank in rank_before.items() if rank <= INNER_CIRCLE_MAX_RANK}
    counts = Counter(rank_counts(db))
    for member, standing in changed.items():
        if member in rank_before:
            counts[rank_before[member]] -= 1
        counts[standing.degree.rank] += 1
    _save_rank_counts(db, counts)
    db.conn.executemany(
        f"{UPSERT} ON CONFLICT (member_id) DO UPDATE SET hops = excluded.hops, "
        "parent = excluded.parent, mutual = excluded.mutual, rank = excluded.rank",
        [_row(m, s) for m, s in changed.items()],
    )
    joining = [
        m
        for m, s in changed.items()
        if s.degree.rank <= INNER_CIRCLE_MAX_RANK and m not in inner_before
    ]
    db.conn.executemany(
        f"INSERT INTO inner_fts (rowid, {FTS_COLUMNS}) {INNER_CIRCLE_ROWS} AND m.id = ?",
        [(m,) for m in joining],
    )


def _row(member: int, s: Standing) -> tuple:
    return (member, s.hops, s.parent, s.mutual, s.shared_groups, s.degree.rank)


def rank_counts(db: sqlite_utils.Database) -> dict[int, int]:
    """How many members my view holds at each degree rank (the dashboard's bars).

    Kept beside `reach` by the two functions that write it, so the dashboard reads
    one row instead of counting a million (40 ms on the large network).
    """
    return {int(rank): n for rank, n in meta.get(db, "rank_counts", {}).items()}


def _save_rank_counts(db: sqlite_utils.Database, counts: Counter[int]) -> None:
    meta.update(db, rank_counts={str(rank): n for rank, n in sorted(counts.items()) if n})


def in_inner_circle(db: sqlite_utils.Database, member_id: int) -> bool:
    """Whether a member is in my 1st or 2nd degree, which has a search index of its own."""
    return bool(
        db.execute(
            "SELECT 1 FROM reach WHERE member_id = ? AND rank <= ?",
            (member_id, INNER_CIRCLE_MAX_RANK),
        ).fetchone()
    )


def members_at(db: sqlite_utils.Database, *, hops: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT member_id FROM reach WHERE hops = ? ORDER BY member_id", (hops,)
        )
    ]


def within(db: sqlite_utils.Database, hops: int) -> list[int]:
    """Every member at most `hops` away (me not included)."""
    return [r[0] for r in db.execute("SELECT member_id FROM reach WHERE hops <= ?", (hops,))]


def group_fellows(db: sqlite_utils.Database, limit: int = 5_000) -> list[int]:
    """Members who share a group with me but are not my connections."""
    return [
        r[0]
        for r in db.execute(
            "SELECT member_id FROM reach WHERE shared_groups > 0 AND coalesce(hops, 9) > 1 "
            "ORDER BY member_id LIMIT ?",
            (limit,),
        )
    ]


def mutual_names(db: sqlite_utils.Database, member_id: int, limit: int = 20) -> list[str]:
    """The names of my connections who are also connected to a member, A to Z."""
    rows = db.execute(
        """
        SELECT m.name FROM (
            SELECT b AS id FROM connections WHERE a = :id
            UNION ALL SELECT a FROM connections_reversed WHERE b = :id
        ) n JOIN reach r ON r.member_id = n.id AND r.hops = 1
        JOIN members m ON m.id = n.id
        ORDER BY m.name LIMIT :limit
        """,
        {"id": member_id, "limit": limit},
    )
    return [r[0] for r in rows]


def members_with_standing(db: sqlite_utils.Database, columns: tuple[str, ...]) -> Iterator[tuple]:
    """(id, *columns, hops, rank, mutual, shared_groups) for every member, the last four
    None for a member out of my reach: the whole network, each as I see it."""
    selected = ", ".join(f"m.{c}" for c in columns)
    return db.execute(
        f"""
        SELECT m.id, {selected}, r.hops, r.rank, r.mutual, r.shared_groups
        FROM members m LEFT JOIN reach r ON r.member_id = m.id
        """
    )
