"""A small horizontal bar chart of how many members sit at each degree from me."""

from __future__ import annotations

import math

from rich.text import Text
from textual.widgets import Static

from netui.core.model import Degree
from netui.ui.text import DEGREE_STYLES

BAR = "█"
ORDER = (Degree.FIRST, Degree.SECOND, Degree.THIRD, Degree.GROUP, Degree.OUT)


def reach_bars(counts: dict[Degree, int], width: int) -> Text:
    """One line per degree: label, bar, count. Bars use a square-root scale.

    Why square root: the 3rd degree or "out" is often a hundred times my 1st degree;
    on a linear scale the 1st-degree bar would vanish, on a log scale every bar would
    look alike. A square root keeps the order obvious and the small ones visible.
    """
    numbers = [f"{counts.get(d, 0):,}" for d in ORDER]
    number_width = max(len(n) for n in numbers)
    room = max(4, width - 7 - number_width - 2)
    top = max((counts.get(d, 0) for d in ORDER), default=0)
    lines = Text(no_wrap=True)
    for degree, number in zip(ORDER, numbers, strict=True):
        value = counts.get(degree, 0)
        length = 0 if not top else max(1 if value else 0, round(room * math.sqrt(value / top)))
        colour = DEGREE_STYLES[degree].split(" on ")[-1]
        lines.append(f"{degree.label:<6} ", style="bold")
        lines.append(BAR * length, style=colour)
        lines.append(" " * (room - length + 1))
        lines.append(f"{number:>{number_width}}\n")
    lines.rstrip()
    return lines


class ReachChart(Static):
    """My 1st / 2nd / 3rd / Group / Out counts (R10)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.counts: dict[Degree, int] = {}

    def show(self, counts: dict[Degree, int]) -> None:
        self.counts = counts
        self.update(reach_bars(counts, self.content_size.width or 30))

    def on_resize(self) -> None:
        if self.counts:
            self.update(reach_bars(self.counts, self.content_size.width))
