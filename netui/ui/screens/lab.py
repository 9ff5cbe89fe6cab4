"""R12.4: the policy lab — a campaign form, the runs side by side, and their balance.

This screen has the form, runs the lab and saves its report; the table and the plot
of a finished report are `netui.ui.widgets.lab_results.LabResults`.

The lab runs on scratch copies of the database (netui.lab), in a thread of its own and
never through the app's WorldGate: a lab takes seconds, and every other question the
screens ask would wait behind it. Only the recipients' count, a quick search, goes
through the gate. A new run stops the one in flight: its progress callback raises, the
engine unwinds, and whatever it had found is thrown away.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Select, Static

from netui import lab
from netui.core.model import Category, Degree, Plan
from netui.errors import BadInput, NetuiError
from netui.ui.gate import WorldGate, show_error, show_unexpected
from netui.ui.screens.base import PlaceScreen
from netui.ui.text import count, long_date
from netui.ui.widgets.lab_results import LabResults, run_label
from netui.ui.widgets.line_input import LineInput

COUNT_DELAY = 0.3  # seconds of quiet typing before the recipients are counted again

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MATCHED = "matched"
MY_PLAN = "mine"


class _Stopped(Exception):
    """Raised from the progress callback of a lab that a newer run replaced."""


def parse_degrees(text: str) -> tuple[Degree, ...]:
    """'2nd, 3rd' → (Degree.SECOND, Degree.THIRD); BadInput naming what is not a degree."""
    degrees = []
    for word in text.replace(",", " ").split():
        try:
            degrees.append(Degree(word.strip().lower()))
        except ValueError:
            names = ", ".join(d.value for d in Degree)
            raise BadInput(f"Degree {word!r}: write {names}, separated by commas.") from None
    return tuple(dict.fromkeys(degrees))


def parse_number(text: str, what: str) -> int:
    try:
        return int(text.strip().replace(",", "").replace("_", ""))
    except ValueError:
        raise BadInput(f"{what} {text.strip()!r} is not a whole number.") from None


def write_atomically(path: Path, text: str) -> None:
    """The whole file or none: written beside `path`, then moved over it."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BadInput(f"Cannot write {path}: {error.strerror or error}.") from None


def report_paths(db_path: Path, report: lab.LabReport) -> tuple[Path, Path]:
    """`lab-<start>-<vary>.csv` and `.json`, in the database's folder."""
    stem = f"lab-{report.start}-{report.campaign.vary.value}"
    folder = db_path.resolve().parent
    return folder / f"{stem}.csv", folder / f"{stem}.json"


def save_report(db_path: Path, report: lab.LabReport) -> tuple[Path, Path]:
    csv_path, json_path = report_paths(db_path, report)
    write_atomically(csv_path, report.as_csv())
    write_atomically(json_path, json.dumps(report.as_json()))
    return csv_path, json_path


class LabScreen(PlaceScreen):
    CSS_PATH = "lab.tcss"
    PLACE = "lab"
    # The table, not the query: the keys of every place (d, s, l…) work on arrival.
    AUTO_FOCUS = "#lab-runs"
    BINDINGS = [
        Binding(
            "ctrl+r", "run", "Run", id="lab.run", tooltip="Run the campaign under each variant"
        ),
        Binding("ctrl+s", "save", "Save", id="lab.save", tooltip="Save the report as CSV and JSON"),
        Binding("f", "form", "Form", id="lab.form", tooltip="Fill in the campaign, from its query"),
        Binding("escape", "leave_form", "Leave form", id="lab.leave", show=False),
    ]

    def __init__(self, gate: WorldGate) -> None:
        super().__init__(gate)
        self.report: lab.LabReport | None = None
        self._stop = threading.Event()  # set: the run in flight is no longer wanted
        self._stop.set()  # nothing runs yet
        self._count_timer = None

    # ── the form ──────────────────────────────────────────────────────────────

    def compose_body(self) -> ComposeResult:
        with Vertical(id="lab-form"):
            with Horizontal(classes="lab-row"):
                yield Label("Query")
                yield LineInput(placeholder="e.g. engineer", id="lab-query", compact=True)
                yield Label("Degrees")
                yield LineInput(placeholder="2nd,3rd", id="lab-degrees", compact=True)
                yield Label("Count")
                yield LineInput("60", id="lab-count", compact=True)
                yield Label("Days")
                yield LineInput("90", id="lab-days", compact=True)
            with Horizontal(classes="lab-row"):
                yield Select(
                    [(f"Checklist {n}", n) for n in range(10)],
                    value=5,
                    allow_blank=False,
                    id="lab-checklist",
                    compact=True,
                )
                yield Select(
                    [(f"{length.capitalize()} draft", length) for length in lab.LENGTHS],
                    value="medium",
                    allow_blank=False,
                    id="lab-length",
                    compact=True,
                )
                yield Select(
                    list(zip(WEEKDAY_NAMES, lab.WEEKDAYS, strict=True)),
                    value="mon",
                    allow_blank=False,
                    id="lab-weekday",
                    compact=True,
                )
                yield Select(
                    [("Matched category", MATCHED), *((c.label, c.value) for c in Category)],
                    value=MATCHED,
                    allow_blank=False,
                    id="lab-category",
                    compact=True,
                )
            with Horizontal(classes="lab-row"):
                yield Select(
                    [("My plan", MY_PLAN), *((p.label, p.value) for p in Plan)],
                    value=MY_PLAN,
                    allow_blank=False,
                    id="lab-plan",
                    compact=True,
                )
                yield Select(
                    [(f"Vary {v.value}", v.value) for v in lab.Vary],
                    value=lab.Vary.POLICY.value,
                    allow_blank=False,
                    id="lab-vary",
                    compact=True,
                )
                yield Button("Run", id="lab-run", compact=True, variant="primary")
                yield Static(id="lab-recipients")
        with Horizontal(id="lab-status"):
            yield Static(id="lab-phase")
            yield ProgressBar(total=1.0, show_eta=False, id="lab-progress")
        yield LabResults()

    def on_mount(self) -> None:
        self.query_one("#lab-query", Input).tooltip = "Search words, as on the Search screen"
        self.query_one("#lab-degrees", Input).tooltip = "1st, 2nd, 3rd, group, out; empty: any"
        self.query_one("#lab-count", Input).tooltip = f"InMails to send, 1 to {lab.MAX_COUNT:,}"
        self.query_one("#lab-days", Input).tooltip = f"Days to follow, 1 to {lab.MAX_DAYS}"
        self.query_one("#lab-progress").display = False
        self._say("Fill in the campaign, then Run (ctrl+r).")
        self.query_one(LabResults).show(None)

    def action_form(self) -> None:
        self.query_one("#lab-query", Input).focus()

    def action_leave_form(self) -> None:
        """Out of the form, so that letters are keys again."""
        self.query_one("#lab-runs", DataTable).focus()

    def on_resize(self) -> None:
        super().on_resize()
        # Wide: the table and the plot side by side; narrow: one above the other.
        self.set_class(self.size.width >= 110, "wide")

    def reload(self) -> None:
        self._count_soon()

    def campaign(self) -> lab.Campaign:
        """The campaign the form describes; BadInput naming what is wrong."""

        def value(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value

        def chosen(widget_id: str) -> str:
            return str(self.query_one(f"#{widget_id}", Select).value)

        category = chosen("lab-category")
        plan = chosen("lab-plan")
        campaign = lab.Campaign(
            query=value("lab-query").strip(),
            degrees=parse_degrees(value("lab-degrees")),
            count=parse_number(value("lab-count"), "Count"),
            checklist=int(chosen("lab-checklist")),
            length=chosen("lab-length"),
            category=None if category == MATCHED else Category(category),
            weekday=chosen("lab-weekday"),
            plan=None if plan == MY_PLAN else Plan(plan),
            days=parse_number(value("lab-days"), "Days"),
            vary=lab.Vary(chosen("lab-vary")),
        )
        campaign.check()
        return campaign

    # ── the recipients' count, as the query changes ─────────────────────────────

    @on(Input.Changed)
    @on(Select.Changed)
    def _form_changed(self) -> None:
        self._count_soon()

    def _count_soon(self) -> None:
        if self._count_timer is not None:
            self._count_timer.stop()
        self._count_timer = self.set_timer(COUNT_DELAY, self.count_recipients)

    def count_recipients(self) -> None:
        self._count_timer = None
        try:
            campaign = self.campaign()
        except BadInput as error:
            self._show_count(Text(error.reasons[0] if error.reasons else error.message, "red"))
            return
        self._show_count(Text("Counting recipients…", style="dim"))
        self.ask(
            lambda world: len(lab.choose_recipients(world, campaign)),
            lambda n: self._show_count(Text(count(n, "recipient"), style="bold")),
            group="lab-count",
            failed=lambda error: self._show_count(
                Text(
                    "Nobody who accepts InMail" if isinstance(error, BadInput) else error.message,
                    style="yellow",
                )
            ),
        )

    def _show_count(self, text: Text) -> None:
        self.query_one("#lab-recipients", Static).update(text)

    # ── running ───────────────────────────────────────────────────────────────

    @on(Button.Pressed, "#lab-run")
    def _run_pressed(self) -> None:
        self.action_run()

    def action_run(self) -> None:
        try:
            campaign = self.campaign()
        except BadInput as error:
            show_error(self, error)
            return
        self._stop.set()  # the run in flight, if any, stops at its next step
        self._stop = stop = threading.Event()
        progress = self.query_one("#lab-progress", ProgressBar)
        progress.update(progress=0)
        progress.display = True
        self._say(f"Starting a lab of {count(campaign.count, 'InMail')}…")
        self.run_lab(campaign, stop)

    @work(thread=True, exclusive=True, group="lab", exit_on_error=False)
    def run_lab(self, campaign: lab.Campaign, stop: threading.Event) -> None:
        app, gate = self.app, self.gate
        runs = len(lab.RefundPolicy) if campaign.vary is lab.Vary.POLICY else None

        def progress(phase: str, fraction: float) -> None:
            if stop.is_set():
                raise _Stopped
            app.call_from_thread(self._progress, stop, phase, fraction, runs)

        try:
            report = lab.run_lab(gate.path, campaign, prices=gate.prices, progress=progress)
        except _Stopped:
            return
        except NetuiError as error:
            if not stop.is_set():
                app.call_from_thread(self._failed, stop, error)
        except Exception as error:  # a bug: said plainly, the screen goes on
            if not stop.is_set():
                app.call_from_thread(self._failed, stop, None)
                app.call_from_thread(show_unexpected, self, error)
        else:
            app.call_from_thread(self._finished, stop, report)

    def _progress(
        self, stop: threading.Event, phase: str, fraction: float, runs: int | None
    ) -> None:
        if stop is not self._stop:
            return
        self.query_one("#lab-progress", ProgressBar).update(progress=fraction)
        step = ""
        if runs and phase.startswith("Following"):
            number = round(fraction * (runs + 1))
            step = f" · {number} of {runs}"
        self._say(f"{run_phase(phase)}…{step}")

    def _failed(self, stop: threading.Event, error: NetuiError | None) -> None:
        if stop is not self._stop:
            return
        stop.set()
        self.query_one("#lab-progress").display = False
        self._say("The lab stopped: nothing to show.")
        if error is not None:
            show_error(self, error)

    def _finished(self, stop: threading.Event, report: lab.LabReport) -> None:
        if stop is not self._stop or not self.is_attached:
            return
        stop.set()
        self.report = report
        self.query_one("#lab-progress").display = False
        campaign = report.campaign
        self._say(
            f"{count(len(report.recipients), 'recipient')} from {long_date(report.start)}, "
            f"followed {count(campaign.days, 'day')}. ctrl+s saves the report."
        )
        self.query_one(LabResults).show(report)

    def _say(self, words: str) -> None:
        self.query_one("#lab-phase", Static).update(Text(words, style="dim"))

    # ── saving ────────────────────────────────────────────────────────────────

    def action_save(self) -> None:
        if self.report is None:
            self.notify("Nothing to save yet: run the lab first (ctrl+r).", severity="warning")
            return
        try:
            csv_path, json_path = save_report(self.gate.path, self.report)
        except BadInput as error:
            show_error(self, error)
            return
        self.notify(f"Saved the lab's report:\n{csv_path}\n{json_path}", title="Saved")

    def on_unmount(self) -> None:
        self._stop.set()


def run_phase(phase: str) -> str:
    """The engine's phase with a run's short name: 'Following answer ≤90d'."""
    head, _, name = phase.partition(" ")
    if head in ("Following", "Running") and name:
        return f"{head} {run_label(name)}"
    return phase
