"""Connections (R1.3, R1.5) on the `default` recipe, measured with networkx.

Sampled measures use a fixed random.Random, so a run is reproducible; the thresholds
are the spec's words turned into numbers, not figures copied from a run.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter

import networkx as nx
import pytest

from netui.synth import MEMBER_COLUMNS, load_recipe
from netui.synth.recipe import MAX_CONNECTIONS

pytestmark = pytest.mark.slow

COUNTRY, COMPANY, INDUSTRY = (MEMBER_COLUMNS.index(c) for c in ("country", "company", "industry"))


@pytest.fixture(scope="module")
def degrees(default_graph: nx.Graph) -> list[int]:
    return [d for _, d in default_graph.degree()]


def test_r1_3_edges_are_simple_sorted_and_valid(default):
    edges = default.connections
    n = len(default.members)
    assert edges == sorted(set(edges))  # sorted, each pair once
    assert all(1 <= a < b <= n for a, b in edges)  # a < b: no self-loops


def test_r1_2_members_come_from_about_two_hundred_countries(default):
    assert len({row[COUNTRY] for row in default.members}) >= 150


def test_r1_3_mean_degree_is_the_recipes(default, degrees):
    wanted = load_recipe("default").mean_connections
    assert abs(statistics.mean(degrees) - wanted) <= 0.15 * wanted


def test_r1_3_degrees_are_heavy_tailed_and_capped(degrees):
    median = statistics.median(degrees)
    assert 10 <= median <= 300  # most have tens to a few hundred …
    assert max(degrees) >= 10 * median  # … a few have far more
    assert sum(1 for d in degrees if d >= 1000) >= 1
    assert max(degrees) <= MAX_CONNECTIONS


def test_r1_3_one_giant_component(default_graph):
    giant = max(nx.connected_components(default_graph), key=len)
    assert len(giant) >= 0.99 * default_graph.number_of_nodes()


def test_r1_3_clustering_well_above_a_random_graph(default_graph, degrees):
    rng = random.Random(13)
    sample = rng.sample(sorted(default_graph.nodes), 1500)
    clustering = nx.average_clustering(default_graph, sample)
    random_graph_level = statistics.mean(degrees) / default_graph.number_of_nodes()
    assert clustering >= 0.10
    assert clustering >= 20 * random_graph_level


def test_r1_3_small_world_paths_of_three_to_six_hops(default_graph):
    rng = random.Random(17)
    total = pairs = 0
    for source in rng.sample(sorted(default_graph.nodes), 16):
        lengths = nx.single_source_shortest_path_length(default_graph, source)
        total += sum(lengths.values())
        pairs += len(lengths) - 1
    assert 3.0 <= total / pairs <= 6.0


def test_r1_3_people_cluster_by_company_industry_and_country(default):
    rows = default.members
    n = len(rows)

    def same(col: int) -> float:
        return sum(rows[a - 1][col] == rows[b - 1][col] for a, b in default.connections) / len(
            default.connections
        )

    def by_chance(col: int) -> float:
        counts = Counter(row[col] for row in rows)
        return sum(c * c for c in counts.values()) / (n * n)

    for col in (COMPANY, INDUSTRY, COUNTRY):
        assert same(col) >= 3 * by_chance(col), MEMBER_COLUMNS[col]
    assert same(COUNTRY) >= 0.5  # most connections stay in the country


def test_r1_5_me_has_a_few_hundred_connections(default, default_graph):
    low, high = load_recipe("default").me_connections
    assert low <= default_graph.degree(default.me) <= high


def test_r2_1_my_second_and_third_degree_reach_most_members(default, default_graph):
    hops = nx.single_source_shortest_path_length(default_graph, default.me, cutoff=3)
    second_or_third = sum(1 for h in hops.values() if h in (2, 3))
    assert second_or_third >= 0.5 * default_graph.number_of_nodes()
