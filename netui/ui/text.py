"""Words and badges the screens share, always as `rich.text.Text`.

Anything a member or the user typed goes into a `Text(...)` object, never into a markup
string, so a name like "[bold]Eve[/] Markup" is shown exactly as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.text import Text

from netui.core.model import Category, Degree, MessageKind, Plan, Route
from netui.core.routes import Refusal

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


def degree_badge(degree: str | Degree) -> Text:
    """1st ,  2nd ,  3rd ,  Group ,  Out  as a coloured badge, the same width-ish."""
    degree = Degree(degree)
    return Text(f" {degree.label} ", style=DEGREE_STYLES[degree])


def route_action(route: str | Route, refusals: Iterable[str] = ()) -> Text:
    """What one key on a search result does: the route R3 allows, or why none does."""
    route = Route(route)
    if route is Route.NONE:
        why = ", ".join(REFUSAL_WORDS[Refusal(r)] for r in refusals) or "not possible"
        return Text(f"✗ {why}", style=ROUTE_STYLES[route])
    return Text(route.label, style=ROUTE_STYLES[route])


def route_sentence(route: dict) -> Text:
    """The route decision in words: "InMail (1 credit) — InMail costs 1 credit."."""
    kind = Route(route["route"])
    text = Text()
    if route["allowed"]:
        cost = route.get("cost", 0)
        text.append(kind.label, style=ROUTE_STYLES[kind])
        text.append(f" ({cost} credit)" if cost == 1 else " (free)" if cost == 0 else "")
    else:
        text.append("Not possible", style=ROUTE_STYLES[Route.NONE])
    # "InMail costs 1 credit." only repeats the "(1 credit)" just written.
    reasons = [r for r in route.get("reasons") or [] if r != "InMail costs 1 credit."]
    if reasons:
        text.append(" — " + " ".join(reasons), style="dim" if route["allowed"] else "")
    return text


def score_line(numbers: dict) -> Text:
    """R5.6: the score with the open rate beside it, or why there is none yet."""
    if numbers.get("score") is None:
        return Text("No score yet: no InMail sent in the last 90 days", style="dim")
    return Text.assemble(
        ("Score: " if numbers.get("score_waiting") else "Score ", ""),
        (str(numbers.get("score_text")), "bold"),
        f" · open rate {numbers.get('open_rate_text')}",
    )


def kind_label(kind: str | None) -> str:
    return MessageKind(kind).label if kind else ""


def category_label(value: str | None) -> str:
    if not value:
        return ""
    try:
        return Category(value).label
    except ValueError:
        return value


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
    "sent": "",
    "opened": "cyan",
    "accepted": "green",
    "declined": "red",
    "replied": "bold green",
    "no_answer": "dim",
}


def state_words(state: str) -> str:
    """A message state as a person reads it: no_answer → "no answer"."""
    return state.replace("_", " ")


def credit_state(item: dict) -> Text:
    state = item["credit_state"]
    days = item.get("refund_days_left")
    if state == "spent" and days is not None:
        return Text(f"spent · {count(days, 'day')} left", style="yellow")
    return Text(state, style={"refunded": "green", "free": "cyan"}.get(state, ""))
