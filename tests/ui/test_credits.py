from __future__ import annotations

from textual.widgets import DataTable, Sparkline, Static

from netui.ui.modals.choice import ChoiceModal
from netui.ui.screens.credits import CreditsScreen
from netui.ui.widgets.row_table import RowTable
from tests.ui.conftest import SIZE, ask, notifications, settle


async def open_credits(pilot) -> CreditsScreen:
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CreditsScreen)
    return pilot.app.screen


async def test_balance_plan_lots_ledger_policy_and_chart(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_credits(pilot)
        balance = str(screen.query_one("#credits-balance", Static).render())
        assert "15 credits" in balance and "Premium Business · 15 a month" in balance
        assert "next grant Thu 12 Feb 2015" in balance
        policy = str(screen.query_one("#credits-policy", Static).render())
        assert "open-within-90-days" in policy and "opens the InMail within 90 days" in policy
        assert screen.query_one("#lots", DataTable).get_row_at(0)[0].plain == "15"
        ledger = screen.query_one("#ledger", RowTable)
        assert [c.plain for c in ledger.rows[0]][1:3] == ["grant", "+15"]
        assert screen.query_one(Sparkline).data[-1] == 15


async def test_buying_a_pack(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_credits(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("down", "down", "enter")  # the third choice: a pack of 5
        await settle(pilot)
        assert ask(app, lambda world: world.balance()) == 20
        assert "20 credits" in str(screen.query_one("#credits-balance", Static).render())
        assert screen.query_one(Sparkline).data[-1] == 20


async def test_cancelling_a_purchase_changes_nothing(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_credits(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert ask(app, lambda world: world.balance()) == 15
        assert len(ask(app, lambda world: world.credits().ledger)) == 1


async def test_moving_to_free_drops_the_granted_credits_at_once(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_credits(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("home", "enter")  # Free is the first plan
        await settle(pilot)
        assert ask(app, lambda world: world.my_plan().value) == "free"
        assert ask(app, lambda world: world.balance()) == 0
        assert "0 credits" in str(screen.query_one("#credits-balance", Static).render())
        assert any("Moved to Free" in n.message for n in notifications(app))
