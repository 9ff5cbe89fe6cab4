"""R4: write to a member by the route R3 allows, coached by the live checklist.

The World decides the route (the same decision search, the profile and the CLI use).
A refusal is explained, with the way out offered: a message instead of InMail to a
1st-degree connection, a pack of credits when I have none. Nothing typed is ever
checked on the event loop against the database: counts are local, the checklist comes
from a worker once the typing pauses (AsYouType, not eager: the checklist is Python work
that would share the interpreter with the keys' echo), so keys are drawn at once however
fast they come, and the checklist says "checking…" only when its answer is late. What
the form asks of the World as it opens (Recipient), and the text it draws, are in
`compose_text.py`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from netui.core.checklist import BODY_MAX, SUBJECT_MAX, Checklist, Draft, LengthBand
from netui.core.model import Category
from netui.errors import NetuiError
from netui.ui.gate import AsYouType, WorldGate, show_error
from netui.ui.keys import key_for
from netui.ui.messages import Connect, WorldChanged
from netui.ui.modals.base import Modal
from netui.ui.modals.choice import bought_message, buy_credits_modal
from netui.ui.modals.compose_text import (
    Recipient,
    balance_line,
    checklist_head,
    checklist_lines,
    counter,
    length_line,
    read_recipient,
    recipient_head,
    welcomed_lines,
)
from netui.ui.modals.drafts import DraftKeeper, Fields
from netui.ui.text import long_date
from netui.ui.widgets.line_input import LineInput
from netui.world.results import SendReceipt  # loaded with the World: compose opens after it

if TYPE_CHECKING:
    from netui.world import World
    from netui.world.messaging import SavedDraft
    from netui.world.results import Purchase


class ComposeModal(Modal[SendReceipt | None]):
    """Returns the World's answer to `send` ({message_id, route, cost, credits, …})."""

    CSS_PATH = "compose.tcss"

    BINDINGS = [
        # ctrl+s is the habit, f5 the fallback for terminals that swallow ctrl+s.
        # Not a priority binding: the key must wait its turn behind the text typed before
        # it, or Send would read a draft with its last keystrokes still in flight.
        Binding("ctrl+s,f5", "send", "Send", id="compose.send"),
        Binding("escape", "cancel", "Cancel", id="compose.cancel"),
        # Tab moves on at once, even when the next keys are already on their way (a fast
        # typist, a script): an ordinary binding would let them land in the field left.
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
    ]

    def __init__(self, gate: WorldGate, member_id: int, *, want_inmail: bool) -> None:
        super().__init__()
        self.gate = gate
        self.member_id = member_id
        self.want_inmail = want_inmail
        self.recipient: Recipient | None = None
        self.checklist: Checklist | None = None
        self.checked_draft: Draft | None = None  # the draft `checklist` was made for
        self.checking = AsYouType(
            self.gate, self, "checklist", self.show_checklist, self._checking_late, eager=False
        )
        self.sending = False
        self.drafts = DraftKeeper(self, gate, member_id, self.fields)

    def compose(self) -> ComposeResult:
        with Vertical(id="compose-box") as box:
            box.border_title = "Write"
            yield Static(Text("Looking up the route…", style="dim"), id="compose-route")
            with Vertical(id="compose-refusal"):
                yield Static(id="refusal-reasons")
                with Horizontal(classes="buttons"):
                    yield Button("Write a message instead", id="as-message", compact=True)
                    yield Button("Buy credits", id="buy", compact=True, variant="warning")
                    yield Button("Send an invitation", id="connect", compact=True)
                    yield Button("Close", id="close", compact=True)
            with Horizontal(id="compose-main"):
                with Vertical(id="compose-form"):
                    with Horizontal(classes="field", id="category-row"):
                        yield Label("Category", classes="field-label")
                        yield Select(
                            [(c.label, c.value) for c in Category],
                            id="category",
                            prompt="Choose a category",
                            compact=True,
                        )
                    with Horizontal(classes="field", id="subject-row"):
                        yield Label("Subject", classes="field-label")
                        yield LineInput(
                            id="subject",
                            max_length=SUBJECT_MAX,
                            compact=True,
                            placeholder="What it is about, specifically",
                        )
                        yield Label("", id="subject-count", classes="count")
                    yield TextArea(
                        id="body",
                        soft_wrap=True,
                        show_line_numbers=False,
                        compact=True,
                        placeholder="Dear …",
                    )
                    with Horizontal(id="body-foot"):
                        yield Static("", id="length-band")
                        yield Label("", id="body-count", classes="count")
                with VerticalScroll(id="compose-side"):
                    yield Static(id="welcomed")
                    yield Static(id="checklist-head")
                    yield Static(id="checklist")
            with Horizontal(id="compose-actions"):
                yield Static(id="compose-balance")
                yield Button("Send", id="send", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        key = partial(key_for, self.app)
        self.query_one("#compose-box").border_subtitle = (
            f"{key('compose.send', 'ctrl+s')} sends · tab moves · "
            f"{key('compose.cancel', 'escape')} cancels"
        )
        self.query_one("#compose-main").display = False
        self.query_one("#compose-refusal").display = False
        self.query_one("#send", Button).disabled = True
        self.load()

    def load(self) -> None:
        self.gate.ask(
            self, read_recipient(self.member_id, self.want_inmail), self.show, group="recipient"
        )

    # ── showing the recipient and the route ────────────────────────────────────

    def show(self, recipient: Recipient) -> None:
        self.recipient = recipient
        route = recipient.route
        box = self.query_one("#compose-box")
        if recipient.is_inmail:
            box.border_title = "InMail"
        elif route.allowed:
            box.border_title = route.route.label
        self.query_one("#compose-route", Static).update(recipient_head(recipient))
        self.query_one("#compose-balance", Static).update(balance_line(recipient))
        if not route.allowed:
            self.show_refusal(recipient)
            return
        self.query_one("#compose-box").remove_class("-refused")
        self.query_one("#send").display = True
        self.query_one("#compose-refusal").display = False
        self.query_one("#compose-main").display = True
        self.query_one("#send", Button).disabled = False
        for row in ("#category-row", "#subject-row", "#compose-side", "#length-band"):
            self.query_one(row).display = recipient.is_inmail
        self.restore_draft(recipient.draft)
        if recipient.is_inmail:
            category = self.query_one("#category", Select)
            if category.value is Select.NULL and recipient.welcomed:
                category.value = recipient.welcomed[0].value
            self.set_focus(self.query_one("#subject", Input))
        else:
            self.set_focus(self.query_one("#body", TextArea))
        self.draft_changed()

    def show_refusal(self, recipient: Recipient) -> None:
        """Say why not, and offer what is possible instead (R3.1, R3.4)."""
        self.query_one("#compose-box").add_class("-refused")
        self.query_one("#send").display = False
        self.query_one("#compose-main").display = False
        self.query_one("#compose-refusal").display = True
        self.query_one("#send", Button).disabled = True
        reasons = Text("Not possible:\n", style="bold red")
        for reason in recipient.route.reasons:
            reasons.append(f"• {reason}\n")
        self.query_one("#refusal-reasons", Static).update(reasons)
        profile = recipient.profile
        instead = profile.route  # the route without asking for InMail
        can_message = self.want_inmail and instead.allowed and not instead.route.is_inmail
        as_message = self.query_one("#as-message", Button)
        as_message.display = can_message
        as_message.label = f"Write a {instead.route.label.lower()} instead"
        self.query_one("#buy").display = recipient.route.needs_credits
        self.query_one("#connect").display = profile.can_invite
        offered = [button for button in self.query("#compose-refusal Button") if button.display]
        self.set_focus(offered[0])  # the first way out; Close is always there

    # ── the draft, kept (issue 14.1) ───────────────────────────────────────────

    def restore_draft(self, draft: SavedDraft | None) -> None:
        """Put back what I left, once, into a form nothing has been typed in yet."""
        if draft is None or not self.drafts.restoring():
            return
        self.query_one("#subject", Input).value = draft.subject
        body = self.query_one("#body", TextArea)
        body.text = draft.body
        body.move_cursor(body.document.end)  # go on writing where I stopped
        if draft.category is not None:
            self.query_one("#category", Select).value = draft.category.value
        self.drafts.restored_as(self.fields())
        self.notify(f"Your draft from {long_date(draft.saved.isoformat())} is back.", timeout=4)

    def fields(self) -> Fields:
        return (
            self.query_one("#subject", Input).value,
            self.query_one("#body", TextArea).text,
            self.category,
        )

    # ── the draft, live ───────────────────────────────────────────────────────

    @on(Input.Changed, "#subject")
    @on(TextArea.Changed, "#body")
    @on(Select.Changed, "#category")
    def draft_changed(self, event: Message | None = None) -> None:
        subject = self.query_one("#subject", Input).value
        body = self.query_one("#body", TextArea).text
        self._update("#subject-count", counter(len(subject), SUBJECT_MAX))
        self._update("#body-count", counter(len(body), BODY_MAX))
        self._update("#length-band", length_line(LengthBand.of(body)))
        if self.recipient is not None and self.recipient.route.allowed and not self.sending:
            self.drafts.typed(inmail=self.recipient.is_inmail)
        if self.recipient is None or not self.recipient.is_inmail:
            return
        draft = Draft(subject, body, self.category)
        self._update("#welcomed", welcomed_lines(self.recipient, draft.category))

        def check(world: World) -> tuple[Draft, Checklist]:
            return draft, world.draft_checklist(
                self.member_id, subject=subject, body=body, category=draft.category
            )

        # Typing waits for a pause; a category picked or the form shown asks at once.
        typed = isinstance(event, (Input.Changed, TextArea.Changed))
        self.checking.ask(check, at_once=not typed)

    def _update(self, selector: str, text: Text) -> None:
        """Show `text` if it differs from what is shown, laying the form out again only
        if the widget's size follows its text and the text's width changed: a layout of
        the whole form at every key is what kept keys from being drawn at typing speed,
        and a count of the same width, or a line of fixed size, needs none."""
        widget = self.query_one(selector, Static)
        shown = widget.content
        if not isinstance(shown, Text):
            widget.update(text)
        elif (shown.plain, shown.style, shown.spans) != (text.plain, text.style, text.spans):
            resized = widget.styles.auto_dimensions and shown.cell_len != text.cell_len
            widget.update(text, layout=resized)

    @property
    def category(self) -> Category | None:
        value = self.query_one("#category", Select).value
        return Category(value) if isinstance(value, str) else None

    def show_checklist(self, checked: tuple[Draft, Checklist]) -> None:
        before = self.checklist
        self.checked_draft, self.checklist = checked
        self._update("#checklist-head", checklist_head(self.checklist))
        # Most keys change no item: the nine lines are drawn again only when one does.
        if before is None or before.items != self.checklist.items:
            self.query_one("#checklist", Static).update(checklist_lines(self.checklist))

    def _checking_late(self, late: bool) -> None:
        # Its own line, so that saying so redraws one line, not the nine items.
        self._update("#checklist-head", checklist_head(self.checklist, late=late))

    # ── sending ──────────────────────────────────────────────────────────────

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "send":
            return self.recipient is not None and self.recipient.route.allowed
        return True

    def action_send(self) -> None:
        recipient = self.recipient
        if recipient is None or not recipient.route.allowed or self.sending:
            return
        self.sending = True
        self.drafts.stop()
        self.query_one("#send", Button).disabled = True
        subject = self.query_one("#subject", Input).value if recipient.is_inmail else None
        category = self.category if recipient.is_inmail else None
        body = self.query_one("#body", TextArea).text
        member, want_inmail = self.member_id, self.want_inmail

        def send(world: World) -> SendReceipt:
            result = world.send(
                member, body=body, subject=subject, category=category, want_inmail=want_inmail
            )
            world.drop_draft(member)  # sent: nothing is left to keep
            return result

        self.gate.ask(
            self,
            send,
            self.sent,
            group="send",
            latest_only=False,
            failed=self.not_sent,
        )

    def sent(self, result: SendReceipt) -> None:
        name = self.recipient.profile.name if self.recipient else "them"
        kind = result.route.label
        spent = f" · 1 credit spent, {result.credits} left" if result.cost else ""
        note = " · the category is not one they welcome" if result.mismatch else ""
        self.notify(f"{kind} sent to {name}{spent}{note}.", markup=False)
        self.dismiss(result)

    def not_sent(self, error: NetuiError) -> None:
        self.sending = False
        self.query_one("#send", Button).disabled = False
        show_error(self, error)

    def action_cancel(self) -> None:
        if self.recipient is not None and self.recipient.route.allowed:
            self.drafts.save()
        self.dismiss(None)

    # ── buttons ──────────────────────────────────────────────────────────────

    @on(Button.Pressed, "#send")
    def _send_pressed(self) -> None:
        self.action_send()

    @on(Button.Pressed, "#cancel")
    @on(Button.Pressed, "#close")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#as-message")
    def _as_message(self) -> None:
        self.want_inmail = False
        self.load()

    @on(Button.Pressed, "#connect")
    def _connect(self) -> None:
        # To the App itself: a message to this form would close with it, unread.
        self.app.post_message(Connect(self.member_id))
        self.dismiss(None)

    @on(Button.Pressed, "#buy")
    def _buy(self) -> None:
        def bought(result: Purchase) -> None:
            self.notify(bought_message(result), markup=False)
            self.app.post_message(WorldChanged())
            self.load()

        def chosen(pack: int | None) -> None:
            if pack:
                self.gate.ask(
                    self, lambda world: world.buy(pack), bought, group="buy", latest_only=False
                )

        self.app.push_screen(buy_credits_modal(self.gate.prices), chosen)
