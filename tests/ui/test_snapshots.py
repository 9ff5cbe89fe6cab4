"""What each screen looks like at 100×32, on the handmade network.

Deterministic by construction: the handmade network starts on Mon 12 Jan 2015 whatever
today is, every simulated event comes from the database's seed, notifications are not
drawn in tests, and cursors do not blink. Regenerate with `--snapshot-update` and look
at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent, TextArea

from netui.core.model import Category
from netui.ui.app import NetuiApp
from tests.ui.conftest import SIZE, ask, settle

Steps = Callable[[Pilot], Awaitable[None]]


def still(app: NetuiApp) -> None:
    """No blinking cursor, so two runs draw the same frame."""
    for screen in app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]


def after(*keys: str, then: Callable[[Pilot], Awaitable[None]] | None = None) -> Steps:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if then is not None:
            await then(pilot)
            await settle(pilot)
        still(pilot.app)  # type: ignore[arg-type]
        pilot.app.clear_notifications()  # toasts time out on the wall clock: not drawn
        await pilot.pause()

    return run_before


@pytest.fixture
def snap(snap_compare, handmade_db: Path):
    def compare(steps: Steps, size: tuple[int, int] = SIZE) -> bool:
        return snap_compare(NetuiApp(db_path=handmade_db), terminal_size=size, run_before=steps)

    return compare


def test_dashboard(snap):
    assert snap(after())


def test_dashboard_at_80_by_24(snap):
    assert snap(after(), size=(80, 24))


def test_search_results(snap):
    assert snap(after("s", *"engineer", "down"))


def test_search_at_80_by_24(snap):
    assert snap(after("s", *"engineer", "down"), size=(80, 24))


def test_profile(snap):
    async def open_sean(pilot: Pilot) -> None:
        pilot.app.open_member(4)  # type: ignore[attr-defined]

    assert snap(after(then=open_sean))


async def _write_to_sean(pilot: Pilot) -> None:
    pilot.app.compose_to(4, want_inmail=True)  # type: ignore[attr-defined]
    await settle(pilot)
    screen = pilot.app.screen
    screen.query_one("#subject", Input).value = "Your C++ work at Acme"
    screen.query_one("#body", TextArea).insert(
        "Dear Seán, I am writing because Aiko Tanaka told me about your Rust work. "
        "Would you be open to a call?"
    )


def test_compose_inmail(snap):
    assert snap(after(then=_write_to_sean))


def test_compose_inmail_at_80_by_24(snap):
    assert snap(after(then=_write_to_sean), size=(80, 24))


def test_compose_refused_for_a_first_degree_connection(snap):
    async def inmail_marco(pilot: Pilot) -> None:
        pilot.app.compose_to(2, want_inmail=True)  # type: ignore[attr-defined]

    assert snap(after(then=inmail_marco))


async def _a_month_of_mail(pilot: Pilot) -> None:
    app: NetuiApp = pilot.app  # type: ignore[assignment]
    ask(
        app,
        lambda world: world.send(
            4,
            subject="Your C++ work at Acme",
            body="Dear Seán, thank you!",
            category=Category.CAREER_OPPORTUNITY,
            want_inmail=True,
        ),
    )
    app.advance(30)
    await settle(pilot)
    await pilot.press("i")


def test_inbox(snap):
    assert snap(after(then=_a_month_of_mail))


def test_sent_inmails(snap):
    async def sent_tab(pilot: Pilot) -> None:
        await _a_month_of_mail(pilot)
        await settle(pilot)
        pilot.app.screen.query_one(TabbedContent).active = "tab-sent"

    assert snap(after(then=sent_tab))


def test_credits(snap):
    assert snap(after("c"))


def test_credits_after_a_month(snap):
    async def month_then_credits(pilot: Pilot) -> None:
        await _a_month_of_mail(pilot)
        await settle(pilot)
        await pilot.press("c")

    assert snap(after(then=month_then_credits))


def test_settings(snap):
    assert snap(after("comma"))


def test_help(snap):
    assert snap(after("s", "escape", "question_mark"))


def test_lab_after_a_run_at_80_by_24(snap):
    assert snap(after("l", "ctrl+r"), size=(80, 24))


# ── 80×24, every screen and modal (issue 14.8): essential columns in full ──────

SMALL = (80, 24)


async def _inbox_tab(pilot: Pilot, key: str) -> None:
    await _a_month_of_mail(pilot)
    await settle(pilot)
    await pilot.press(key)


def test_inbox_at_80_by_24(snap):
    assert snap(after(then=lambda pilot: _inbox_tab(pilot, "1")), size=SMALL)


def test_sent_inmails_at_80_by_24(snap):
    assert snap(after(then=lambda pilot: _inbox_tab(pilot, "2")), size=SMALL)


def test_profile_at_80_by_24(snap):
    async def open_sean(pilot: Pilot) -> None:
        pilot.app.open_member(4)  # type: ignore[attr-defined]

    assert snap(after(then=open_sean), size=SMALL)


async def _credits_tab(pilot: Pilot, key: str) -> None:
    await _a_month_of_mail(pilot)
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    await pilot.press(key)


@pytest.mark.parametrize("tab", ["1", "2", "3", "4"])
def test_credits_tabs_at_80_by_24(snap, tab):
    assert snap(after(then=lambda pilot: _credits_tab(pilot, tab)), size=SMALL)


def test_settings_at_80_by_24(snap):
    assert snap(after("comma"), size=SMALL)


def test_help_in_the_search_box_at_80_by_24(snap):
    assert snap(after("s", "f1"), size=SMALL)


def test_reply_at_80_by_24(snap):
    async def reply(pilot: Pilot) -> None:
        await _inbox_tab(pilot, "1")
        await settle(pilot)
        # The clock's notice would be drawn under the modal at whatever moment it was.
        pilot.app.clear_notifications()
        await pilot.pause()
        await pilot.press("r")

    assert snap(after(then=reply), size=SMALL)


def test_advance_to_a_date_at_80_by_24(snap):
    assert snap(after("t", *"30"), size=SMALL)


def test_buy_credits_at_80_by_24(snap):
    assert snap(after("c", "b"), size=SMALL)


def test_change_plan_at_80_by_24(snap):
    assert snap(after("c", "p"), size=SMALL)


def test_dashboard_after_a_month_at_80_by_24(snap):
    async def month_then_dashboard(pilot: Pilot) -> None:
        await _a_month_of_mail(pilot)
        await settle(pilot)
        await pilot.press("d")

    assert snap(after(then=month_then_dashboard), size=SMALL)


def test_dashboard_after_a_month_at_90_by_30(snap):
    async def month_then_dashboard(pilot: Pilot) -> None:
        await _a_month_of_mail(pilot)
        await settle(pilot)
        await pilot.press("d")

    assert snap(after(then=month_then_dashboard), size=(90, 30))


def test_start_screen_refusing_a_file_at_80_by_24(snap_compare, tmp_path: Path, monkeypatch):
    """The start screen's one lasting state: a file that is not a netui database, said
    in full (a relative path, so every run draws the same)."""
    monkeypatch.chdir(tmp_path)
    Path("notes.txt").write_text("my shopping list")
    app = NetuiApp(db_path=Path("notes.txt"))
    assert snap_compare(app, terminal_size=SMALL, run_before=after())
