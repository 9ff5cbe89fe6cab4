"""Writing a whole network at once: members, connections, groups and the search index.

The only module that bulk-loads: raw `executemany` inside one transaction is several
times faster than per-batch commits, and the full-text index is filled once at the end.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlite_utils

from netui.core.network import MEMBER_COLUMNS, Network
from netui.core.progress import Progress
from netui.store.schema import BULK_INDEXES

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
