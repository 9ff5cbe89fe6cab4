"""Issue 14.10, words: one way to write a day, plurals that agree, empty tables that say
what would be in them."""

from __future__ import annotations

import re

from textual.widgets import DataTable, TabbedContent

from netui.core.words import count
from netui.ui.screens.credits import CreditsScreen
from netui.ui.screens.inbox import InboxScreen
from netui.ui.screens.profile import ProfileScreen
from netui.ui.widgets.empty import EmptyNote
from tests.ui.conftest import ask, send_inmail, settle
from tests.ui.test_search import open_search

ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def screen_text(app) -> str:
    """The characters on the terminal, row by row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def test_one_plural_helper():
    assert count(1, "shared group") == "1 shared group"
    assert count(0, "message") == "0 messages"
    assert count(1_200, "country", "countries") == "1,200 countries"


async def go(pilot, key: str) -> None:
    await pilot.press(key)
    await settle(pilot)


async def test_no_screen_writes_a_day_in_iso(app):
    """The tab bar writes 'Mon 12 Jan 2015'; tables and panels beside it never '2015-…'."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        send_inmail(app, 4, "Hi")
        ask(app, lambda world: world.buy(2))  # a lot, a ledger entry and a charge
        app.advance(7)
        await settle(pilot)
        await go(pilot, "d")
        assert not ISO_DAY.findall(screen_text(app))
        await go(pilot, "c")
        assert isinstance(app.screen, CreditsScreen)
        for tab in ("tab-lots", "tab-window", "tab-ledger", "tab-money"):
            app.screen.query_one("#credits-tabs", TabbedContent).active = tab
            await settle(pilot)
            shown = screen_text(app)
            assert "Jan 2015" in shown and not ISO_DAY.findall(shown), tab
        await go(pilot, "i")
        assert isinstance(app.screen, InboxScreen)
        assert not ISO_DAY.findall(screen_text(app))
        app.screen.query_one("#inbox-tabs", TabbedContent).active = "tab-sent"
        await settle(pilot)
        shown = screen_text(app)
        assert "12 Jan 2015" in shown and not ISO_DAY.findall(shown)
        app.open_member(4)
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        shown = screen_text(app)
        assert "member since Sun 04 Mar 2012" in shown and not ISO_DAY.findall(shown)


async def test_one_shared_group_is_one(app):
    """Amina (7) shares one group with me: never '1 shared groups'."""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(pilot, "amina")
        detail = str(screen.query_one("#result-detail").render())
        assert "1 shared group ·" in detail
        app.open_member(7)
        await settle(pilot)
        assert "1 shared group" in screen_text(app) and "1 shared groups" not in screen_text(app)


def note(app, table: str) -> EmptyNote:
    return app.screen.query_one(f"#{table}-empty", EmptyNote)


async def test_empty_tables_say_what_would_be_there(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await go(pilot, "i")
        table = app.screen.query_one("#conversations", DataTable)
        assert table.row_count == 0
        assert [str(c.label) for c in table.columns.values()][1] == "No conversations yet"
        assert note(app, "sent").display
        assert "No InMails sent yet" in str(note(app, "sent").render())
        await go(pilot, "c")
        assert note(app, "window").display  # nothing sent: nothing to refund
        assert "refund window" in str(note(app, "window").render())
        assert not note(app, "lots").display  # the plan granted 15 credits
        assert not note(app, "ledger").display
        send_inmail(app, 4, "Hi")
        app.world_changed()
        await settle(pilot)
        assert not note(app, "window").display
        await go(pilot, "i")
        assert not note(app, "sent").display
