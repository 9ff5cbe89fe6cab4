"""Write a reply to a message or InMail sent to me (R7.2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static, TextArea

from netui.core.checklist import BODY_MAX
from netui.ui.modals.base import Modal
from netui.ui.text import plain

if TYPE_CHECKING:
    from netui.world.results import ThreadMessage


class ReplyModal(Modal[str | None]):
    """Returns the body to send, or None."""

    CSS_PATH = "reply.tcss"

    BINDINGS = [
        Binding("ctrl+s,f5", "send", "Send", id="reply.send"),
        Binding("escape", "cancel", "Cancel", id="reply.cancel"),
    ]

    def __init__(self, message: ThreadMessage) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="reply-box") as box:
            box.border_title = f"Reply to this {self.message.kind.label}"
            # All of it, sign-off included; a long one scrolls.
            quoted = plain(self.message.body.strip(), "dim italic")
            if self.message.subject:
                quoted = Text("\n").join([plain(self.message.subject, "bold"), quoted])
            with VerticalScroll(id="reply-quote"):
                yield Static(quoted)
            yield TextArea(id="reply-body", soft_wrap=True, compact=True)
            with Horizontal(id="reply-actions"):
                yield Label(Text(f"0/{BODY_MAX:,}", style="dim"), id="reply-count")
                yield Button("Send", id="send", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one(TextArea))

    @on(TextArea.Changed)
    def _count(self) -> None:
        used = len(self.query_one(TextArea).text)
        style = "red bold" if used > BODY_MAX else "dim"
        self.query_one("#reply-count", Label).update(Text(f"{used:,}/{BODY_MAX:,}", style=style))

    @on(Button.Pressed, "#send")
    def action_send(self) -> None:
        body = self.query_one(TextArea).text
        if body.strip():
            self.dismiss(body)
        else:
            self.notify("Write something first.", markup=False, severity="warning")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
