"""When the database file or its disk fails (issue 12, item 4): a clear message and exit
2 from the command line, never a traceback, and nothing committed is lost.

Read-only files need a user the permissions apply to: as root (CI containers, this
machine) the commands run with the capability to override them dropped, via setpriv.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import netui.store.db as store_db
from netui.cli import main
from netui.errors import DatabaseError
from netui.store.db import database_fault
from netui.world import World
from tests.world.test_faults import _assert_consistent

ROOT = Path(__file__).resolve().parents[2]


def _without_root_powers() -> list[str]:
    """A prefix that makes file permissions apply to the command, or skip the test."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]
    if setpriv is None or subprocess.run([*prefix, "true"], capture_output=True).returncode:
        pytest.skip("running as root, and cannot drop the power to ignore permissions")
    return prefix


def _netui(*args: str, prefix: list[str] = (), limit_file_size: int | None = None):
    def limit() -> None:
        if limit_file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.run(
        [*prefix, sys.executable, "-m", "netui", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )


def _balance(path: Path) -> int:
    world = World.open(path)
    try:
        return world.balance()
    finally:
        world.db.conn.close()


def _refused(done: subprocess.CompletedProcess, *words: str) -> str:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert all(word in done.stderr for word in words), done.stderr
    return done.stderr


# ── a read-only file or folder ────────────────────────────────────────────────


def test_a_read_only_file_is_shown_but_not_changed(handmade_db):
    prefix = _without_root_powers()
    handmade_db.chmod(0o444)
    shown = _netui("stats", "--db", str(handmade_db), prefix=prefix)
    assert shown.returncode == 0 and "9 members" in shown.stdout
    said = _refused(_netui("buy", "5", "--db", str(handmade_db), prefix=prefix), "read-only")
    assert said.strip() == (
        f"netui: {handmade_db} is read-only: netui can show it but cannot save changes to "
        "it. The change that failed was not saved; everything saved before it is intact. "
        "Make the file writable (chmod u+w) to act."
    )
    handmade_db.chmod(0o644)
    assert _balance(handmade_db) == 15


def test_a_read_only_folder_is_explained(handmade_db):
    prefix = _without_root_powers()
    folder = handmade_db.parent
    folder.chmod(0o555)
    try:
        for command in (["stats"], ["buy", "5"]):
            done = _netui(*command, "--db", str(handmade_db), prefix=prefix)
            _refused(done, f"The folder {folder} is read-only", "Make the folder writable")
    finally:
        folder.chmod(0o755)
    assert _balance(handmade_db) == 15


# ── a full disk ───────────────────────────────────────────────────────────────


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as a full disk: Linux")
def test_a_full_disk_stops_an_advance_keeping_the_days_already_lived(handmade_db):
    """A file size limit is a full disk for one process: writes past it fail."""
    assert _netui("buy", "2", "--db", str(handmade_db)).returncode == 0
    # Room for SQLite's 32 KiB shared-memory index and a few pages of journal.
    done = _netui("advance", "60", "--db", str(handmade_db), limit_file_size=34_000)
    _refused(done, str(handmade_db), "The change that failed was not saved")
    _assert_consistent(handmade_db)
    world = World.open(handmade_db)
    try:
        assert world.today.isoformat() < "2015-03-13"  # it stopped part of the way
        bought = world.db.execute("SELECT count(*) FROM ledger WHERE kind = 'purchase'")
        assert bought.fetchone()[0] == 1  # what was saved before is still there
    finally:
        world.db.conn.close()


def test_a_full_database_says_the_disk_is_full_and_loses_nothing(handmade_db):
    """SQLite's max_page_count on the World's own connection: a disk that is full now."""
    world = World.open(handmade_db)
    world.buy(10)
    pages = world.db.execute("PRAGMA page_count").fetchone()[0]
    world.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(sqlite3.Error) as raised:
        for _ in range(100):  # every day adds messages, so pages run out soon
            world.advance(30)
    error = database_fault(raised.value, handmade_db)
    assert isinstance(error, DatabaseError)
    assert error.message == (
        f"The disk holding {handmade_db} is full. The change that failed was not saved; "
        "everything saved before it is intact. Free some space and try again."
    )
    world.db.conn.close()
    _assert_consistent(handmade_db)
    assert _balance(handmade_db) >= 0


# ── another writer holding the lock ─────────────────────────────────────────────


def test_a_database_locked_past_the_busy_timeout_is_busy_not_a_crash(
    handmade_db, capsys, monkeypatch
):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_SECONDS", 0.2)
    other = sqlite3.connect(handmade_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        assert main(["buy", "5", "--db", str(handmade_db), "--json"]) == 2
        error = json.loads(capsys.readouterr().out)
        assert error["error"] == (
            f"{handmade_db} is busy: another program has been writing to it for over 0.2 "
            "seconds. The change that failed was not saved; everything saved before it is "
            "intact. Try again when it has finished."
        )
        # Reading is not held up by a writer (WAL).
        assert main(["stats", "--db", str(handmade_db), "--json"]) == 0
        capsys.readouterr()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert main(["buy", "5", "--db", str(handmade_db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["balance"] == 20


# ── a file deleted, replaced or damaged ─────────────────────────────────────────


def test_a_deleted_database_names_the_path(handmade_db, capsys):
    handmade_db.unlink()
    assert main(["credits", "--db", str(handmade_db)]) == 2
    assert f"No netui database at {handmade_db}" in capsys.readouterr().err
    assert not handmade_db.exists()


def test_a_database_replaced_by_another_applications_is_refused_untouched(handmade_db, capsys):
    handmade_db.unlink()
    other = sqlite3.connect(handmade_db)
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    other.commit()
    other.close()
    before = handmade_db.read_bytes()
    assert main(["buy", "1", "--db", str(handmade_db)]) == 2
    assert "from another application" in capsys.readouterr().err
    assert handmade_db.read_bytes() == before


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: os.urandom(len(data)), id="random-bytes"),
        pytest.param(lambda data: data[: len(data) // 3], id="truncated"),
        pytest.param(
            lambda data: data[:4096] + os.urandom(len(data) - 4096), id="pages-overwritten"
        ),
    ],
)
@pytest.mark.parametrize("command", [["stats"], ["buy", "1"], ["search", "engineer"]])
def test_a_damaged_file_is_a_clear_message(handmade_db, damage, command):
    handmade_db.write_bytes(damage(handmade_db.read_bytes()))
    done = _netui(*command, "--db", str(handmade_db))
    said = _refused(done, str(handmade_db))
    assert "damaged" in said or "not a netui database" in said


def test_a_folder_we_may_not_enter_is_a_message_for_the_database_and_a_warning_for_config(
    tmp_path,
):
    prefix = _without_root_powers()
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "netui", "stats", "--db", str(locked / "n.db")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "NETUI_CONFIG": str(locked / "config.toml")},
        )
    finally:
        locked.chmod(0o755)
    said = _refused(done, f"Cannot use {locked / 'n.db'}: Permission denied.")
    assert f"config {locked / 'config.toml'}: cannot be read (Permission denied)" in said
