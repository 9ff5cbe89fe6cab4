"""Placeholder terminal UI until the dashboard lands: shows the network at a glance."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from netui.cli_text import render
from netui.world import World


class NetuiApp(App):
    TITLE = "netui"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, world: World) -> None:
        super().__init__()
        self.world = world

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(render("stats", self.world.stats()), markup=False)
        yield Footer()


def run_app(db_path: Path) -> int:
    if not Path(db_path).exists():
        from netui.seeding import seed_database

        seed_database(db_path, "default")
    NetuiApp(World.open(db_path)).run()
    return 0
