"""Move the clock to a date, or by any number of days: checked as you type (R6)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from netui.core.clock import MAX_ADVANCE_DAYS, target_date
from netui.errors import BadInput
from netui.ui.modals.base import Modal
from netui.ui.text import count, long_date
from netui.ui.widgets.line_input import LineInput


def parse_target(today: date, typed: str) -> date:
    """'2015-03-01' or '48' (days) → the day the clock moves to; BadInput says why not."""
    typed = typed.strip()
    if typed.isdecimal():  # not isdigit: "²" is a digit that int() refuses
        if len(typed) > len(str(MAX_ADVANCE_DAYS)):  # a long paste: too far, whatever it says
            raise BadInput(f"Advance at most {MAX_ADVANCE_DAYS:,} days at a time.")
        return target_date(today, int(typed), None)
    try:
        day = date.fromisoformat(typed)
    except ValueError:
        raise BadInput(f"“{typed}” is neither a date (YYYY-MM-DD) nor a number of days.") from None
    return target_date(today, None, day)


class AdvanceModal(Modal[date | None]):
    """Type a date or a number of days; enter moves the clock, escape leaves it."""

    CSS_PATH = "advance.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="advance.cancel")]

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="advance-box") as box:
            box.border_title = "Advance the clock"
            yield Static(
                Text(f"Today is {long_date(self.today.isoformat())}. Move to a date, or by days.")
            )
            yield LineInput(placeholder="YYYY-MM-DD, or a number of days", id="advance-to")
            yield Static(id="advance-hint")
            yield Static(Text("enter advances · escape cancels", style="dim"))

    @on(Input.Changed)
    def _check(self, event: Input.Changed) -> None:
        hint = self.query_one("#advance-hint", Static)
        if not event.value.strip():
            hint.update(Text("Members read, answer, refund and write as the days pass.", "dim"))
            return
        try:
            day = parse_target(self.today, event.value)
        except BadInput as error:
            hint.update(Text(error.message, style="red"))
        else:
            days = (day - self.today).days
            hint.update(Text(f"→ {long_date(day.isoformat())}, {count(days, 'day')} on"))

    @on(Input.Submitted)
    def _advance(self, event: Input.Submitted) -> None:
        try:
            self.dismiss(parse_target(self.today, event.value))
        except BadInput:
            self.app.bell()  # the hint already says why

    def on_mount(self) -> None:
        self.query_one(Input).post_message(Input.Changed(self.query_one(Input), ""))

    def action_cancel(self) -> None:
        self.dismiss(None)
