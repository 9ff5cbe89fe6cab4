"""F1 / ?: the keys that work here and everywhere, and what the words on screen mean."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
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


def is_ours(binding: Binding) -> bool:
    """netui's own bindings (each has an id a user can remap), not the widgets' plumbing."""
    return bool(binding.id) and ("." in binding.id or binding.id in ("help", "quit"))


class HelpModal(Modal[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,question_mark", "close", "Close", id="help.close")]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        """`bindings`: the active bindings of the screen underneath, taken before opening."""
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Help · escape closes"
            yield Static(self.keys_text(), id="help-keys")
            yield Static(Text(ABOUT, style="dim"), id="help-about")

    def keys_text(self) -> Text:
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
                self._row(text, " ".join(keys[entry]), entry[2], tips[entry])
            if everywhere:
                self._row(text, "ctrl+p", "Commands", "go to, open member, advance, themes")
            text.append("\n")
        return text

    @staticmethod
    def _row(text: Text, keys: str, description: str, tooltip: str) -> None:
        text.append(f"{keys:>10}  ", style="bold")
        text.append(description)
        if tooltip:
            text.append(f" — {tooltip}", style="dim")
        text.append("\n")

    def action_close(self) -> None:
        self.dismiss(None)
