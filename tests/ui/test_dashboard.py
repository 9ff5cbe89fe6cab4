from __future__ import annotations

from textual.widgets import Static

from netui.core.outcomes import CreditState, InMailState
from netui.ui.screens.dashboard import DashboardScreen, inmail_lines
from netui.ui.widgets.reach_chart import ReachChart
from netui.world.results import SentItem
from tests.ui.conftest import SIZE, ask, send_inmail, settle


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_opens_on_the_dashboard_with_the_network_at_a_glance(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        network = text_of(app, "#dash-network")
        assert "9 members in 7 countries" in network
        assert "7 connections · 2 groups" in network
        assert "Mon 12 Jan 2015" in network
        assert app.screen.query_one(ReachChart).counts == {
            "1st": 2,
            "2nd": 2,
            "3rd": 1,
            "group": 2,
            "out": 1,
        }
        credits = text_of(app, "#dash-credits")
        assert "15 credits" in credits  # Premium Business grants 15 on the first day
        assert "next expiry: 15 on Sun 12 Apr 2015" in credits
        assert "No score yet" in credits
        messages = text_of(app, "#dash-messages")
        assert "0 unread messages" in messages
        assert "0 pending invitations" in messages


async def test_the_tab_bar_shows_the_date_and_who_i_play(app):
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        tabs = str(app.screen.query_one("#place-tabs", Static).render())
        assert "playing Giulia Rossi" in tabs
        assert "Mon 12 Jan 2015" in tabs
        assert "Credits · 15" in tabs


async def test_fits_an_80_by_24_terminal(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for panel in app.screen.query(".panel"):
            assert panel.region.bottom <= 23, f"{panel.id} is cut off at 80×24"
            assert panel.region.right <= 80


async def test_r8_2_the_dashboard_shows_my_profiles_completeness(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Profile 100%" in str(app.screen.query_one("#dash-me").render())
        ask(app, lambda world: world.change_settings(photo=False, summary=""))
        app.world_changed()
        await settle(pilot)
        shown = str(app.screen.query_one("#dash-me").render())
        assert "Profile 60% · write a summary (+1)" in shown


async def test_the_score_waits_for_answers_after_a_first_inmail(app):
    """Issue 14.5: not "0% (0 of 1)" the day a first InMail goes out."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        send_inmail(app, 4, "Hi")
        app.world_changed()
        await settle(pilot)
        credits = text_of(app, "#dash-credits")
        assert "Score: waiting for answers (1 InMail sent, none answered yet)" in credits
        await pilot.press("c")
        await settle(pilot)
        assert "Score: waiting for answers" in text_of(app, "#credits-balance")


def test_inmail_states_read_as_words_as_in_the_inbox():
    """R7.3: an InMail nobody answered reads "no answer" on the dashboard, as in the
    inbox, never the stored value."""
    item = SentItem(
        message_id=1,
        to=4,
        to_name="Lars Nilsson",
        sent="2015-01-12",
        category=None,
        subject="Hello",
        mismatch=False,
        state=InMailState.NO_ANSWER,
        credit_state=CreditState.REFUNDED,
        refund_days_left=None,
    )
    line = inmail_lines([item]).plain
    assert line == f"Lars Nilsson · {InMailState.NO_ANSWER.label} · refunded"
    assert InMailState.NO_ANSWER.label == "no answer"
