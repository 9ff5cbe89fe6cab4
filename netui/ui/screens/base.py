"""What every place in the app shares: the tab bar, the footer, and fresh data."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent
from textual.worker import Worker

from netui.errors import NetuiError
from netui.ui.gate import ask_world
from netui.ui.widgets.tabs import PlaceTabs

if TYPE_CHECKING:
    from netui.ui.app import NetuiApp
    from netui.world import World

T = TypeVar("T")


def tab_keys(place: str, tabs: dict[str, str]) -> list[Binding]:
    """1, 2, … show a screen's tabs directly (`tabs`: each pane's id and its name). The
    footer shows them as one "1 2 Tabs"; help lists each one."""
    group = Binding.Group("Tabs")
    return [
        Binding(
            str(n),
            f"show_tab('{pane}')",
            name,
            id=f"{place}.tab-{n}",
            tooltip=f"Show the {name} tab",
            group=group,
        )
        for n, (pane, name) in enumerate(tabs.items(), 1)
    ]


class PlaceScreen(Screen):
    """A screen with the tab bar on top and the keys below.

    Subclasses compose their body in `compose_body` and fetch what they show in
    `reload`, which runs whenever the screen comes to the front (so after the clock
    moves or a message is sent elsewhere, every screen shows the new state).
    """

    app: NetuiApp
    PLACE: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        yield PlaceTabs(self.PLACE or self.app.current_mode)
        yield from self.compose_body()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_resize(self) -> None:
        # On a narrow terminal the keys of this screen matter more than the palette hint.
        self.query_one(Footer).show_command_palette = self.size.width >= 100

    def action_show_tab(self, pane: str) -> None:
        """A tab key: that tab, with the keys on its list working at once."""
        self.query_one(TabbedContent).active = pane
        tables = self.query_one(f"#{pane}").query("DataTable, RowTable")
        if tables:
            self.set_focus(tables.first())

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Ask the World for what this screen shows (in a worker)."""

    def ask(
        self,
        question: Callable[[World], T],
        then: Callable[[T], object],
        *,
        group: str = "load",
        latest_only: bool = True,
        failed: Callable[[NetuiError], object] | None = None,
    ) -> Worker[None]:
        return ask_world(self, question, then, group=group, latest_only=latest_only, failed=failed)

    def act(
        self,
        action: Callable[[World], T],
        then: Callable[[T], object] | None = None,
        *,
        failed: Callable[[NetuiError], object] | None = None,
    ) -> Worker[None]:
        """Change the World (send, buy, settings…), then refresh everything that shows it."""

        def done(answer: T) -> None:
            if then is not None:
                then(answer)
            self.app.world_changed()

        return ask_world(self, action, done, group="act", latest_only=False, failed=failed)
