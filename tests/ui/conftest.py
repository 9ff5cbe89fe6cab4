"""Pilot helpers: an app on a fresh copy of the handmade network, and a way to wait.

Every test gets its own database (the `handmade_db` fixture copies one into tmp_path),
so what one test sends never shows in another.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Callable
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


async def settle(pilot: Pilot) -> None:
    """Wait until every worker is done and every answer is on screen (no sleeping).

    An answer can start new work (a send refreshes the screen, which asks again), so
    wait until a round starts nothing new.
    """
    app = pilot.app
    for _ in range(20):
        # A question typed over by a newer one (latest_only) is cancelled: done too.
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
    assert app.gate is not None
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
