"""Across the app: first run, the clock, keys, help, palette, errors."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input, Label, Static, TextArea

from netui.ui.app import NetuiApp
from netui.ui.clock import days_to_next_month, summarise_events
from netui.ui.modals.help import HelpModal
from netui.ui.screens.dashboard import DashboardScreen
from netui.ui.screens.inbox import InboxScreen
from netui.ui.screens.profile import ProfileScreen
from netui.ui.screens.search import SearchScreen
from netui.ui.screens.start import StartScreen
from netui.world.results import AdvanceReport
from tests.handmade import handmade_network
from tests.ui.conftest import SIZE, ask, notifications, settle

# ── first run and opening ───────────────────────────────────────────────────────


async def test_first_run_seeds_with_progress_then_shows_the_dashboard(tmp_path: Path):
    import threading

    phases: list[str] = []
    release = threading.Event()

    def make_network(report):
        for phase in ("Members", "Connections"):
            report(phase, 0.5)
            phases.append(phase)
        release.wait(10)  # until the test has looked at the screen
        return handmade_network()

    path = tmp_path / "new.db"
    app = NetuiApp(db_path=path, make_network=make_network)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen) and app.screen.first_run
        await pilot.press("question_mark")  # help over the start screen while it builds
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        release.set()
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)  # help and start screen gone
    assert phases == ["Members", "Connections"]
    assert path.exists()


async def test_progress_reported_before_the_start_screen_is_drawn_is_kept(tmp_path: Path):
    """The build starts at once and may report before the screen exists (a race that
    once turned the first progress report into a "failed" build)."""
    from textual.app import App

    screen = StartScreen(tmp_path / "new.db", first_run=True)
    screen.show_progress("members", 0.4)  # not mounted: kept, nothing raised

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(screen)

    async with Host().run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert str(screen.query_one("#start-phase", Label).render()) == "Members…"
        screen.failed("Disk full.", ["No space left on /tmp."])
        await pilot.pause()
        said = str(screen.query_one("#start-phase", Label).render())
        assert said.startswith("Disk full.\n• No space left on /tmp.") and "ctrl+q" in said


async def test_an_existing_database_is_never_seeded_again(handmade_db: Path):
    def must_not_seed(report):
        raise AssertionError("seeded an existing database")

    before = handmade_db.stat().st_size
    app = NetuiApp(db_path=handmade_db, make_network=must_not_seed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert handmade_db.stat().st_size >= before


async def test_the_dashboard_shows_at_once_and_fills_in_when_the_world_is_open(
    handmade_db: Path, slow_open
):
    app = NetuiApp(db_path=handmade_db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen) and not app.gate.is_open
        assert "Opening the network…" in str(app.screen.query_one("#dash-me").render())
        await pilot.press("s", "w")  # not yet: they say so (test_opening.py)
        assert isinstance(app.screen, DashboardScreen)
        slow_open.set()
        await settle(pilot)
        assert app.gate.is_open
        assert "Giulia Rossi" in str(app.screen.query_one("#dash-me").render())
        assert ask(app, lambda world: world.today.isoformat()) == "2015-01-12"


async def test_a_file_that_is_not_netui_is_refused_in_words(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_text("my shopping list")
    app = NetuiApp(db_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        said = str(app.screen.query_one("#start-phase", Label).render())
        assert "not a netui database" in said and "ctrl+q" in said
    assert path.read_text() == "my shopping list"


async def test_a_broken_seeder_is_reported_not_raised(tmp_path: Path):
    def broken(report):
        raise RuntimeError("no recipe")

    app = NetuiApp(db_path=tmp_path / "x.db", make_network=broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "RuntimeError: no recipe" in str(app.screen.query_one("#start-phase").render())


# ── the clock ─────────────────────────────────────────────────────────────────


async def test_advancing_a_week_sums_up_and_every_screen_follows(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")  # visit the inbox first: it must not stay stale
        await settle(pilot)
        await pilot.press("d", "w")
        await settle(pilot)
        assert ask(app, lambda world: world.today.isoformat()) == "2015-01-19"
        assert app.status.date == "2015-01-19"
        assert "Mon 19 Jan 2015" in str(app.screen.query_one("#dash-network").render())
        summary = notifications(app, title="The clock moved")
        assert summary and summary[-1].message.startswith("Now Mon 19 Jan 2015: ")
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        assert len(app.screen.conversations) == len(ask(app, lambda world: world.inbox()))


async def test_a_day_and_a_month(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.status.date == "2015-01-13"
        await pilot.press("M")
        await settle(pilot)
        assert app.status.date == "2015-02-13"


async def test_ten_quick_days_leave_one_clock_notice_the_newest(app):
    """Issue 14.9: one clock notice at a time, replaced by the newest; others stay."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notify("Something else")
        await pilot.press(*"n" * 10)
        await settle(pilot)
        assert app.status.date == "2015-01-22"
        shown = [n.message for n in notifications(app)]
        clock = [m for m in shown if m.startswith(("Now ", "Advancing"))]
        assert len(clock) == 1 and clock[0].startswith("Now Thu 22 Jan 2015: ")
        assert "Something else" in shown


def test_a_month_is_the_same_day_next_month_or_its_end():
    from datetime import date

    assert days_to_next_month(date(2015, 1, 12)) == 31
    assert days_to_next_month(date(2015, 1, 31)) == 28
    assert days_to_next_month(date(2015, 12, 5)) == 31


def test_the_summary_names_what_happened():
    result = AdvanceReport(
        date="2015-01-19",
        days=7,
        events={
            "inmails_opened": 2,
            "messages_opened": 1,
            "replied": 1,
            "refunded": 1,
            "expired": 0,
            "new_messages": 3,
        },
    )
    assert summarise_events(result) == (
        "Now Mon 19 Jan 2015: 2 InMails opened, 1 message opened, 1 reply, 1 credit refunded, "
        "3 new messages."
    )
    quiet = AdvanceReport(date="2015-01-13", days=1, events={})
    assert summarise_events(quiet).endswith("nothing new happened.")


async def test_the_clock_does_not_move_from_under_a_form(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.compose_to(4, want_inmail=True)
        await settle(pilot)
        await pilot.press("tab", "w")  # typed into the form, not a clock key
        await settle(pilot)
        assert ask(app, lambda world: world.today.isoformat()) == "2015-01-12"


# ── keys, help and the palette ───────────────────────────────────────────────


async def test_keys_go_everywhere(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, place in (
            ("s", "search"),
            ("i", "inbox"),
            ("c", "credits"),
            ("l", "lab"),
            ("comma", "settings"),
            ("d", "dashboard"),
        ):
            if place == "search":
                await pilot.press(key)
                await settle(pilot)
                await pilot.press("escape")  # leave the search box
            else:
                await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == place
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.focused is app.screen.query_one("#query", Input)


async def test_a_keymap_moves_a_binding_to_another_key(handmade_db: Path):
    app = NetuiApp(db_path=handmade_db, keymap={"go.search": "f3", "clock.week": "f6"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert app.current_mode == "search"
        assert "f3" in str(app.screen.query_one("#place-tabs", Static).render())
        await pilot.press("escape", "f6")
        await settle(pilot)
        assert app.status.date == "2015-01-19"


async def test_help_lists_this_screens_keys_and_the_global_ones(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_member(4)
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpModal)
        text = str(app.screen.query_one("#help-keys").render())
        assert "On this screen" in text and "InMail" in text and "Connect" in text
        assert "Everywhere" in text and "+week" in text and "Commands" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)


async def test_the_palette_opens_a_member_by_name(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"nilsson")
        await settle(pilot)
        await pilot.pause(0.3)  # the palette gathers hits on a short timer
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen) and app.screen.member_id == 6


async def test_the_palette_advances_the_clock(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"advance the clock by a week")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.status.date == "2015-01-19"


# ── errors ───────────────────────────────────────────────────────────────────


async def test_an_unexpected_error_is_a_notification_not_a_crash(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_member(999)  # no such member: the World refuses
        await settle(pilot)
        errors = [n.message for n in notifications(app, severity="error")]
        assert errors == ["No member with id 999."]
        assert app.return_code is None


async def test_the_keymap_reaches_the_forms_too(handmade_db: Path):
    app = NetuiApp(db_path=handmade_db, keymap={"compose.send": "f9"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.compose_to(2, want_inmail=False)  # a message to a 1st-degree connection
        await settle(pilot)
        assert "f9 sends" in str(app.screen.query_one("#compose-box").border_subtitle)
        app.screen.query_one("#body", TextArea).insert("Ciao!")
        await pilot.press("f9")
        await settle(pilot)
        assert ask(app, lambda world: world.thread(2))[-1].body == "Ciao!"


async def test_member_text_in_a_notification_is_shown_as_typed(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notify("[bold]Eve[/] wrote \x1b[31mred")
        await pilot.pause()
        notification = notifications(app)[-1]
        assert notification.message == "[bold]Eve[/] wrote ␛[31mred"
        assert notification.markup is False


async def test_advancing_to_a_date_is_checked_as_you_type(app):
    """R6: t asks for a date or a number of days; a bad one says why and moves nothing."""
    from netui.ui.modals.advance import AdvanceModal

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, AdvanceModal)
        hint = app.screen.query_one("#advance-hint")
        for typed, said in (
            ("2015-01-12", "the clock only moves forward"),
            ("2015-02-30", "neither a date"),
            ("[bold]soon", "“[bold]soon” is neither a date"),
            ("99999", "at most 3,660 days"),
            ("9" * 5_000, "at most 3,660 days"),
            ("²", "neither a date"),
            ("0", "between 1 and 3,660 days"),
        ):
            app.screen.query_one(Input).value = typed
            await pilot.pause()
            assert said in str(hint.render())
        await pilot.press("enter")  # refused: still here, still the same day
        await settle(pilot)
        assert isinstance(app.screen, AdvanceModal)
        assert ask(app, lambda world: world.today.isoformat()) == "2015-01-12"
        app.screen.query_one(Input).value = "2015-03-01"
        await pilot.pause()
        assert "Sun 01 Mar 2015, 48 days on" in str(hint.render())
        await pilot.press("enter")
        await settle(pilot)
        assert ask(app, lambda world: world.today.isoformat()) == "2015-03-01"
        assert app.status.date == "2015-03-01"
        await pilot.press("t", *"10", "enter")  # a number is days from today
        await settle(pilot)
        assert ask(app, lambda world: world.today.isoformat()) == "2015-03-11"
        await pilot.press("t", "escape")
        await settle(pilot)
        assert ask(app, lambda world: world.today.isoformat()) == "2015-03-11"
