"""generate() on recipes at the edges of what a user may write."""

from __future__ import annotations

import networkx as nx

from netui.synth import MEMBER_COLUMNS, generate, load_recipe

SMALLEST = """
members = 50
mean_connections = 12
groups = 2
countries = 1
me = 7
seed = 0
"""


def test_the_smallest_recipe_still_makes_a_whole_network(tmp_path):
    path = tmp_path / "smallest.toml"
    path.write_text(SMALLEST, encoding="utf-8")
    network = generate(load_recipe(str(path)))
    graph = nx.Graph(network.connections)
    graph.add_nodes_from(row[0] for row in network.members)
    assert len(network.members) == 50
    assert nx.is_connected(graph)  # R1.3 giant component
    country = MEMBER_COLUMNS.index("country")
    assert {row[country] for row in network.members} == {"United States"}  # countries = 1
    assert network.me == 7  # R1.5: the recipe's own choice of persona
    assert sorted(g for g, m in network.group_members if m == 7) == [1, 2]


def test_r1_5_tiny_persona_has_a_real_network(tiny):
    low, high = load_recipe("tiny").me_connections
    degree = sum(1 for a, b in tiny.connections if tiny.me in (a, b))
    assert low <= degree <= high
