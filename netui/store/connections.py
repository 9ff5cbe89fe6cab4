"""The `connections` table: who is connected to whom, each pair once (a < b), and
`connections_reversed`, the same pairs under b, for the partners below a member.

Read back as compact adjacency arrays for a breadth-first search over a big graph, as
NetworkX for measurements and export, or one member's neighbours at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import sqlite_utils

from netui.core.adjacency import Adjacency
from netui.core.pairs import PackedPairs

if TYPE_CHECKING:
    import networkx as nx


def adjacency_of(member_count: int, connections: Iterable[tuple[int, int]]) -> Adjacency:
    """The graph as arrays (netui.core.adjacency) for searches over a big network."""
    if isinstance(connections, PackedPairs):
        return Adjacency.from_pairs(member_count, connections.firsts, connections.seconds)
    pairs = np.fromiter(chain.from_iterable(connections), dtype=np.int64).reshape(-1, 2)
    return Adjacency.from_pairs(member_count, pairs[:, 0], pairs[:, 1])


def load_adjacency(db: sqlite_utils.Database) -> Adjacency:
    count = db.execute("SELECT coalesce(max(id), 0) FROM members").fetchone()[0]
    return adjacency_of(count, db.execute("SELECT a, b FROM connections"))


def load_graph(db: sqlite_utils.Database) -> nx.Graph:
    """The connection graph as NetworkX, for recomputation and measurements."""
    import networkx as nx  # here, not at the top: it costs every command 0.15 s to import

    graph = nx.Graph()
    graph.add_nodes_from(row[0] for row in db.execute("SELECT id FROM members"))
    graph.add_edges_from(db.execute("SELECT a, b FROM connections"))
    return graph


def neighbours(db: sqlite_utils.Database, member: int) -> list[int]:
    return [
        row[0]
        for row in db.execute(
            "SELECT b FROM connections WHERE a = ? "
            "UNION ALL SELECT a FROM connections_reversed WHERE b = ?",
            (member, member),
        )
    ]


class Neighbours:
    """`adjacency[member]` answered from the connections table, for small local searches
    (loading the whole graph for one new connection would cost seconds on a big one)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def __getitem__(self, member: int) -> list[int]:
        return neighbours(self.db, member)


def add(db: sqlite_utils.Database, a: int, b: int) -> None:
    """Connect two members; the caller holds the transaction (the pair is kept twice)."""
    low, high = min(a, b), max(a, b)
    db.execute("INSERT OR IGNORE INTO connections (a, b) VALUES (?, ?)", (low, high))
    db.execute("INSERT OR IGNORE INTO connections_reversed (b, a) VALUES (?, ?)", (high, low))
