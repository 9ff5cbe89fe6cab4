"""The network's measures (R1.3) on arrays, checked against NetworkX on small graphs."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from netui.core.adjacency import Adjacency
from netui.core.measures import measure


def arrays(graph: nx.Graph) -> Adjacency:
    """NetworkX nodes 0..n-1 as member ids 1..n."""
    a, b = zip(*graph.edges, strict=True)
    return Adjacency.from_pairs(len(graph), [x + 1 for x in a], [y + 1 for y in b])


def test_r1_3_giant_component_degrees_and_exact_measures_on_a_small_graph():
    # Two components: a clustered one of 60 and a path of 40 (the smaller one first in
    # id order, so the search must look past it).
    path = nx.path_graph(40)
    clustered = nx.relabel_nodes(
        nx.connected_watts_strogatz_graph(60, 6, 0.1, seed=3), {n: n + 40 for n in range(60)}
    )
    graph = nx.union(path, clustered)
    measures = measure(arrays(graph), list(range(1, 101)), random.Random(1))
    degrees = [d for _, d in graph.degree()]
    assert measures.giant_component_share == 0.6
    assert measures.max_connections == max(degrees)
    assert measures.mean_connections == round(sum(degrees) / 100, 2)
    # Under the sample size, clustering is exact (every member is sampled); paths are
    # measured from six sources to all of the giant component.
    assert measures.clustering == pytest.approx(nx.average_clustering(graph), abs=1e-4)
    giant = graph.subgraph(range(40, 100))
    assert measures.mean_path_length == pytest.approx(
        nx.average_shortest_path_length(giant), rel=0.15
    )


def test_partners_come_ascending_and_searches_respect_the_cutoff():
    adjacency = Adjacency.from_pairs(5, [3, 1, 2, 4], [1, 2, 3, 5])  # 1-2-3-1 and 4-5
    assert adjacency[1].tolist() == [2, 3]
    assert adjacency[3].tolist() == [1, 2]
    assert adjacency.degrees().tolist() == [0, 2, 2, 2, 1, 1]
    hops, parent = adjacency.search(2, cutoff=1)
    assert hops.tolist() == [-1, 1, 0, 1, -1, -1]
    assert parent.tolist() == [-1, 2, -1, 2, -1, -1]
