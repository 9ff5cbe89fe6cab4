"""Words and badges the screens share, always as `rich.text.Text`.

Anything a member or the user typed goes into a `Text(...)` object, never into a markup
string, so a name like "[bold]Eve[/] Markup" is shown exactly as typed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from netui.core.credits import CreditState, InMailState
from netui.core.model import Degree, Plan, Route
from netui.core.routes import INMAIL_COST_REASON, Refusal, RouteDecision

if TYPE_CHECKING:
    from netui.world.results import ScoreLine, SentItem

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
        ("Score ", ""),
        (score.score_text, "bold"),
        f" · open rate {score.open_rate_text}",
    )


def plan_label(value: str) -> str:
    try:
        return Plan(value).label
    except ValueError:
        return value


def long_date(iso: str | None) -> str:
    """'2015-01-12' → 'Mon 12 Jan 2015' (the clock everybody reads)."""
    if not iso:
        return ""
    day = date.fromisoformat(str(iso)[:10])
    return day.strftime("%a %d %b %Y")


def count(value: int | None, one: str, many: str | None = None) -> str:
    value = value or 0
    return f"{value:,} {one if value == 1 else (many or one + 's')}"


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
        return Text(f"spent · {days} day{'s' * (days != 1)} left", style="yellow")
    return Text(state.value, style=CREDIT_STYLES[state])
