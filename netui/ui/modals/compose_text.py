"""What the compose form (R4) shows, apart from the form itself.

The recipient, asked of the World once as the form opens, and the text drawn from
them and from the draft: the head (to whom, by which route), my balance, the counts,
the length band, the categories they welcome, the checklist. All of it is plain data
and pure functions that touch no widget; the form's behaviour (showing, typing,
sending, refusing) lives in `compose.py`, which redraws each line only when it changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from netui.core.checklist import Checklist, LengthBand
from netui.core.model import Category, given_name
from netui.core.routes import RouteDecision
from netui.ui.text import count, degree_badge, long_date, plain, route_sentence

if TYPE_CHECKING:
    from netui.world import World
    from netui.world.messaging import SavedDraft
    from netui.world.results import Profile


@dataclass(frozen=True)
class Recipient:
    """What the form needs to know, asked once when it opens."""

    profile: Profile
    route: RouteDecision  # as asked: with or without InMail
    balance: int | None
    score_text: str
    draft: SavedDraft | None = None
    # The day I last InMailed them if they have not answered yet (issue 14.5).
    waiting_since: date | None = None

    @property
    def is_inmail(self) -> bool:
        return self.route.route.is_inmail

    @property
    def welcomed(self) -> tuple[Category, ...]:
        return self.profile.categories


def read_recipient(member_id: int, want_inmail: bool):
    def question(world: World) -> Recipient:
        profile = world.profile(member_id)
        now = world.glance()
        return Recipient(
            profile=profile,
            route=profile.inmail_route if want_inmail else profile.route,
            balance=now.credits,
            score_text=now.score_line.score_text,
            draft=world.draft_for(member_id),
            waiting_since=world.waiting_for_answer(member_id),
        )

    return question


def recipient_head(recipient: Recipient) -> Text:
    """To whom, their degree and the route (R3.7); for an InMail still unanswered, the
    day I last wrote (issue 14.5). A refused route is explained below it, not here."""
    profile, route, waiting_since = recipient.profile, recipient.route, recipient.waiting_since
    head = Text("To ")
    head.append_text(plain(profile.name, "bold"))
    head.append(" ")
    head.append_text(degree_badge(profile.degree))
    if route.allowed:
        head.append("  ")
        head.append_text(route_sentence(route))
    if recipient.is_inmail and waiting_since:
        head.append(
            f"\n⚠ You wrote to them on {long_date(waiting_since.isoformat())}; no answer yet.",
            style="bold yellow",
        )
    return head


def balance_line(recipient: Recipient) -> Text:
    """My credits and score (R4.4): '12 credits left · score 34% (12 of 35)', or '· no
    score yet', or '· waiting for answers' said short, as the line shares its row with
    the buttons (issue 14.5)."""
    if recipient.balance is None:
        return Text("")
    text = Text()
    text.append(f"{count(recipient.balance, 'credit')} left", style="bold")
    score = recipient.score_text
    if score.startswith("waiting"):
        score = score.split(" (")[0]
    text.append(f" · score {score}" if score[0].isdigit() else f" · {score}")
    return text


def length_line(band: LengthBand) -> Text:
    """R4.6: the length band and LinkedIn's published effect of it."""
    style = {LengthBand.SHORT: "green", LengthBand.VERY_LONG: "red"}.get(band, "")
    return Text.assemble((band.label, f"bold {style}"), f": {band.effect}", style=style)


def counter(used: int, limit: int) -> Text:
    style = "red bold" if used > limit or used == 0 else "dim"
    return Text(f"{used:,}/{limit:,}", style=style)


def welcomed_lines(recipient: Recipient, chosen: Category | None) -> Text:
    """The recipient's welcomed categories, the chosen one marked match or mismatch (R4.3)."""
    profile, welcomed = recipient.profile, recipient.welcomed
    text = plain(given_name(profile.name, profile.locale) or "They", "bold")
    text.append(" welcomes:\n", style="bold")
    if not welcomed:
        text.append("  no InMail categories\n", style="dim")
    for category in welcomed:
        if category is chosen:
            text.append(f"✓ {category.label} (match)\n", style="bold green")
        else:
            text.append(f"  {category.label}\n")
    if chosen is not None and chosen not in welcomed:
        text.append(
            f"✗ {chosen.label} is not one of them:\n  much less likely to be opened\n",
            style="bold yellow",
        )
    text.rstrip()
    return text


def checklist_head(checklist: Checklist | None, late: bool = False) -> Text:
    """'Checklist 7/9', and "checking…" when the draft has changed and its checklist
    is late."""
    head = Text("Checklist", style="bold")
    if checklist is not None:
        head.append(f" {checklist.score}/9", style="bold")
    if late:
        head.append(" · checking…", style="dim")
    return head


def checklist_lines(checklist: Checklist) -> Table:
    """The nine items, met or not, each unmet one with what to do (hanging indent)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(ratio=1)
    for item in checklist.items:
        if item.met:
            grid.add_row(Text("✓", style="bold green"), Text(item.label))
        else:
            line = Text(item.label)
            line.append("\n")
            line.append_text(plain(item.reason, "dim"))
            grid.add_row(Text("✗", style="bold yellow"), line)
    return grid
