"""The command palette (ctrl+p): go anywhere (the lab too), open a member, move the clock, theme.

Member names come from the network, so they are shown as `Text` (never markup) and
looked up in a thread, through the gate of the screen the palette was opened on. A
command runs the App's action for the same key, or posts the message a screen would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from netui.ui.gate import WorldGate
from netui.ui.messages import OpenMember
from netui.ui.places import PLACES
from netui.ui.screens.base import PlaceScreen
from netui.ui.screens.start import StartScreen
from netui.ui.text import plain, visible

MEMBER_HITS = 8


class NetuiCommands(Provider):
    @property
    def gate(self) -> WorldGate | None:
        """The World's gate, once it is open and if the palette is over a place (over a
        form, the palette offers only what does not leave the form)."""
        screen = self.screen
        return screen.gate if isinstance(screen, PlaceScreen) and screen.gate.is_open else None

    @property
    def opening(self) -> bool:
        """The network is still being opened (or built): places and members come later."""
        screen = self.screen
        if isinstance(screen, StartScreen):
            return screen.failure is None
        return isinstance(screen, PlaceScreen) and not screen.gate.is_open

    def fixed_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        run = app.run_action
        commands: list[tuple[str, str, Callable[[], object]]] = []
        if self.gate is not None:
            commands += [
                (
                    f"Go to {label}",
                    f"Show the {label.lower()} screen",
                    partial(run, f"go('{place}')"),
                )
                for place, label in PLACES.items()
            ]
            commands.append(
                (
                    "Open the policy lab",
                    "One InMail campaign under each refund policy, side by side",
                    partial(run, "go('lab')"),
                )
            )
            what = "Members read, answer and write"
            commands += [
                ("Advance the clock by a day", what, partial(run, "advance(1)")),
                ("Advance the clock by a week", what, partial(run, "advance(7)")),
                ("Advance the clock by a month", what, partial(run, "advance_month")),
                ("Advance the clock to a date…", what, partial(run, "advance_to")),
            ]
        commands += [
            (f"Theme: {name}", "Use this colour theme", partial(setattr, app, "theme", name))
            for name in app.available_themes
        ]
        return commands

    async def discover(self) -> Hits:
        if self.opening:
            yield DiscoveryHit(
                "Still opening the network…",
                partial(self.app.run_action, "still_opening"),
                help="Places, members and the clock are offered once it is open",
            )
        for title, help_text, command in self.fixed_commands():
            if not title.startswith("Theme:"):
                yield DiscoveryHit(title, command, help=help_text)
        if not self.opening:
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
        gate = self.gate
        words = query.removeprefix("open").strip()
        if gate is None or len(words) < 2:
            return
        try:
            results = await asyncio.to_thread(
                gate.call, lambda world: world.search(words, limit=MEMBER_HITS)
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
                partial(self.app.post_message, OpenMember(found.id)),
                text=f"Open member: {found.name}",
                help=escape(visible(f"{found.headline} at {found.company}")),
            )

    def _hint(self) -> None:
        self.app.notify("Type a member's name in the palette to open their profile.", markup=False)
