"""The command palette (ctrl+p): go anywhere (the lab too), open a member, move the clock, theme.

Member names come from the network, so they are shown as `Text` (never markup) and
looked up in a thread, through the same gate as every other World question.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from netui.ui.text import plain, visible

if TYPE_CHECKING:
    from netui.ui.app import NetuiApp

MEMBER_HITS = 8


class NetuiCommands(Provider):
    @property
    def netui(self) -> NetuiApp:
        return self.app  # type: ignore[return-value]

    def fixed_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from netui.ui.app import PLACES

        app = self.netui
        commands: list[tuple[str, str, Callable[[], object]]] = []
        if app.gate is not None:
            commands += [
                (
                    f"Go to {label}",
                    f"Show the {label.lower()} screen",
                    partial(app.action_go, place),
                )
                for place, label in PLACES.items()
            ]
            commands.append(
                (
                    "Open the policy lab",
                    "One InMail campaign under each refund policy, side by side",
                    partial(app.action_go, "lab"),
                )
            )
            what = "Members read, answer and write"
            commands += [
                ("Advance the clock by a day", what, partial(app.advance, 1)),
                ("Advance the clock by a week", what, partial(app.advance, 7)),
                ("Advance the clock by a month", what, app.action_advance_month),
                ("Advance the clock to a date…", what, app.action_advance_to),
            ]
        commands += [
            (f"Theme: {name}", "Use this colour theme", partial(setattr, app, "theme", name))
            for name in app.available_themes
        ]
        return commands

    async def discover(self) -> Hits:
        for title, help_text, command in self.fixed_commands():
            if not title.startswith("Theme:"):
                yield DiscoveryHit(title, command, help=help_text)
        yield DiscoveryHit("Open member…", self._hint, help="Type a name to find a member")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self.fixed_commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, help=help_text)
        async for hit in self._members(query):
            yield hit

    async def _members(self, query: str) -> Hits:
        app = self.netui
        words = query.removeprefix("open").strip()
        if app.gate is None or len(words) < 2:
            return
        try:
            results = await asyncio.to_thread(
                app.gate.call, lambda world: world.search(words, limit=MEMBER_HITS)
            )
        except Exception:  # a palette search that fails just finds nobody
            return
        for rank, found in enumerate(results):
            display = Text("Open member: ")
            display.append_text(plain(found.name, "bold"))
            display.append(f"  {found.degree}", style="dim")
            yield Hit(
                0.9 - rank * 0.05,
                display,
                partial(app.open_member, found.id),
                text=f"Open member: {found.name}",
                help=escape(visible(f"{found.headline} at {found.company}")),
            )

    def _hint(self) -> None:
        self.app.notify("Type a member's name in the palette to open their profile.", markup=False)
