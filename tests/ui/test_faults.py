"""When the database fails under the open app (issue 12, item 4): a visible notice, the
app keeps running, and nothing committed is lost."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from textual.widgets import Label

import netui.store.db as store_db
from netui.ui.app import NetuiApp
from netui.ui.screens.start import StartScreen
from netui.world import World
from tests.ui.conftest import SIZE, ask, messages, notifications, settle
from tests.world.test_faults import _assert_consistent

REPLACED = "was deleted or replaced while netui had it open"


async def test_a_database_replaced_by_garbage_while_open_is_a_notice(app, handmade_db: Path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        garbage = handmade_db.with_name("garbage")
        garbage.write_bytes(os.urandom(64 * 1024))
        os.replace(garbage, handmade_db)
        await pilot.press("n")  # advance a day: a write that must not go to the old file
        await settle(pilot)
        assert any(REPLACED in message for message in messages(app))
        assert app.is_running and app.return_code is None
        assert app.status.date == "2015-01-12"  # the clock did not move
        await pilot.press("c")  # the other screens say so too, and do not crash
        await settle(pilot)
        assert app.is_running


async def test_a_database_deleted_while_open_is_a_notice(app, handmade_db: Path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        handmade_db.unlink()
        await pilot.press("w")
        await settle(pilot)
        assert any(REPLACED in message for message in messages(app))
        assert app.is_running


async def test_a_database_held_by_another_writer_is_a_notice_then_works(
    handmade_db: Path, monkeypatch
):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_SECONDS", 0.2)
    app = NetuiApp(db_path=handmade_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        other = sqlite3.connect(handmade_db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("n")
            await settle(pilot)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert any("is busy: another program" in message for message in messages(app))
        assert app.status.date == "2015-01-12"
        await pilot.press("n")  # the other program is done: the same key now works
        await settle(pilot)
        assert app.status.date == "2015-01-13"


async def test_a_full_disk_is_a_notice_and_what_was_saved_stays(app, handmade_db: Path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # A disk that is full from now on: the World's connection may not grow the file.
        ask(app, lambda world: world.db.execute("PRAGMA max_page_count = 1"))
        for _ in range(12):  # each month adds messages until a page is needed
            await pilot.press("M")
            await settle(pilot)
            if any("is full" in message for message in messages(app)):
                break
        assert any("is full" in message for message in messages(app))
        assert app.is_running
    _assert_consistent(handmade_db)


async def test_a_read_only_database_is_shown_and_a_change_is_a_notice(app, handmade_db: Path):
    """SQLite refusing every write on the app's connection, as it does for a file the
    user may not write (the permission itself is tested on the command line)."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ask(app, lambda world: world.db.execute("PRAGMA query_only = ON"))
        await pilot.press("c")  # reading still works
        await settle(pilot)
        assert not notifications(app, severity="error")
        await pilot.press("n")
        await settle(pilot)
        assert any("is read-only" in message for message in messages(app))
        assert app.status.date == "2015-01-12" and app.is_running
    assert ask_balance(handmade_db) == 15


async def test_a_damaged_file_is_explained_on_the_start_screen(handmade_db: Path):
    handmade_db.write_bytes(handmade_db.read_bytes()[:8192])  # truncated
    app = NetuiApp(db_path=handmade_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        said = str(app.screen.query_one("#start-phase", Label).render())
        assert f"{handmade_db} is damaged" in said and "ctrl+q" in said


def ask_balance(path: Path) -> int:
    world = World.open(path)
    try:
        return world.balance()
    finally:
        world.db.conn.close()
