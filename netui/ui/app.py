"""The netui terminal UI: one App, six screens you move between, modals on top.

The App owns the World (behind `WorldGate`, which it gives every screen it makes), the
keys that work everywhere, the clock (moved by `netui.ui.clock`), and the screen stack.
Screens ask the World through the gate, in thread workers, so the event loop never
waits for the database or the graph; what they want of the App (a profile, the compose
form, an invitation, a refresh) they post as a message from `netui.ui.messages`,
handled here with `@on`.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.worker import get_current_worker

from netui.config import load_config
from netui.core.money import PriceList
from netui.errors import NetuiError
from netui.ui.clock import CLOCK_BINDINGS, CLOCK_WAITS, Clock
from netui.ui.commands import NetuiCommands
from netui.ui.gate import DaemonThreads, WorldGate
from netui.ui.messages import (
    ComposeTo,
    Connect,
    FocusSearch,
    OpenMember,
    PersonaChanged,
    WorldChanged,
)
from netui.ui.modals.drafts import DraftKeeper
from netui.ui.modals.help import HelpModal, screen_keys
from netui.ui.places import PLACE_SCREENS, PLACES, Status
from netui.ui.screens.dashboard import DashboardScreen
from netui.ui.screens.start import MakeNetwork, StartScreen, default_network, throttled
from netui.ui.text import use_terminal_widths, visible

if TYPE_CHECKING:
    from netui.world import World
    from netui.world.results import InvitationSent, SendReceipt


def place_screen(module: str, screen: str, gate: WorldGate) -> Callable[[], Screen]:
    """A place's screen, imported on the first visit: start-up loads only the dashboard."""

    def make() -> Screen:
        return getattr(import_module(f"netui.ui.screens.{module}"), screen)(gate)

    return make


# How long "Still opening the network" stays up; the same notice is not stacked again.
OPENING_NOTICE_SECONDS = 4


class Quitting(Exception):
    """Raised in the opening worker when the app quits while the network is built."""


class NetuiApp(App[None]):
    """netui. Build it with the database path; tests and `run_app` use the same factory."""

    TITLE = "netui"
    CSS_PATH = "app.tcss"
    # The app opens on the dashboard, which fills in once the World is open: no
    # start screen to draw and then replace (first run puts one on top while it builds).
    DEFAULT_MODE = "dashboard"
    COMMANDS = App.COMMANDS | {NetuiCommands}
    # Every binding has an id, so a user can move it to another key in the config file.
    BINDINGS = [
        *(
            Binding(key, f"go('{place}')", label, id=f"go.{place}", show=False)
            for key, (place, label) in zip(
                ("d", "s", "i", "c", "l", "comma"), PLACES.items(), strict=True
            )
        ),
        Binding("slash", "go('search')", "Search", id="go.search-slash", show=False),
        *CLOCK_BINDINGS,
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="Keys and what they do"),
        # q quits from a screen; a modal takes q to close itself (modals/base.py); typed
        # in a text box it is a q. ctrl+q (Textual's own binding) quits from anywhere.
        Binding("q", "quit", "Quit", id="quit", show=False),
        # While the network opens nothing else answers escape: say why nothing happens.
        Binding("escape", "still_opening", show=False, id="opening.escape"),
    ]

    status: reactive[Status] = reactive(Status, always_update=True)

    def __init__(
        self,
        db_path: Path,
        *,
        keymap: dict[str, str] | None = None,
        theme: str | None = None,
        make_network: MakeNetwork | None = None,
        prices: PriceList | None = None,
    ) -> None:
        """`keymap` maps binding ids to keys (the config file's [keys]); `make_network`
        builds the network on first run (default: the default recipe); `prices` is the
        configuration's price list (default: the 2015 prices)."""
        use_terminal_widths()  # before anything is measured: see netui.ui.text
        super().__init__()
        self.db_path = Path(db_path)
        self.first_run = not self.db_path.exists()
        # Start-up without garbage collection (cli.main turns it off): see world_ready.
        self.freeze_after_start = not gc.isenabled()
        self.make_network = make_network
        self.prices = prices
        self.gate = WorldGate()
        self.clock = Clock(
            self,
            self.gate,
            waiting=partial(self.action_still_opening, CLOCK_WAITS),
            moved=self.world_changed,
        )
        self._refused: tuple[str, float] = ("", 0.0)  # the last "still opening" notice
        # The places, each made with the gate (see `netui.ui.places` for their order).
        self.places: dict[str, Callable[[], Screen]] = {
            "dashboard": lambda: DashboardScreen(self.gate),
            **{p: place_screen(m, s, self.gate) for p, (m, s) in PLACE_SCREENS.items()},
        }
        for place, make in self.places.items():
            self.add_mode(place, make)
        if keymap:
            self.set_keymap(keymap)
        if theme and theme in self.available_themes:
            self.theme = theme

    # ── starting ─────────────────────────────────────────────────────────────

    def on_load(self) -> None:
        # Before any worker starts: quitting never waits for a thread (see DaemonThreads).
        asyncio.get_running_loop().set_default_executor(DaemonThreads())

    def on_mount(self) -> None:
        if self.first_run:
            self.push_screen(StartScreen(self.db_path, first_run=True))
        self.open_world()

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def open_world(self) -> None:
        """Open the database, building the network first if there is none yet.

        Quitting cancels this worker (Textual cancels every worker on exit): a build
        stops at its next progress report, leaving only its `.partial` file, which the
        next start replaces; and the app never waits for it (DaemonThreads).
        """
        # Imported here, in the worker: the World brings sqlite-utils, a tenth of a
        # second of imports the first frame need not wait for.
        from netui.world import World

        worker = get_current_worker()

        def report(phase: str, fraction: float) -> None:
            if worker.is_cancelled:
                raise Quitting
            self.call_from_thread(self._progress, phase, fraction)

        try:
            if self.first_run:
                gc.enable()  # building a network does make garbage
                World.build(
                    self.db_path,
                    self.make_network or default_network,
                    progress=throttled(report),
                    prices=self.prices,
                )
            world = World.open(self.db_path, self.prices)
        except Quitting:
            return
        except NetuiError as error:
            self.call_from_thread(self._open_failed, error.message, error.reasons)
        except Exception as error:  # e.g. the seeder is missing or broken
            self.call_from_thread(self._open_failed, f"{error.__class__.__name__}: {error}", [])
        else:
            if worker.is_cancelled:  # opened as the app quit: nobody will use it
                world.db.conn.close()
            else:
                self.call_from_thread(self.world_ready, world)

    def _progress(self, phase: str, fraction: float) -> None:
        if isinstance(self.screen, StartScreen):
            self.screen.show_progress(phase, fraction)

    def _open_failed(self, message: str, reasons: list[str]) -> None:
        gc.enable()  # in case start-up turned it off: there is no World to wait for
        if isinstance(self.screen, StartScreen):
            self.screen.failed(message, reasons)
        else:
            self.push_screen(StartScreen(self.db_path, first_run=False, failure=(message, reasons)))

    def world_ready(self, world: World) -> None:
        if self.freeze_after_start:
            # What exists now lives as long as the app (modules, styles, the World):
            # frozen, it is left out of every later collection, which would otherwise
            # walk it all and stall a keystroke for ~60 ms now and then.
            gc.freeze()
            gc.enable()
        self.gate.open(world)
        # Off with the start screen, and anything opened over it meanwhile (help).
        while any(isinstance(screen, StartScreen) for screen in self.screen_stack):
            self.pop_screen()
        self.refresh_bindings()  # the clock keys work from now on: the footer shows them
        self.world_changed()

    async def action_quit(self) -> None:
        # A form's draft is saved after a pause in typing: what was typed since is kept
        # now, before the World closes.
        for screen in self.screen_stack:
            if isinstance(keeper := getattr(screen, "drafts", None), DraftKeeper):
                keeper.save_before_quit()
        self.exit()

    def on_unmount(self) -> None:
        self.gate.close()

    # ── moving around ────────────────────────────────────────────────────────

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("go", "advance", "advance_month", "advance_to"):
            # Not from under a form being filled in. Before the network is open they
            # answer that it is still opening (see still_opening).
            return not isinstance(self.screen, ModalScreen)
        if action == "still_opening":
            return not self.gate.is_open and not isinstance(self.screen, ModalScreen)
        return True

    def action_still_opening(self, what: str = "") -> None:
        """A key that needs the network, pressed before it is open: say so, once."""
        said = f"Still opening the network{what}. ctrl+q quits."
        last, when = self._refused
        if said == last and time.monotonic() - when < OPENING_NOTICE_SECONDS:
            return  # the same notice is still on screen
        self._refused = (said, time.monotonic())
        self.notify(said, title="One moment", timeout=OPENING_NOTICE_SECONDS)

    def action_go(self, place: str) -> None:
        if not self.gate.is_open:
            self.action_still_opening(f": {PLACES[place]} opens when it is ready")
            return
        if self.current_mode == place:
            # Back to the top of this place (e.g. from a profile to the search list).
            while len(self.screen_stack) > 1:
                self.pop_screen()
        else:
            self.switch_mode(place)
        if place == "search":
            # Once the switch is done, whichever screen is then in front gets the message.
            self.call_after_refresh(lambda: self.screen.post_message(FocusSearch()))

    # The profile and the forms are imported on first use, as the places are.

    @on(OpenMember)
    def _open_member(self, message: OpenMember) -> None:
        self.open_member(message.member_id)

    @on(PersonaChanged)
    def forget_places(self) -> None:
        """After a change of persona every other place opens afresh: search filters, the
        conversation shown, the tab chosen belonged to the member played before."""
        for mode, make in self.places.items():
            if mode != self.current_mode:
                self.remove_mode(mode)
                self.add_mode(mode, make)

    def open_member(self, member_id: int) -> None:
        """Show a member's profile on top of wherever I am."""
        from netui.ui.screens.profile import ProfileScreen

        if self.gate.is_open:
            self.push_screen(ProfileScreen(self.gate, member_id))

    @on(ComposeTo)
    def _compose_to(self, message: ComposeTo) -> None:
        self.compose_to(message.member_id, want_inmail=message.want_inmail)

    def compose_to(self, member_id: int, *, want_inmail: bool) -> None:
        """Open the compose form; the World decides the route (R3.7)."""
        from netui.ui.modals.compose import ComposeModal

        if self.gate.is_open:
            modal = ComposeModal(self.gate, member_id, want_inmail=want_inmail)
            self.push_screen(modal, self._sent)

    def _sent(self, result: SendReceipt | None) -> None:
        if result:
            self.world_changed()

    @on(Connect)
    def connect(self, message: Connect) -> None:
        """Invite a member to connect, from wherever I asked."""

        def invited(_: InvitationSent) -> None:
            self.notify("Invitation sent; they will answer as the clock moves.", markup=False)
            self.world_changed()

        member_id = message.member_id
        self.gate.ask(
            self,
            lambda world: world.connect(member_id),
            invited,
            group="connect",
            latest_only=False,
        )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpModal):
            self.push_screen(HelpModal(screen_keys(self.screen)))

    # ── the clock (netui.ui.clock) ──────────────────────────────────────────

    def action_advance(self, days: int) -> None:
        self.advance(days)

    def action_advance_month(self) -> None:
        self.clock.advance_month(self.status.date)

    def action_advance_to(self) -> None:
        self.clock.advance_to(self.status.date)

    def advance(self, days: int | None = None, *, to: date | None = None) -> None:
        """Move the simulated clock (by days, or to a date), then tell me what happened
        while I was away."""
        self.clock.advance(days, to=to)

    # ── keeping every screen current ───────────────────────────────────────────

    @on(WorldChanged)
    def _world_changed(self) -> None:
        self.world_changed()

    def world_changed(self) -> None:
        """After any change: the tab bar and the screen in front show the new state.

        Screens behind reload themselves when they come back (ScreenResume).
        """
        self.refresh_status()
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    def refresh_status(self) -> None:
        self.gate.ask(self, Status.of, self._set_status, group="status")

    def _set_status(self, status: Status) -> None:
        self.status = status

    # ── notifications: plain text, never markup ───────────────────────────────────

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text: member names and World messages appear in
        them, and must show as typed (no markup, no control characters)."""
        super().notify(
            visible(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    # ── the command palette ───────────────────────────────────────────────────

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and what they do", self.action_help)


def run_app(db_path: Path) -> int:
    """`netui` with no command, and `python app.py`: open (or first seed) the database."""
    config = load_config()
    app = NetuiApp(db_path=db_path, keymap=config.keys, theme=config.theme, prices=config.prices)
    app.run()
    return app.return_code or 0
