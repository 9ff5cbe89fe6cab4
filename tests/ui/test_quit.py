"""Issue 12.1: quitting works at once, from anywhere; issue 14.6: q closes or quits.

ctrl+q quits from every screen and every modal, while the network opens, while a search
or an advance runs, and the app is gone within a second. q closes a modal (as its escape
does) or, on a screen, quits; typed in a text box, it is just a q. Keys that need the
network, pressed while it opens, say so instead of doing nothing.

Opening is made slow with a builder (or a World.open) that waits on an event the test
holds, so "before it is open" is a certainty, not a race.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea

from netui.store.db import transaction
from netui.ui.app import NetuiApp
from netui.ui.modals.advance import AdvanceModal
from netui.ui.modals.choice import ChoiceModal
from netui.ui.modals.compose import ComposeModal
from netui.ui.modals.help import HelpModal
from netui.ui.modals.reply import ReplyModal
from netui.ui.screens.dashboard import DashboardScreen
from netui.ui.screens.search import SearchScreen
from netui.ui.screens.start import StartScreen
from netui.world import World
from tests.handmade import handmade_network
from tests.ui.conftest import SIZE, messages, settle

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


def in_a_text_box(app: NetuiApp) -> bool:
    return isinstance(app.focused, Input | TextArea)


def opens_fine(path: Path) -> None:
    """A later start finds the database whole and usable."""
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()
    world = World.open(path)
    try:
        assert world.glance()["date"] == "2015-01-12"
    finally:
        world.db.conn.close()


# ── from every screen ──────────────────────────────────────────────────────────

PLACE_KEYS = {"d": "dashboard", "s": "search", "i": "inbox", "c": "credits", "l": "lab"}
PLACE_KEYS["comma"] = "settings"


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
@pytest.mark.parametrize("place", PLACE_KEYS)
async def test_quit_from_every_place(app, handmade_db: Path, place: str, key: str):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(place)
        await settle(pilot)
        assert app.current_mode == PLACE_KEYS[place]
        if key == "q" and in_a_text_box(app):  # the search box: q is typed there (below)
            app.screen.set_focus(None)
        started = await quit_with(app, key)
    shut_down_within_a_second(started)
    opens_fine(handmade_db)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit_from_a_profile(app, key: str):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_member(4)
        await settle(pilot)
        started = await quit_with(app, key)
    shut_down_within_a_second(started)


async def test_q_typed_in_the_search_box_is_a_q(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and app.screen.query_one("#query", Input).value == "q"
        started = await quit_with(app, "ctrl+q")
    shut_down_within_a_second(started)


# ── from every modal ───────────────────────────────────────────────────────────


async def open_help(pilot) -> None:
    await pilot.press("f1")


async def open_compose(pilot) -> None:  # the cursor lands in the subject box
    pilot.app.compose_to(4, want_inmail=True)


async def open_compose_on_its_buttons(pilot) -> None:
    pilot.app.compose_to(4, want_inmail=True)
    await settle(pilot)
    pilot.app.screen.set_focus(pilot.app.screen.query_one("#cancel"))


async def open_refusal(pilot) -> None:  # the cursor on the first way out (a button)
    pilot.app.compose_to(2, want_inmail=True)


async def open_advance(pilot) -> None:
    await pilot.press("t")


async def open_buy(pilot) -> None:
    await pilot.press("c")
    await settle(pilot)
    await pilot.press("b")


async def open_plan(pilot) -> None:
    await pilot.press("c")
    await settle(pilot)
    await pilot.press("p")


async def open_reply(pilot) -> None:
    message = {"kind": "message", "subject": None, "body": "Ciao!"}
    pilot.app.push_screen(ReplyModal(message))


async def open_palette(pilot) -> None:
    await pilot.press("ctrl+p")


MODALS = {
    "help": (open_help, HelpModal),
    "compose": (open_compose, ComposeModal),
    "compose-buttons": (open_compose_on_its_buttons, ComposeModal),
    "refusal": (open_refusal, ComposeModal),
    "advance": (open_advance, AdvanceModal),
    "buy": (open_buy, ChoiceModal),
    "plan": (open_plan, ChoiceModal),
    "reply": (open_reply, ReplyModal),
    "palette": (open_palette, CommandPalette),
}


async def open_modal(pilot, modal: str) -> None:
    opener, kind = MODALS[modal]
    await settle(pilot)
    await opener(pilot)
    await settle(pilot)
    assert isinstance(pilot.app.screen, kind)


@pytest.mark.parametrize("modal", MODALS)
async def test_ctrl_q_quits_from_every_modal(app, modal: str):
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(pilot, modal)
        started = await quit_with(app, "ctrl+q")
    shut_down_within_a_second(started)


@pytest.mark.parametrize("modal", MODALS)
async def test_q_closes_every_modal_unless_typed_in_a_text_box(app, modal: str):
    """Issue 14.6: q closes a modal as escape does; in a text box it is a letter."""
    kind = MODALS[modal][1]
    async with app.run_test(size=SIZE) as pilot:
        await open_modal(pilot, modal)
        typing = app.focused
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running
        if isinstance(typing, Input):
            assert isinstance(app.screen, kind) and typing.value == "q"
        elif isinstance(typing, TextArea):
            assert isinstance(app.screen, kind) and typing.text == "q"
        else:
            assert not isinstance(app.screen, ModalScreen)


# ── while the network opens ──────────────────────────────────────────────────────


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


# ── while work runs ─────────────────────────────────────────────────────────────

FOREVER = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM (SELECT i FROM n LIMIT 100000000000)"
)


@pytest.fixture
def endless_advance(monkeypatch):
    """An advance that writes, then runs an endless query inside its transaction."""
    writing = threading.Event()

    def advance(world, days=None, *, to=None):
        with transaction(world.db):
            world.db.execute("CREATE TABLE half_done (x)")
            writing.set()
            world.db.execute(FOREVER).fetchone()
        return {"date": "2099-01-01", "events": {}}

    monkeypatch.setattr(World, "advance", advance)
    return writing


async def test_ctrl_q_during_an_advance_rolls_its_write_back(
    app, handmade_db: Path, endless_advance
):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        assert await asyncio.to_thread(endless_advance.wait, 10)
        started = await quit_with(app, "ctrl+q")
    shut_down_within_a_second(started)
    opens_fine(handmade_db)
    check = sqlite3.connect(handmade_db)
    try:
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master")}
    finally:
        check.close()
    assert "half_done" not in tables  # interrupted, and rolled back


async def test_ctrl_q_during_a_search(app, monkeypatch):
    searching = threading.Event()
    real_search = World.search

    def endless_search(world, *args, **kwargs):
        if args and args[0] == "slow":
            searching.set()
            world.db.execute(FOREVER).fetchone()
        return real_search(world, *args, **kwargs)

    monkeypatch.setattr(World, "search", endless_search)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"slow")
        assert await asyncio.to_thread(searching.wait, 10)
        started = await quit_with(app, "ctrl+q")
    shut_down_within_a_second(started)


async def test_a_question_overtaken_while_waiting_for_the_world_never_runs(app, monkeypatch):
    """Each worker has a thread of its own (so none holds the exit): questions wait on
    the gate's lock, and one that a newer question of its group overtook meanwhile is
    dropped when its turn comes, never run."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        busy, release, asked = threading.Event(), threading.Event(), []
        calling, real_call = threading.Semaphore(0), app.gate.call

        def call(question):  # the job is past its start, about to wait for the lock
            calling.release()
            return real_call(question)

        def hold(world):
            busy.set()
            release.wait(10)

        monkeypatch.setattr(app.gate, "call", call)
        app.gate.ask(app, hold, lambda _: None, group="hold", latest_only=False)
        assert await asyncio.to_thread(busy.wait, 10)
        for n in range(3):
            app.gate.ask(app, lambda world, n=n: asked.append(n), lambda _: None, group="q")
            assert await asyncio.to_thread(calling.acquire, True, 10)
        release.set()
        await settle(pilot)
        assert asked == [2]
