"""Inbox and sent InMails (R7) after the clock has moved."""

from __future__ import annotations

from textual.widgets import DataTable, Static, TabbedContent, TextArea

from netui.core.model import Category
from netui.ui.modals.reply import ReplyModal
from netui.ui.screens.inbox import InboxScreen
from netui.ui.text import short_date
from netui.ui.widgets.row_table import RowTable
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


async def an_inmail_to_answer(pilot) -> tuple[InboxScreen, dict, list[dict]]:
    """The inbox after 60 days with the cursor on a conversation holding an InMail to me
    still waiting for an answer: (screen, conversation, its answerable InMails)."""
    app = pilot.app
    screen = await inbox_after(pilot, 60, send_first=False)
    conversations = ask(app, lambda world: world.inbox())
    for conversation in conversations:
        thread = ask(app, lambda world, c=conversation: world.thread(c.member_id, mark_read=False))
        answerable = [m for m in thread if m.answerable_inmail]
        if answerable:
            break
    else:
        raise AssertionError("no InMail to me in 60 days on the handmade network")
    row = [c.member_id for c in conversations].index(conversation.member_id)
    screen.query_one("#conversations", DataTable).move_cursor(row=row)
    await settle(pilot)
    return screen, conversation, answerable


async def test_accept_or_decline_an_inmail_to_me(app):
    async with app.run_test(size=SIZE) as pilot:
        screen, conversation, answerable = await an_inmail_to_answer(pilot)
        inmail = answerable[-1]  # `a` answers the newest InMail waiting for it
        await pilot.press("a")
        await settle(pilot)
        # Issue 14.10: the notice names the member and says what accepting did.
        said = [n.message for n in notifications(app)]
        assert any(
            m.startswith(f"You accepted {conversation.name}'s InMail") and "they see it" in m
            for m in said
        ), said
        answered = ask(app, lambda world: world.thread(conversation.member_id))
        assert next(m for m in answered if m.id == inmail.id).can_answer is False
        for _ in answerable[:-1]:  # older InMails from the same member, newest first
            await pilot.press("a")
            await settle(pilot)
        await pilot.press("a")  # nothing left to accept: the key does nothing
        await settle(pilot)
        assert not notifications(app, severity="error")


async def test_declining_says_whose_inmail_and_what_it_did(app):
    async with app.run_test(size=SIZE) as pilot:
        screen, conversation, answerable = await an_inmail_to_answer(pilot)
        await pilot.press("x")
        await settle(pilot)
        subject = answerable[-1].subject
        expected = (
            f"You declined {conversation.name}'s InMail “{subject}”: they see it as "
            "declined; nothing else is sent."
        )
        assert expected in [n.message for n in notifications(app)]


async def test_sent_inmails_show_state_and_credit(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await inbox_after(pilot, 7)
        screen.query_one(TabbedContent).active = "tab-sent"
        await settle(pilot)
        table = screen.query_one("#sent", RowTable)
        sent = ask(app, lambda world: world.sent())
        # Below 120 columns a sent InMail takes two lines: to over subject, date over category.
        who, when, state, credit = (c.plain for c in table.rows[0])
        (to, subject), (day, category) = who.split("\n"), when.split("\n")
        assert (to, subject, state) == (
            "Seán O'Brien",
            "Your C++ work at Acme",
            sent[0].state.label,
        )
        assert (day, category) == (short_date(sent[0].sent), "Career opportunity")
        assert credit.startswith(sent[0].credit_state)


def rows_shown(table: DataTable) -> list[str]:
    """The name at the head of each row, as the list shows it (unread count aside)."""
    return [table.get_row_at(n)[1].plain.split("\n")[0] for n in range(table.row_count)]


async def test_the_list_keeps_its_width_and_news_after_the_clock_moves_behind_it(app):
    """Issue 14.2: the clock moved while the Sent tab was in front; back on Conversations
    the list is as wide as before (not ten characters) and shows what the World holds."""
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await inbox_after(pilot, 30)
        table = screen.query_one("#conversations", DataTable)
        width = table.size.width
        assert width >= 30  # the stylesheet's min-width
        await pilot.press("shift+tab", "right")  # the tabs, then Sent InMails
        await settle(pilot)
        assert screen.query_one("#inbox-tabs", TabbedContent).active == "tab-sent"
        for key in ("n", "w", "M"):
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("shift+tab", "left")
        await settle(pilot)
        assert screen.query_one("#inbox-tabs", TabbedContent).active == "tab-conversations"
        assert table.size.width == width
        preview = list(table.columns.values())[1]
        assert preview.width == width - 6  # the preview fills the list, cut with …
        inbox = ask(app, lambda world: world.inbox())
        names = [c.name + (f" ({c.unread})" if c.unread else "") for c in inbox]
        assert rows_shown(table) == names
