"""The compose form (R4): routes, refusals with their way out, the live checklist, send."""

from __future__ import annotations

from textual.widgets import Button, Input, Select, Static, TextArea

from netui.core.model import Plan, Route
from netui.core.outcomes import CreditState
from netui.ui.modals.compose import ComposeModal
from tests.ui.conftest import SIZE, ask, notifications, send_inmail, settle

GOOD_BODY = (
    "Dear Seán, I am writing because Aiko Tanaka told me about your C++ and Rust work at "
    "Acme. I'm a data engineer at Acme and would like your advice. Would you be open to a "
    "short call next week? Thank you!"
)


async def compose(pilot, member_id: int, *, want_inmail: bool) -> ComposeModal:
    await settle(pilot)
    pilot.app.compose_to(member_id, want_inmail=want_inmail)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ComposeModal)
    return pilot.app.screen


def shown(modal: ComposeModal, selector: str) -> str:
    return str(modal.query_one(selector, Static).render())


async def test_an_inmail_costs_one_credit_and_says_how_many_are_left(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 4, want_inmail=True)
        assert "15 credits left · no score yet" in shown(modal, "#compose-balance")
        assert modal.query_one("#category", Select).value == "career-opportunity"
        await pilot.press(*"Your C++ work at Acme")
        await pilot.press("tab")
        modal.query_one("#body", TextArea).insert(GOOD_BODY)
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ComposeModal)
        sent = ask(app, lambda world: world.sent())
        assert [(s.to, s.subject, s.credit_state) for s in sent] == [
            (4, "Your C++ work at Acme", "spent")
        ]
        assert ask(app, lambda world: world.balance()) == 14
        assert any("1 credit spent, 14 left" in n.message for n in notifications(app))


async def test_the_checklist_and_counts_follow_the_draft(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 4, want_inmail=True)
        assert modal.checklist.score == 2
        assert "0/200" in str(modal.query_one("#subject-count").render())
        modal.query_one("#subject", Input).value = "Your C++ work at Acme"
        modal.query_one("#body", TextArea).insert(GOOD_BODY)
        await settle(pilot)
        assert modal.checklist.score == 9
        assert not modal.checklist.unmet
        assert "21/200" in str(modal.query_one("#subject-count").render())
        assert f"{len(GOOD_BODY)}/2,000" in str(modal.query_one("#body-count").render())
        assert "Short (under 400 characters)" in shown(modal, "#length-band")
        modal.query_one("#body", TextArea).insert("x" * 1300)
        await settle(pilot)
        assert "Very long" in shown(modal, "#length-band")


async def test_a_category_they_do_not_welcome_is_allowed_but_flagged(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 4, want_inmail=True)
        assert "✓ Career opportunity (match)" in shown(modal, "#welcomed")
        modal.query_one("#category", Select).value = "business-deal"
        await settle(pilot)
        assert "✗ Business deal is not one of them" in shown(modal, "#welcomed")
        assert not modal.query_one("#send", Button).disabled


async def test_inmail_to_a_first_degree_connection_is_refused_with_a_message_offered(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 2, want_inmail=True)
        assert "cannot InMail a 1st-degree" in shown(modal, "#refusal-reasons")
        assert modal.query_one("#send", Button).disabled
        await pilot.press("ctrl+s")  # nothing happens
        await settle(pilot)
        assert ask(app, lambda world: world.inbox()) == []
        instead = modal.query_one("#as-message", Button)
        assert instead.display and str(instead.label) == "Write a message instead"
        await pilot.click("#as-message")
        await settle(pilot)
        assert modal.recipient.route.route is Route.MESSAGE
        assert not modal.query_one("#category-row").display  # a message has only a body
        modal.query_one("#body", TextArea).insert("Ciao Marco!")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert ask(app, lambda world: world.balance()) == 15  # messages are free
        assert ask(app, lambda world: world.thread(2))[-1].body == "Ciao Marco!"


async def test_inmail_to_someone_who_turned_it_off_is_refused(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 6, want_inmail=True)
        assert "does not accept InMail" in shown(modal, "#refusal-reasons")
        assert not modal.query_one("#as-message").display
        assert modal.query_one("#connect").display  # the way out: an invitation


async def test_without_credits_the_form_offers_to_buy_some(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ask(app, lambda world: world.change_plan(Plan.FREE))  # drops the 15 granted credits
        modal = await compose(pilot, 4, want_inmail=True)
        assert "no InMail credits" in shown(modal, "#refusal-reasons")
        assert modal.query_one("#buy").display
        await pilot.click("#buy")
        await settle(pilot)
        await pilot.press("2")  # a pack of 2
        await settle(pilot)
        assert ask(app, lambda world: world.balance()) == 2
        assert modal.recipient.route.allowed  # the form reopened on the InMail


async def test_an_open_profile_is_inmailed_for_free(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 7, want_inmail=True)
        assert modal.recipient.route.route is Route.FREE_INMAIL
        modal.query_one("#subject", Input).value = "Rust Guild meetup in Dakar"
        modal.query_one("#body", TextArea).insert("Hi Amina, thanks for the talk!")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert ask(app, lambda world: world.balance()) == 15
        assert ask(app, lambda world: world.sent())[0].credit_state is CreditState.FREE


async def test_an_invalid_draft_is_explained_and_nothing_is_sent(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 4, want_inmail=True)
        await pilot.press("ctrl+s")  # empty subject and body
        await settle(pilot)
        assert isinstance(app.screen, ComposeModal)
        errors = [n.message for n in notifications(app, severity="error")]
        assert errors and "Subject is empty" in errors[-1]
        assert ask(app, lambda world: world.sent()) == []
        assert ask(app, lambda world: world.balance()) == 15
        assert not modal.query_one("#send", Button).disabled  # free to try again


async def test_escape_cancels_without_sending(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 4, want_inmail=True)
        modal.query_one("#body", TextArea).insert("Draft")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ComposeModal)
        assert ask(app, lambda world: world.sent()) == []


async def test_a_second_inmail_before_an_answer_is_flagged_but_allowed(app):
    """Issue 14.5: a second InMail to someone who has not answered the first is likely a
    wasted credit: the form says when I wrote, and still sends; the score waits."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        send_inmail(app, 4, "Hello")
        modal = await compose(pilot, 4, want_inmail=True)
        head = shown(modal, "#compose-route")
        assert "You wrote to them on Mon 12 Jan 2015; no answer yet." in head
        balance = shown(modal, "#compose-balance")
        assert "14 credits left · waiting for answers" in balance
        assert "0%" not in balance
        modal.query_one("#subject", Input).value = "Again"
        modal.query_one("#body", TextArea).insert("Dear Seán, a second note.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(ask(app, lambda world: world.sent())) == 2


async def test_no_warning_for_a_first_inmail(app):
    async with app.run_test(size=SIZE) as pilot:
        modal = await compose(pilot, 4, want_inmail=True)
        assert "no answer yet" not in shown(modal, "#compose-route")
