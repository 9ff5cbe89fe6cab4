"""The lab's results: the runs side by side in a table, and their credit balance plotted.

A view of one `netui.lab.LabReport` (or of none yet); the Lab screen has the form and
runs the lab, and hands each finished report to `LabResults.show`.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable
from textual_plotext import PlotextPlot

from netui import lab
from netui.core.model import Plan, RefundPolicy
from netui.core.money import usd
from netui.ui.text import day_month, plan_label

# The measures of a run, as the table's rows: (label, how to read it from Run.as_json()).
MEASURES: tuple[tuple[str, str], ...] = (
    ("Sent", "sent"),
    ("Opened", "opened"),
    ("Answered", "answered"),
    ("Credits spent", "spent"),
    ("Refunded", "refunded"),
    ("Net credits", "net_credits"),
    ("Money", "usd"),
    ("Per answer", "usd_per_answer"),
)

# Policy names are long for a column: the table and the legend use these.
SHORT_POLICY = {
    RefundPolicy.OPEN_WITHIN_90_DAYS.value: "open ≤90d",
    RefundPolicy.RESPONSE_WITHIN_90_DAYS.value: "answer ≤90d",
    RefundPolicy.UNOPENED_AFTER_7_DAYS.value: "unopened 7d",
}


def run_label(name: str) -> str:
    """A run's name as a column heading: 'open ≤90d', 'Premium career', 'checklist 6'."""
    if name in SHORT_POLICY:
        return SHORT_POLICY[name]
    if name in {plan.value for plan in Plan}:
        return plan_label(name)
    return name.replace("-", " ")


class LabResults(Horizontal):
    """The table of measures (a column per run) beside, or above, the balance plot."""

    def __init__(self) -> None:
        super().__init__(id="lab-results")
        self.plotted: list[tuple[str, list[int]]] = []  # the plot's series, label and values

    def compose(self) -> ComposeResult:
        yield DataTable(id="lab-runs", cursor_type="column", zebra_stripes=True)
        yield PlotextPlot(id="lab-plot")

    def show(self, report: lab.LabReport | None) -> None:
        self._show_table(report)
        self._show_plot(report)

    def _show_table(self, report: lab.LabReport | None) -> None:
        table = self.query_one("#lab-runs", DataTable)
        table.clear(columns=True)
        runs = [run.as_json() for run in report.runs] if report else []
        table.add_column("Run", key="measure")
        for number, run in enumerate(runs):
            table.add_column(Text(run_label(run["name"]), justify="right"), key=f"run-{number}")
        for label, key in MEASURES:
            cells = [
                Text(cell(run[key], money=key.startswith("usd")), justify="right") for run in runs
            ]
            table.add_row(Text(label, style="bold"), *cells, key=key)

    def _show_plot(self, report: lab.LabReport | None) -> None:
        widget = self.query_one("#lab-plot", PlotextPlot)
        plt = widget.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("Credits balance by day")
        self.plotted = []
        if report is not None and report.runs:
            for run in report.runs:
                balances = [balance for _, balance in run.balance_by_day]
                plt.plot(list(range(len(balances))), balances, label=run_label(run.name))
                self.plotted.append((run.name, balances))
            days = [day for day, _ in report.runs[0].balance_by_day]
            ticks = sparse_ticks(len(days))
            plt.xticks(ticks, [day_month(days[t]) for t in ticks])
            balances = [value for _, values in self.plotted for value in values]
            plt.yticks(whole_ticks(min(balances), max(balances)))
        widget.refresh()


def cell(value: object, *, money: bool) -> str:
    if money:
        return usd(round(value * 100)) if isinstance(value, int | float) else "—"
    return f"{value:,}" if isinstance(value, int) else str(value)


def sparse_ticks(days: int, most: int = 4) -> list[int]:
    """Up to `most` evenly spread day indexes, the first and the last among them."""
    if days <= 1:
        return [0] if days else []
    step = max(1, (days - 1) // (most - 1))
    ticks = list(range(0, days, step))[: most - 1]
    return [*ticks, days - 1] if ticks[-1] != days - 1 else ticks


def whole_ticks(low: int, high: int, most: int = 5) -> list[int]:
    """Credits are whole: up to `most` whole-number ticks from `low` to `high`."""
    step = max(1, -(-(high - low) // (most - 1)))
    return list(range(low, high + 1, step))
