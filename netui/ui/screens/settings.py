"""R8: my profile and settings, each applied as soon as it is changed, and who I play.

A refused change (Open Profile on the Free plan, a headline too long) is explained in a
notification and the form goes back to what the World holds: the screen never shows a
setting that is not in force. A text field is saved when I press enter or leave it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
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
from netui.ui.gate import WorldGate, show_error
from netui.ui.messages import PersonaChanged
from netui.ui.screens.base import PlaceScreen
from netui.ui.text import degree_badge, plain
from netui.ui.widgets.line_input import LineInput
from netui.ui.widgets.toggle import Toggle, ToggleList

if TYPE_CHECKING:
    from netui.world.results import PlanChanged, SearchResult, Settings

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
        Binding(
            "escape",
            "leave_field",
            "Leave the field",
            id="settings.leave",
            tooltip="Out of the text box, so the letter keys move around again",
        ),
    ]

    def __init__(self, gate: WorldGate) -> None:
        super().__init__(gate)
        self.settings: Settings | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="settings"):
            with VerticalScroll(id="settings-profile", classes="panel") as profile:
                profile.border_title = "My profile"
                yield Static(id="settings-me")
                yield Static(id="completeness")
                for name, label in PROFILE_TEXTS.items():
                    yield Label(label, classes="setting-label")
                    yield LineInput(
                        id=name,
                        classes="profile-text",
                        compact=True,
                        placeholder=PROFILE_HINTS[name],
                    )
                yield Toggle("Profile photo", id="photo", compact=True)
            with Vertical(id="settings-left", classes="panel") as left:
                left.border_title = "Settings"
                yield Toggle("Accept InMail", id="accept_inmail", compact=True)
                yield Toggle("Contact info visible", id="contact_visible", compact=True)
                yield Toggle("Open Profile (premium)", id="open_profile", compact=True)
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
                    yield ToggleList(
                        *((c.label, c.value) for c in Category), id="categories", compact=True
                    )
                with Vertical(id="settings-persona", classes="panel") as box:
                    box.border_title = "Play as another member"
                    yield LineInput(
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

    def show(self, settings: Settings, *, keep_typing: bool = True) -> None:
        self.settings = settings
        me = plain(settings.name, "bold")
        me.append(f" · member {settings.me}", style="dim")
        self.query_one("#settings-me", Static).update(me)
        # Filling the form must not read as the user changing it.
        self.query_one("#completeness", Static).update(completeness_text(settings))
        with self.prevent(Checkbox.Changed, Select.Changed, SelectionList.SelectedChanged):
            for name in ("accept_inmail", "contact_visible", "open_profile", "photo"):
                self.query_one(f"#{name}", Checkbox).value = bool(getattr(settings, name))
            for name in PROFILE_TEXTS:
                field = self.query_one(f"#{name}", Input)
                if not (keep_typing and field.has_focus):  # not from under the typist
                    field.value = profile_text(getattr(settings, name))
            self.query_one("#plan", Select).value = settings.plan.value
            self.query_one("#refund_policy", Select).value = settings.refund_policy.value
            categories = self.query_one("#categories", SelectionList)
            categories.deselect_all()
            for category in settings.categories:
                categories.select(category.value)
        self.query_one("#policy-meaning", Static).update(
            Text(settings.refund_policy.meaning, style="dim")
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
            if _comparable(value) != _comparable(getattr(self.settings, name, None))
        }
        if not changes:
            return
        names = ", ".join(SETTING_NAMES.get(name, name) for name in changes)

        def saved(settings: Settings) -> None:
            self.notify(f"Saved: {names}.", markup=False, timeout=3)
            self.show(settings)

        self.act(lambda world: world.change_settings(**changes), saved, failed=self.refused)

    def refused(self, error: NetuiError) -> None:
        show_error(self, error)
        # Show what is really in force, in the field just typed in too.
        self.ask(lambda world: world.settings(), lambda s: self.show(s, keep_typing=False))

    @on(Checkbox.Changed)
    def _toggled(self, event: Checkbox.Changed) -> None:
        self.change(**{event.checkbox.id or "": event.value})

    @on(Input.Submitted, ".profile-text")
    @on(Input.Blurred, ".profile-text")
    def _profile_text(self, event: Input.Submitted | Input.Blurred) -> None:
        name = event.input.id or ""
        value = event.value
        self.change(**{name: value.split(",") if name == "skills" else value})

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
        plan = Plan(event.value)
        if plan is self.settings.plan:
            return

        def planned(result: PlanChanged) -> None:
            self.notify(result.message or "Plan changed.", markup=False)

        self.act(lambda world: world.change_plan(plan), planned, failed=self.refused)

    # ── playing as someone else ───────────────────────────────────────────────

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_field":
            return isinstance(self.focused, Input)
        return True

    def action_leave_field(self) -> None:
        # A profile text is saved as it loses the focus (Input.Blurred), as with tab.
        self.set_focus(None)

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

    def _found(self, results: list[SearchResult]) -> None:
        table = self.query_one("#personas", DataTable)
        table.clear()
        for found in results:
            table.add_row(
                degree_badge(found.degree),
                plain(found.name, "bold"),
                plain(found.headline, "dim"),
                key=str(found.id),
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

        def switched(settings: Settings) -> None:
            loading.display = False
            self.query_one("#persona-query", Input).value = ""
            self.query_one("#personas", DataTable).clear()
            self.set_focus(None)
            self.app.post_message(PersonaChanged())
            self.notify(f"You now play {settings.name}.", markup=False)

        def failed(error: NetuiError) -> None:
            loading.display = False
            show_error(self, error)

        self.act(
            lambda world: (world.switch_persona(member_id), world.settings())[1],
            switched,
            failed=failed,
        )


# The profile's text fields (R8.2), in the order a recipient reads them.
PROFILE_TEXTS = {
    "headline": "Headline",
    "company": "Current company",
    "skills": "Skills (a, b, c)",
    "summary": "Summary",
}
PROFILE_HINTS = {
    "headline": "e.g. Data engineer who likes messy data",
    "company": "e.g. Acme",
    "skills": "e.g. Python, SQL, Kafka",
    "summary": "A few lines about what you do and want",
}
# How a confirmation names what was saved.
SETTING_NAMES = {
    "accept_inmail": "accept InMail",
    "contact_visible": "contact info visible",
    "open_profile": "Open Profile",
    "refund_policy": "refund policy",
}


def profile_text(value: object) -> str:
    return ", ".join(value) if isinstance(value, tuple | list) else str(value or "")


def completeness_text(settings: Settings) -> Text:
    """ "Profile 70% complete · to do: add a photo, …" — the article's advice, measured."""
    percent = settings.completeness
    style = "green" if percent == 100 else "yellow" if percent >= 60 else "red"
    text = Text.assemble("Profile ", (f"{percent}% complete", f"bold {style}"))
    if settings.missing:
        text.append(f"\nTo do: {', '.join(settings.missing)}", style="dim")
    return text


def _comparable(value: object) -> object:
    """A setting as the World returns it: enums as their values, lists as sets, text
    without the spaces around it (the World trims it)."""
    if isinstance(value, list | tuple | set):
        return {str(item).strip() for item in value if str(item).strip()}
    return value.strip() if isinstance(value, str) else value
