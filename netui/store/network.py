"""Writing a whole network, reading the graph back, and keeping my view of it.

The only module that bulk-loads: raw `executemany` inside one transaction is several
times faster than per-batch commits, and the full-text index is filled once at the end.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import sqlite_utils

from netui.core.degrees import Standing
from netui.core.network import MEMBER_COLUMNS, Network
from netui.core.progress import Progress
from netui.store.schema import BULK_INDEXES, FTS_COLUMNS, INNER_CIRCLE_MAX_RANK, INNER_CIRCLE_ROWS

if TYPE_CHECKING:
    import networkx as nx

BATCH = 50_000


@contextmanager
def indexes_deferred(db: sqlite_utils.Database, progress: Progress) -> Iterator[None]:
    """Drop the big tables' secondary indexes for a bulk load and build them after."""
    for name in BULK_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")
    yield
    for name, sql in BULK_INDEXES.items():
        progress("Building indexes", list(BULK_INDEXES).index(name) / len(BULK_INDEXES))
        db.execute(sql)


def write_network(db: sqlite_utils.Database, network: Network, progress: Progress) -> None:
    """Store members, connections and groups; the caller holds the transaction."""
    _insert(db, "members", MEMBER_COLUMNS, network.members, progress, "Storing members")
    _insert(db, "connections", ("a", "b"), network.connections, progress, "Storing connections")
    _insert(
        db,
        "groups",
        ("id", "name", "topic", "industry"),
        network.groups,
        progress,
        "Storing groups",
    )
    _insert(
        db,
        "group_members",
        ("group_id", "member_id"),
        network.group_members,
        progress,
        "Storing group members",
    )
    progress("Indexing for search", 0.0)
    db.execute("INSERT INTO members_fts (members_fts) VALUES ('rebuild')")
    progress("Indexing for search", 1.0)


def _insert(
    db: sqlite_utils.Database,
    table: str,
    columns: Sequence[str],
    rows: Sequence[tuple],
    progress: Progress,
    phase: str,
) -> None:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    total = max(len(rows), 1)
    for start in range(0, len(rows), BATCH):
        db.conn.executemany(sql, rows[start : start + BATCH])
        progress(phase, min(1.0, (start + BATCH) / total))


def adjacency_of(member_count: int, connections: Iterable[tuple[int, int]]) -> list[array]:
    """Compact adjacency (one int array per member id) for a BFS over a big graph."""
    adjacency = [array("i") for _ in range(member_count + 1)]
    for a, b in connections:
        adjacency[a].append(b)
        adjacency[b].append(a)
    return adjacency


def load_graph(db: sqlite_utils.Database) -> nx.Graph:
    """The connection graph as NetworkX, for recomputation and measurements."""
    import networkx as nx  # here, not at the top: it costs every command 0.15 s to import

    graph = nx.Graph()
    graph.add_nodes_from(row[0] for row in db.execute("SELECT id FROM members"))
    graph.add_edges_from(db.execute("SELECT a, b FROM connections"))
    return graph


def load_adjacency(db: sqlite_utils.Database) -> list[array]:
    count = db.execute("SELECT coalesce(max(id), 0) FROM members").fetchone()[0]
    return adjacency_of(count, db.execute("SELECT a, b FROM connections"))


def neighbours(db: sqlite_utils.Database, member: int) -> list[int]:
    return [
        row[0]
        for row in db.execute(
            "SELECT b FROM connections WHERE a = ? UNION ALL SELECT a FROM connections WHERE b = ?",
            (member, member),
        )
    ]


def shared_group_counts(db: sqlite_utils.Database, me: int) -> dict[int, int]:
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


def save_standings(db: sqlite_utils.Database, standings: dict[int, Standing]) -> None:
    """Replace my stored view of the graph; the caller holds the transaction."""
    db.execute("DELETE FROM reach")
    db.conn.executemany(
        "INSERT INTO reach (member_id, hops, parent, mutual, shared_groups, rank) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            (m, s.hops, s.parent, s.mutual, s.shared_groups, s.degree.rank)
            for m, s in standings.items()
        ),
    )
    db.execute("INSERT INTO inner_fts (inner_fts) VALUES ('delete-all')")
    db.execute(f"INSERT INTO inner_fts (rowid, {FTS_COLUMNS}) {INNER_CIRCLE_ROWS}")
    _save_rank_counts(db, Counter(s.degree.rank for s in standings.values()))


def rank_counts(db: sqlite_utils.Database) -> dict[int, int]:
    """How many members my view holds at each degree rank (the dashboard's bars).

    Kept beside `reach` by the two functions that write it, so the dashboard reads
    one row instead of counting a million (40 ms on the large network).
    """
    return {int(rank): n for rank, n in get_meta(db, "rank_counts", {}).items()}


def _save_rank_counts(db: sqlite_utils.Database, counts: Counter[int]) -> None:
    set_meta(db, rank_counts={str(rank): n for rank, n in sorted(counts.items()) if n})


# The member columns a search can be narrowed by, picked from a list of their values.
FACETS = ("country", "industry")


def member_counts(db: sqlite_utils.Database, column: str) -> list[tuple[str, int]]:
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


def get_meta(db: sqlite_utils.Database, key: str, default=None):
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def set_meta(db: sqlite_utils.Database, **values) -> None:
    db.conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [(k, json.dumps(v)) for k, v in values.items()],
    )


def update_standings(db: sqlite_utils.Database, changed: dict[int, Standing]) -> None:
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
        "INSERT INTO reach (member_id, hops, parent, mutual, shared_groups, rank) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET hops = excluded.hops, "
        "parent = excluded.parent, mutual = excluded.mutual, rank = excluded.rank",
        [
            (m, s.hops, s.parent, s.mutual, s.shared_groups, s.degree.rank)
            for m, s in changed.items()
        ],
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


def members_at(db: sqlite_utils.Database, *, hops: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT member_id FROM reach WHERE hops = ? ORDER BY member_id", (hops,)
        )
    ]


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


def update_member(db: sqlite_utils.Database, member_id: int, changes: dict) -> None:
    """Change a member's stored fields, keeping both search indexes in step.

    The indexes take their text from `members` (external content), so the old text
    must be deleted from them before the row changes, and the new text added after.
    """
    columns = [c.strip() for c in FTS_COLUMNS.split(",")]
    indexes = []
    if any(column in columns for column in changes):
        indexes.append("members_fts")
        if db.execute(
            "SELECT 1 FROM reach WHERE member_id = ? AND rank <= ?",
            (member_id, INNER_CIRCLE_MAX_RANK),
        ).fetchone():
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
