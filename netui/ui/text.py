"""Words and badges the screens share, always as `rich.text.Text`.

Anything a member or the user typed goes into a `Text(...)` object, never into a markup
string, so a name like "[bold]Eve[/] Markup" is shown exactly as typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

import rich.cells
from rich._unicode_data import load as _rich_cell_table
from rich.cells import CellTable
from rich.text import Text

from netui.core.model import Degree, Plan, Route
from netui.core.outcomes import CreditState, InMailState
from netui.core.routes import INMAIL_COST_REASON, Refusal, RouteDecision

if TYPE_CHECKING:
    from netui.world.results import ScoreLine, SentItem

# The one home of plurals is netui.core.words; the screens take it from here.
from netui.core.words import count as count
from netui.core.words import plural as plural

DEGREE_STYLES = {
    Degree.FIRST: "bold #ffffff on #2e7d32",
    Degree.SECOND: "bold #ffffff on #1565c0",
    Degree.THIRD: "bold #ffffff on #6a1b9a",
    Degree.GROUP: "bold #000000 on #f9a825",
    Degree.OUT: "#e0e0e0 on #424242",
}

# A refusal in two or three words, for a table cell; the detail line has the sentence.
REFUSAL_WORDS = {
    Refusal.SELF: "you",
    Refusal.FIRST_DEGREE: "1st: message",
    Refusal.INMAIL_OFF: "InMail off",
    Refusal.NO_CREDITS: "no credits",
}

ROUTE_STYLES = {
    Route.MESSAGE: "green",
    Route.GROUP_MESSAGE: "yellow",
    Route.INMAIL: "cyan",
    Route.FREE_INMAIL: "bold cyan",
    Route.NONE: "red",
}


def plain(value: object, style: str = "") -> Text:
    """Member or user text, shown verbatim (no markup, no control characters).

    The style is a span, not the Text's base style, so text appended after it (when
    this starts a longer line) does not inherit it.
    """
    return Text.assemble((visible(str(value) if value is not None else ""), style))


# Control characters typed into a name or a message must be shown, not sent to the
# terminal: ESC becomes ␛ (U+241B) and so on. New lines and tabs stay.
_CONTROL_PICTURES = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\n\t"}
_CONTROL_PICTURES[0x7F] = "␡"


def visible(text: str) -> str:
    return text.translate(_CONTROL_PICTURES)


def degree_badge(degree: Degree) -> Text:
    """1st ,  2nd ,  3rd ,  Group ,  Out  as a coloured badge, the same width-ish."""
    return Text(f" {degree.label} ", style=DEGREE_STYLES[degree])


def route_action(decision: RouteDecision) -> Text:
    """What one key on a search result does: the route R3 allows, or why none does."""
    route = decision.route
    if not decision.allowed:
        why = ", ".join(REFUSAL_WORDS[r] for r in decision.refusals) or "not possible"
        return Text(f"✗ {why}", style=ROUTE_STYLES[Route.NONE])
    return Text(route.label, style=ROUTE_STYLES[route])


def route_sentence(decision: RouteDecision) -> Text:
    """The route decision in words: "InMail (1 credit) — InMail costs 1 credit."."""
    text = Text()
    if decision.allowed:
        cost = decision.cost
        text.append(decision.route.label, style=ROUTE_STYLES[decision.route])
        text.append(f" ({cost} credit)" if cost == 1 else " (free)" if cost == 0 else "")
    else:
        text.append("Not possible", style=ROUTE_STYLES[Route.NONE])
    # "InMail costs 1 credit." only repeats the "(1 credit)" just written.
    reasons = [r for r in decision.reasons if r != INMAIL_COST_REASON]
    if reasons:
        text.append(" — " + " ".join(reasons), style="dim" if decision.allowed else "")
    return text


def score_line(score: ScoreLine) -> Text:
    """R5.6: the score with the open rate beside it, or why there is none yet."""
    if score.score is None:
        return Text("No score yet: no InMail sent in the last 90 days", style="dim")
    return Text.assemble(
        ("Score: " if score.score_waiting else "Score ", ""),
        (score.score_text, "bold"),
        f" · open rate {score.open_rate_text}",
    )


def plan_label(value: str) -> str:
    try:
        return Plan(value).label
    except ValueError:
        return value


# How the UI writes a day: always in words, never ISO beside words (issue 14.10). The
# clock and sentences give the weekday; a table cell drops it; a plot's axis the year.


def long_date(iso: str | None) -> str:
    """'2015-01-12' → 'Mon 12 Jan 2015' (the clock everybody reads)."""
    return _day(iso, "%a %d %b %Y")


def short_date(iso: str | None) -> str:
    """'2015-01-12' → '12 Jan 2015', for table cells."""
    return _day(iso, "%d %b %Y")


def day_month(iso: str | None) -> str:
    """'2015-01-12' → '12 Jan', for the ticks of a plot whose range names the year."""
    return _day(iso, "%d %b")


def _day(iso: str | None, form: str) -> str:
    return date.fromisoformat(str(iso)[:10]).strftime(form) if iso else ""


# How an InMail's state is coloured wherever it is listed.
STATE_STYLES = {
    InMailState.SENT: "",
    InMailState.OPENED: "cyan",
    InMailState.ACCEPTED: "green",
    InMailState.DECLINED: "red",
    InMailState.REPLIED: "bold green",
    InMailState.NO_ANSWER: "dim",
}
CREDIT_STYLES = {CreditState.SPENT: "", CreditState.REFUNDED: "green", CreditState.FREE: "cyan"}


def state_text(state: InMailState) -> Text:
    """A message state as a person reads it (no_answer → "no answer"), coloured."""
    return Text(state.label, style=STATE_STYLES[state])


def credit_state(item: SentItem) -> Text:
    state, days = item.credit_state, item.refund_days_left
    if state is CreditState.SPENT and days is not None:
        return Text(f"spent · {count(days, 'day')} left", style="yellow")
    return Text(state.value, style=CREDIT_STYLES[state])


# ── how wide text is on a terminal ─────────────────────────────────────────────
#
# Rich (and so Textual) gives a spacing combining mark (Unicode category Mc: the vowel
# signs of Devanagari, Bengali, Tamil, Sinhala…) no cell. Terminals that count cells with
# wcwidth — tmux, xterm, VTE (GNOME Terminal), the Linux console, glibc — give it one:
# "राजु पन्त" is 6 cells to Rich and 7 on screen, and every border after it moves. So
# netui measures as those terminals do: one table, Rich's, with the spacing marks one
# cell wide, used by every width Rich and Textual compute (cropping, padding, layout).


def _with_spacing_marks(widths: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Rich's (start, end, width) ranges with every spacing mark taken out of the zero-width
    ranges: a code point in no range is one cell wide."""
    ranges: list[tuple[int, int, int]] = []
    for start, end, width in widths:
        if width != 0:
            ranges.append((start, end, width))
            continue
        run_start = None
        for point in range(start, end + 2):
            zero = point <= end and unicodedata.category(chr(point)) != "Mc"
            if zero and run_start is None:
                run_start = point
            elif not zero and run_start is not None:
                ranges.append((run_start, point - 1, 0))
                run_start = None
    return ranges


@cache
def _terminal_table(unicode_version: str = "auto") -> CellTable:
    table = _rich_cell_table(unicode_version)
    return table._replace(widths=_with_spacing_marks(table.widths))


def use_terminal_widths() -> None:
    """Make Rich and Textual measure text as the terminal draws it (see above). Once per
    process, before anything is drawn; the caches of the old widths are emptied."""
    if rich.cells.load_cell_table is not _terminal_table:
        rich.cells.load_cell_table = _terminal_table
        rich.cells.get_character_cell_size.cache_clear()
        rich.cells.cached_cell_len.cache_clear()


def cell_width(text: str) -> int:
    """The cells `text` takes on a terminal: what every column and border is laid out by."""
    use_terminal_widths()
    return rich.cells.cell_len(text)
