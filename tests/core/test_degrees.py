"""R2 on random graphs, checked against NetworkX's own shortest paths."""

from __future__ import annotations

import networkx as nx
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from netui.core.adjacency import Adjacency
from netui.core.degrees import after_connecting, path_to, reach_rows, standings_from
from netui.core.model import Degree

graphs = st.builds(
    lambda n, p, seed: nx.gnp_random_graph(n, p, seed=seed),
    st.integers(2, 40),
    st.floats(0.02, 0.3),
    st.integers(0, 10_000),
)


@given(graphs, st.dictionaries(st.integers(0, 39), st.integers(1, 3), max_size=8))
@settings(max_examples=60, deadline=None)
def test_r2_1_hops_mutual_and_path_agree_with_networkx(graph, groups):
    me = 0
    shared = {m: c for m, c in groups.items() if m in graph and m != me}
    standings = standings_from(graph.adj, me, shared)
    expected = nx.single_source_shortest_path_length(graph, me, cutoff=3)
    for member in graph:
        if member == me:
            continue
        standing = standings.get(member)
        hops = expected.get(member)
        assert (standing.hops if standing else None) == hops
        mutual = len(set(graph[me]) & set(graph[member]))
        assert (standing.mutual if standing else 0) == mutual
        degree = standing.degree if standing else Degree.OUT
        assert degree is Degree.from_hops(hops, shared.get(member, 0) > 0)
        if hops:
            path = path_to(me, member, lambda m: standings[m].parent)
            assert len(path) == hops + 1 and nx.is_path(graph, path)


@given(graphs, st.data())
@settings(max_examples=60, deadline=None)
def test_r2_3_connecting_updates_exactly_like_a_full_recomputation(graph, data):
    me = 0
    strangers = [m for m in graph if m != me and not graph.has_edge(me, m)]
    assume(strangers)  # someone to connect to (hypothesis draws another graph otherwise)
    friend = data.draw(st.sampled_from(strangers))
    before = standings_from(graph.adj, me, {})
    changed = after_connecting(me, friend, _with_edge(graph, me, friend).adj, before.get)
    after = {**before, **changed}
    truth = standings_from(_with_edge(graph, me, friend).adj, me, {})
    assert {m: (s.hops, s.mutual) for m, s in after.items() if s.hops or s.mutual} == {
        m: (s.hops, s.mutual) for m, s in truth.items() if s.hops or s.mutual
    }


def _with_edge(graph: nx.Graph, a: int, b: int) -> nx.Graph:
    copy = graph.copy()
    copy.add_edge(a, b)
    return copy


@given(graphs, st.dictionaries(st.integers(1, 39), st.integers(1, 3), max_size=8))
@settings(max_examples=60, deadline=None)
def test_r2_1_array_search_gives_the_same_view_as_the_rule(graph, groups):
    """reach_rows (numpy, for a million members) agrees with standings_from member by
    member; its parent is the lowest-numbered neighbour one hop nearer."""
    me = 0
    shared = {m: c for m, c in groups.items() if m in graph and m != me}
    pairs = [(a + 1, b + 1) for a, b in graph.edges]  # Adjacency counts ids from 1
    adjacency = Adjacency.from_pairs(len(graph), [a for a, _ in pairs], [b for _, b in pairs])
    rows = reach_rows(adjacency, me + 1, {m + 1: c for m, c in shared.items()})
    expected = standings_from(graph.adj, me, shared)
    assert [r[0] - 1 for r in rows] == sorted(expected)
    for member, hops, parent, mutual, groups_shared, rank in rows:
        standing = expected[member - 1]
        assert (hops, mutual, groups_shared) == (
            standing.hops,
            standing.mutual,
            standing.shared_groups,
        )
        assert rank == standing.degree.rank
        if hops:
            nearer = [
                n + 1
                for n in graph[member - 1]
                if (n == me and hops == 1) or (n in expected and expected[n].hops == hops - 1)
            ]
            assert parent == min(nearer)
