"""What every modal shares: a footer of its own, over the one of the screen below; and
q, which closes it as its escape does.

Textual gives a modal only its own keys (and priority ones such as ctrl+q), not the
App's, so the App's q (quit) never reaches one. Here q means what escape means in that
modal (close, cancel), so a form that keeps a draft on escape keeps it on q too. Typed
in a text box, q is a letter: Input and TextArea take printable keys before bindings.
"""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer

ResultT = TypeVar("ResultT")


class Modal(ModalScreen[ResultT]):
    """A form, a choice or help over a screen. The screen's footer stays visible under a
    modal and would list keys that do nothing here: this one lists the modal's own."""

    BINDINGS = [Binding("q", "like_escape", "Close", id="modal.close", show=False)]

    def on_mount(self) -> None:
        self.mount(Footer(compact=True))

    async def action_like_escape(self) -> None:
        escape = self.active_bindings.get("escape")
        if escape is not None and escape.enabled:
            await self.app.run_action(escape.binding.action, escape.node)
        else:
            self.dismiss()
