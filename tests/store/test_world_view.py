"""My view of the handmade network: degrees, routes, profile, search (R2, R3, R9)."""

from __future__ import annotations

import pytest

from netui.core.model import Degree, Plan, Route
from netui.core.routes import Refusal
from netui.store.search import SearchFilters, match_expression

HOSTILE = [
    '"',
    '""',
    "AND",
    "NEAR(",
    "c++",
    "foo-bar",
    "O'Brien",
    "*",
    "-",
    "🚀🔥",
    "שלום עולם",
    "مرحبا",
    "x" * 10_000,
    "",
    "   ",
    "a OR b NOT c",
    "^name:",
    "(((",
    "col:value",
    "'; DROP TABLE members; --",
]


def test_r2_1_degrees_follow_hops_then_groups(world):
    expected = {2: "1st", 3: "1st", 4: "2nd", 5: "2nd", 6: "3rd", 7: "group", 8: "out", 9: "group"}
    assert {m: world.standing(m).degree.value for m in expected} == expected


def test_r2_2_mutual_connections_and_shared_groups(world):
    assert world.standing(4).mutual == 2  # through 2 and 3
    assert world.standing(5).mutual == 1
    assert world.standing(7).shared_groups == 1
    assert world.standing(8).shared_groups == 0


def test_r10_stats_counts_every_member_once(world):
    stats = world.stats()
    assert stats.degrees == {"1st": 2, "2nd": 2, "3rd": 1, "group": 2, "out": 1}
    assert stats.members == 9
    assert sum(stats.degrees.values()) == stats.members - 1  # everyone but me


def test_r2_2_profile_shows_one_shortest_path_me_first(world):
    profile = world.profile(6)
    assert profile.path[0] == 1 and profile.path[-1] == 6
    assert len(profile.path) == 4  # three hops
    assert profile.path[2] == 4
    assert world.profile(8).path == ()


def test_r3_1_first_degree_gets_a_free_message(world):
    decision = world.route(2)
    assert (decision.route.value, decision.cost, decision.allowed) == ("message", 0, True)


def test_r3_1_inmail_to_first_degree_is_refused_with_a_suggestion(world):
    decision = world.route(2, want_inmail=True)
    assert not decision.allowed
    assert any("message" in reason for reason in decision.reasons)
    assert decision.refusals == (Refusal.FIRST_DEGREE,)


def test_r3_2_group_member_gets_a_group_message(world):
    assert world.route(9).route.value == "group_message"


def test_r3_4_inmail_off_is_refused(world):
    decision = world.route(6)
    assert not decision.allowed
    assert any("does not accept InMail" in r for r in decision.reasons)
    assert decision.refusals == (Refusal.INMAIL_OFF,) and not decision.needs_credits


def test_r3_3_out_of_network_gets_inmail_for_one_credit(world):
    # Me (1) is on Premium Business: its first grant arrived when the world was built.
    assert world.balance() == 15
    decision = world.route(8)
    assert (decision.route.value, decision.cost, decision.allowed) == ("inmail", 1, True)


def test_r3_4_no_credits_is_refused(world):
    world.change_plan(Plan.FREE)  # R5.3: drops the plan's unspent credits at once
    assert world.balance() == 0
    decision = world.route(8)
    assert not decision.allowed and decision.needs_credits
    assert decision.refusals == (Refusal.NO_CREDITS,)
    both = world.route(6)  # InMail off, and no credits either: both said
    assert both.refusals == (Refusal.INMAIL_OFF, Refusal.NO_CREDITS)
    rows = world.search("Lars", limit=5)  # search rows carry them too, for the UI
    assert rows[0].id == 6 and rows[0].decision.refusals == (Refusal.INMAIL_OFF, Refusal.NO_CREDITS)


def test_r3_5_open_profile_inmail_is_free(world):
    decision = world.route(7, want_inmail=True)
    assert (decision.route.value, decision.cost) == ("free_inmail", 0)


@pytest.mark.parametrize("text", HOSTILE)
def test_r9_3_hostile_search_text_returns_normally(world, text):
    results = world.search(text)
    assert isinstance(results, list)


def test_r9_3_match_expression_quotes_every_word():
    assert match_expression('c++ "AND" NEAR(') == '"c" "AND" "NEAR"*'
    assert match_expression("🚀") is None


def test_r9_1_results_are_ordered_by_degree(world):
    results = world.search("software", limit=20)  # every member's industry but 8 and 9
    ranks = [Degree(r.degree).rank for r in results]
    assert ranks == sorted(ranks)
    assert {r.id for r in results} == {2, 3, 4, 5, 6, 7}  # not me (1)


def test_r9_empty_query_lists_my_connections(world):
    assert {r.id for r in world.search("")} == {2, 3}


def test_r9_1_filters(world):
    only_2nd = world.search("", SearchFilters(degrees=(Degree.SECOND,)))
    assert {r.id for r in only_2nd} == {4, 5}
    assert {r.id for r in world.search("", SearchFilters(country="jp"))} == {3}
    assert {r.id for r in world.search("", SearchFilters(industry="banking"))} == {8, 9}
    assert {r.id for r in world.search("", SearchFilters(company="evil"))} == {5}
    assert {r.id for r in world.search("", SearchFilters(company="%"))} == set()


def test_r9_1_an_industry_within_my_degrees_is_both_filters_at_once(world):
    """Industry and degree filters together (read through the industry's index, issue
    13): exactly the members both filters alone give, degree first then name."""
    tiers = (Degree.FIRST, Degree.SECOND, Degree.THIRD, Degree.GROUP)
    for industry in ("software", "Banking"):
        for degrees in [(d,) for d in tiers] + [tiers]:
            both = world.search("", SearchFilters(industry=industry, degrees=degrees))
            by_industry = {r.id for r in world.search("", SearchFilters(industry=industry))}
            by_degree = {r.id for r in world.search("", SearchFilters(degrees=degrees))}
            assert {r.id for r in both} == by_industry & by_degree
            assert [(Degree(r.degree).rank, r.name) for r in both] == sorted(
                (Degree(r.degree).rank, r.name) for r in both
            )


def test_r9_2_each_result_carries_degree_mutual_groups_and_route(world):
    (result,) = world.search("O'Brien")
    assert result.id == 4
    assert (result.degree, result.mutual, result.shared_groups) == ("2nd", 2, 0)
    assert result.decision.route is Route.INMAIL


@pytest.mark.parametrize("text", ["software", "data", "rust", "ma", "python sql", "o'brien"])
def test_r9_1_broad_queries_rank_exactly_like_ranking_every_match(world, monkeypatch, text):
    from netui.store import search

    exact = world.search(text, limit=4)
    monkeypatch.setattr(search, "BROAD_MATCHES", -1)  # every query takes the broad path
    assert world.search(text, limit=4) == exact
    assert world.search(text, limit=50) == world.search(text, limit=50)


def test_r2_3_the_inner_circle_index_follows_new_connections(world, monkeypatch):
    from netui.store import search

    monkeypatch.setattr(search, "BROAD_MATCHES", -1)
    world.connect(6)
    world.db.execute("UPDATE invitations SET fate_accepted = '2015-01-13'")
    world.advance(1)
    # (An external-content index reads rows from `members`: ask it with MATCH.)
    inner = [
        r[0]
        for r in world.db.execute("SELECT rowid FROM inner_fts WHERE inner_fts MATCH 'software'")
    ]
    ranked = {
        r[0]
        for r in world.db.execute(
            "SELECT member_id FROM reach JOIN members ON id = member_id "
            "WHERE rank <= 1 AND industry = 'Software'"
        )
    }
    assert sorted(inner) == sorted(ranked) and {6, 7} <= ranked  # 6 now 1st, 7 now 2nd
    assert [r.id for r in world.search("Diallo")] == [7]


def test_r9_filters_offer_every_country_and_industry_with_its_members(world):
    members = [world.member(m) for m in range(1, world.stats().members + 1)]
    facets = world.facets()
    for key, column in (("countries", "country"), ("industries", "industry")):
        values = sorted({m[column] for m in members}, key=str.casefold)
        assert [f.name for f in getattr(facets, key)] == values
        assert {f.name: f.members for f in getattr(facets, key)} == {
            value: sum(m[column] == value for m in members) for value in values
        }
    # Each one offered is a filter that finds exactly its members.
    italy = next(f for f in facets.countries if f.name == "Italy")
    found = world.search("", SearchFilters(country="Italy"), limit=100)
    assert len(found) == italy.members - (world.member(world.me)["country"] == "Italy")


def test_r10_the_glance_is_the_part_of_stats_that_moves(world):
    glance = world.glance()
    assert world.stats().glance == glance
    # In the command contract, the glance's keys are among the stats' own (R11).
    glance_json, stats_json = glance.as_json(), world.stats().as_json()
    assert {"date", "me_name", "credits", "unread", "pending_invitations"} <= set(glance_json)
    assert {key: stats_json[key] for key in glance_json} == glance_json
    world.advance(7)
    assert world.glance().date == "2015-01-19" == world.stats().glance.date
