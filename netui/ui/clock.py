"""The simulated clock, moved from any screen (R6): n a day, w a week, M to the same day
next month, t to a date or by any number of days.

The keys are the App's, as they work everywhere (not from under a form); what they do
is here: ask the World to advance, in a worker, then say what happened while I was
away, in one notice about the clock at a time. The App then shows every screen the
new day.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.notifications import Notification, Notify

from netui.core.clock import describe_events
from netui.ui.gate import WorldGate
from netui.ui.text import count, long_date, visible

if TYPE_CHECKING:
    from netui.world.results import AdvanceReport

# Each has an id, so a user can move it to another key in the config file.
CLOCK_BINDINGS = [
    Binding("n", "advance(1)", "+day", id="clock.day", tooltip="Advance the clock a day"),
    Binding("w", "advance(7)", "+week", id="clock.week", tooltip="Advance the clock a week"),
    Binding(
        "M",
        "advance_month",
        "+month",
        id="clock.month",
        tooltip="Advance the clock to the same day next month",
    ),
    Binding(
        "t",
        "advance_to",
        "to date",
        id="clock.to",
        tooltip="Advance the clock to a date, or by any number of days",
        show=False,  # the footer is full; the dashboard and help (?) list it
    ),
]
# What a clock key pressed before the network is open adds to "Still opening the network".
CLOCK_WAITS = ": the clock moves when it is ready"


class Clock:
    """Moves the clock for `app`. Before the network is open it calls `waiting` instead
    (the App says it is still opening); once the World has advanced, `moved`."""

    def __init__(
        self,
        app: App,
        gate: WorldGate,
        *,
        waiting: Callable[[], None],
        moved: Callable[[], None],
    ) -> None:
        self.app = app
        self.gate = gate
        self.waiting = waiting
        self.moved = moved
        self.notice: Notification | None = None  # the one notice about the clock shown

    def advance_month(self, today: str) -> None:
        """`today` as the status shows it: "" until the network is open."""
        if not today:
            self.waiting()
            return
        self.advance(days_to_next_month(date.fromisoformat(today)))

    def advance_to(self, today: str) -> None:
        """Ask for a date or a number of days, then go there."""
        from netui.ui.modals.advance import AdvanceModal

        if not today:
            self.waiting()
            return
        modal = AdvanceModal(date.fromisoformat(today))
        self.app.push_screen(modal, lambda day: day and self.advance(to=day))

    def advance(self, days: int | None = None, *, to: date | None = None) -> None:
        """Move the clock (by days, or to a date), then tell me what happened while I
        was away."""
        if not self.gate.is_open:
            self.waiting()
            return
        how_far = f"to {long_date(to.isoformat())}" if to else f"by {count(days, 'day')}"
        self.notify(f"Advancing the clock {how_far}…", timeout=2)
        self.gate.ask(
            self.app,
            lambda world: world.advance(days, to=to),
            self._advanced,
            group="clock",
            latest_only=False,
        )

    def _advanced(self, result: AdvanceReport) -> None:
        self.notify(summarise_events(result), title="The clock moved", timeout=8)
        self.moved()

    def notify(self, message: str, *, title: str = "", timeout: float) -> None:
        """One notice about the clock at a time, the newest in place of the one before:
        ten quick presses of n would otherwise stack ten of them (issue 14.9)."""
        app = self.app
        if self.notice is not None and self.notice in app._notifications:
            app._unnotify(self.notice)  # Textual's own way to take one notice back
        self.notice = Notification(visible(message), visible(title), timeout=timeout)
        app.post_message(Notify(self.notice))


def days_to_next_month(today: date) -> int:
    """From 31 January, "a month" is 28 February (or 29): the same day, or the month's end."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    day = min(today.day, calendar.monthrange(year, month)[1])
    return (date(year, month, day) - today).days


def summarise_events(result: AdvanceReport) -> str:
    """'Now Mon 19 Jan 2015: 2 InMails opened, 1 reply, 1 credit refunded.'"""
    return f"Now {long_date(result.date)}: {describe_events(result.events)}."
