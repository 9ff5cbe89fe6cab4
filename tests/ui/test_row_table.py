"""RowTable: the Line API table the search results live in (R9: smooth with thousands)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Span, Text
from textual.app import App, ComposeResult

from netui.ui.widgets.row_table import Cell, RowTable

COLUMNS = [("Name", 12), ("N", 4)]


def rows(count: int) -> tuple[list[list[Text]], list[str]]:
    cells = [[Text(f"Member {n}"), Text(str(n), justify="right")] for n in range(count)]
    return cells, [str(n) for n in range(count)]


class OneTable(App):
    def __init__(self, count: int, row_height: int = 1) -> None:
        super().__init__()
        self.count, self.row_height = count, row_height
        self.highlighted: list[int] = []

    def compose(self) -> ComposeResult:
        yield RowTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.show_rows(COLUMNS, *rows(self.count), row_height=self.row_height)
        table.focus()

    def on_row_table_highlighted(self, message: RowTable.Highlighted) -> None:
        self.highlighted.append(message.row)


def screen_lines(table: RowTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_ten_thousand_rows_scroll_to_the_end_and_back_under_a_fixed_header():
    app = OneTable(10_000)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 9_999 and table.key_at(table.cursor_row) == "9999"
        lines = screen_lines(table)
        assert lines[0].split() == ["Name", "N"]  # the header stays on top
        assert lines[-1].split() == ["Member", "9999", "9999"]  # the last row, at the bottom
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0 and screen_lines(table)[1].split()[-1] == "0"
        assert app.highlighted[-2:] == [9_999, 0]


async def test_page_keys_move_by_a_screenful_and_stop_at_the_ends():
    app = OneTable(100)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        on_screen = table.size.height - 1  # below the header
        await pilot.press("pagedown")
        assert table.cursor_row == on_screen
        await pilot.press("pageup", "pageup", "up")
        assert table.cursor_row == 0
        await pilot.press("end", "down")
        assert table.cursor_row == 99


@pytest.mark.parametrize("more", ["replaced", "added"])
async def test_rows_that_outgrow_the_screen_after_it_was_laid_out_scroll(more: str):
    """A table filled after its size was settled (search results arriving as you type,
    a next page added) gets its scrollbar, and the cursor's row is brought on screen."""
    app = OneTable(3)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.pause()
        if more == "replaced":
            table.show_rows(COLUMNS, *rows(100))
        else:
            table.add_rows(*(part[3:] for part in rows(100)))
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 99 and table.show_vertical_scrollbar
        assert screen_lines(table)[-1].split() == ["Member", "99", "99"]


async def test_a_click_picks_the_row_under_the_pointer_even_when_scrolled():
    app = OneTable(100, row_height=2)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("end")
        await pilot.pause()
        first_on_screen = int(table.scroll_y) // 2
        await pilot.click(RowTable, offset=(2, 3))  # line 3: the second row on screen
        assert table.cursor_row == first_on_screen + 1


async def test_cells_are_cut_with_an_ellipsis_and_numbers_are_right_aligned():
    app = OneTable(0)
    async with app.run_test(size=(40, 6)) as pilot:
        table = app.query_one(RowTable)
        table.show_rows(
            COLUMNS, [[Text("[bold]A very long name[/]"), Text("7", justify="right")]], ["1"]
        )
        await pilot.pause()
        line = table.render_line(1).text
        assert line.startswith(" [bold]A ver… ")  # as typed, never as markup
        assert line[14:20] == "    7 "


async def test_the_cursor_goes_back_to_the_same_key_when_rows_are_replaced():
    app = OneTable(50)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(RowTable)
        table.move_cursor(30)
        cells, keys = rows(50)
        table.show_rows(COLUMNS, cells[::-1], keys[::-1], cursor_on="30")
        await pilot.pause()
        assert table.key_at(table.cursor_row) == "30" and table.cursor_row == 19


async def test_a_double_click_chooses_the_row():
    chosen: list[int] = []

    class Choosing(OneTable):
        def on_row_table_chosen(self, message: RowTable.Chosen) -> None:
            chosen.append(message.row)

    app = Choosing(20)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.click(RowTable, offset=(2, 3))  # one click: the cursor moves, no more
        await pilot.pause()
        assert chosen == [] and app.query_one(RowTable).cursor_row == 2
        await pilot.double_click(RowTable, offset=(2, 4))
        await pilot.pause()
        assert chosen == [3]


@pytest.mark.parametrize(
    "text",
    [
        Text("Ada Lovelace", style="bold"),
        Text.assemble(("Ada ", "bold"), ("Lovelace", "italic")),
        Text.assemble(("Ada Lovelace", "bold")),  # one span over it all
        Text("Ada Lovelace", style="on red", spans=[Span(0, 12, "bold")]),
        Text("日本語のテキスト"),  # two cells a character: a cut can fall inside one
        Text("Zoë Ångström-Ñúñez"),
        Text("42", justify="right"),
    ],
)
@pytest.mark.parametrize("width", [1, 2, 5, 6, 12, 20])
def test_a_cell_fits_its_column_as_rich_would_lay_it_out(text: Text, width: int):
    """Cell.fit does by hand what Rich's truncate and align do (its own layout was too
    slow for a fresh page of results): the same characters, the same styles on them
    (the padding unstyled: the row's colours go under it), exactly the column's width."""
    console = Console()
    expected = text.copy()
    expected.stylize_before(text.style)
    expected.style = ""
    expected.overflow = "ellipsis"
    expected.align("right" if text.justify == "right" else "left", width)
    fitted = Cell.of(text, console).fit(0, width)
    assert "".join(run.text for run in fitted) == expected.plain
    assert sum(cell_len(run.text) for run in fitted) == width
    styles = [run.style or Style() for run in expected.render(console) for _ in run.text]
    assert [run.style or Style() for run in fitted for _ in run.text] == styles


def test_a_cell_has_blank_lines_below_its_own():
    """In a two-line row, a one-line cell's second line is blank, not missing."""
    cell = Cell.of(Text("Lars\nSweden"), Console())
    assert cell.plain == "Lars\nSweden"
    assert [run.text for run in cell.fit(1, 8)] == ["Sweden", "  "]
    assert [run.text for run in Cell.of(Text("3"), Console()).fit(1, 4)] == ["    "]
