"""Inbox and sent InMails (R7) after the clock has moved."""

from __future__ import annotations

from textual.widgets import DataTable, Static, TabbedContent, TextArea

from netui.core.model import Category
from netui.ui.modals.reply import ReplyModal
from netui.ui.screens.inbox import InboxScreen
from tests.ui.conftest import SIZE, ask, notifications, settle


async def inbox_after(pilot, days: int, *, send_first: bool = True) -> InboxScreen:
    app = pilot.app
    await settle(pilot)
    if send_first:
        ask(
            app,
            lambda world: world.send(
                4,
                subject="Your C++ work at Acme",
                body="Dear Seán, thank you!",
                want_inmail=True,
                category=Category.CAREER_OPPORTUNITY,
            ),
        )
    app.advance(days)
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(app.screen, InboxScreen)
    return app.screen


async def test_an_empty_inbox_says_what_to_do(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        text = str(app.screen.query_one("#thread-text", Static).render())
        assert "No messages yet" in text and "w for a week" in text


async def test_conversations_newest_first_with_unread_marked(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await inbox_after(pilot, 30)
        conversations = ask(app, lambda world: world.inbox())
        table = screen.query_one("#conversations", DataTable)
        assert table.row_count == len(conversations) > 1
        first = table.get_row_at(0)
        assert first[1].plain.startswith(conversations[0].name)
        unread = [c for c in conversations if c.unread]
        assert unread and all(
            table.get_row_at(n)[0].plain == ("●" if c.unread else " ")
            for n, c in enumerate(conversations)
        )


async def test_reading_marks_read_and_reply_sends(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await inbox_after(pilot, 30)
        member = ask(app, lambda world: world.inbox())[0].member_id
        await pilot.press("enter")  # read the first conversation
        await settle(pilot)
        assert ask(app, lambda world: world.inbox())[0].unread == 0
        assert screen.member_id == member
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReplyModal)
        app.screen.query_one(TextArea).insert("Grazie, a presto!")
        await pilot.press("ctrl+s")
        await settle(pilot)
        thread = ask(app, lambda world: world.thread(member))
        assert thread[-1].incoming is False and thread[-1].body == "Grazie, a presto!"
        assert "Grazie, a presto!" in str(screen.query_one("#thread-text").render())


async def test_accept_or_decline_an_inmail_to_me(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await inbox_after(pilot, 60, send_first=False)
        conversations = ask(app, lambda world: world.inbox())
        for conversation in conversations:
            thread = ask(
                app, lambda world, c=conversation: world.thread(c.member_id, mark_read=False)
            )
            answerable = [m for m in thread if m.answerable_inmail]
            if answerable:
                inmail = answerable[-1]  # `a` answers the newest InMail waiting for it
                break
        else:
            raise AssertionError("no InMail to me in 60 days on the handmade network")
        row = [c.member_id for c in conversations].index(conversation.member_id)
        screen.query_one("#conversations", DataTable).move_cursor(row=row)
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "InMail accepted." in [n.message for n in notifications(app)]
        answered = ask(app, lambda world: world.thread(conversation.member_id))
        assert next(m for m in answered if m.id == inmail.id).can_answer is False
        for _ in answerable[:-1]:  # older InMails from the same member, newest first
            await pilot.press("a")
            await settle(pilot)
        await pilot.press("a")  # nothing left to accept: the key does nothing
        await settle(pilot)
        assert not notifications(app, severity="error")


async def test_sent_inmails_show_state_and_credit(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await inbox_after(pilot, 7)
        screen.query_one(TabbedContent).active = "tab-sent"
        await settle(pilot)
        table = screen.query_one("#sent", DataTable)
        sent = ask(app, lambda world: world.sent())
        to, day, category, subject, state, credit = (c.plain for c in table.get_row_at(0))
        assert (to, subject, state) == ("Seán O'Brien", "Your C++ work at Acme", sent[0].state)
        assert category == "Career opportunity"
        assert credit.startswith(sent[0].credit_state)
