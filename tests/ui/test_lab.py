"""The Lab screen (R12.4): the form, the recipients' count, the runs, the plot, saving."""

from __future__ import annotations

import json
from dataclasses import replace

from textual.widgets import DataTable, Input, Select, Static
from textual.worker import WorkerCancelled

from netui import lab
from netui.core.model import RefundPolicy
from netui.ui.screens.lab import COUNT_DELAY, LabScreen, report_paths
from netui.ui.widgets.lab_results import LabResults
from tests.ui.conftest import SIZE, ask, messages, settle


async def open_lab(pilot) -> LabScreen:
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, LabScreen)
    return screen


async def counted(pilot) -> None:
    """Past the typing delay, and the count's answer on screen."""
    await pilot.pause(COUNT_DELAY + 0.2)
    await settle(pilot)


def recipients_line(screen: LabScreen) -> str:
    return str(screen.query_one("#lab-recipients", Static).render())


async def test_l_opens_the_lab(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_lab(pilot)
        assert app.current_mode == "lab"


async def test_the_count_follows_the_query(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_lab(pilot)
        await pilot.click("#lab-query")
        for words in ("engineer", "developer"):
            screen.query_one("#lab-query", Input).value = words
            await counted(pilot)
            campaign = screen.campaign()
            expected = ask(app, lambda world, c=campaign: len(lab.choose_recipients(world, c)))
            assert expected >= 1
            recipient = "recipient" if expected == 1 else "recipients"
            assert recipients_line(screen) == f"{expected} {recipient}"
        screen.query_one("#lab-query", Input).value = "nobody-is-called-this"
        await counted(pilot)
        assert recipients_line(screen) == "Nobody who accepts InMail"


async def test_a_run_shows_each_policy_side_by_side(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_lab(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        report = screen.report
        assert report is not None
        names = [policy.value for policy in RefundPolicy]
        assert [run.name for run in report.runs] == names
        table = screen.query_one("#lab-runs", DataTable)
        assert len(table.columns) == 1 + len(names)  # the measure, then one per run
        assert table.row_count == 8
        sent = [str(cell) for cell in table.get_row("sent")[1:]]
        assert sent == [str(run.sent) for run in report.runs]
        assert [label for label, _ in screen.query_one(LabResults).plotted] == names
        assert [values for _, values in screen.query_one(LabResults).plotted] == [
            [balance for _, balance in run.balance_by_day] for run in report.runs
        ]


async def test_a_new_run_replaces_the_one_in_flight(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_lab(pilot)
        screen.action_run()  # by policy…
        screen.query_one("#lab-vary", Select).value = lab.Vary.CHECKLIST.value
        screen.action_run()  # …at once replaced by checklist steps
        try:
            await settle(pilot)
        except WorkerCancelled:  # the first run's worker: cancelled, as it should be
            await settle(pilot)
        assert screen.report is not None
        assert screen.report.campaign.vary is lab.Vary.CHECKLIST
        assert len(screen.query_one(LabResults).plotted) == len(lab.CHECKLIST_STEPS)
        assert len(screen.query_one("#lab-runs", DataTable).columns) == 1 + len(lab.CHECKLIST_STEPS)


async def test_a_count_of_zero_is_refused_and_runs_nothing(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_lab(pilot)
        screen.query_one("#lab-count", Input).value = "0"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.report is None
        assert not list(app.workers)
        assert any("--count is 0" in message for message in messages(app))
        screen.query_one("#lab-count", Input).value = "many"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.report is None
        assert any("'many' is not a whole number" in m for m in messages(app))


async def test_saving_writes_the_report_as_csv_and_json(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_lab(pilot)
        await pilot.press("ctrl+s")  # nothing run yet
        assert any("Nothing to save yet" in m for m in messages(app))
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        campaign = screen.campaign()
        direct = lab.run_lab(app.db_path, campaign, prices=app.prices)
        assert direct.runs  # the same report, run again straight from the engine
        csv_path, json_path = report_paths(app.db_path, direct)
        assert csv_path.parent == app.db_path.resolve().parent
        assert csv_path.read_text(encoding="utf-8") == direct.as_csv()
        assert json_path.read_text(encoding="utf-8") == json.dumps(direct.as_json())
        assert any(str(csv_path) in m and str(json_path) in m for m in messages(app))


async def test_a_lab_never_changes_my_world(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_lab(pilot)
        before = ask(app, lambda world: (world.today, world.balance()))
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.report is not None
        assert ask(app, lambda world: (world.today, world.balance())) == before
        assert replace(screen.report.campaign) == screen.campaign()


async def test_the_palette_opens_the_lab(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"open the policy lab")
        await pilot.pause(0.3)  # the palette gathers hits on a short timer
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LabScreen)


async def test_help_lists_the_labs_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_lab(pilot)
        await pilot.press("f1")
        await settle(pilot)
        text = str(app.screen.query_one("#help-keys").render())
        assert "On this screen" in text and "Run" in text and "Save" in text
        assert "Lab" in text  # the key that comes here, among the ones that work everywhere
