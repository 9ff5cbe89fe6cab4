from __future__ import annotations

import pytest
from rich.style import Style
from textual.widgets import Input, Select

from netui.core.model import Degree, Route
from netui.core.network import MEMBER_COLUMNS, Network
from netui.store.search import SearchFilters
from netui.ui.app import NetuiApp
from netui.ui.modals.compose import ComposeModal
from netui.ui.screens.profile import ProfileScreen
from netui.ui.screens.search import FURTHER, ResultsTable, SearchScreen
from netui.ui.text import route_sentence
from netui.world import World
from tests.handmade import DEFAULTS
from tests.ui.conftest import SIZE, ask, notifications, settle


async def open_search(pilot, text: str = "") -> SearchScreen:
    await settle(pilot)
    await pilot.press("s")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    if text:
        await pilot.press(*text)
        await settle(pilot)
    return screen


def shown_names(screen: SearchScreen) -> list[str]:
    table = screen.query_one(ResultsTable)
    return [cells[1].plain.split("\n")[0] for cells in table.rows]


async def test_starts_with_my_connections_and_the_cursor_in_the_box(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        assert screen.focused is screen.query_one("#query", Input)
        assert shown_names(screen) == ["Aiko Tanaka", "Marco Bianchi"]  # 1st, by name


async def test_results_follow_the_typing_degree_first(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "banking")
        assert shown_names(screen) == ["Tomás Pérez", "Noor Haddad"]  # Group before Out
        await pilot.press(*"x" * 3)
        await settle(pilot)
        assert shown_names(screen) == []
        assert "No member matches" in str(screen.query_one("#result-detail").render())


async def test_only_the_newest_query_is_ever_shown(app):
    """Answers to a query typed over by a newer one are discarded, never shown."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        box = screen.query_one("#query", Input)
        for text in ("r", "ru", "rus", "rust", "o'brien"):
            box.value = text  # each change starts a search; none waits for the last
        await settle(pilot)
        assert screen.shown_query.text == "o'brien"
        assert shown_names(screen) == ["Seán O'Brien"]


async def test_filters_narrow_the_results(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "engineer")
        assert len(shown_names(screen)) == 6
        screen.query_one("#degree", Select).value = "group"
        await settle(pilot)
        assert shown_names(screen) == ["Amina Diallo", "Tomás Pérez"]
        screen.query_one("#degree", Select).value = Select.NULL
        screen.query_one("#country", Select).value = "Sweden"
        await settle(pilot)
        assert shown_names(screen) == ["Lars Nilsson"]
        screen.query_one("#country", Select).value = Select.NULL
        screen.query_one("#company", Input).value = "tanaka"
        await settle(pilot)
        assert shown_names(screen) == ["Aiko Tanaka"]


async def test_country_and_industry_are_picked_from_what_the_network_holds(app):
    """The pickers list every country and industry of the network with its members,
    by name, and picking one from the keyboard (type to jump, enter) narrows the
    results."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "engineer")
        facets = ask(app, lambda world: world.facets())
        every = ask(app, lambda world: [world.member(m) for m in range(1, 10)])
        assert [c.name for c in facets.countries] == sorted({m["country"] for m in every})
        for country in facets.countries:
            assert country.members == sum(m["country"] == country.name for m in every)
        picker = screen.query_one("#country", Select)
        assert [value for _label, value in picker._options[1:]] == [
            c.name for c in facets.countries
        ]
        picker.focus()
        await pilot.press("enter", *"swe", "enter")
        await settle(pilot)
        assert picker.value == "Sweden"
        assert shown_names(screen) == ["Lars Nilsson"]


async def test_any_text_is_safe_to_type(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        box = screen.query_one("#query", Input)
        for text in ('"', "AND OR NEAR(", "c++ -foo *", "😀 ünïcödé", "x" * 5000, "'"):
            box.value = text
            await settle(pilot)
        assert app.return_code is None  # still running, no crash
        assert not notifications(app, severity="error")


async def test_member_text_is_shown_verbatim_never_as_markup(app):
    async with app.run_test(size=(150, 32)) as pilot:
        screen = await open_search(pilot, "markup")
        row = screen.query_one(ResultsTable).rows[0]
        assert row[1].plain == "[bold]Eve[/] Markup"
        assert row[3].plain == "[link=http://x]Evil[/link] Ltd"
        # Drawn in bold and nothing else: no markup became a style or a link.
        assert {run.style for line in row[1].lines for run in line} == {Style.parse("bold")}
        assert not any(run.style and run.style.link for line in row[3].lines for run in line)


async def test_each_row_shows_degree_mutual_groups_and_the_action(app):
    async with app.run_test(size=(150, 32)) as pilot:
        screen = await open_search(pilot, "lars")
        degree, name, headline, company, country, mutual, groups, action = (
            cell.plain for cell in screen.query_one(ResultsTable).rows[0]
        )
        assert (degree.strip(), name, country, mutual, groups) == (
            "3rd",
            "Lars Nilsson",
            "Sweden",
            "0",
            "0",
        )
        assert action == "✗ InMail off"
        assert "does not accept InMail" in str(screen.query_one("#result-detail").render())


@pytest.mark.parametrize(("text", "member"), [("amina", 7), ("sean", 4), ("marco", 2)])
async def test_issue_10_3_the_detail_line_shows_the_decision_world_made(app, text, member):
    """Group message (7 shares a group with me), InMail (4, 2nd degree), message (2, a
    connection): the words and the cost are those of World's RouteDecision (R3)."""
    async with app.run_test(size=(150, 32)) as pilot:
        screen = await open_search(pilot, text)
        decision = ask(app, lambda world: world.route(member))
        assert screen.results[0].id == member and screen.results[0].decision == decision
        detail = str(screen.query_one("#result-detail").render())
        assert detail.endswith(route_sentence(decision).plain)


async def test_a_narrow_terminal_keeps_every_column(app):
    """Issue 14.8: at 80×24 the company has a column of its own (over the country) and
    the columns use the whole width, nothing cut while space is free."""
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_search(pilot, "brien")
        table = screen.query_one(ResultsTable)
        assert [label for label, _width in table.columns] == [
            "Degree",
            "Who",
            "Company",
            "Mut",
            "Grp",
            "Action",
        ]
        scrollbar = table.styles.scrollbar_size_vertical
        assert sum(width + 2 for _label, width in table.columns) == table.size.width - scrollbar
        who, where = (cell.plain for cell in table.rows[0][1:3])
        assert (who, where) == ("Seán O'Brien\nC++ Developer", "Acme\nIreland")
        shown = [table.render_line(y).text for y in (1, 2)]  # the first result's two lines
        assert "Seán O'Brien" in shown[0] and "Acme" in shown[0]
        assert "C++ Developer" in shown[1] and "Ireland" in shown[1]


async def test_enter_opens_the_profile_and_escape_comes_back(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "brien")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.member_id == 4
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)


async def test_a_double_click_on_a_result_opens_the_profile(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "brien")
        await pilot.double_click(ResultsTable, offset=(10, 1))  # the first row
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen) and app.screen.member_id == 4
        assert screen.query_one(ResultsTable).cursor_row == 0


async def test_inmail_straight_from_a_result(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "brien")
        await pilot.press("down", "I")
        await settle(pilot)
        assert isinstance(app.screen, ComposeModal)
        assert app.screen.want_inmail
        assert app.screen.recipient.route.route is Route.INMAIL


async def test_connect_from_a_result_sends_an_invitation(app):
    async with app.run_test(size=SIZE) as pilot:
        await open_search(pilot, "brien")
        await pilot.press("down", "x")
        await settle(pilot)
        assert ask(app, lambda world: world.profile(4).invitation_pending)
        await pilot.press("x")  # twice: refused, with the reason, and nothing changes
        await settle(pilot)
        errors = [n.message for n in notifications(app, severity="error")]
        assert errors and "already invited" in errors[-1]


def fan_network(size: int) -> Network:
    """Me, ten friends, and `size` members each a friend of one of them: all 2nd degree."""
    members, connections = [], []
    for member_id in range(1, size + 12):
        name = "Me Myself" if member_id == 1 else f"Member Number{member_id:04d}"
        row = {**DEFAULTS, "id": member_id, "name": name}
        members.append(tuple(row[column] for column in MEMBER_COLUMNS))
    connections += [(1, friend) for friend in range(2, 12)]
    connections += [(2 + n % 10, n) for n in range(12, size + 12)]
    return Network(members=members, connections=connections, me=1, source="fan")


async def test_thousands_of_results_are_fetched_as_the_cursor_nears_the_end(tmp_path):
    """The first answer holds a page the screen shows twice over, and no more is asked
    before the cursor moves; going to the end fetches the next, longer
    answers, added below what is shown, in the World's order, until all are there."""
    members = FURTHER[0] + 200  # past the first further limit, so all three are used
    path = tmp_path / "fan.db"
    World.build(path, lambda progress: fan_network(members))
    app = NetuiApp(db_path=path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot)
        screen.query_one("#degree", Select).value = "2nd"  # and no text: all of them
        await settle(pilot)
        table = screen.query_one(ResultsTable)
        on_screen = (table.size.height - 1) // table.row_height
        first = screen.first_page(wide=False)
        assert first > 2 * on_screen  # the rows shown, and as many below them
        assert (table.row_count, len(screen.results)) == (first, first)
        assert screen.fetching is None  # nothing more asked before the cursor moves
        assert f"{first}+ results" in str(screen.query_one("#result-detail").render())
        await pilot.press("escape")  # to the results
        for _ in range(10):  # to the last row, again, as a user would
            if table.row_count == members:
                break
            await pilot.press("end")
            await settle(pilot)
        filters = SearchFilters(degrees=(Degree.SECOND,))
        every = ask(app, lambda world: world.search("", filters, limit=10_000))
        assert [int(key) for key in table.keys] == [row.id for row in every]
        assert len(every) == members
        assert f"{members:,} results" in str(screen.query_one("#result-detail").render())


async def test_the_cursor_stays_on_its_member_after_the_compose_form_closes(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_search(pilot, "software")
        await pilot.press("down", "down", "down")  # into the results, then two rows on
        await settle(pilot)
        table = screen.query_one(ResultsTable)
        chosen = table.cursor_row
        assert chosen == 2
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ComposeModal)
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert screen.query_one(ResultsTable).cursor_row == chosen
