"""R9: find members as you type, and reach them straight from the result (R4.5).

The query runs at once or, inside a burst of keys, once the typing pauses, in an
exclusive thread worker (AsYouType), so typing never waits for the database; a result
set that a newer keystroke has overtaken is thrown away, never shown, and "searching…"
is said only when an answer is late. The results live in one RowTable (Line API: no
widget per row, and only the lines on screen are ever rendered). The first hundred come
with each keystroke; more are fetched as the cursor or the scrollbar nears the end of
what is loaded, so ten thousand results cost no more per keystroke than ten."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static

from netui.core.model import Degree
from netui.ui.gate import AsYouType, WorldGate
from netui.ui.messages import ComposeTo, Connect, FocusSearch, OpenMember
from netui.ui.screens.base import PlaceScreen
from netui.ui.text import count, degree_badge, plain, route_action, route_sentence
from netui.ui.widgets.line_input import LineInput
from netui.ui.widgets.row_table import Cell, Row, RowTable

# How many results to ask for: first a page the screen shows with room to move down
# (`first_page`), so each keystroke's answer comes back quickly; then these, as the
# user nears the end of what is loaded. My 1st and 2nd degree usually fill the first
# page from their own small index; a page they cannot fill asks the whole network, where
# two common words (`data engi…`) cost some 70 ms on a million members.
FURTHER = (1_000, 10_000)
# The first page when the screen has no size yet, and the least it asks for.
FIRST_PAGE = 100
LEAST_FIRST_PAGE = 40
# "Near the end": this many rows before the last one loaded, the next batch is fetched.
FETCH_AHEAD = 25
# Below this width a result takes two lines (name over headline, company over country),
# so that nothing that matters is cut off on an 80-column terminal.
WIDE_ENOUGH = 140
# (label, fixed width, weight): columns with a weight share the width the others leave
# (RowTable fits them to its width).
WIDE_COLUMNS = (
    ("Degree", 7, 0),
    ("Name", 0, 4),
    ("Headline", 0, 3),
    ("Company", 0, 3),
    ("Country", 12, 0),
    ("Mutual", 6, 0),
    ("Groups", 6, 0),
    ("Action", 16, 0),
)
NARROW_COLUMNS = (
    ("Degree", 7, 0),
    ("Who", 0, 1),
    ("Company", 0, 1),  # over the country
    ("Mut", 3, 0),
    ("Grp", 3, 0),
    ("Action", 13, 0),
)

if TYPE_CHECKING:
    from netui.store.search import SearchFilters
    from netui.world import World
    from netui.world.results import Facets, SearchResult


@dataclass(frozen=True)
class Query:
    text: str
    filters: SearchFilters


@dataclass(frozen=True)
class Results:
    query: Query
    rows: list[SearchResult]
    wide: bool  # the layout the cells were made for
    cells: list[Row]  # made in the worker, so the event loop only draws them
    limit: int

    @property
    def complete(self) -> bool:
        return len(self.rows) < self.limit

    @property
    def next_limit(self) -> int | None:
        bigger = [limit for limit in FURTHER if limit > self.limit]
        return None if self.complete or not bigger else bigger[0]


class ResultsTable(RowTable):
    """The results. Keys act on the highlighted member."""

    BINDINGS = [
        Binding("enter", "open", "Profile", id="search.open", tooltip="Open the profile"),
        Binding("I", "inmail", "InMail", id="search.inmail", tooltip="Write an InMail"),
        Binding(
            "m",
            "message",
            "Message",
            id="search.message",
            tooltip="Write by the route allowed (message, group message or InMail)",
        ),
        Binding("x", "connect", "Connect", id="search.connect", tooltip="Send an invitation"),
        Binding("escape", "back_to_query", "Edit search", id="search.query", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="results")

    @property
    def member_id(self) -> int | None:
        key = self.key_at(self.cursor_row)
        return None if key is None else int(key)

    def action_open(self) -> None:
        if (member := self.member_id) is not None:
            self.post_message(OpenMember(member))

    def on_row_table_chosen(self, _: RowTable.Chosen) -> None:
        self.action_open()

    def action_inmail(self) -> None:
        if (member := self.member_id) is not None:
            self.post_message(ComposeTo(member, want_inmail=True))

    def action_message(self) -> None:
        if (member := self.member_id) is not None:
            self.post_message(ComposeTo(member, want_inmail=False))

    def action_connect(self) -> None:
        if (member := self.member_id) is not None:
            self.post_message(Connect(member))

    def action_back_to_query(self) -> None:
        self.screen.set_focus(self.screen.query_one("#query", Input))


class SearchScreen(PlaceScreen):
    CSS_PATH = "search.tcss"
    PLACE = "search"
    AUTO_FOCUS = "#query"
    # ↓ (or escape) from the search box goes to the results, like in any search field;
    # from there the letter keys act on the results and move around the app again.
    # A priority binding acts before the keys typed after it are delivered: with an
    # ordinary one, "↓ I" typed quickly would put the I in the box before ↓ moved on.
    BINDINGS = [
        Binding(
            "down,escape",
            "to_results",
            "Results",
            id="search.results",
            tooltip="Move to the results, where the keys below act on the highlighted member",
            priority=True,
        ),
        Binding(
            "tab",
            "next_field",
            "Filters",
            id="search.filters",
            tooltip="Move on to the filters: degree, country, industry, company",
        ),
    ]

    def __init__(self, gate: WorldGate) -> None:
        super().__init__(gate)
        self.results: list[SearchResult] = []
        self.shown_query: Query | None = None
        self.shown: Results | None = None
        self.fetching: int | None = None  # the limit of a longer answer on its way
        self.searches = AsYouType(self.gate, self, "search", self.show, self._search_late)
        self.late = False  # the results shown are for an older query, the new ones late

    def compose_body(self) -> ComposeResult:
        yield LineInput(
            placeholder="Search names, jobs, companies, skills, places…", id="query", compact=True
        )
        with Horizontal(id="filters"):
            yield Select(
                [(d.label if d.label != d.value else d.value, d.value) for d in Degree],
                prompt="Any degree",
                id="degree",
                compact=True,
            )
            # Filled from the network once it answers (World.facets); type to jump.
            yield Select([], prompt="Any country", id="country", compact=True)
            yield Select([], prompt="Any industry", id="industry", compact=True)
            yield LineInput(placeholder="Company", id="company", compact=True)
        yield ResultsTable()
        yield Static(id="result-detail")

    # ── asking ───────────────────────────────────────────────────────────────

    def reload(self) -> None:
        self.run_search()

    def current_query(self) -> Query:
        from netui.store.search import SearchFilters  # imported late: see NetuiApp.open_world

        def picked(name: str) -> str | None:
            value = self.query_one(f"#{name}", Select).value
            return value if isinstance(value, str) else None  # else "any"

        degree = picked("degree")
        filters = SearchFilters(
            degrees=(Degree(degree),) if degree else (),
            country=picked("country"),
            industry=picked("industry"),
            company=self.query_one("#company", Input).value.strip() or None,
        )
        return Query(self.query_one("#query", Input).value, filters)

    def run_search(
        self, query: Query | None = None, limit: int | None = None, *, typed: bool = False
    ) -> None:
        """Search for `query` (the boxes' now); a `typed` one waits for the typing to pause.
        Without a `limit`, the first page is asked for; with one, a longer answer."""
        query = query or self.current_query()
        wide = self.size.width >= WIDE_ENOUGH
        # The rows a first page shows at once have their cells made ready to draw in
        # the worker, off the event loop; the others (below them, a longer answer's)
        # are made as they scroll into view (RowTable does it). Not more: the worker
        # holds Python's lock while it makes them, and a key typed meanwhile waits.
        ready = self.rows_on_screen(wide) if limit is None else 0
        limit = limit or self.first_page(wide)
        console = self.app.console  # only read (for its styles) from the worker

        def search(world: World) -> Results:
            rows = world.search(query.text, query.filters, limit=limit)
            cells: list[Row] = [result_cells(row, wide) for row in rows]
            cells[:ready] = [tuple(Cell.of(text, console) for text in c) for c in cells[:ready]]
            return Results(query, rows, wide, cells, limit)

        self.searches.ask(search, at_once=not typed)

    @on(Input.Changed)
    def _query_typed(self) -> None:
        self.run_search(typed=True)

    @on(Select.Changed)
    def _filter_picked(self) -> None:
        self.run_search()

    def _search_late(self, late: bool) -> None:
        self.late = late
        self._show_detail()

    @on(Input.Submitted)
    def _to_results(self) -> None:
        self.set_focus(self.query_one(ResultsTable))

    @on(FocusSearch)
    def _focus_query(self) -> None:
        self.set_focus(self.query_one("#query", Input))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("to_results", "next_field"):  # only from the search and filter boxes
            return isinstance(self.focused, Input)
        return True

    def action_to_results(self) -> None:
        # set_focus, not focus(): focus() waits for the next idle moment, and a key typed
        # right after ↓ (say I, for InMail) must already reach the results.
        self.set_focus(self.query_one(ResultsTable))

    def action_next_field(self) -> None:
        self.focus_next()

    # ── showing ──────────────────────────────────────────────────────────────

    def show(self, results: Results) -> None:
        before = self.shown
        same = before is not None and before.query == results.query
        more = same and before.limit < results.limit and before.wide == results.wide
        self.results = results.rows
        self.shown_query = results.query
        self.shown = results
        self.fetching = None
        table = self.query_one(ResultsTable)
        if more:  # the same search, further: keep the table, add what follows
            start = table.row_count
            table.add_rows(results.cells[start:], [str(row.id) for row in results.rows[start:]])
            self._show_detail()  # "1,000+ results" becomes "1,200 results"
        else:
            self.fill_table(keep_cursor=same)

    def fill_table(self, keep_cursor: bool = True) -> None:
        """The columns for this width, and the results.

        A reload of the same search (back from a profile or the compose form, or after
        the clock moved) keeps the cursor on the member it was on.
        """
        shown = self.shown
        if shown is None:
            return
        if shown.wide != (self.size.width >= WIDE_ENOUGH):  # the layout changed: ask again
            self.run_search()
            return
        table = self.query_one(ResultsTable)
        table.show_rows(
            WIDE_COLUMNS if shown.wide else NARROW_COLUMNS,
            shown.cells,
            [str(row.id) for row in shown.rows],
            row_height=1 if shown.wide else 2,
            cursor_on=table.key_at(table.cursor_row) if keep_cursor else None,
        )
        self._show_detail()

    def first_page(self, wide: bool) -> int:
        """The rows the table shows, as many again below them and the fetch-ahead
        margin: showing them fetches nothing more until the user moves down."""
        on_screen = self.rows_on_screen(wide)
        if not on_screen:  # not laid out yet
            return FIRST_PAGE
        return max(LEAST_FIRST_PAGE, 2 * on_screen + FETCH_AHEAD + 1)

    def rows_on_screen(self, wide: bool) -> int:
        """How many results the table shows at once (0 before it is laid out)."""
        height = self.query_one(ResultsTable).size.height - 1  # under the header
        return max(0, height // (1 if wide else 2))

    def fetch_more_if_near_the_end(self) -> None:
        shown, table = self.shown, self.query_one(ResultsTable)
        if shown is None or shown.next_limit is None or self.fetching == shown.next_limit:
            return
        on_screen = table.size.height // table.row_height
        last_seen = max(table.cursor_row, int(table.scroll_y) // table.row_height + on_screen)
        if table.row_count - last_seen <= FETCH_AHEAD + on_screen:
            self.fetching = shown.next_limit
            self.run_search(shown.query, shown.next_limit)  # added to the table on arrival

    def on_resize(self) -> None:
        self.fill_table()

    def on_mount(self) -> None:
        self.watch(self.query_one(ResultsTable), "scroll_y", self._scrolled, init=False)
        self.ask(lambda world: world.facets(), self._offer_facets, group="facets")

    def _offer_facets(self, facets: Facets) -> None:
        for select_id, values in (
            ("#country", facets.countries),
            ("#industry", facets.industries),
        ):
            options = [(facet_label(v.name, v.members), v.name) for v in values]
            self.query_one(select_id, Select).set_options(options)

    def _scrolled(self) -> None:
        self.fetch_more_if_near_the_end()

    @on(RowTable.Highlighted)
    def _highlighted(self) -> None:
        self.fetch_more_if_near_the_end()
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#result-detail", Static)
        table = self.query_one(ResultsTable)
        if not self.results:
            detail.update(self._empty_text(), layout=False)  # its height is fixed
            return
        row = self.results[min(table.cursor_row, len(self.results) - 1)]
        text = Text()
        if self.late:
            text.append("searching… · ", style="dim")
        shown = self.shown
        if shown is None or shown.complete:
            text.append(f"{count(len(self.results), 'result')} · ", style="dim")
        else:
            text.append(f"{len(self.results):,}+ results · ", style="dim")
        text.append_text(plain(row.name, "bold"))
        groups = count(row.shared_groups, "shared group")
        text.append(f" · {row.mutual} mutual · {groups} · ")
        text.append_text(route_sentence(row.decision))
        detail.update(text, layout=False)

    def _empty_text(self) -> Text:
        query = self.shown_query
        if query is None or self.late:
            return Text("Searching…", style="dim")
        if not query.text.strip() and not query.filters.any:
            return Text(
                "You have no connections yet. Type to search the whole network.", style="dim"
            )
        return Text("No member matches. Try fewer words or other filters.", style="dim")


def facet_label(name: str, members: int) -> Text:
    """'Italy  1,204': a country or industry to pick, and how many members it holds."""
    label = plain(name)
    label.append(f"  {members:,}", style="dim")
    return label


def result_cells(row: SearchResult, wide: bool) -> list[Text]:
    """One result as table cells: every member text a plain Text, never markup."""
    action = route_action(row.decision)
    numbers = [
        Text(str(row.mutual), justify="right"),
        Text(str(row.shared_groups), justify="right"),
    ]
    if wide:
        return [
            degree_badge(row.degree),
            plain(row.name, "bold"),
            plain(row.headline),
            plain(row.company),
            plain(row.country),
            *numbers,
            action,
        ]
    who = plain(row.name, "bold")
    who.append("\n")
    who.append_text(plain(row.headline, "dim"))
    where = plain(row.company)
    where.append("\n")
    where.append_text(plain(row.country, "dim"))
    return [degree_badge(row.degree), who, where, *numbers, action]
