"""Writing a whole network at once: members, connections, groups and the search index.

The only module that bulk-loads, inside the one transaction its caller holds. A
`Loader` stores each part of a network on a thread of its own as soon as the part
exists, so the database's work overlaps the drawing of the next part: SQLite inserts,
sorts indexes and fills the full-text index without holding Python's global lock. The
big tables' secondary indexes are dropped first and built once each table is full (one
sort instead of ten million index updates).

Members come a chunk at a time, and each chunk is indexed for search as it lands, so
the full-text index (the biggest job) is built while the rest of the members are still
being composed. Pairs of ids (connections, memberships) go in as one
JSON array per table through `json_each`: a single statement that runs entirely
inside SQLite, three times as fast as binding the pairs one by one.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable, Sequence
from functools import cache
from itertools import chain

import numpy as np
import sqlite_utils

from netui.core.network import MEMBER_COLUMNS
from netui.core.pairs import PackedPairs, pack
from netui.store.schema import BULK_INDEXES, FTS_COLUMNS

PAIR_BATCH = 1_000_000  # pairs per JSON array: bounds the memory of the text
# While the full-text index is built, merge its segments 16 at a time rather than 4:
# a third less work for the build, and searches keep their speed (a level of 16
# small segments, not thousands).
BUILD_AUTOMERGE = 16
DEFAULT_AUTOMERGE = 4
ID = MEMBER_COLUMNS.index("id")
# Members per INSERT: as many as SQLite's limit of 32,766 bound values allows.
ROWS_PER_INSERT = 32_766 // len(MEMBER_COLUMNS)


def drop_indexes(db: sqlite_utils.Database) -> None:
    """Drop the big tables' secondary indexes for a bulk load (the loader rebuilds them)."""
    for name in BULK_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")


def build_indexes(db: sqlite_utils.Database, table: str) -> None:
    """The bulk-load indexes of one table, once it is full."""
    for sql in BULK_INDEXES.values():
        if f" ON {table} (" in sql:
            db.execute(sql)


class Loader:
    """Stores a network's parts in order, each on the loader's thread, as it is given.

    Give the parts with `members`, `connections` and `groups`; `finish()` waits for all
    of them and raises whatever went wrong. Until then nothing else may use `db`.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._error: BaseException | None = None
        self._members_sent: list[tuple] = []
        self._members_complete = False
        self._thread = threading.Thread(target=self._work, name="netui-loader", daemon=True)
        self._thread.start()

    def members(self, rows: Sequence[tuple]) -> None:
        """Insert a chunk of members (ids ascending, after those of earlier chunks) and
        index it for search. The rows must not change afterwards: `changed_members`
        takes the rows that did."""
        if not self._members_sent:
            self._submit(lambda: self._set_automerge(BUILD_AUTOMERGE))
        self._members_sent.extend(rows)
        self._submit(lambda: self._store_members(rows))

    def connections(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Store the connections, both ways. Their text is written here, on the caller's
        thread, which has time to spare while the loader is still indexing members."""
        self._complete_members()
        forward, backward = _as_json(pairs), _as_json(_reversed(pairs))

        def store() -> None:
            self._insert_pairs("connections", ("a", "b"), forward)
            self._insert_pairs("connections_reversed", ("b", "a"), backward)

        self._submit(store)

    def groups(
        self, groups: Sequence[tuple[int, str, str, str]], memberships: Sequence[tuple[int, int]]
    ) -> None:
        self._complete_members()
        texts = _as_json(memberships)

        def store() -> None:
            self.db.conn.executemany(
                "INSERT INTO groups (id, name, topic, industry) VALUES (?, ?, ?, ?)", groups
            )
            self._insert_pairs("group_members", ("group_id", "member_id"), texts)

        self._submit(store)

    def changed_members(self, rows: Sequence[tuple]) -> None:
        """Rewrite the members whose rows differ from those given to `members` (the
        persona's plan is settled after the graph). Never a searched column: the
        full-text index is built from the first rows."""
        self._complete_members()
        sent = self._members_sent
        changed = [new for old, new in zip(sent, rows, strict=True) if old is not new]
        columns = ", ".join(f"{c} = ?" for c in MEMBER_COLUMNS if c != "id")

        def store() -> None:
            self.db.conn.executemany(
                f"UPDATE members SET {columns} WHERE id = ?",
                [(*row[:ID], *row[ID + 1 :], row[ID]) for row in changed],
            )

        self._submit(store)

    def finish(self) -> None:
        """Wait until every part is stored; raise the first error any of them met."""
        self._complete_members()
        self._jobs.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def _submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                if self._error is None:  # after an error, only drain the queue
                    job()
            except BaseException as error:  # re-raised by finish()
                self._error = error
            finally:
                self._jobs.task_done()
        self._jobs.task_done()

    def _complete_members(self) -> None:
        """Once every member is in: their other indexes, and the usual merging."""
        if self._members_complete:
            return
        self._members_complete = True

        def complete() -> None:
            self._set_automerge(DEFAULT_AUTOMERGE)
            build_indexes(self.db, "members")

        self._submit(complete)

    def _store_members(self, rows: Sequence[tuple]) -> None:
        # Many rows to a statement, not one (executemany): SQLite runs a statement
        # without Python's lock but takes the lock back after each row of an
        # executemany, and there waits for the thread composing the next members. At a
        # million members that wait tripled the time the first chunks took to store.
        conn = self.db.conn
        for start in range(0, len(rows), ROWS_PER_INSERT):
            batch = rows[start : start + ROWS_PER_INSERT]
            conn.execute(_members_insert(len(batch)), list(chain.from_iterable(batch)))
        if rows:  # the chunk's ids are above every earlier chunk's
            conn.execute(
                f"INSERT INTO members_fts (rowid, {FTS_COLUMNS}) "
                f"SELECT id, {FTS_COLUMNS} FROM members WHERE id BETWEEN ? AND ?",
                (min(row[ID] for row in rows), max(row[ID] for row in rows)),
            )

    def _set_automerge(self, segments: int) -> None:
        self.db.execute(
            "INSERT INTO members_fts (members_fts, rank) VALUES ('automerge', ?)", (segments,)
        )

    def _insert_pairs(self, table: str, columns: tuple[str, str], texts: list[str]) -> None:
        """Insert pairs given as JSON arrays of packed ints (`_as_json`)."""
        first, second = columns
        sql = (
            f"INSERT INTO {table} ({first}, {second}) "
            "SELECT value >> 32, value & 4294967295 FROM json_each(?)"
        )
        for text in texts:
            self.db.execute(sql, (text,))
        build_indexes(self.db, table)


@cache
def _members_insert(rows: int) -> str:
    """INSERT INTO members … VALUES (?, …), (?, …), …: `rows` rows at once."""
    row = f"({', '.join('?' * len(MEMBER_COLUMNS))})"
    return f"INSERT INTO members ({', '.join(MEMBER_COLUMNS)}) VALUES {', '.join([row] * rows)}"


def _reversed(pairs: Sequence[tuple[int, int]]) -> Sequence[tuple[int, int]]:
    """(b, a) for every (a, b), sorted: the order connections_reversed keeps them in."""
    if isinstance(pairs, PackedPairs):
        return PackedPairs(np.sort(pack(pairs.seconds, pairs.firsts)))
    return sorted((b, a) for a, b in pairs)


def _as_json(pairs: Sequence[tuple[int, int]]) -> list[str]:
    """Pairs as JSON arrays of PAIR_BATCH ints each, a pair packed into one int (ids fit
    in 32 bits), so SQLite parses one number a row."""
    texts = []
    for start in range(0, len(pairs), PAIR_BATCH):
        batch = pairs[start : start + PAIR_BATCH]
        if isinstance(batch, PackedPairs):
            packed = batch.packed.tolist()
        else:
            packed = [x << 32 | y for x, y in batch]
        texts.append(json.dumps(packed))
    return texts
