"""A read-only table drawn with Textual's Line API: one header line, then rows of Text cells.

Why not DataTable: it renders every visible cell through Rich again whenever its rows
change, which costs about 40 ms for a screenful of search results on a small machine,
on every keystroke. Here each cell is turned into styled runs once (a `Cell`), and a
line is those runs cut or padded to their columns, kept per width and highlight. Rich's
general layout (align, truncate, render) cost some 0.7 ms a line on a slow day, most
of a fresh page of results; fitting runs to a column costs a small fraction of that.
Ten thousand rows scroll like ten, because only the lines on screen are ever drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

# (label, width in cells), or (label, 0, weight): a column without a width of its own
# shares, by weight, what the fixed ones leave of the table's width (see `fit_columns`).
Columns = Sequence[tuple[str, int] | tuple[str, int, int]]
# A shared column never gets fewer cells than this: better cut at the edge than unreadable.
MIN_SHARED = 6
PAD = Segment(" ")  # a cell's padding, either side


def fit_columns(columns: Columns, width: int) -> list[tuple[str, int]]:
    """Each column's width in cells for a table `width` cells wide (each cell has one cell
    of padding either side). The shared columns take all that the fixed ones leave, the
    last of them the rounding too, so nothing is cut while space is free."""
    weights = [column[2] if len(column) > 2 and not column[1] else 0 for column in columns]
    fixed = sum(column[1] for column in columns)
    free = max(0, width - fixed - 2 * len(columns))
    shares = [free * weight // (sum(weights) or 1) for weight in weights]
    if any(weights):
        last = max(n for n, weight in enumerate(weights) if weight)
        shares[last] += free - sum(shares)
    return [
        (column[0], max(MIN_SHARED, share) if weight else column[1])
        for column, weight, share in zip(columns, weights, shares, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class Cell:
    """A Text made ready to draw: each of its lines as styled runs, and how wide it is."""

    lines: tuple[tuple[Segment, ...], ...]
    widths: tuple[int, ...]
    right: bool  # justified to the right of its column (a number)

    @classmethod
    def of(cls, text: Text, console: Console) -> Cell:
        # Rendered whole and cut at its new lines: splitting the Text first would copy
        # it and its spans per line, most of the cost for a two-line cell.
        lines: list[list[Segment]] = [[]]
        for run in rendered(text, console):
            first, *others = run.text.split("\n")
            lines[-1].append(Segment(first, run.style))
            for part in others:
                lines.append([Segment(part, run.style)])
        kept = tuple(tuple(run for run in line if run.text) for line in lines)
        widths = tuple(sum(cell_len(run.text) for run in line) for line in kept)
        return cls(kept, widths, text.justify == "right")

    @property
    def plain(self) -> str:
        return "\n".join("".join(run.text for run in line) for line in self.lines)

    def fit(self, part: int, width: int) -> list[Segment]:
        """Line `part` exactly `width` cells wide: padded, or cut with an ellipsis."""
        if part >= len(self.lines):
            return [Segment(" " * width)]
        line, size = self.lines[part], self.widths[part]
        if size <= width:
            pad = Segment(" " * (width - size))
            return [pad, *line] if self.right else [*line, pad]
        return cut(line, width)


def rendered(text: Text, console: Console) -> Sequence[Segment]:
    """The Text as styled runs, its own style under its spans' (a badge's colours):
    Rich draws a Text without spans unstyled, whatever its own style."""
    style = console.get_style(text.style) if text.style else None
    spans = text.spans
    if not spans:
        return [Segment(text.plain, style)]
    if len(spans) == 1 and spans[0].start == 0 and spans[0].end >= len(text):
        # One style over the whole text (netui's `plain`): no need for Rich's span walk.
        own = console.get_style(spans[0].style)
        return [Segment(text.plain, style + own if style else own)]
    return list(text.render(console))


def cut(line: Sequence[Segment], width: int) -> list[Segment]:
    """The runs of a line too wide for `width` cells: as much as fits before an ellipsis,
    which takes the style of the character it replaces (as Rich's overflow does)."""
    kept: list[Segment] = []
    room = width - 1
    for run in line:
        size = cell_len(run.text)
        if size > room:
            if room > 0:
                kept.append(Segment(set_cell_size(run.text, room), run.style))
            kept.append(Segment("…", run.style))
            return kept
        kept.append(run)
        room -= size
    return kept  # not reached: the line is wider than `width`


# A row's cells, as Texts or as Cells made ready beforehand (say in the worker that
# fetched them, so that drawing a fresh page on the event loop only fits them).
Row = Sequence[Text] | Sequence[Cell]


class RowTable(ScrollView, can_focus=True):
    """Rows of cells with a row cursor. Each row has a key (say a member id) and a height."""

    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        & > .row-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .row-table--even { background: $surface-lighten-1 50%; }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .row-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        &:dark > .row-table--even { background: $surface-darken-1 40%; }
    }
    """
    COMPONENT_CLASSES = {"row-table--header", "row-table--even", "row-table--cursor"}
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class RowMessage(Message):
        def __init__(self, table: RowTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> RowTable:
            return self.table

    class Highlighted(RowMessage):
        """The cursor moved to another row (or the rows changed under it)."""

    class Chosen(RowMessage):
        """A row was double-clicked, or chosen with a key (`action_choose`)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.column_spec: list[tuple[str, int] | tuple[str, int, int]] = []
        self.columns: list[tuple[str, int]] = []  # as fitted to the width now
        self._fitted_for: tuple[int, int] = (0, 0)  # (width, columns) they were fitted for
        self.keys: list[str] = []
        self.rows: list[Row] = []
        self.row_height = 1
        self._cells: list[tuple[Cell, ...] | None] = []  # each row's, once it is drawn
        self._lines: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: dict[tuple[str | None, bool], Style] = {}  # (part, focused) → style
        self._scrollbar_fitted_to = Size(0, 0)  # the virtual size, as the scrollbar last saw

    # ── what it shows ─────────────────────────────────────────────────────────

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def show_rows(
        self,
        columns: Columns,
        rows: Sequence[Row],
        keys: Sequence[str],
        *,
        row_height: int = 1,
        cursor_on: str | None = None,
    ) -> None:
        """Replace everything; the cursor goes to the row keyed `cursor_on` if there is one."""
        self.column_spec, self.rows, self.keys = list(columns), list(rows), list(keys)
        self._cells = [None] * len(self.rows)
        self.row_height = row_height
        self._resized()
        row = self.keys.index(cursor_on) if cursor_on in self.keys else 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self.move_cursor(row)

    def add_rows(self, rows: Sequence[Row], keys: Sequence[str]) -> None:
        """More rows at the end (the next page of a longer answer); the cursor stays."""
        self.rows.extend(rows)
        self.keys.extend(keys)
        self._cells.extend([None] * len(rows))
        self._resized()
        self.refresh()

    def key_at(self, row: int) -> str | None:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def move_cursor(self, row: int) -> None:
        self.cursor_row = max(0, min(row, self.row_count - 1))

    def _resized(self) -> None:
        self._fit()
        self.virtual_size = Size(self.size.width, 1 + self.row_count * self.row_height)

    def _fit(self) -> None:
        """The columns for the width the table has now. Also checked as each line is
        drawn: a table filled while hidden (a tab not shown) is 0 cells wide until then."""
        # The scrollbar's cells are kept free even while there is none: a column that
        # fits now still fits once the rows outgrow the screen.
        width = self.size.width - self.styles.scrollbar_size_vertical
        self._lines.clear()
        self.columns = fit_columns(self.column_spec, width)
        self._fitted_for = (width, len(self.column_spec))

    # ── moving ────────────────────────────────────────────────────────────────

    def watch_cursor_row(self, old: int, new: int) -> None:
        for row in {old, new}:
            self._refresh_row(row)
        if self.row_count:
            top = 1 + new * self.row_height
            # The header is line 0 and never scrolls: keep the cursor row below it.
            self.scroll_to_region(
                Region(0, top - 1, 1, self.row_height + 1), animate=False, immediate=True
            )
        self.post_message(self.Highlighted(self, new))

    def _refresh_row(self, row: int) -> None:
        top = 1 + row * self.row_height - int(self.scroll_offset.y)
        self.refresh(Region(0, top, self.size.width, self.row_height))

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        rows_on_screen = max(1, (self.size.height - 1) // self.row_height)
        self.move_cursor(self.cursor_row + direction * rows_on_screen)

    def action_cursor_to(self, row: int) -> None:
        self.move_cursor(row if row >= 0 else self.row_count - 1)

    def action_choose(self) -> None:
        """What enter does, for a table that binds it: the row under the cursor is chosen."""
        if self.row_count:
            self.post_message(self.Chosen(self, self.cursor_row))

    def on_click(self, event: Click) -> None:
        if event.y < 1 or not self.row_count:  # the header, or nothing to pick
            return
        row = (int(self.scroll_offset.y) + event.y - 1) // self.row_height
        if row < self.row_count:
            self.move_cursor(row)
            if event.chain == 2:
                self.post_message(self.Chosen(self, row))

    def on_resize(self) -> None:
        self._resized()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # At every layout of the screen, Textual's ScrollView compares the virtual size
        # the layout gives it (the visible area) with its own (every row), finds them
        # different and redraws the scrollbar, which repaints every line beside it. An
        # Input lays its screen out again at every key (its width follows its text), so
        # each key typed into the search box repainted the whole table. Our own virtual
        # size is the one that counts (ScrollView uses it anyway): compare the one the
        # scrollbar was last fitted to with that, so that rows which outgrow the screen
        # (or shrink back into it) still show (or hide) the scrollbar.
        fitted, self._scrollbar_fitted_to = self._scrollbar_fitted_to, self.virtual_size
        return super()._size_updated(size, fitted, container_size, layout)

    def on_focus(self) -> None:
        self.refresh()  # the cursor's colours depend on focus (a part of each line's key)

    on_blur = on_focus

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A new theme: every kept line and style has the old colours.
        self._lines.clear()
        self._styles.clear()
        self._cells = [None] * len(self.rows)

    # ── drawing ───────────────────────────────────────────────────────────────

    def render_line(self, y: int) -> Strip:
        if self._fitted_for != (
            self.size.width - self.styles.scrollbar_size_vertical,
            len(self.column_spec),
        ):
            self._fit()
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header(width)
        line = int(self.scroll_offset.y) + y - 1
        row, part = divmod(line, self.row_height)
        if row >= self.row_count:
            return Strip.blank(width, self._style(None))
        is_cursor = row == self.cursor_row
        key = (row, part, width, is_cursor, self.has_focus)
        strip = self._lines.get(key)
        if strip is None:
            if is_cursor:
                style = self._style("row-table--cursor")
            else:
                style = self._style("row-table--even" if row % 2 else None)
            strip = self._line(self._row_cells(row), part, width, style)
            self._lines[key] = strip
        return strip

    def _style(self, part: str | None) -> Style:
        """The widget's style with a component's (`part`) over it, worked out once per
        theme and focus rather than at every line."""
        key = (part, self.has_focus)
        style = self._styles.get(key)
        if style is None:
            style = self.rich_style
            if part is not None:
                style += self.get_component_rich_style(part)
            self._styles[key] = style
        return style

    def _row_cells(self, row: int) -> tuple[Cell, ...]:
        cells = self._cells[row]
        if cells is None:
            console = self.app.console
            cells = self._cells[row] = tuple(
                cell if isinstance(cell, Cell) else Cell.of(cell, console)
                for cell in self.rows[row]
            )
        return cells

    def _header(self, width: int) -> Strip:
        console = self.app.console
        labels = tuple(Cell.of(Text(label), console) for label, _ in self.columns)
        return self._line(labels, 0, width, self._style("row-table--header"))

    def _line(self, cells: Sequence[Cell], part: int, width: int, style: Style) -> Strip:
        """Line `part` of a row: each cell's line of that number, fitted to its column,
        under the row's `style`, exactly `width` cells wide. One Strip is made, not one
        per step: a Strip is dear to make (it sets up seven caches)."""
        runs: list[Segment] = []
        used = 0
        for (_label, column_width), cell in zip(self.columns, cells, strict=False):
            runs.append(PAD)
            runs.extend(cell.fit(part, column_width))
            runs.append(PAD)
            used += column_width + 2
        if used < width:
            runs.append(Segment(" " * (width - used)))
        strip = Strip(under(style, runs), max(used, width))
        return strip if used <= width else strip.crop(0, width)


def under(style: Style, runs: Sequence[Segment]) -> list[Segment]:
    """The runs with `style` under their own, neighbours of one style joined."""
    joined: list[Segment] = []
    texts: list[str] = []
    current: Style | None = None
    for text, own, _control in runs:
        combined = style + own if own else style
        if combined != current and texts:
            joined.append(Segment("".join(texts), current))
            texts = []
        current = combined
        texts.append(text)
    if texts:
        joined.append(Segment("".join(texts), current))
    return joined
