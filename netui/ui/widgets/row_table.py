"""A read-only table drawn with Textual's Line API: one header line, then rows of Text cells.

Why not DataTable: it renders every visible cell through Rich again whenever its rows
change, which costs about 40 ms for a screenful of search results on a small machine,
on every keystroke. Here each line of a row is turned into segments once (for a given
width and highlight) and kept; drawing the screen joins those strips. A new set of
results shows in a few milliseconds, and ten thousand rows scroll like ten, because
only the lines on screen are ever rendered.
"""

from __future__ import annotations

from collections.abc import Sequence

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
        self.rows: list[Sequence[Text]] = []
        self.row_height = 1
        self._lines: LRUCache[tuple, Strip] = LRUCache(1024)

    # ── what it shows ─────────────────────────────────────────────────────────

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def show_rows(
        self,
        columns: Columns,
        rows: Sequence[Sequence[Text]],
        keys: Sequence[str],
        *,
        row_height: int = 1,
        cursor_on: str | None = None,
    ) -> None:
        """Replace everything; the cursor goes to the row keyed `cursor_on` if there is one."""
        self.column_spec, self.rows, self.keys = list(columns), list(rows), list(keys)
        self.row_height = row_height
        self._resized()
        row = self.keys.index(cursor_on) if cursor_on in self.keys else 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self.move_cursor(row)

    def add_rows(self, rows: Sequence[Sequence[Text]], keys: Sequence[str]) -> None:
        """More rows at the end (the next page of a longer answer); the cursor stays."""
        self.rows.extend(rows)
        self.keys.extend(keys)
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

    def on_focus(self) -> None:
        self.refresh()  # the cursor's colours depend on focus (a part of each line's key)

    on_blur = on_focus

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # a new theme: every kept line has the old colours

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
            return Strip.blank(width, self.rich_style)
        is_cursor = row == self.cursor_row
        key = (row, part, width, is_cursor, self.has_focus)
        strip = self._lines.get(key)
        if strip is None:
            style = self.rich_style
            if is_cursor:
                style += self.get_component_rich_style("row-table--cursor")
            elif row % 2:
                style += self.get_component_rich_style("row-table--even")
            strip = self._line(self.rows[row], part, width, style)
            self._lines[key] = strip
        return strip

    def _header(self, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style("row-table--header")
        return self._line([Text(label) for label, _ in self.columns], 0, width, style)

    def _line(self, cells: Sequence[Text], part: int, width: int, style: Style) -> Strip:
        """Line `part` of a row: each cell's line of that number, cut to its column."""
        console = self.app.console
        segments: list[Segment] = []
        for (_label, column_width), cell in zip(self.columns, cells, strict=False):
            lines = cell.split("\n", allow_blank=True)
            text = lines[part].copy() if part < len(lines) else Text()
            # The cell's own style (a badge's colours) becomes its first span, under the
            # others: as the whole Text's style it would also colour the padding.
            text.stylize_before(text.style)
            text.style = ""
            text.overflow = "ellipsis"
            text.align("right" if cell.justify == "right" else "left", column_width)
            segments.append(Segment(" "))
            segments.extend(text.render(console))
            segments.append(Segment(" "))
        return Strip(segments).crop_extend(0, width, None).apply_style(style).simplify()
