"""What an empty table would list, said in its place (issue 14.10).

An empty table is a header over blank rows: it does not say whether it is still
loading, broken, or simply has nothing yet. Its note, put right after it, does.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable, Static

from netui.ui.widgets.row_table import RowTable


class EmptyNote(Static):
    """Shown below a table's header while the table has no rows."""

    DEFAULT_CSS = "EmptyNote { height: auto; padding: 1 2; display: none; }"

    def __init__(self, table_id: str, text: str) -> None:
        super().__init__(Text(text, style="dim"), id=f"{table_id}-empty")


def say_when_empty(table: DataTable | RowTable) -> None:
    """Show the table's note if it has no rows: the table shrinks to its header so the
    note sits right under it (an inline height, above any stylesheet's)."""
    empty = table.row_count == 0
    table.styles.height = "auto" if empty else None
    table.screen.query_one(f"#{table.id}-empty", EmptyNote).display = empty
