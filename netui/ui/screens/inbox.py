"""R7: my conversations and the InMails I sent, with what became of each credit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from netui.ui.modals.reply import ReplyModal
from netui.ui.screens.base import PlaceScreen, tab_keys
from netui.ui.text import STATE_STYLES, credit_state, long_date, plain, short_date, state_text
from netui.ui.widgets.empty import EmptyNote, say_when_empty
from netui.ui.widgets.row_table import RowTable

if TYPE_CHECKING:
    from netui.world import World
    from netui.world.results import Conversation, SentItem, ThreadMessage


@dataclass(frozen=True)
class Mail:
    conversations: list[Conversation]
    sent: list[SentItem]


def read_inbox(world: World) -> Mail:
    return Mail(world.inbox(), world.sent())


class ConversationTable(DataTable):
    BINDINGS = [
        Binding("enter", "read", "Read", id="inbox.read", tooltip="Read this conversation"),
    ]

    class Resized(Message):
        """The list changed width: its rows are cut to the new one."""

    def on_resize(self) -> None:
        # Also sent when its tab comes back into view: while hidden the list has no
        # width, and rows cut to that would stay ten characters wide (issue 14.2).
        self.post_message(self.Resized())

    def action_read(self) -> None:
        self.screen.read_selected()  # type: ignore[attr-defined]


class SentTable(RowTable):
    BINDINGS = [
        Binding("enter", "choose", "Read", id="inbox.read-sent", tooltip="Read the conversation"),
    ]


# Wide enough for every column of a sent InMail on one line; below, two lines each.
SENT_WIDE = 120
SENT_WIDE_COLUMNS = (
    ("To", 0, 1),
    ("Sent", 11),
    ("Category", 21),  # "Getting back in touch"
    ("Subject", 0, 1),
    ("State", 9),
    ("Credit", 20),  # "spent · 12 days left"
)
SENT_NARROW_COLUMNS = (
    ("To · subject", 0, 1),
    ("Sent · category", 0, 1),
    ("State", 9),
    ("Credit", 20),
)


class InboxScreen(PlaceScreen):
    CSS_PATH = "inbox.tcss"
    PLACE = "inbox"
    AUTO_FOCUS = "#conversations"
    BINDINGS = [
        Binding("r", "reply", "Reply", id="inbox.reply"),
        Binding("a", "accept", "Accept", id="inbox.accept", tooltip="Accept this InMail"),
        Binding("x", "decline", "Decline", id="inbox.decline", tooltip="Decline this InMail"),
        Binding("p", "profile", "Profile", id="inbox.profile", tooltip="Open their profile"),
        Binding("escape", "to_list", "Conversations", id="inbox.list", show=False),
        *tab_keys("inbox", {"tab-conversations": "Conversations", "tab-sent": "Sent InMails"}),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.conversations: list[Conversation] = []
        self.loaded = False  # until then an empty list means "not read yet", not "none"
        self.sent_items: list[SentItem] = []
        self.member_id: int | None = None  # the conversation shown on the right
        self.messages: list[ThreadMessage] = []

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="inbox-tabs"):
            with TabPane("Conversations", id="tab-conversations"), Horizontal():
                yield ConversationTable(
                    id="conversations", cursor_type="row", cursor_foreground_priority="renderable"
                )
                with VerticalScroll(id="thread"):
                    yield Static(Text("Choose a conversation.", style="dim"), id="thread-text")
            with TabPane("Sent InMails", id="tab-sent"):
                yield SentTable(id="sent")
                yield EmptyNote(
                    "sent",
                    "No InMails sent yet. Find someone in Search and write them one: each "
                    "InMail is listed here with its answer and what became of its credit.",
                )

    def reload(self) -> None:
        self.ask(read_inbox, self.show)

    # ── conversations ────────────────────────────────────────────────────────

    def show(self, mail: Mail) -> None:
        self.conversations = mail.conversations
        self.sent_items = mail.sent
        self.loaded = True
        self.show_conversations()
        self.show_sent()
        if self.member_id is not None:
            self.load_thread(self.member_id, mark_read=False)
        elif not self.conversations:
            self.query_one("#thread-text", Static).update(
                Text(
                    f"No messages yet. Advance the clock ({self.app.key_for('clock.week')} for a "
                    "week) and members will write.",
                    style="dim",
                )
            )

    @on(ConversationTable.Resized)
    def show_conversations(self) -> None:
        """The list as it is now, the cursor on the conversation shown beside it."""
        table = self.query_one("#conversations", DataTable)
        if not table.size.width or not self.loaded:
            return  # hidden behind the Sent tab: filled in when it is shown (Resized)
        table.clear(columns=True)
        # The preview is cut to the list's width, never scrolled sideways.
        table.add_column("", width=1)
        heading = "Newest first" if self.conversations else "No conversations yet"
        table.add_column(heading, width=max(10, table.size.width - 6))
        for c in self.conversations:
            unread = c.unread
            who = plain(c.name, "bold" if unread else "")
            if unread:
                who.append(f" ({unread})", style="bold cyan")
            who.append("\n")
            about = f"{short_date(c.last_date)} · {c.kind.label} · {c.about}"
            who.append_text(plain(about, "dim"))
            who.no_wrap, who.overflow = True, "ellipsis"  # one line each, cut with …
            table.add_row(
                Text("●" if unread else " ", style="bold cyan"),
                who,
                key=str(c.member_id),
                height=2,
            )
        keys = [str(c.member_id) for c in self.conversations]
        if keys:
            shown = str(self.member_id)
            table.move_cursor(row=keys.index(shown) if shown in keys else 0)

    def on_resize(self) -> None:
        if self.loaded:
            self.show_sent()  # one line a row when wide, two when narrow

    @on(DataTable.RowHighlighted, "#conversations")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.load_thread(int(event.row_key.value), mark_read=False)

    @on(DataTable.RowSelected, "#conversations")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.read_selected()

    def read_selected(self) -> None:
        """Reading a conversation marks it read (and updates the unread count)."""
        if self.member_id is None:
            return
        member = self.member_id
        self.act(lambda world: world.thread(member, mark_read=True), self.show_thread)
        self.set_focus(self.query_one("#thread"))

    def load_thread(self, member_id: int, *, mark_read: bool) -> None:
        self.member_id = member_id
        self.ask(
            lambda world: world.thread(member_id, mark_read=mark_read),
            self.show_thread,
            group="thread",
        )

    def name_of(self, member_id: int | None) -> str:
        return next((c.name for c in self.conversations if c.member_id == member_id), "them")

    def show_thread(self, messages: list[ThreadMessage]) -> None:
        self.messages = messages
        name = self.name_of(self.member_id)
        key = self.app.key_for
        hint = (
            f"{key('inbox.accept')} accept / {key('inbox.decline')} decline / "
            f"{key('inbox.reply')} reply"
        )
        text = Text()
        for n, message in enumerate(messages):
            if n:
                text.append("\n" + "─" * 24 + "\n", style="dim")
            text.append_text(message_lines(message, name, hint))
        text.rstrip()
        self.query_one("#thread-text", Static).update(text)
        self.refresh_bindings()
        self.query_one("#thread").scroll_end(animate=False)

    # ── answering ─────────────────────────────────────────────────────────────

    def _last_incoming(self, *, answerable_inmail: bool = False) -> ThreadMessage | None:
        for message in reversed(self.messages):
            if not message.incoming:
                continue
            if not answerable_inmail or message.answerable_inmail:
                return message
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reply":
            return self._last_incoming() is not None
        if action in ("accept", "decline"):
            return self._last_incoming(answerable_inmail=True) is not None
        if action == "profile":
            return self.member_id is not None
        return True

    def action_reply(self) -> None:
        message = self._last_incoming()
        if message is None:
            return

        def replied(body: str | None) -> None:
            if body:
                name = self.name_of(message.sender)
                self.act(
                    lambda world: world.reply(message.id, body),
                    lambda _: self.notify(f"Reply sent to {name}.", markup=False),
                )

        self.app.push_screen(ReplyModal(message), replied)

    def action_accept(self) -> None:
        self._answer("accept")

    def action_decline(self) -> None:
        self._answer("decline")

    def _answer(self, how: str) -> None:
        message = self._last_incoming(answerable_inmail=True)
        if message is None:
            self.notify("No InMail to answer in this conversation.", markup=False)
            return

        def answered(_: ThreadMessage) -> None:
            self.notify(answer_notice(how, self.name_of(self.member_id), message), markup=False)

        self.act(lambda world: getattr(world, how)(message.id), answered)

    def action_to_list(self) -> None:
        self.set_focus(self.query_one("#conversations", DataTable))

    def action_profile(self) -> None:
        if self.member_id is not None:
            self.app.open_member(self.member_id)

    # ── sent InMails ─────────────────────────────────────────────────────────

    def show_sent(self) -> None:
        wide = self.size.width >= SENT_WIDE
        table = self.query_one(SentTable)
        table.show_rows(
            SENT_WIDE_COLUMNS if wide else SENT_NARROW_COLUMNS,
            [sent_cells(item, wide) for item in self.sent_items],
            [str(item.message_id) for item in self.sent_items],
            row_height=1 if wide else 2,
            cursor_on=table.key_at(table.cursor_row),
        )
        say_when_empty(table)
        pane = self.query_one("#inbox-tabs", TabbedContent)
        pane.get_tab("tab-sent").label = f"Sent InMails ({len(self.sent_items)})"

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        # Focus follows the tab: a focused widget left behind in a hidden pane would
        # pull the tabs back to it.
        table = "#sent" if event.pane.id == "tab-sent" else "#conversations"
        self.set_focus(self.query_one(table))

    @on(RowTable.Chosen, "#sent")
    def _sent_selected(self, event: RowTable.Chosen) -> None:
        key = event.table.key_at(event.row)
        item = next((i for i in self.sent_items if str(i.message_id) == key), None)
        if item is not None:
            self.query_one("#inbox-tabs", TabbedContent).active = "tab-conversations"
            self.load_thread(item.to, mark_read=False)


def answer_notice(how: str, name: str, message: ThreadMessage) -> str:
    """What accepting or declining an InMail did (issue 14.10): the sender sees the answer
    (it counts for their score, R5.6); declining writes nothing more."""
    about = f" “{message.subject}”" if message.subject else ""
    if how == "accept":
        return (
            f"You accepted {name}'s InMail{about}: they see it as accepted. "
            "Reply (r) to tell them more."
        )
    return f"You declined {name}'s InMail{about}: they see it as declined; nothing else is sent."


def message_lines(message: ThreadMessage, name: str, answer_hint: str) -> Text:
    incoming = message.incoming
    text = Text()
    who = plain(name, "bold") if incoming else Text("You", style="bold")
    text.append("← " if incoming else "→ ", style="cyan" if incoming else "green")
    text.append_text(who)
    text.append(f" · {message.kind.label}", style="bold")
    if message.category:
        text.append(f" · {message.category.label}")
    text.append(f" · {long_date(message.sent)}", style="dim")
    if not incoming:
        text.append(f" · {message.state.label}", style=STATE_STYLES[message.state])
    if incoming and not message.read:
        text.append(" · new", style="bold cyan")
    if incoming and message.answerable_inmail:
        text.append(f" · {answer_hint}", style="yellow")
    if message.subject:
        text.append("\n")
        text.append_text(plain(message.subject, "bold"))
    text.append("\n")
    text.append_text(plain(message.body))
    return text


def sent_cells(item: SentItem, wide: bool) -> list[Text]:
    """One sent InMail as table cells; two lines each when the table is narrow."""
    to, subject = plain(item.to_name, "bold"), item.subject or ""
    sent, category = item.sent, item.category.label if item.category else ""
    states = [state_text(item.state), credit_state(item)]
    if wide:
        return [to, Text(short_date(sent)), Text(category), plain(subject), *states]
    return [
        Text("\n").join([to, plain(subject, "dim")]),
        Text(f"{short_date(sent)}\n{category}"),
        *states,
    ]
