"""What every modal shares: a footer of its own, over the one of the screen below."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen
from textual.widgets import Footer

ResultT = TypeVar("ResultT")


class Modal(ModalScreen[ResultT]):
    """A form, a choice or help over a screen. The screen's footer stays visible under a
    modal and would list keys that do nothing here: this one lists the modal's own."""

    def on_mount(self) -> None:
        self.mount(Footer(compact=True))
