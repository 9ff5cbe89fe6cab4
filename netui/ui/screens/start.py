"""What shows while the network is built on first run, or why a database cannot open.

The App does the opening and building (in a thread worker, see `NetuiApp.open_world`);
this screen only shows the phase and a progress bar, or the reason it failed. Opening
an existing database needs no screen of its own: the dashboard shows at once and fills
in when the World is open.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static

from netui.core.progress import Progress

if TYPE_CHECKING:
    from netui.core.network import Network

MakeNetwork = Callable[[Progress], "Network"]
# Progress is reported from the seeding thread; hopping to the event loop for every
# tiny step would slow seeding down, so only a visible change is passed on.
REPORT_EVERY_SECONDS = 0.1


def default_network(report: Progress) -> Network:
    """The default recipe, as `netui seed` builds it."""
    from netui.synth import generate
    from netui.synth.recipe import load_recipe

    return generate(load_recipe("default"), report)


class StartScreen(Screen):
    """Building your network… with the phase and a progress bar; or what went wrong."""

    CSS_PATH = "start.tcss"

    def __init__(
        self, db_path: Path, *, first_run: bool, failure: tuple[str, list[str]] | None = None
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.first_run = first_run
        # What to show. Progress can be reported before the screen is mounted (the
        # build starts at once): it is kept, and drawn as soon as there is a screen.
        self.progress: tuple[str, float] | None = None
        self.failure = failure

    def compose(self) -> ComposeResult:
        with Middle(), Center(), Vertical(id="start-box"):
            yield Static(Text("netui", style="bold"), id="start-title")
            if self.first_run:
                yield Label(Text("First run: building the default network."))
            yield Label(Text(str(self.db_path), style="dim"), id="start-path")
            yield Label(Text("Opening…"), id="start-phase")
            yield ProgressBar(total=1.0, show_eta=False, id="start-progress")
            yield Label(Text("ctrl+q quits at any time", style="dim"))

    def on_mount(self) -> None:
        self._draw()

    def show_progress(self, phase: str, fraction: float) -> None:
        self.progress = (phase, fraction)
        self._draw()

    def failed(self, message: str, reasons: list[str]) -> None:
        self.failure = (message, reasons)
        self._draw()

    def _draw(self) -> None:
        if not self.query("#start-phase"):  # not composed yet: on_mount draws it
            return
        phase, bar = self.query_one("#start-phase", Label), self.query_one(ProgressBar)
        bar.display = self.first_run and not self.failure
        if self.failure:
            message, reasons = self.failure
            lines = Text(message, style="bold red")
            for reason in reasons:
                lines.append(f"\n• {reason}", style="red")
            lines.append("\n\nPress ctrl+q to quit.", style="dim")
            phase.update(lines)
        elif self.progress:
            said, fraction = self.progress
            said = said[:1].upper() + said[1:]  # phases may be named in lower case
            phase.update(Text(f"{said}…"))
            bar.update(progress=max(0.0, min(1.0, fraction)))


def throttled(report: Progress) -> Progress:
    """`report`, called at most every REPORT_EVERY_SECONDS per phase (new phases at once)."""
    last = {"phase": "", "at": 0.0}

    def report_now_and_then(phase: str, fraction: float) -> None:
        now = time.monotonic()
        if phase == last["phase"] and now - last["at"] < REPORT_EVERY_SECONDS:
            return
        last.update(phase=phase, at=now)
        report(phase, fraction)

    return report_now_and_then
