"""Issue 14.1: a draft survives closing the form, and a restart, until it is sent."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, TextArea

from netui.ui.app import NetuiApp
from netui.ui.modals import drafts
from netui.ui.modals.compose import ComposeModal
from tests.ui.conftest import SIZE, ask, settle
from tests.ui.test_compose import compose

SUBJECT = "Your C++ work at Acme"
BODY = "Dear Seán, would you be open to a short call?"


async def write_and_escape(pilot, member_id: int = 4) -> None:
    modal = await compose(pilot, member_id, want_inmail=True)
    modal.query_one("#category", Select).value = "expertise-request"
    await pilot.press(*SUBJECT)
    await pilot.press("tab")
    await pilot.press(*BODY)
    await pilot.press("escape")  # at once: no pause for the timed save
    await settle(pilot)
    assert not isinstance(pilot.app.screen, ComposeModal)


def form(modal: ComposeModal) -> tuple[str, str, object]:
    return (
        modal.query_one("#subject", Input).value,
        modal.query_one("#body", TextArea).text,
        modal.query_one("#category", Select).value,
    )


async def test_escape_keeps_the_draft_and_the_form_brings_it_back(app):
    async with app.run_test(size=SIZE) as pilot:
        await write_and_escape(pilot)
        modal = await compose(pilot, 4, want_inmail=True)
        assert form(modal) == (SUBJECT, BODY, "expertise-request")
        body = modal.query_one("#body", TextArea)
        assert body.cursor_location == body.document.end
        # Another recipient's form starts empty: drafts are per recipient.
        await pilot.press("escape")
        other = await compose(pilot, 5, want_inmail=True)
        assert form(other)[:2] == ("", "")


async def test_the_draft_survives_a_restart(handmade_db):
    first = NetuiApp(db_path=handmade_db)
    async with first.run_test(size=SIZE) as pilot:
        await write_and_escape(pilot)
    again = NetuiApp(db_path=handmade_db)
    async with again.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 4, want_inmail=True)
        assert form(modal) == (SUBJECT, BODY, "expertise-request")


async def test_a_pause_in_typing_saves_the_draft(app):
    async with app.run_test(size=SIZE) as pilot:
        await compose(pilot, 4, want_inmail=True)
        await pilot.press(*"Hello")
        await pilot.pause(1.0)  # longer than the save delay
        await settle(pilot)
        draft = ask(app, lambda world: world.draft_for(4))
        assert draft is not None and draft.subject == "Hello"


async def test_sending_drops_the_draft(app):
    async with app.run_test(size=SIZE) as pilot:
        await write_and_escape(pilot)
        modal = await compose(pilot, 4, want_inmail=True)
        assert form(modal)[1] == BODY
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [s.subject for s in ask(app, lambda world: world.sent())] == [SUBJECT]
        assert ask(app, lambda world: world.draft_for(4)) is None
        again = await compose(pilot, 4, want_inmail=True)
        assert form(again)[:2] == ("", "")


async def test_a_draft_belongs_to_the_member_i_play(app):
    async with app.run_test(size=SIZE) as pilot:
        await write_and_escape(pilot)
        ask(app, lambda world: world.switch_persona(2))
        modal = await compose(pilot, 4, want_inmail=True)
        assert form(modal)[:2] == ("", "")


async def test_quitting_keeps_what_was_typed_since_the_last_save(
    handmade_db, monkeypatch: pytest.MonkeyPatch
):
    """ctrl+q right after typing, before the pause that saves: the draft is kept."""
    monkeypatch.setattr(drafts, "SAVE_DELAY", 3600)  # the pause never comes
    first = NetuiApp(db_path=handmade_db)
    async with first.run_test(size=SIZE) as pilot:
        await compose(pilot, 4, want_inmail=True)
        await pilot.press(*SUBJECT)
        await pilot.press("ctrl+q")
    again = NetuiApp(db_path=handmade_db)
    async with again.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 4, want_inmail=True)
        assert form(modal)[:2] == (SUBJECT, "")
