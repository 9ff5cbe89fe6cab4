"""The netui terminal UI: one App, five screens you move between, modals on top.

The App owns the World (behind `WorldGate`), the keys that work everywhere, the clock,
and how errors are shown. Screens ask the World questions through `ask_world`, so the
event loop never waits for the database or the graph.
"""

from __future__ import annotations

import calendar
import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notification, Notify, SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from netui.config import load_config
from netui.core.clock import describe_events
from netui.core.money import PriceList
from netui.errors import NetuiError
from netui.ui.commands import NetuiCommands
from netui.ui.gate import WorldGate, ask_world
from netui.ui.modals.help import HelpModal, screen_keys
from netui.ui.screens.dashboard import DashboardScreen
from netui.ui.screens.start import MakeNetwork, StartScreen, default_network, throttled
from netui.ui.text import count, long_date, use_terminal_widths, visible

if TYPE_CHECKING:
    from netui.world import World
    from netui.world.results import AdvanceReport, SendReceipt

# The screens you move between, in the order of the tab bar.
PLACES: dict[str, str] = {
    "dashboard": "Dashboard",
    "search": "Search",
    "inbox": "Inbox",
    "credits": "Credits",
    "lab": "Lab",
    "settings": "Settings",
}


def place_screen(module: str, screen: str) -> Callable[[], Screen]:
    """A place's screen, imported on the first visit: start-up loads only the dashboard."""

    def make() -> Screen:
        return getattr(import_module(f"netui.ui.screens.{module}"), screen)()

    return make


@dataclass(frozen=True)
class Status:
    """What the tab bar shows on every screen: when it is, who I am, what I have."""

    date: str = ""
    me_name: str = ""
    credits: int | None = None
    unread: int | None = None


def read_status(world: World) -> Status:
    now = world.glance()
    return Status(now.date, now.me_name, now.credits, now.unread)


class NetuiApp(App[None]):
    """netui. Build it with the database path; tests and `run_app` use the same factory."""

    TITLE = "netui"
    CSS_PATH = "app.tcss"
    # The app opens on the dashboard, which fills in once the World is open: no
    # start screen to draw and then replace (first run puts one on top while it builds).
    DEFAULT_MODE = "dashboard"
    MODES = {
        "dashboard": DashboardScreen,
        "search": place_screen("search", "SearchScreen"),
        "inbox": place_screen("inbox", "InboxScreen"),
        "credits": place_screen("credits", "CreditsScreen"),
        "lab": place_screen("lab", "LabScreen"),
        "settings": place_screen("settings", "SettingsScreen"),
    }
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
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="Keys and what they do"),
        Binding("q", "quit", "Quit", id="quit", show=False),
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
        self.gate: WorldGate | None = None
        self.clock_notice: Notification | None = None
        if keymap:
            self.set_keymap(keymap)
        if theme and theme in self.available_themes:
            self.theme = theme

    # ── starting ─────────────────────────────────────────────────────────────

    def on_mount(self) -> None:
        if self.first_run:
            self.push_screen(StartScreen(self.db_path, first_run=True))
        self.open_world()

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def open_world(self) -> None:
        """Open the database, building the network first if there is none yet."""
        # Imported here, in the worker: the World brings sqlite-utils, a tenth of a
        # second of imports the first frame need not wait for.
        from netui.world import World

        try:
            if self.first_run:
                gc.enable()  # building a network does make garbage
                progress = throttled(lambda *step: self.call_from_thread(self._progress, *step))
                World.build(
                    self.db_path,
                    self.make_network or default_network,
                    progress=progress,
                    prices=self.prices,
                )
            world = World.open(self.db_path, self.prices)
        except NetuiError as error:
            self.call_from_thread(self._open_failed, error.message, error.reasons)
        except Exception as error:  # e.g. the seeder is missing or broken
            self.call_from_thread(self._open_failed, f"{error.__class__.__name__}: {error}", [])
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
        self.gate = WorldGate(world)
        # Off with the start screen, and anything opened over it meanwhile (help).
        while any(isinstance(screen, StartScreen) for screen in self.screen_stack):
            self.pop_screen()
        self.refresh_bindings()  # the clock keys work from now on: the footer shows them
        self.world_changed()

    def on_unmount(self) -> None:
        if self.gate is not None:
            self.gate.close()

    # ── moving around ────────────────────────────────────────────────────────

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("go", "advance", "advance_month", "advance_to"):
            # Not before the network exists, and not from under a form being filled in.
            return self.gate is not None and not isinstance(self.screen, ModalScreen)
        if action == "quit":  # q in a form or a choice closes nothing by surprise
            return not isinstance(self.screen, ModalScreen)
        return True

    def action_go(self, place: str) -> None:
        if self.current_mode == place:
            # Back to the top of this place (e.g. from a profile to the search list).
            while len(self.screen_stack) > 1:
                self.pop_screen()
        else:
            self.switch_mode(place)
        if place == "search":
            from netui.ui.screens.search import SearchScreen

            # Once the switch is done, whichever screen is then in front gets the message.
            self.call_after_refresh(lambda: self.screen.post_message(SearchScreen.FocusQuery()))

    def forget_places(self) -> None:
        """After a change of persona every other place opens afresh: search filters, the
        conversation shown, the tab chosen belonged to the member played before."""
        for mode, make in self.MODES.items():
            if mode != self.current_mode:
                self.remove_mode(mode)
                self.add_mode(mode, make)

    def open_member(self, member_id: int) -> None:
        """Show a member's profile on top of wherever I am."""
        from netui.ui.screens.profile import ProfileScreen

        if self.gate is not None:
            self.push_screen(ProfileScreen(member_id))

    def compose_to(self, member_id: int, *, want_inmail: bool) -> None:
        """Open the compose form; the World decides the route (R3.7)."""
        from netui.ui.modals.compose import ComposeModal

        if self.gate is not None:
            self.push_screen(ComposeModal(member_id, want_inmail=want_inmail), self._sent)

    def _sent(self, result: SendReceipt | None) -> None:
        if result:
            self.world_changed()

    def key_for(self, binding_id: str, default: str = "") -> str:
        """The key a user presses for a binding, after their keymap (for hints on screen).

        `default` is the binding's own key, for bindings not active yet (a screen that
        is still opening).
        """
        for active in self.screen.active_bindings.values():
            if active.binding.id == binding_id:
                return self.get_key_display(active.binding)
        own = next(
            (b.key for b in self.BINDINGS if isinstance(b, Binding) and b.id == binding_id), default
        )
        keys = self._keymap.get(binding_id, own)
        return self.get_key_display(Binding(keys.split(",")[0], "")) if keys else "?"

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpModal):
            self.push_screen(HelpModal(screen_keys(self.screen)))

    # ── the clock ───────────────────────────────────────────────────────────

    def action_advance(self, days: int) -> None:
        self.advance(days)

    def action_advance_month(self) -> None:
        if self.status.date:
            self.advance(days_to_next_month(date.fromisoformat(self.status.date)))

    def action_advance_to(self) -> None:
        from netui.ui.modals.advance import AdvanceModal

        if self.status.date:
            today = date.fromisoformat(self.status.date)
            self.push_screen(AdvanceModal(today), lambda day: day and self.advance(to=day))

    def advance(self, days: int | None = None, *, to: date | None = None) -> None:
        """Move the simulated clock (by days, or to a date), then tell me what happened
        while I was away."""
        if self.gate is None:
            return
        how_far = f"to {long_date(to.isoformat())}" if to else f"by {count(days, 'day')}"
        self.notify_clock(f"Advancing the clock {how_far}…", timeout=2)
        ask_world(
            self,
            lambda world: world.advance(days, to=to),
            self._advanced,
            group="clock",
            latest_only=False,
        )

    def _advanced(self, result: AdvanceReport) -> None:
        self.notify_clock(summarise_events(result), title="The clock moved", timeout=8)
        self.world_changed()

    def notify_clock(self, message: str, *, title: str = "", timeout: float) -> None:
        """One notice about the clock at a time, the newest in place of the one before:
        ten quick presses of n would otherwise stack ten of them (issue 14.9)."""
        if self.clock_notice is not None and self.clock_notice in self._notifications:
            self._unnotify(self.clock_notice)  # Textual's own way to take one notice back
        self.clock_notice = Notification(visible(message), visible(title), timeout=timeout)
        self.post_message(Notify(self.clock_notice))

    # ── keeping every screen current ───────────────────────────────────────────

    def world_changed(self) -> None:
        """After any change: the tab bar and the screen in front show the new state.

        Screens behind reload themselves when they come back (ScreenResume).
        """
        self.refresh_status()
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    def refresh_status(self) -> None:
        ask_world(self, read_status, self._set_status, group="status")

    def _set_status(self, status: Status) -> None:
        self.status = status

    # ── errors: notifications, never tracebacks ────────────────────────────────

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

    def show_error(self, error: NetuiError) -> None:
        lines = [error.message, *(f"• {reason}" for reason in error.reasons)]
        self.notify("\n".join(lines), severity="error", markup=False, timeout=8)

    def show_unexpected(self, error: BaseException) -> None:
        self.log.error(repr(error))
        self.notify(
            f"Something went wrong: {error.__class__.__name__}: {error}",
            title="Unexpected error",
            severity="error",
            markup=False,
            timeout=12,
        )

    # ── the command palette ───────────────────────────────────────────────────

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys and what they do", self.action_help)


def days_to_next_month(today: date) -> int:
    """From 31 January, "a month" is 28 February (or 29): the same day, or the month's end."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    day = min(today.day, calendar.monthrange(year, month)[1])
    return (date(year, month, day) - today).days


def summarise_events(result: AdvanceReport) -> str:
    """'Now Mon 19 Jan 2015: 2 InMails opened, 1 reply, 1 credit refunded.'"""
    return f"Now {long_date(result.date)}: {describe_events(result.events)}."


def run_app(db_path: Path) -> int:
    """`netui` with no command, and `python app.py`: open (or first seed) the database."""
    config = load_config()
    app = NetuiApp(db_path=db_path, keymap=config.keys, theme=config.theme, prices=config.prices)
    app.run()
    return app.return_code or 0
