from __future__ import annotations

from textual.widgets import Static

from netui.ui.modals.compose import ComposeModal
from netui.ui.screens.profile import ProfileScreen
from tests.ui.conftest import SIZE, ask, messages, settle


async def open_profile(pilot, member_id: int) -> ProfileScreen:
    await settle(pilot)
    pilot.app.open_member(member_id)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProfileScreen)
    return pilot.app.screen


def shown(screen: ProfileScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_how_we_are_connected(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot, 4)
        head = shown(screen, "#profile-head")
        assert "2nd" in head and "Seán O'Brien" in head and "C++ Developer at Acme" in head
        connection = shown(screen, "#profile-connection")
        assert "Giulia Rossi → " in connection and "→ Seán O'Brien" in connection
        assert "2 mutual connections: Aiko Tanaka, Marco Bianchi" in connection
        assert "0 shared groups" in connection


async def test_how_i_may_reach_them_and_why_not(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot, 6)
        reach = shown(screen, "#profile-reach")
        assert "Not possible — This member does not accept InMail." in reach
        assert "Accepts InMail: no" in reach
        screen = await open_profile(pilot, 7)
        reach = shown(screen, "#profile-reach")
        assert "Group message (free)" in reach
        assert "Free InMail (free)" in reach
        assert "Open Profile: yes" in reach
        assert "Welcomes: Career opportunity, Expertise request" in reach


async def test_a_group_member_shows_the_shared_group(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot, 9)
        assert "1 shared group: Rust Guild" in shown(screen, "#profile-connection")
        assert "No path within 3 steps." in shown(screen, "#profile-connection")


async def test_markup_in_a_profile_is_shown_as_typed(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot, 5)
        assert "[bold]Eve[/] Markup" in shown(screen, "#profile-head")
        assert "[link=http://x]Evil[/link] Ltd" in shown(screen, "#profile-head")


async def test_keys_on_a_profile(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot, 4)
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(app.screen, ComposeModal) and app.screen.want_inmail
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert ask(app, lambda world: world.profile(4).invitation_pending)
        assert "invitation pending" in shown(app.screen, "#profile-reach")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ProfileScreen)


async def test_r3_6_a_pending_invitation_is_withdrawn_from_the_profile(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot, 4)
        bound = {b.binding.id for b in screen.active_bindings.values()}
        assert "profile.withdraw" not in bound  # nothing to withdraw yet
        await pilot.press("x")
        await settle(pilot)
        assert "W  withdraw it" in shown(screen, "#profile-reach")
        await pilot.press("W")
        await settle(pilot)
        profile = ask(app, lambda world: world.profile(4))
        assert not profile.invitation_pending
        again = profile.can_invite_again
        assert again == "2015-02-02"  # 2015-01-12 + 21 days (R3.6)
        assert "invite again from Mon 02 Feb 2015" in shown(screen, "#profile-reach")
        assert any("You can invite them again from" in n for n in messages(app))
        await pilot.press("x")  # too soon: refused, with the date
        await settle(pilot)
        assert any("2015-02-02" in n for n in messages(app))
        assert not ask(app, lambda world: world.profile(4).invitation_pending)
