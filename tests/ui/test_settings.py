from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Input, Select, SelectionList

from netui.core.model import Category, Plan
from netui.ui.screens.settings import SettingsScreen
from tests.ui.conftest import SIZE, ask, messages, notifications, settle


async def open_settings(pilot) -> SettingsScreen:
    await settle(pilot)
    await pilot.press("comma")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SettingsScreen)
    return pilot.app.screen


async def test_shows_the_settings_in_force_without_changing_them(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        assert screen.query_one("#accept_inmail", Checkbox).value is True
        assert screen.query_one("#open_profile", Checkbox).value is False
        assert screen.query_one("#plan", Select).value == "premium-business"
        assert screen.query_one("#categories", SelectionList).selected == [
            "career-opportunity",
            "expertise-request",
        ]
        assert not notifications(app)  # showing the form is not saving it


async def test_a_toggle_is_saved_at_once(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#accept_inmail", Checkbox).value = False
        await settle(pilot)
        assert ask(app, lambda world: world.settings().accept_inmail) is False
        screen.query_one("#categories", SelectionList).select("new-venture")
        await settle(pilot)
        assert ask(app, lambda world: world.settings().categories) == (
            Category.CAREER_OPPORTUNITY,
            Category.EXPERTISE_REQUEST,
            Category.NEW_VENTURE,
        )
        screen.query_one("#refund_policy", Select).value = "unopened-after-7-days"
        await settle(pilot)
        assert ask(app, lambda world: world.refund_policy().value) == "unopened-after-7-days"


async def test_a_refused_change_is_explained_and_undone_on_screen(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#plan", Select).value = "free"
        await settle(pilot)
        assert ask(app, lambda world: world.settings().plan) is Plan.FREE
        screen.query_one("#open_profile", Checkbox).value = True
        await settle(pilot)
        assert ask(app, lambda world: world.settings().open_profile) is False
        assert screen.query_one("#open_profile", Checkbox).value is False
        errors = [n.message for n in notifications(app, severity="error")]
        assert errors and "premium" in errors[-1]


async def test_play_as_another_member(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#persona-query", Input).value = "aiko"
        await settle(pilot)
        table = screen.query_one("#personas", DataTable)
        assert table.get_row_at(0)[1].plain == "Aiko Tanaka"
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert ask(app, lambda world: world.me) == 3
        assert app.status.me_name == "Aiko Tanaka"
        await pilot.press("d")
        await settle(pilot)
        assert "Aiko Tanaka" in str(app.screen.query_one("#dash-me").render())


async def test_r8_2_my_profile_is_edited_here_and_its_completeness_follows(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(pilot)
        assert "100% complete" in str(screen.query_one("#completeness").render())
        photo = screen.query_one("#photo", Checkbox)
        assert photo.value is True
        photo.value = False
        await settle(pilot)
        assert ask(app, lambda world: world.settings().photo) is False
        shown = str(screen.query_one("#completeness").render())
        assert "80% complete" in shown and "add a photo" in shown
        headline = screen.query_one("#headline", Input)
        headline.focus()
        headline.value = "Data engineer who likes messy data"
        await pilot.press("enter")
        await settle(pilot)
        assert ask(app, lambda world: world.settings().headline) == headline.value
        assert "Saved: headline." in messages(app)
        skills = screen.query_one("#skills", Input)
        skills.focus()
        skills.value = "Python, SQL"
        await pilot.press("tab")  # leaving the field saves it too
        await settle(pilot)
        assert ask(app, lambda world: world.settings().skills) == ("Python", "SQL")
        assert "list at least 3 skills" in str(screen.query_one("#completeness").render())


async def test_r8_2_a_refused_profile_text_is_explained_and_undone(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(pilot)
        headline = screen.query_one("#headline", Input)
        headline.focus()
        headline.value = "x" * 300
        await pilot.press("enter")
        await settle(pilot)
        assert ask(app, lambda world: world.settings().headline) == "Data Engineer"
        assert headline.value == "Data Engineer"
        errors = [n.message for n in notifications(app, severity="error")]
        assert errors and "120" in errors[-1]
