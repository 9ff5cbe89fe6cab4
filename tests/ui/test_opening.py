"""Issue 12.1: while the network opens (or is built on first run), ctrl+q quits at
once and leaves nothing half-made, and keys that need the network say so.

Opening is made slow with a builder (or a World.open) that waits on an event the test
holds, so "before it is open" is a certainty, not a race.
"""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from netui.ui.app import NetuiApp
from netui.ui.modals.help import HelpModal
from netui.ui.screens.dashboard import DashboardScreen
from netui.ui.screens.search import SearchScreen
from netui.ui.screens.start import StartScreen
from tests.handmade import handmade_network
from tests.ui.conftest import (
    AT_ONCE,
    SIZE,
    messages,
    opens_fine,
    quit_with,
    settle,
    shut_down_within_a_second,
)


class SlowBuilder:
    """Builds the handmade network, but first reports progress until `release` is set
    (or the app, quitting, makes a report raise). `stuck` waits without reporting, as
    a long step in C would."""

    def __init__(self, *, stuck: bool = False) -> None:
        self.stuck = stuck
        self.release = threading.Event()
        self.started = threading.Event()
        self.stopped = threading.Event()
        self.in_daemon_thread = False

    def __call__(self, report):
        self.in_daemon_thread = threading.current_thread().daemon
        self.started.set()
        try:
            while not self.release.wait(0.01 if not self.stuck else 30):
                report("Members", 0.5)
            return handmade_network()
        finally:
            self.stopped.set()


async def start_building(pilot, builder: SlowBuilder) -> None:
    await pilot.pause()
    assert await asyncio.to_thread(builder.started.wait, 10)
    await pilot.pause()
    assert isinstance(pilot.app.screen, StartScreen)


@pytest.mark.parametrize("help_open", [False, True])
async def test_ctrl_q_while_the_network_is_built_quits_and_stops_the_build(
    tmp_path: Path, help_open: bool
):
    """The reported case: help open over "Building…", then ctrl+q did nothing."""
    path, builder = tmp_path / "new.db", SlowBuilder()
    app = NetuiApp(db_path=path, make_network=builder)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await start_building(pilot, builder)
            if help_open:
                await pilot.press("f1")
                await pilot.pause()
                assert isinstance(app.screen, HelpModal)
            started = await quit_with(app, "ctrl+q")
        shut_down_within_a_second(started)
        # The build noticed, and stopped at its next report: no half network in place.
        assert await asyncio.to_thread(builder.stopped.wait, AT_ONCE)
        assert not path.exists()
    finally:
        builder.release.set()
    # The next start builds the network afresh and opens it.
    again = NetuiApp(db_path=path, make_network=lambda report: handmade_network())
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.gate.is_open and isinstance(again.screen, DashboardScreen)
    opens_fine(path)


async def test_quitting_never_waits_for_a_build_stuck_in_a_long_step(tmp_path: Path):
    path, builder = tmp_path / "new.db", SlowBuilder(stuck=True)
    app = NetuiApp(db_path=path, make_network=builder)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await start_building(pilot, builder)
            started = await quit_with(app, "ctrl+q")
        shut_down_within_a_second(started)
        assert not builder.stopped.is_set()  # still in its step: the app did not wait
        # ... nor will the process: Python does not wait for daemon threads at exit.
        assert builder.in_daemon_thread
    finally:
        builder.release.set()
    assert await asyncio.to_thread(builder.stopped.wait, 10)


async def test_ctrl_q_while_an_existing_network_opens(app, handmade_db: Path, slow_open):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.gate.is_open
        started = await quit_with(app, "ctrl+q")
    shut_down_within_a_second(started)
    slow_open.set()
    opens_fine(handmade_db)


async def test_keys_pressed_while_opening_say_so_and_work_once_open(app, slow_open):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "s", "s")  # one notice, not three
        await pilot.pause()
        assert messages(app, title="One moment") == [
            "Still opening the network: Search opens when it is ready. ctrl+q quits."
        ]
        await pilot.press("w", "escape")
        await pilot.pause()
        assert messages(app, title="One moment")[1:] == [
            "Still opening the network: the clock moves when it is ready. ctrl+q quits.",
            "Still opening the network. ctrl+q quits.",
        ]
        assert isinstance(app.screen, DashboardScreen)  # nothing moved meanwhile
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        offered = await palette_offers(palette, "Still opening the network…")
        assert not any("Go to" in option or "Open member" in option for option in offered)
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        await pilot.press("escape")
        slow_open.set()
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)


async def palette_offers(palette: CommandPalette, wanted: str) -> list[str]:
    """The palette's options once `wanted` is among them (it gathers them in a worker;
    `settle` would wait for the opening worker too, which the test holds)."""
    deadline = time.monotonic() + 10
    while True:
        offered = [str(option.prompt) for option in palette.query_one(CommandList).options]
        if any(wanted in option for option in offered) or time.monotonic() > deadline:
            assert any(wanted in option for option in offered), offered
            return offered
        await asyncio.sleep(0.02)
