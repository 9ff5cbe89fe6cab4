"""What every netui modal shares: q closes it, as its escape does.

Textual gives a modal only its own keys (and priority ones such as ctrl+q), not the
App's, so the App's q (quit) never reaches one. Here q means what escape means in that
modal (close, cancel), so a form that keeps a draft on escape keeps it on q too. Typed
in a text box, q is a letter: Input and TextArea take printable keys before bindings.
"""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

T = TypeVar("T")


class Modal(ModalScreen[T]):
    BINDINGS = [Binding("q", "like_escape", "Close", id="modal.close", show=False)]

    async def action_like_escape(self) -> None:
        escape = self.active_bindings.get("escape")
        if escape is not None and escape.enabled:
            await self.app.run_action(escape.binding.action, escape.node)
        else:
            self.dismiss()
