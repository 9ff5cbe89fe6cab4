"""Shared, expensive fixtures: the `default` network is generated once per session."""

from __future__ import annotations

import networkx as nx
import pytest

from netui.synth import Network, generate, load_recipe


@pytest.fixture(scope="session")
def tiny() -> Network:
    return generate(load_recipe("tiny"))


@pytest.fixture(scope="session")
def default() -> Network:
    return generate(load_recipe("default"))


@pytest.fixture(scope="session")
def default_graph(default: Network) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(row[0] for row in default.members)
    graph.add_edges_from(default.connections)
    return graph
