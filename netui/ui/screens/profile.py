"""One member, from my side: how we are connected and how I may reach them (R2, R3)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from netui.ui.screens.base import PlaceScreen
from netui.ui.text import (
    count,
    degree_badge,
    long_date,
    plain,
    route_sentence,
)

if TYPE_CHECKING:
    from netui.world.results import InvitationSent, InvitationWithdrawn, Profile


class ProfileScreen(PlaceScreen):
    """Pushed over search, the inbox or the dashboard; escape goes back."""

    CSS_PATH = "profile.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="profile.back"),
        Binding(
            "m", "message", "Message", id="profile.message", tooltip="Write by the route allowed"
        ),
        Binding("I", "inmail", "InMail", id="profile.inmail", tooltip="Write an InMail"),
        Binding("x", "connect", "Connect", id="profile.connect", tooltip="Send an invitation"),
        Binding(
            "W",
            "withdraw",
            "Withdraw",
            id="profile.withdraw",
            tooltip="Withdraw my pending invitation (21 days before inviting again)",
        ),
    ]

    def __init__(self, member_id: int) -> None:
        super().__init__()
        self.member_id = member_id
        self.profile: Profile | None = None

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="profile"):
            yield Static(Text("Loading…", style="dim"), id="profile-head", classes="panel")
            with Horizontal(id="profile-columns"):
                yield Static(id="profile-connection", classes="panel")
                yield Static(id="profile-reach", classes="panel")
            yield Static(id="profile-about", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#profile-connection").border_title = "How you're connected"
        self.query_one("#profile-reach").border_title = "Reaching them"
        self.query_one("#profile-about").border_title = "About"

    def reload(self) -> None:
        member_id = self.member_id
        self.ask(lambda world: world.profile(member_id), self.show)

    def show(self, profile: Profile) -> None:
        self.profile = profile
        head = self.query_one("#profile-head", Static)
        head.border_title = None
        head.update(head_lines(profile))
        self.query_one("#profile-connection", Static).update(connection_lines(profile))
        self.query_one("#profile-reach", Static).update(reach_lines(profile, self.app.key_for))
        self.query_one("#profile-about", Static).update(about_lines(profile))
        self.refresh_bindings()

    # ── actions ──────────────────────────────────────────────────────────────

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "withdraw":  # offered only where there is something to withdraw
            return bool(self.profile and self.profile.invitation_pending)
        return not (action in ("message", "inmail", "connect") and self.profile is None)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_message(self) -> None:
        self._write(want_inmail=False)

    def action_inmail(self) -> None:
        self._write(want_inmail=True)

    def _write(self, *, want_inmail: bool) -> None:
        # The compose form explains a refusal and offers the way out, so it opens even
        # when the route is refused.
        self.app.compose_to(self.member_id, want_inmail=want_inmail)

    def action_connect(self) -> None:
        profile = self.profile
        if profile is None:
            return
        if profile.is_connection:
            self.notify("You are already connected.", markup=False)
            return
        if profile.invitation_pending:
            key = self.app.key_for("profile.withdraw", "W")
            self.notify(
                f"Your invitation is waiting for an answer ({key} withdraws it).", markup=False
            )
            return

        def invited(_: InvitationSent) -> None:
            self.notify("Invitation sent; they will answer as the clock moves.", markup=False)

        self.act(lambda world: world.connect(self.member_id), invited)

    def action_withdraw(self) -> None:
        def withdrawn(result: InvitationWithdrawn) -> None:
            again = long_date(result.can_invite_again)
            self.notify(
                f"Invitation withdrawn. You can invite them again from {again}.", markup=False
            )

        self.act(lambda world: world.withdraw(self.member_id), withdrawn)


def head_lines(p: Profile) -> Text:
    text = Text()
    text.append_text(degree_badge(p.degree))
    text.append(" ")
    text.append_text(plain(p.name, "bold"))
    text.append("\n")
    text.append_text(plain(f"{p.headline} at {p.company}"))
    text.append("\n")
    text.append_text(plain(f"{p.city}, {p.country} · {p.industry}", "dim"))
    text.append(
        f"\n{count(p.connections, 'connection')} · plan {p.plan.label}"
        f" · member since {long_date(p.joined) or '?'}",
        style="dim",
    )
    return text


def connection_lines(p: Profile) -> Text:
    text = Text()
    names = p.path_names
    if len(names) > 1:
        text.append("Path: ", style="bold")
        for n, name in enumerate(names):
            if n:
                text.append(" → ", style="dim")
            text.append_text(plain(name))
    else:
        text.append("No path within 3 steps.", style="dim")
    text.append(f"\n{count(p.mutual, 'mutual connection')}", style="bold")
    if p.mutual_names:
        text.append(": ")
        text.append_text(plain(", ".join(p.mutual_names)))
        if p.mutual > len(p.mutual_names):
            text.append(f" and {p.mutual - len(p.mutual_names)} more", style="dim")
    text.append(f"\n{count(p.shared_groups, 'shared group')}", style="bold")
    if p.shared_group_names:
        text.append(": ")
        text.append_text(plain(", ".join(p.shared_group_names)))
    return text


def reach_lines(p: Profile, key_for: Callable[[str], str]) -> Text:
    route, inmail = p.route, p.inmail_route
    text = Text()
    text.append(f" {key_for('profile.message')} ", style="bold reverse")
    text.append(" Write: ")
    text.append_text(route_sentence(route))
    text.append("\n")
    text.append(f" {key_for('profile.inmail')} ", style="bold reverse")
    text.append(" InMail: ")
    text.append_text(route_sentence(inmail))
    text.append("\n")
    text.append(f" {key_for('profile.connect')} ", style="bold reverse")
    text.append(" Connect: ")
    if p.is_connection:
        text.append("already connected", style="dim")
    elif p.invitation_pending:
        text.append("invitation pending · ", style="yellow")
        text.append(f" {key_for('profile.withdraw')} ", style="bold reverse")
        text.append(" withdraw it")
    elif p.can_invite_again:
        text.append(f"withdrawn; invite again from {long_date(p.can_invite_again)}", style="dim")
    else:
        text.append("send an invitation", style="green")
    text.append("\n\nAccepts InMail: ")
    text.append("yes" if p.accepts_inmail else "no", style="green" if p.accepts_inmail else "red")
    text.append(" · Open Profile: ")
    text.append("yes (InMail is free)" if p.open_profile else "no")
    welcomed = [c.label for c in p.categories]
    text.append("\nWelcomes: ")
    text.append(
        ", ".join(welcomed) if welcomed else "no InMail categories", style="" if welcomed else "dim"
    )
    return text


def about_lines(p: Profile) -> Text:
    text = Text()
    if p.skills:
        text.append("Skills: ", style="bold")
        text.append_text(plain(", ".join(p.skills)))
        text.append("\n")
    text.append_text(plain(p.summary or ""))
    return text
