"""Opening a netui database: recognise it, migrate it, tune it; and say plainly what
went wrong when the file or its disk fails.

A file that is not a netui database (a text file, another application's SQLite
database, a schema from a newer netui) is refused before anything is written to it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from netui.errors import DatabaseError
from netui.store.schema import APPLICATION_ID, MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
LATEST_VERSION = len(MIGRATIONS)
# How long a write waits for another program's write to finish before giving up.
BUSY_TIMEOUT_SECONDS = 10.0


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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(f"Cannot make the folder {path.parent}: {error.strerror}.") from None
    # isolation_level=None: we open transactions ourselves, one per user action.
    try:
        conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS
        )
    except sqlite3.Error as error:
        raise database_fault(error, path) from None
    try:
        if bulk:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            # 256 MiB: enough to sort the indexes a bulk load builds; more only holds
            # dirty pages until the commit, in memory a million-member build needs.
            conn.execute("PRAGMA cache_size = -262144")
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # No sqlite-utils plugins: netui uses none, and looking for them scans every
        # installed package's entry points (20 ms on each open), and one found would
        # run its own code on this connection.
        db = sqlite_utils.Database(conn, execute_plugins=False)
        migrate(db)
    except sqlite3.Error as error:
        conn.close()
        raise database_fault(error, path) from None
    return db


def scratch_copy(source: Path | sqlite_utils.Database) -> sqlite_utils.Database:
    """An in-memory copy of a netui database, from its file or from an open one.

    The file is only read (the lab's promise: my database's bytes stay as they were);
    the copy is brought up to date and thrown away with its connection.
    """
    copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    if isinstance(source, sqlite_utils.Database):
        source.conn.backup(copy)
    else:
        path = Path(source)
        if not path.exists():
            raise DatabaseError(f"No netui database at {path}. Create one with `netui seed`.")
        check_is_netui(path)
        original = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            original.backup(copy)
        finally:
            original.close()
    db = sqlite_utils.Database(copy, execute_plugins=False)
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
    except sqlite3.Error as error:
        raise database_fault(error, path) from None
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
        conn.execute("COMMIT")
    except BaseException:
        # A full disk or an I/O error may already have rolled the transaction back
        # (and a failed COMMIT may not have): a second ROLLBACK would raise and hide
        # the error that says what happened.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


# ── when the file or its disk fails ─────────────────────────────────────────

UNSAVED = "The change that failed was not saved; everything saved before it is intact."


def database_fault(error: sqlite3.Error, path: Path) -> DatabaseError:
    """What an SQLite error on `path` means for the person using netui, and what to do.

    Each action (each day of an advance) is one transaction, so the one that failed
    changed nothing, and everything committed before it is still there.
    """
    name = getattr(error, "sqlite_errorname", "") or ""
    path = Path(path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseError(
            f"{path} is busy: another program has been writing to it for over "
            f"{BUSY_TIMEOUT_SECONDS:g} seconds. {UNSAVED} Try again when it has finished."
        )
    if name == "SQLITE_READONLY_DBMOVED":
        return moved_fault(path)
    if name.startswith("SQLITE_READONLY"):
        if not os.access(path.parent, os.W_OK):
            return DatabaseError(
                f"The folder {path.parent} is read-only, but SQLite must keep its journal "
                f"files ({path.name}-wal and -shm) beside {path}. Make the folder writable, "
                "or copy the database to one that is."
            )
        return DatabaseError(
            f"{path} is read-only: netui can show it but cannot save changes to it. "
            f"{UNSAVED} Make the file writable (chmod u+w) to act."
        )
    if name == "SQLITE_FULL":
        return DatabaseError(
            f"The disk holding {path} is full. {UNSAVED} Free some space and try again."
        )
    if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB":
        return DatabaseError(
            f"{path} is damaged ({error}). Restore it from a backup, or move it away "
            "and build a new network with `netui seed`."
        )
    if name.startswith("SQLITE_CANTOPEN"):
        return DatabaseError(
            f"{path} cannot be opened ({error}): check that it and its folder exist "
            "and that you may read and write them."
        )
    if name.startswith("SQLITE_IOERR"):
        return DatabaseError(
            f"Reading or writing {path} failed ({error}): is its disk full, removed or "
            f"failing? {UNSAVED}"
        )
    return DatabaseError(f"Database error on {path}: {error}.")


def moved_fault(path: Path) -> DatabaseError:
    return DatabaseError(
        f"{path} was deleted or replaced while netui had it open, so nothing more can be "
        "saved to it. Restart netui to open what is there now."
    )


def file_identity(path: Path) -> tuple[int, int] | None:
    """Which file `path` names now (device and inode), or None if none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def end_bulk_load(db: sqlite_utils.Database) -> None:
    """Back to the write-ahead log after a bulk load: what every later open expects."""
    db.execute("PRAGMA journal_mode = WAL")
