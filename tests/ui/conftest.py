"""Pilot helpers: an app on a fresh copy of the handmade network, and a way to wait.

Every test gets its own database (the `handmade_db` fixture copies one into tmp_path),
so what one test sends never shows in another.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from textual.notifications import Notification, SeverityLevel
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from netui.ui.app import NetuiApp
from netui.world import World

T = TypeVar("T")
SIZE = (100, 32)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (Pilot needs one; no plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def app(handmade_db: Path) -> NetuiApp:
    return NetuiApp(db_path=handmade_db)


@pytest.fixture
def slow_open(monkeypatch) -> Iterator[threading.Event]:
    """World.open waits until the test sets the event it is given (at most 30 s)."""
    release = threading.Event()
    real_open = World.open

    def slow(cls, path, prices=None):
        release.wait(30)
        return real_open(path, prices)

    monkeypatch.setattr(World, "open", classmethod(slow))
    yield release
    release.set()


async def settle(pilot: Pilot) -> None:
    """Wait until every worker is done and every answer is on screen (no sleeping).

    An answer can start new work (a send refreshes the screen, which asks again), so
    wait until a round starts nothing new. A worker cancelled while waited for (a
    question overtaken by a newer one) ends that round early: the next one waits on.
    """
    app = pilot.app
    for _ in range(20):
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            await pilot.pause()
            if not any(worker.is_running for worker in app.workers):
                return
    raise AssertionError("the app never settled")


def ask(app: NetuiApp, question: Callable[[World], T]) -> T:
    """What the World holds now (through the app's own gate, so no second connection)."""
    assert app.gate.is_open
    return app.gate.call(question)


def notifications(
    app: NetuiApp, *, severity: SeverityLevel | None = None, title: str | None = None
) -> list[Notification]:
    """The notifications the app is showing, oldest first; only of a severity or title if
    given. Textual has no public way to read them: this is the one place that looks."""
    return [
        n
        for n in app._notifications
        if (severity is None or n.severity == severity) and (title is None or n.title == title)
    ]


def messages(app: NetuiApp, **which: str) -> list[str]:
    """The text of the notifications `notifications` finds."""
    return [n.message for n in notifications(app, **which)]


# ── quitting (issue 12.1): what "at once" means, and a database left whole ─────────

AT_ONCE = 1.0  # seconds: "the app exits within a second"


async def quit_with(app: NetuiApp, key: str) -> float:
    """Press `key` (as the terminal would: no waiting for the screen, as a Pilot press
    does); fail if the app is still running a second later. When it was pressed."""
    started = time.monotonic()
    app.simulate_key(key)
    while app.is_running:
        waited = time.monotonic() - started
        assert waited < AT_ONCE, f"still running {waited:.2f} s after {key}"
        await asyncio.sleep(0.01)
    return started


def shut_down_within_a_second(started: float) -> None:
    """After `run_test` has shut the app down (screens closed, the World's connection
    closed): all of it within a second of the key."""
    took = time.monotonic() - started
    assert took < AT_ONCE, f"shutting down took {took:.2f} s"


def opens_fine(path: Path) -> None:
    """A later start finds the database whole and usable."""
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()
    world = World.open(path)
    try:
        assert world.glance().date == "2015-01-12"
    finally:
        world.db.conn.close()


def send_inmail(app: NetuiApp, member_id: int = 4, subject: str = "Hi") -> dict:
    """An InMail from me, sent through the World as the compose form sends it."""
    from netui.core.model import Category

    return ask(
        app,
        lambda world: world.send(
            member_id,
            subject=subject,
            body="Dear Seán, hello.",
            want_inmail=True,
            category=Category.NEW_VENTURE,
        ),
    )
