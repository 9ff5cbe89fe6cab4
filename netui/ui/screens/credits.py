"""R5: my InMail credits — where they came from, when they go, and what comes back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Sparkline, Static, TabbedContent, TabPane

from netui.core.credits import LedgerKind
from netui.core.model import Plan
from netui.core.money import Charge, PriceList, usd
from netui.ui.modals.choice import ChoiceModal, bought_message, buy_credits_modal
from netui.ui.screens.base import PlaceScreen, tab_keys
from netui.ui.text import long_date, plain, plural, score_line, short_date
from netui.ui.widgets.empty import EmptyNote, say_when_empty
from netui.ui.widgets.row_table import RowTable

if TYPE_CHECKING:
    from netui.world.results import (
        BalanceDay,
        CreditsOverview,
        LedgerLine,
        LotGroup,
        PlanChanged,
        RefundWindowItem,
    )

LEDGER_STYLES = {
    LedgerKind.GRANT: "green",
    LedgerKind.PURCHASE: "green",
    LedgerKind.REFUND: "cyan",
    LedgerKind.SPEND: "yellow",
    LedgerKind.EXPIRY: "red",
    LedgerKind.CANCELLATION: "red",
}


MIN_CHART_DAYS = 14  # a chart of two days says nothing
# Below this height the chart gives its rows to the tables (80×24 shows ten ledger lines).
CHART_MIN_HEIGHT = 30
# The cause takes what the other columns leave, cut with … at the end.
LEDGER_COLUMNS = (
    ("Date", 11),
    ("Kind", 12),  # "cancellation"
    ("Amount", 6),
    ("USD", 9),
    ("Cause", 0, 1),
)
MONEY_COLUMNS = (("Date", 11), ("USD", 9), ("Cause", 0, 1))


class CreditsScreen(PlaceScreen):
    CSS_PATH = "credits.tcss"
    PLACE = "credits"
    BINDINGS = [
        Binding("b", "buy", "Buy credits", id="credits.buy", tooltip="Buy a pack of credits"),
        Binding("p", "plan", "Change plan", id="credits.plan", tooltip="Change my plan"),
        *tab_keys(
            "credits",
            {
                "tab-lots": "Lots",
                "tab-window": "In refund window",
                "tab-ledger": "Ledger",
                "tab-money": "Money",
            },
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: Plan | None = None
        self.prices = PriceList()

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="credits-top"):
            yield Static(id="credits-balance", classes="panel")
            yield Static(id="credits-policy", classes="panel")
        with Vertical(id="credits-chart", classes="panel"):
            yield Sparkline([], id="history")
            yield Static(id="history-range")
        with TabbedContent(id="credits-tabs"):
            with TabPane("Lots", id="tab-lots"):
                yield DataTable(id="lots", cursor_type="row")
                yield EmptyNote(
                    "lots",
                    "No credits held. Buy a pack or move to a paid plan: each lot of "
                    "credits is listed here with the day it expires.",
                )
            with TabPane("In refund window", id="tab-window"):
                yield DataTable(id="window", cursor_type="row")
                yield EmptyNote(
                    "window",
                    "No InMail is in its refund window: paid InMails whose credit may still "
                    "come back are listed here, with the days left.",
                )
            with TabPane("Ledger", id="tab-ledger"):
                yield RowTable(id="ledger")
                yield EmptyNote(
                    "ledger",
                    "No entries yet: every grant, purchase, spend, refund and expiry of "
                    "credits is listed here.",
                )
            with TabPane("Money", id="tab-money"):
                yield RowTable(id="money")
                yield EmptyNote(
                    "money", "Nothing paid yet: every pack and month of a plan is listed here."
                )

    def on_mount(self) -> None:
        self.query_one("#credits-balance").border_title = "Balance"
        self.query_one("#credits-policy").border_title = "Refund policy"
        self.query_one("#credits-chart").border_title = "Balance over time (up to 90 days)"
        self.query_one("#lots", DataTable).add_columns("Credits", "Source", "Credited", "Expires")
        self.query_one("#window", DataTable).add_columns("InMail to", "Days left")

    def on_resize(self) -> None:
        self.query_one("#credits-chart").display = self.size.height >= CHART_MIN_HEIGHT

    def reload(self) -> None:
        self.ask(lambda world: (world.credits(), world.prices), self._answered)

    def _answered(self, answer: tuple[CreditsOverview, PriceList]) -> None:
        credits, self.prices = answer
        self.show(credits)

    def show(self, credits: CreditsOverview) -> None:
        self.plan = credits.plan
        self.query_one("#credits-balance", Static).update(balance_lines(credits))
        self.query_one("#credits-policy", Static).update(policy_lines(credits))
        history = since_first_change(credits.history)
        self.query_one(Sparkline).data = [day.balance for day in history] or [0]
        if len(history) == 1:  # the account's first day
            first = history[0]
            said = f"{long_date(first.date)}, the first day: {first.balance}"
            self.query_one("#history-range", Static).update(Text(said, style="dim"))
        elif history:
            low = min(day.balance for day in history)
            high = max(day.balance for day in history)
            self.query_one("#history-range", Static).update(
                Text(
                    f"{long_date(history[0].date)} → {long_date(history[-1].date)}"
                    f" · low {low} · high {high}",
                    style="dim",
                )
            )
        self._fill_lots(credits.lots)
        self._fill_window(credits.in_refund_window, credits.in_refund_window_count)
        self._fill_ledger(credits.ledger, credits.ledger_total)
        self._fill_money(credits.charges, credits.spent_usd)

    def _fill_lots(self, lots: tuple[LotGroup, ...]) -> None:
        table = self.query_one("#lots", DataTable)
        table.clear()
        for lot in sorted(lots, key=lambda lot: lot.expires):
            table.add_row(
                Text(str(lot.amount), justify="right"),
                Text(lot.source.value),
                Text(short_date(lot.credited)),
                Text(short_date(lot.expires)),
            )
        say_when_empty(table)

    def _fill_window(self, window: tuple[RefundWindowItem, ...], total: int) -> None:
        """The InMails whose credit may still come back (the World sends the soonest)."""
        table = self.query_one("#window", DataTable)
        table.clear()
        for item in window:
            table.add_row(plain(item.to_name), Text(str(item.days_left), justify="right"))
        say_when_empty(table)
        self.query_one("#credits-tabs", TabbedContent).get_tab(
            "tab-window"
        ).label = f"In refund window ({total:,})"

    def _fill_ledger(self, ledger: tuple[LedgerLine, ...], total: int | None) -> None:
        rows = [
            [
                Text(short_date(entry.date)),
                Text(entry.kind.value, style=LEDGER_STYLES[entry.kind]),
                Text(f"{entry.amount:+d}", justify="right"),
                Text(dollars(entry.usd), justify="right"),
                plain(entry.cause),
            ]
            for entry in ledger
        ]
        table = self.query_one("#ledger", RowTable)
        table.show_rows(LEDGER_COLUMNS, rows, [str(n) for n in range(len(rows))])
        say_when_empty(table)
        label = f"Ledger ({total:,})" if total is not None else "Ledger"
        self.query_one("#credits-tabs", TabbedContent).get_tab("tab-ledger").label = label

    def _fill_money(self, charges: tuple[Charge, ...], spent: float) -> None:
        """Every payment, newest first (R5.8)."""
        rows = [
            [
                Text(short_date(charge.date.isoformat())),
                Text(usd(charge.cents), justify="right"),
                plain(charge.cause),
            ]
            for charge in reversed(charges)
        ]
        table = self.query_one("#money", RowTable)
        table.show_rows(MONEY_COLUMNS, rows, [str(n) for n in range(len(rows))])
        say_when_empty(table)
        tab = self.query_one("#credits-tabs", TabbedContent).get_tab("tab-money")
        tab.label = f"Money ({dollars(spent)})"

    # ── buying and changing plan ──────────────────────────────────────────────

    def action_buy(self) -> None:
        def chosen(pack: int | None) -> None:
            if pack:
                self.act(
                    lambda world: world.buy(pack),
                    lambda result: self.notify(bought_message(result), markup=False),
                )

        self.app.push_screen(buy_credits_modal(self.prices), chosen)

    def action_plan(self) -> None:
        self.app.push_screen(plan_modal(self.plan, self.prices), self.change_plan)

    def change_plan(self, plan: Plan | None) -> None:
        if plan is None:
            return
        self.act(
            lambda world: world.change_plan(plan),
            self._plan_changed,
        )

    def _plan_changed(self, result: PlanChanged) -> None:
        self.notify(result.message or "Plan changed.", markup=False)


def since_first_change(history: tuple[BalanceDay, ...]) -> tuple[BalanceDay, ...]:
    """The balance from the day it first moved: the days before I had any are not news."""
    first = next((n for n, day in enumerate(history) if day.balance), len(history) - 1)
    return history[max(0, min(first - 1, len(history) - MIN_CHART_DAYS)) :]


def plan_modal(current: Plan | None, prices: PriceList) -> ChoiceModal[Plan]:
    """Every plan with its grant and price; the one I am on is marked (R5.3, R5.8)."""

    def label(plan: Plan) -> str:
        price = f"{usd(prices.month_of(plan))} a month" if plan.is_premium else "no charge"
        mark = "✓" if plan is current else " "
        return f"{mark} {plan.label:<17} {plan.monthly_grant:>2} credits · {price}"

    return ChoiceModal(
        "Change plan",
        [(label(plan), plan) for plan in Plan],
        explanation="✓ is your plan. From Free, a paid plan starts today: the first month "
        "is charged and granted. Another paid plan starts at your next billing day. Free "
        "starts at once and drops the unspent credits of the plan's grants. Money is never "
        "paid back.",
        selected=current,
    )


def dollars(amount: float | None) -> str:
    return "" if amount is None else usd(round(amount * 100))


def balance_lines(c: CreditsOverview) -> Text:
    text = Text()
    text.append(f"{c.balance:,}", style="bold")
    text.append(f" {plural(c.balance, 'credit')}")
    expiry = c.score_line.next_expiry
    if expiry:
        text.append(f" · next expiry {expiry.amount} on {long_date(expiry.date)}", style="dim")
    text.append(f"\n{c.plan.label}")
    if c.monthly_grant:
        text.append(f" · {c.monthly_grant} a month")
    if c.next_grant:
        text.append(f" · next grant {long_date(c.next_grant)}", style="dim")
    if c.pending_plan:
        text.append(
            f"\n→ {c.pending_plan.label} from {long_date(c.pending_from)}",
            style="yellow",
        )
    text.append("\n")
    text.append_text(score_line(c.score_line))
    text.append_text(money_line(c))
    return text


def money_line(c: CreditsOverview) -> Text:
    """R5.8: what the outreach has cost, and what an answer cost."""
    text = Text("\nMoney spent ")
    text.append(dollars(c.spent_usd), style="bold")
    if c.usd_per_answer is not None:
        text.append(f" · {dollars(c.usd_per_answer)} per answered InMail")
    else:
        text.append(" · no InMail answered yet", style="dim")
    return text


def policy_lines(c: CreditsOverview) -> Text:
    return Text.assemble((c.refund_policy.value, "bold"), "\n", c.policy_meaning)
