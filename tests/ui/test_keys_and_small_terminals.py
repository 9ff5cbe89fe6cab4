"""Issue 14: keys where they are needed (item 6), Settings' text boxes and a new persona
(item 7), and what a small terminal still shows (item 8)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Footer, Input, Select, TabbedContent

from netui.core.model import MessageKind
from netui.core.outcomes import InMailState
from netui.ui.app import NetuiApp
from netui.ui.modals.help import HelpModal
from netui.ui.modals.reply import ReplyModal
from netui.ui.screens.credits import CreditsScreen
from netui.ui.screens.inbox import InboxScreen
from netui.ui.screens.search import ResultsTable, SearchScreen
from netui.ui.screens.settings import SettingsScreen
from netui.ui.widgets.row_table import RowTable, fit_columns
from netui.world.results import ThreadMessage
from tests.ui.conftest import SIZE, settle


async def go(pilot, key: str):
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


def help_text(app: NetuiApp) -> str:
    assert isinstance(app.screen, HelpModal)
    return str(app.screen.query_one("#help-keys").render())


def footer_keys(screen) -> dict[str, str]:
    """What the footer of `screen` offers: key → description (or the group's name)."""
    return {
        active.binding.key: (active.binding.group.description if active.binding.group else "")
        or active.binding.description
        for active in screen.active_bindings.values()
        if active.binding.show
    }


# ── item 6: tabs have keys ─────────────────────────────────────────────────────


async def test_inbox_tabs_have_direct_keys_shown_in_the_footer_and_help(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await go(pilot, "i")
        assert isinstance(screen, InboxScreen)
        assert footer_keys(screen)["1"] == footer_keys(screen)["2"] == "Tabs"
        await pilot.press("2")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "tab-sent"
        assert screen.focused is screen.query_one("#sent")  # its keys work at once
        await pilot.press("1")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "tab-conversations"
        assert screen.focused is screen.query_one("#conversations")
        await pilot.press("f1")
        await settle(pilot)
        text = help_text(app)
        assert "1  Conversations" in text and "2  Sent InMails" in text


async def test_credits_tabs_have_direct_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await go(pilot, "c")
        assert isinstance(screen, CreditsScreen)
        for key, pane in (("3", "tab-ledger"), ("4", "tab-money"), ("2", "tab-window")):
            await pilot.press(key)
            await settle(pilot)
            assert screen.query_one(TabbedContent).active == pane
        await pilot.press("1")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "tab-lots"
        await pilot.press("f1")
        await settle(pilot)
        text = help_text(app)
        for line in ("1  Lots", "2  In refund window", "3  Ledger", "4  Money"):
            assert line in text


async def test_help_in_the_search_box_lists_the_filters_and_the_results_keys(handmade_db: Path):
    """Help comes from the bindings themselves: a remapped key shows remapped."""
    app = NetuiApp(db_path=handmade_db, keymap={"search.inmail": "J"})
    async with app.run_test(size=SIZE) as pilot:
        screen = await go(pilot, "s")
        assert isinstance(screen, SearchScreen)
        assert isinstance(screen.focused, Input)
        assert {"down", "tab"} <= footer_keys(screen).keys()
        await pilot.press("f1")
        await settle(pilot)
        text = help_text(app)
        for line in ("tab  Filters", "⏎  Profile", "m  Message", "J  InMail", "x  Connect"):
            assert line in text
        assert "I  InMail" not in text


async def test_tab_in_the_search_box_moves_to_the_filters(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await go(pilot, "s")
        await pilot.press("tab")
        await settle(pilot)
        assert screen.focused is screen.query_one("#degree", Select)


async def test_a_modal_shows_its_own_keys_in_the_footer(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.compose_to(4, want_inmail=True)
        await settle(pilot)
        modal = app.screen
        width, height = app.size
        bottom, _ = app.screen.get_widget_at(width // 2, height - 1)
        assert isinstance(bottom, Footer) and bottom.screen is modal
        keys = footer_keys(modal)
        assert keys.get("ctrl+s") == "Send" and keys.get("escape") == "Cancel"
        assert "n" not in keys  # the clock keys of the screen below do nothing here


async def test_the_reply_window_shows_the_whole_message_with_its_sign_off(app):
    """Issue 14.8: at 80×24 the quoted sign-off is shown, not cut at six lines."""
    body = "Good morning,\n\nSaw your question.\nI may have an answer.\n\nBest regards,\nStéphanie"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        message = ThreadMessage(
            id=1, incoming=True, sender=4, recipient=1, kind=MessageKind.MESSAGE,
            category=None, subject=None, body=body, sent="2015-01-12",
            state=InMailState.SENT, read=False, can_answer=True,
        )  # fmt: skip
        app.push_screen(ReplyModal(message))
        await settle(pilot)
        quote = app.screen.query_one("#reply-quote")
        shown = "\n".join(
            app.screen.query_one("#reply-quote Static").render_line(y).text
            for y in range(quote.size.height)
        )
        assert "Best regards," in shown and "Stéphanie" in shown
        assert app.screen.query_one("#reply-body").size.height >= 3


# ── item 7: Settings ──────────────────────────────────────────────────────────


async def test_escape_leaves_the_persona_box_and_the_screen_keys_work_again(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await go(pilot, "comma")
        assert isinstance(screen, SettingsScreen)
        await pilot.press("ctrl+f", *"aiko")
        await settle(pilot)
        box = screen.query_one("#persona-query", Input)
        assert box.value == "aiko"
        await pilot.press("escape", "d")
        await settle(pilot)
        assert box.value == "aiko"  # the d was not typed into the box
        assert app.current_mode == "dashboard"


async def test_a_new_persona_starts_with_empty_search_filters(app):
    async with app.run_test(size=SIZE) as pilot:
        search = await go(pilot, "s")
        search.query_one("#degree", Select).value = "group"
        search.query_one("#company", Input).value = "Acme"
        search.set_focus(search.query_one(ResultsTable))
        await settle(pilot)
        screen = await go(pilot, "comma")
        screen.query_one("#persona-query", Input).value = "aiko"
        await settle(pilot)
        table = screen.query_one("#personas", DataTable)
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.status.me_name == "Aiko Tanaka"
        search = await go(pilot, "s")
        assert search.query_one("#degree", Select).is_blank()
        assert search.query_one("#company", Input).value == ""
        assert search.query_one(ResultsTable).row_count > 0  # the new persona's results


# ── item 8: small terminals ───────────────────────────────────────────────────


def test_shared_columns_take_all_the_width_the_fixed_ones_leave():
    columns = fit_columns([("Date", 10), ("Who", 0, 1), ("Cause", 0, 2), ("USD", 9)], 80)
    assert dict(columns)["Date"] == 10 and dict(columns)["USD"] == 9
    assert sum(width + 2 for _label, width in columns) == 80  # one cell of padding a side
    assert dict(columns)["Cause"] >= 2 * dict(columns)["Who"] - 1


async def test_the_dashboard_at_80_by_24_shows_the_latest_conversations_and_inmails(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        for panel in ("#dash-latest", "#dash-inmails", "#dash-me", "#dash-credits"):
            assert screen.query_one(panel).display and screen.query_one(panel).size.height >= 3
        bottom = screen.query_one("#dash-latest").region.bottom
        assert bottom == app.size[1] - 1  # down to the footer: no blank rows
        await pilot.resize_terminal(90, 30)
        await settle(pilot)
        for panel in ("#dash-latest", "#dash-inmails", "#dash-network", "#dash-keys"):
            assert screen.query_one(panel).display and screen.query_one(panel).size.height >= 3


async def test_the_ledger_cuts_a_long_cause_with_an_ellipsis(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await go(pilot, "c")
        await pilot.press("3")
        await settle(pilot)
        ledger = screen.query_one("#ledger", RowTable)
        cause = ledger.rows[0][-1].plain
        line = ledger.render_line(1).text
        assert len(cause) > dict(ledger.columns)["Cause"]  # the fixture's cause is long
        assert cause[:10] in line and "…" in line


async def test_the_start_screen_says_why_in_full_at_80_by_24(tmp_path: Path):
    path = tmp_path / "a folder with a long name, as temporary folders have" / "notes.txt"
    path.parent.mkdir()
    path.write_text("my shopping list")
    app = NetuiApp(db_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        phase, box = app.screen.query_one("#start-phase"), app.screen.query_one("#start-box")
        assert box.content_region.contains_region(phase.region)  # nothing cut by the box
        shown = " ".join(phase.render_line(y).text.strip() for y in range(phase.size.height))
        assert "is not a netui database" in shown and "ctrl+q" in shown
