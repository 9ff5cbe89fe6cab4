"""Opening a netui database: recognise it, migrate it, tune it.

A file that is not a netui database (a text file, another application's SQLite
database, a schema from a newer netui) is refused before anything is written to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from netui.errors import DatabaseError
from netui.store.schema import APPLICATION_ID, MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
LATEST_VERSION = len(MIGRATIONS)


def open_database(path: Path, *, create: bool = False, bulk: bool = False) -> sqlite_utils.Database:
    """Open (or with `create`, make) a netui database and bring its schema up to date.

    `bulk` is for building a new network into a scratch file that is moved into place
    only when complete: no journal and no fsync, since a crash just leaves the scratch
    file to delete. It roughly halves the time to store a million members.
    """
    path = Path(path)
    fresh = not path.exists() or path.stat().st_size == 0
    if fresh and not create:
        raise DatabaseError(
            f"No netui database at {path}. Create one with `netui seed` "
            "(or start `netui` to seed the default network)."
        )
    if not fresh:
        check_is_netui(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we open transactions ourselves, one per user action.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    if bulk:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -524288")  # 512 MiB for index building
    else:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    # No sqlite-utils plugins: netui uses none, and looking for them scans every
    # installed package's entry points (20 ms on each open), and one found would
    # run its own code on this connection.
    db = sqlite_utils.Database(conn, execute_plugins=False)
    migrate(db)
    return db


def check_is_netui(path: Path) -> None:
    """Raise DatabaseError unless `path` is a netui database this version can read."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a directory, not a netui database.")
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a netui database (not an SQLite file).")
    try:
        ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = ro.execute("PRAGMA application_id").fetchone()[0]
            version = ro.execute("PRAGMA user_version").fetchone()[0]
        finally:
            ro.close()
    except sqlite3.DatabaseError as e:
        raise DatabaseError(f"{path} cannot be read as a database: {e}.") from None
    if app_id != APPLICATION_ID:
        raise DatabaseError(
            f"{path} is an SQLite database from another application, not netui; "
            "it was left untouched."
        )
    if version > LATEST_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer netui (schema {version}, this netui knows "
            f"up to {LATEST_VERSION}); upgrade netui to open it."
        )


def migrate(db: sqlite_utils.Database) -> None:
    """Apply the migrations this database has not seen yet, each in its own transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        with transaction(db):
            for statement in _statements(script):
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {number}")


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (executescript would commit)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return statements


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One user action: everything inside lands together or not at all.

    BEGIN IMMEDIATE takes the write lock up front, so two processes spending the
    last credit are serialised instead of both reading the same balance.
    """
    conn = db.conn
    if conn.in_transaction:  # nested use joins the outer action
        yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def end_bulk_load(db: sqlite_utils.Database) -> None:
    """Back to the write-ahead log after a bulk load: what every later open expects."""
    db.execute("PRAGMA journal_mode = WAL")
