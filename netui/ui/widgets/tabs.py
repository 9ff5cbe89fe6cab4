"""The bar at the top of every screen: where I can go, and what the clock says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.widgets import Static

from netui.ui.text import long_date, plain, short_date

if TYPE_CHECKING:
    from netui.ui.app import NetuiApp, Status


class PlaceTabs(Static):
    """1 Dashboard  2 Search  3 Inbox (2)  4 Credits  5 Settings      Mon 12 Jan 2015"""

    app: NetuiApp

    def __init__(self, current: str) -> None:
        super().__init__(id="place-tabs")
        self.current = current
        self._spans: list[tuple[int, int, str]] = []  # (start, end, place) for clicks

    def on_mount(self) -> None:
        self.watch(self.app, "status", self._show, init=True)

    def on_resize(self) -> None:
        self._show(self.app.status)

    def _show(self, status: Status) -> None:
        from netui.ui.app import PLACES

        wide = self.size.width >= 110
        tabs = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for place, label in PLACES.items():
            if place == "inbox" and status.unread:
                label += f" ({status.unread})"
            if place == "credits" and status.credits is not None and wide:
                label += f" · {status.credits}"
            tab = Text.assemble((f" {self.app.key_for(f'go.{place}')} ", "bold"), f"{label} ")
            if place == self.current:
                tab.stylize("reverse")
            self._spans.append((tabs.cell_len, tabs.cell_len + tab.cell_len, place))
            tabs.append_text(tab)
            tabs.append(" ")
        right = Text()
        if wide and status.me_name:
            right.append("playing ", style="dim")
            right.append_text(plain(status.me_name, "bold"))
            right.append(" · ", style="dim")
        when = long_date(status.date)
        if tabs.cell_len + len(when) + 1 > self.size.width:
            when = short_date(status.date)  # the weekday goes first when space is short
        right.append(when, style="bold")
        gap = max(1, self.size.width - tabs.cell_len - right.cell_len)
        self.update(Text.assemble(tabs, " " * gap, right, no_wrap=True, overflow="ellipsis"))

    def on_click(self, event: events.Click) -> None:
        for start, end, place in self._spans:
            if start <= event.x < end:
                self.app.run_action(f"go('{place}')")
