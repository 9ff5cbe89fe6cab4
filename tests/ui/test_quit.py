"""Issue 12.1: quitting works at once, from anywhere; issue 14.6: q closes or quits.

ctrl+q quits from every screen and every modal, and while a search or an advance runs:
the app is gone within a second and the database is whole. q closes a modal (as its
escape does) or, on a screen, quits; typed in a text box, it is just a q. Quitting while
the network opens: tests/ui/test_opening.py.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea

from netui.core.model import MessageKind
from netui.core.outcomes import InMailState
from netui.store.db import transaction
from netui.ui.app import NetuiApp
from netui.ui.modals.advance import AdvanceModal
from netui.ui.modals.choice import ChoiceModal
from netui.ui.modals.compose import ComposeModal
from netui.ui.modals.help import HelpModal
from netui.ui.modals.reply import ReplyModal
from netui.world import World
from netui.world.results import ThreadMessage
from tests.ui.conftest import SIZE, opens_fine, quit_with, settle, shut_down_within_a_second


def in_a_text_box(app: NetuiApp) -> bool:
    return isinstance(app.focused, Input | TextArea)


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
    message = ThreadMessage(
        id=1, incoming=True, sender=4, recipient=1, kind=MessageKind.MESSAGE,
        category=None, subject=None, body="Ciao!", sent="2015-01-12",
        state=InMailState.SENT, read=False, can_answer=True,
    )  # fmt: skip
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
        raise AssertionError("never reached: the query runs until interrupted")

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
