"""The first screen: open the database, or on first run build the default network.

Seeding takes a while on the default recipe, so it runs in a thread worker and reports
its phases here; the screen stays responsive (ctrl+q quits) the whole time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static

from netui.errors import NetuiError

if TYPE_CHECKING:
    from netui.core.network import Network
    from netui.ui.app import NetuiApp

Progress = Callable[[str, float], None]  # (phase, fraction done), as World.build reports
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
    """Opening… or Building your network… with the phase and a progress bar."""

    app: NetuiApp

    def __init__(self, db_path: Path, make_network: MakeNetwork | None) -> None:
        super().__init__()
        self.db_path = db_path
        self.make_network = make_network or default_network
        self.first_run = not db_path.exists()

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
        self.query_one(ProgressBar).display = self.first_run
        self.start()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def start(self) -> None:
        # Imported here, in the worker: the World brings sqlite-utils and networkx, a
        # quarter of a second of imports the first frame need not wait for.
        from netui.world import World

        try:
            if self.first_run:
                World.build(self.db_path, self.make_network, progress=self._throttled())
            world = World.open(self.db_path)
        except NetuiError as error:
            self.app.call_from_thread(self.failed, error.message, error.reasons)
        except Exception as error:  # e.g. the seeder is missing or broken
            self.app.call_from_thread(self.failed, f"{error.__class__.__name__}: {error}", [])
        else:
            self.app.call_from_thread(self.app.world_ready, world)

    def _throttled(self) -> Progress:
        last = {"phase": "", "at": 0.0}

        def report(phase: str, fraction: float) -> None:
            now = time.monotonic()
            if phase == last["phase"] and now - last["at"] < REPORT_EVERY_SECONDS:
                return
            last.update(phase=phase, at=now)
            self.app.call_from_thread(self.show_progress, phase, fraction)

        return report

    def show_progress(self, phase: str, fraction: float) -> None:
        said = phase[:1].upper() + phase[1:]  # phases may be named in lower case
        self.query_one("#start-phase", Label).update(Text(f"{said}…"))
        self.query_one(ProgressBar).update(progress=max(0.0, min(1.0, fraction)))

    def failed(self, message: str, reasons: list[str]) -> None:
        lines = Text(message, style="bold red")
        for reason in reasons:
            lines.append(f"\n• {reason}", style="red")
        lines.append("\n\nPress ctrl+q to quit.", style="dim")
        self.query_one("#start-phase", Label).update(lines)
        self.query_one(ProgressBar).display = False
