"""R8: my settings, each applied as soon as it is changed, and who I play.

A refused change (Open Profile on the Free plan) is explained in a notification and
the form goes back to what the World holds: the screen never shows a setting that
is not in force.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Checkbox,
    DataTable,
    Input,
    Label,
    LoadingIndicator,
    Select,
    SelectionList,
    Static,
)

from netui.core.model import Category, Plan, RefundPolicy
from netui.errors import NetuiError
from netui.ui.screens.base import PlaceScreen
from netui.ui.text import degree_badge, plain

PERSONA_RESULTS = 50


class SettingsScreen(PlaceScreen):
    CSS_PATH = "settings.tcss"
    PLACE = "settings"
    BINDINGS = [
        Binding(
            "ctrl+f",
            "find_persona",
            "Play as…",
            id="settings.persona",
            tooltip="Play as another member",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.settings: dict | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="settings"):
            with Vertical(id="settings-left", classes="panel") as left:
                left.border_title = "My profile"
                yield Static(id="settings-me")
                yield Checkbox("Accept InMail", id="accept_inmail", compact=True)
                yield Checkbox("Contact info visible", id="contact_visible", compact=True)
                yield Checkbox("Open Profile (premium only)", id="open_profile", compact=True)
                yield Label("Plan", classes="setting-label")
                yield Select(
                    [(f"{p.label} · {p.monthly_grant}/month", p.value) for p in Plan],
                    id="plan",
                    allow_blank=False,
                    compact=True,
                )
                yield Label("Refund policy", classes="setting-label")
                yield Select(
                    [(p.value, p.value) for p in RefundPolicy],
                    id="refund_policy",
                    allow_blank=False,
                    compact=True,
                )
                yield Static(id="policy-meaning")
            with Vertical(id="settings-right"):
                with Vertical(id="settings-categories", classes="panel") as box:
                    box.border_title = "Categories I welcome"
                    yield SelectionList[str](
                        *((c.label, c.value) for c in Category), id="categories", compact=True
                    )
                with Vertical(id="settings-persona", classes="panel") as box:
                    box.border_title = "Play as another member"
                    yield Input(
                        placeholder="Name, job or company…", id="persona-query", compact=True
                    )
                    yield DataTable(id="personas", cursor_type="row")
                    yield LoadingIndicator(id="persona-loading")

    def on_mount(self) -> None:
        table = self.query_one("#personas", DataTable)
        table.add_columns("Degree", "Name", "Headline")
        self.query_one("#persona-loading").display = False

    def reload(self) -> None:
        self.ask(lambda world: world.settings(), self.show)

    def show(self, settings: dict) -> None:
        self.settings = settings
        me = plain(settings["name"], "bold")
        me.append(f" · member {settings['me']}", style="dim")
        self.query_one("#settings-me", Static).update(me)
        # Filling the form must not read as the user changing it.
        with self.prevent(Checkbox.Changed, Select.Changed, SelectionList.SelectedChanged):
            for name in ("accept_inmail", "contact_visible", "open_profile"):
                self.query_one(f"#{name}", Checkbox).value = bool(settings[name])
            self.query_one("#plan", Select).value = settings["plan"]
            self.query_one("#refund_policy", Select).value = settings["refund_policy"]
            categories = self.query_one("#categories", SelectionList)
            categories.deselect_all()
            for value in settings["categories"]:
                categories.select(value)
        self.query_one("#policy-meaning", Static).update(
            Text(RefundPolicy(settings["refund_policy"]).meaning, style="dim")
        )

    # ── changing ─────────────────────────────────────────────────────────────

    def change(self, **changes: object) -> None:
        """Apply what differs from the settings in force (a Select announces its first
        value when it mounts; that is not the user changing anything)."""
        if self.settings is None:
            return
        changes = {
            name: value
            for name, value in changes.items()
            if _comparable(value) != _comparable(self.settings.get(name))
        }
        if not changes:
            return
        self.act(
            lambda world: world.change_settings(**changes),
            lambda _: self.notify("Saved.", markup=False, timeout=2),
            failed=self.refused,
        )

    def refused(self, error: NetuiError) -> None:
        self.app.show_error(error)
        self.reload()  # show what is really in force

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        self.change(**{event.checkbox.id or "": event.value})

    @on(SelectionList.SelectedChanged, "#categories")
    def _categories(self, event: SelectionList.SelectedChanged) -> None:
        chosen = [Category(value) for value in event.selection_list.selected]
        self.change(categories=chosen)

    @on(Select.Changed, "#refund_policy")
    def _policy(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.change(refund_policy=RefundPolicy(event.value))

    @on(Select.Changed, "#plan")
    def _plan(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or self.settings is None:
            return
        if event.value == self.settings["plan"]:
            return
        plan = Plan(event.value)

        def planned(result: dict) -> None:
            self.notify(result.get("message") or "Plan changed.", markup=False)

        self.act(lambda world: world.change_plan(plan), planned, failed=self.refused)

    # ── playing as someone else ───────────────────────────────────────────────

    def action_find_persona(self) -> None:
        self.set_focus(self.query_one("#persona-query", Input))

    @on(Input.Changed, "#persona-query")
    def _find(self, event: Input.Changed) -> None:
        text = event.value
        if not text.strip():
            self.query_one("#personas", DataTable).clear()
            return
        self.ask(
            lambda world: world.search(text, limit=PERSONA_RESULTS),
            self._found,
            group="persona-search",
        )

    def _found(self, rows: list[dict]) -> None:
        table = self.query_one("#personas", DataTable)
        table.clear()
        for row in rows:
            table.add_row(
                degree_badge(row["degree"]),
                plain(row["name"], "bold"),
                plain(row["headline"], "dim"),
                key=str(row["id"]),
            )

    @on(Input.Submitted, "#persona-query")
    def _to_list(self) -> None:
        self.set_focus(self.query_one("#personas", DataTable))

    @on(DataTable.RowSelected, "#personas")
    def _play_as(self, event: DataTable.RowSelected) -> None:
        member_id = int(event.row_key.value or 0)
        loading = self.query_one("#persona-loading")
        loading.display = True
        self.notify("Switching persona: recomputing who is 1st, 2nd and 3rd…", markup=False)

        def switched(settings: dict) -> None:
            loading.display = False
            self.query_one("#persona-query", Input).value = ""
            self.notify(f"You now play {settings['name']}.", markup=False)

        def failed(error: NetuiError) -> None:
            loading.display = False
            self.app.show_error(error)

        self.act(
            lambda world: (world.switch_persona(member_id), world.settings())[1],
            switched,
            failed=failed,
        )


def _comparable(value: object) -> object:
    """A setting as the World returns it: enums as their values, lists as sets."""
    if isinstance(value, list | tuple | set):
        return {str(item) for item in value}
    return str(value) if isinstance(value, str) else value
