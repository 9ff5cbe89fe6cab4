"""F1 / ?: the keys that work here and everywhere, and what the words on screen mean."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from netui.ui.modals.base import Modal

ABOUT = (
    "Degrees: 1st are my connections, 2nd their connections, 3rd one step further; beyond "
    "that a member is Group if we share a group, else Out of network.\n"
    "Routes: a 1st-degree connection gets a free message; someone who shares a group a free "
    "group message (15 a month); anyone else an InMail, which costs a credit unless they "
    "have an Open Profile. A spent credit may come back under the refund policy in force "
    "(see Credits).\n"
    "The clock only moves when you advance it: members read, answer and write as it runs."
)


KEYS_WIDTH = 10  # the column of keys, right-aligned: "ctrl+p", "↓ esc"


def is_ours(binding: Binding) -> bool:
    """netui's own bindings (each has an id a user can remap), not the widgets' plumbing."""
    return bool(binding.id) and ("." in binding.id or binding.id in ("help", "quit"))


def screen_keys(screen: Screen) -> dict[str, ActiveBinding]:
    """The keys that work here now, then the keys of the other lists and fields on screen,
    which work once they have the focus: help in the search box lists the results' keys.
    Taken from the bindings themselves (after the user's keymap), never a copy."""
    keys = dict(screen.active_bindings)
    known = {active.binding.id for active in keys.values()}
    for widget in screen.query("*"):
        if widget is screen.focused or not widget.is_on_screen:
            continue
        bindings = widget._bindings.copy()
        bindings.apply_keymap(screen.app._keymap)
        for key, binding in bindings:
            if is_ours(binding) and binding.id not in known:
                known.add(binding.id)
                keys[f"{widget.id}/{key}"] = ActiveBinding(widget, binding, True, binding.tooltip)
    return keys


class HelpModal(Modal[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Close", id="help.close")]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        """`bindings`: the active bindings of the screen underneath, taken before opening."""
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Help · escape closes"
            yield Static(self.keys_text(), id="help-keys")
            yield Static(Text(ABOUT, style="dim"), id="help-about")

    def on_resize(self) -> None:
        # Now the width is known, a long line wraps under its words, not under the keys.
        keys = self.query_one("#help-keys", Static)
        keys.update(self.keys_text(keys.content_region.width))

    def keys_text(self, width: int = 0) -> Text:
        """This screen's keys first, then the keys that work everywhere."""
        keys: dict[tuple[bool, str, str], list[str]] = {}
        tips: dict[tuple[bool, str, str], str] = {}
        for active in self.bindings.values():
            binding = active.binding
            if not is_ours(binding) or not binding.description:
                continue
            entry = (active.node is self.app, binding.action, binding.description)
            keys.setdefault(entry, []).append(self.app.get_key_display(binding))
            tips[entry] = binding.tooltip
        text = Text()
        for everywhere, title in ((False, "On this screen"), (True, "Everywhere")):
            entries = [entry for entry in keys if entry[0] is everywhere]
            if not entries:
                continue
            text.append(f"{title}\n", style="bold underline")
            for entry in entries:
                self._row(text, " ".join(keys[entry]), entry[2], tips[entry], width)
            if everywhere:
                self._row(text, "ctrl+p", "Commands", "go to, open member, advance, themes", width)
            text.append("\n")
        return text

    def _row(self, text: Text, keys: str, description: str, tooltip: str, width: int) -> None:
        text.append(f"{keys:>{KEYS_WIDTH}}  ", style="bold")
        words = Text(description)
        if tooltip:
            words.append(f" — {tooltip}", style="dim")
        room = width - KEYS_WIDTH - 2 - 2  # the scrollbar's two cells, should it come
        lines = words.wrap(self.app.console, room) if room >= 20 else [words]
        for n, line in enumerate(lines):
            text.append(" " * (KEYS_WIDTH + 2) if n else "")
            text.append_text(line)
            text.append("\n")

    def action_close(self) -> None:
        self.dismiss(None)
