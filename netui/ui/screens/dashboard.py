"""R10: the network and my place in it, at a glance, and the keys to go everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Static

from netui.ui.keys import key_for
from netui.ui.screens.base import PlaceScreen
from netui.ui.text import (
    count,
    credit_state,
    long_date,
    plain,
    plural,
    score_line,
    state_text,
)
from netui.ui.widgets.reach_chart import ReachChart

if TYPE_CHECKING:
    from netui.world import World
    from netui.world.results import Conversation, Profile, SentItem, Settings, Stats


# Below this height the network's figures and the key list (the footer and help have
# the keys) make way for the latest conversations and InMails, which are about me.
FULL_MIN_HEIGHT = 30
LATEST_ROWS = 12


@dataclass(frozen=True)
class Dashboard:
    stats: Stats
    me: Profile
    settings: Settings
    inbox: list[Conversation]  # the newest few
    sent: list[SentItem]  # the newest few


def read_dashboard(world: World) -> Dashboard:
    return Dashboard(
        stats=world.stats(),
        me=world.profile(world.me),
        settings=world.settings(),
        inbox=world.inbox()[:LATEST_ROWS],
        sent=world.sent()[:LATEST_ROWS],
    )


class Panel(Static):
    """A bordered box with a title; its content is always a Text we built."""

    def __init__(self, title: str, *, id: str, content: Text | None = None) -> None:
        super().__init__(content or Text(), id=id, classes="panel")
        self.border_title = title


class DashboardScreen(PlaceScreen):
    CSS_PATH = "dashboard.tcss"
    PLACE = "dashboard"

    def compose_body(self) -> ComposeResult:
        with Grid(id="dashboard"):
            # Until the World is open (a moment; longer while an old file is upgraded).
            yield Panel("Me", id="dash-me", content=Text("Opening the network…", style="dim"))
            yield Panel("Credits", id="dash-credits")
            yield Panel("Network", id="dash-network")
            chart = ReachChart(id="dash-reach", classes="panel")
            chart.border_title = "My reach"
            yield chart
            yield Panel("Messages", id="dash-messages")
            yield Panel("Go", id="dash-keys")
            yield Panel("Latest conversations", id="dash-latest")
            yield Panel("My latest InMails", id="dash-inmails")

    def reload(self) -> None:
        self.ask(read_dashboard, self.show)

    def show(self, data: Dashboard) -> None:
        stats = data.stats
        self.query_one("#dash-me", Static).update(me_lines(stats, data.me, data.settings))
        self.query_one("#dash-network", Static).update(network_lines(stats))
        self.query_one(ReachChart).show(stats.degrees)
        self.query_one("#dash-credits", Static).update(credit_lines(stats))
        self.query_one("#dash-messages", Static).update(message_lines(stats))
        self.query_one("#dash-keys", Static).update(self.key_lines())
        self.query_one("#dash-latest", Static).update(latest_lines(data.inbox))
        self.query_one("#dash-inmails", Static).update(inmail_lines(data.sent))

    def on_resize(self) -> None:
        full = self.size.height >= FULL_MIN_HEIGHT
        self.query_one("#dashboard").set_class(not full, "-compact")
        for panel in ("#dash-network", "#dash-keys"):
            self.query_one(panel).display = full

    def key_lines(self) -> Text:
        """Two columns of keys, where to go and what to do, then the palette's key.
        Remapped keys show as remapped."""
        key = partial(key_for, self.app)
        go = [
            (key("go.search"), "Search"),
            (key("go.inbox"), "Inbox"),
            (key("go.credits"), "Credits"),
            (key("go.settings"), "Settings"),
            (key("help"), "Help"),
        ]
        do = [
            (key("clock.day"), "+1 day"),
            (key("clock.week"), "+1 week"),
            (key("clock.month"), "+1 month"),
            (key("clock.to"), "to a date…"),
            (key("quit"), "Quit"),
        ]
        key_width = max(cell_len(k) for k, _label in go + do)
        label_width = max(cell_len(label) for _key, label in go) + 4

        def pad(text: str, width: int) -> str:
            return " " * (width - cell_len(text))

        lines = Text()
        for (left_key, left), (right_key, right) in zip(go, do, strict=True):
            lines.append(pad(left_key, key_width) + left_key, "bold")
            lines.append(f" {left}{pad(left, label_width)}")
            lines.append(pad(right_key, key_width) + right_key, "bold")
            lines.append(f" {right}\n")
        # On a line of its own: the palette's key is wider than the others.
        lines.append("ctrl+p", "bold")
        lines.append(" Commands: go to, open…")
        return lines


def me_lines(stats: Stats, me: Profile, settings: Settings) -> Text:
    text = plain(me.name, "bold")
    text.append("\n")
    text.append_text(plain(f"{me.headline} at {me.company}"))
    text.append("\n")
    text.append_text(plain(f"{me.city}, {me.country}", "dim"))
    text.append(f"\n{stats.glance.plan.label}")
    text.append(" · InMail " + ("on" if me.accepts_inmail else "off"), style="dim")
    text.append("\n")
    text.append_text(profile_line(settings))
    return text


def profile_line(settings: Settings) -> Text:
    """R8.2: my profile's completeness and the most valuable thing to add."""
    percent, missing = settings.completeness, settings.missing
    style = "green" if percent == 100 else "yellow" if percent >= 60 else "red"
    text = Text.assemble("Profile ", (f"{percent}%", f"bold {style}"))
    if missing:
        text.append(f" · {missing[0]}" + (f" (+{len(missing) - 1})" if len(missing) > 1 else ""))
    return text


def network_lines(stats: Stats) -> Text:
    shape = stats.network or {}
    text = Text()
    text.append(f"{stats.members:,}", style="bold")
    text.append(f" members in {count(stats.countries, 'country', 'countries')}\n")
    text.append(f"{count(stats.connections, 'connection')} · {count(stats.groups, 'group')}\n")
    if shape:
        text.append(
            f"path {shape.get('mean_path_length', 0):.1f} hops · "
            f"clustering {shape.get('clustering', 0):.2f}\n",
            style="dim",
        )
    text.append(f"Today is {long_date(stats.glance.date)}")
    return text


def credit_lines(stats: Stats) -> Text:
    glance = stats.glance
    text = Text()
    text.append(f"{glance.credits:,}", style="bold")
    text.append(f" {plural(glance.credits, 'credit')}")
    expiry = glance.score_line.next_expiry
    if expiry:
        text.append(f"\nnext expiry: {expiry.amount} on {long_date(expiry.date)}")
    else:
        text.append("\nnothing expires", style="dim")
    text.append("\n")
    text.append_text(score_line(glance.score_line))
    return text


def message_lines(stats: Stats) -> Text:
    glance = stats.glance
    unread = glance.unread
    text = Text.assemble((count(unread, "unread message"), "bold" if unread else ""))
    text.append("\n" + count(glance.pending_invitations, "pending invitation"))
    left = count(glance.group_messages_left, "free group message")
    text.append(f"\n{left} left", style="dim")
    return text


def latest_lines(conversations: list[Conversation]) -> Text:
    if not conversations:
        return Text("No messages yet: advance the clock.", style="dim")
    text = Text(no_wrap=True, overflow="ellipsis")
    for c in conversations:
        text.append("● " if c.unread else "  ", style="bold cyan")
        text.append_text(plain(c.name, "bold" if c.unread else ""))
        text.append_text(plain(f" · {c.kind.label} · {c.about}", "dim"))
        text.append("\n")
    text.rstrip()
    return text


def inmail_lines(sent: list[SentItem]) -> Text:
    if not sent:
        return Text("No InMails sent yet: find someone in Search.", style="dim")
    text = Text(no_wrap=True, overflow="ellipsis")
    for item in sent:
        text.append_text(plain(item.to_name, "bold"))
        text.append(" · ")
        text.append_text(state_text(item.state))
        text.append(" · ")
        text.append_text(credit_state(item))
        text.append("\n")
    text.rstrip()
    return text
