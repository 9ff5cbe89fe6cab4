"""A checkbox whose mark says on or off by its shape, not only by its colour.

Textual's Checkbox draws the same "X" for both states and tells them apart by colour
alone, which a monochrome terminal, a colour-blind user or a screen capture loses.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton


class Toggle(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 — the name Textual's ToggleButton reads
        return "✓" if self.value else " "


class ToggleList(SelectionList[str]):
    """A SelectionList whose boxes show ✓ when selected and stay empty when not."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        # Textual draws [left side, inner mark, right side, space, prompt…]; the inner
        # mark carries the option's index in its style's meta.
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        style = segments[1].style
        index = style.meta.get("option") if style else None
        if index is None:
            return strip
        selected = self.get_option_at_index(index).value in self.selected
        segments[1] = Segment("✓" if selected else " ", style)
        return Strip(segments, strip.cell_length)
