"""A one-line text box that repaints itself, and only itself, at each key (issue 12.2).

Textual's `Input` records how wide its text is in `virtual_size` (how far it can
scroll), and `virtual_size` asks the screen for a layout whenever it changes: at every
key. A layout arranges every widget on the screen again; on the compose form, with
some thirty of them, it was most of what a keystroke cost, and the subject box took
twice as long as a bare `Input` to show a key.

netui's text boxes get their size from the stylesheet, never from their text, so a
new text width moves no box: the scroll limit `Input` reads from `virtual_size` is
current as soon as it is set, and a repaint of the box is all the screen needs. A box
sized by its text (`width: auto`) still gets its layout: `Input` asks for one itself
when its styles are auto.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class LineInput(Input):
    """An `Input` whose text width never re-lays out the screen."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
