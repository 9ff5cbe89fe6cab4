"""How the graph looks as a professional network (R1.3), measured by sampling.

Exact clustering or all-pairs path lengths cost minutes on a million members; a
fixed-seed sample of a few hundred members gives stable figures in seconds.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass

CLUSTERING_SAMPLE = 2_000
PATH_SOURCES = 6
PATH_TARGETS_PER_SOURCE = 400


@dataclass(frozen=True)
class NetworkMeasures:
    mean_connections: float
    median_connections: float
    max_connections: int
    clustering: float
    mean_path_length: float
    giant_component_share: float

    def as_json(self) -> dict:
        return asdict(self)


def measure(adjacency: Sequence, members: list[int], rng: random.Random) -> NetworkMeasures:
    """Measure a graph given as a list indexed by member id (index 0 unused)."""
    sizes = [len(adjacency[m]) for m in members]
    giant = _giant_component(adjacency, members)
    return NetworkMeasures(
        mean_connections=round(statistics.fmean(sizes), 2),
        median_connections=statistics.median(sizes),
        max_connections=max(sizes),
        clustering=round(_sampled_clustering(adjacency, members, rng), 4),
        mean_path_length=round(_sampled_path_length(adjacency, giant, rng), 3),
        giant_component_share=round(len(giant) / len(members), 5),
    )


def _sampled_clustering(adjacency: Sequence, members: list[int], rng: random.Random) -> float:
    """Average local clustering over a sample (members with < 2 connections count 0)."""
    sample = rng.sample(members, min(CLUSTERING_SAMPLE, len(members)))
    total = 0.0
    for node in sample:
        friends = list(adjacency[node])
        k = len(friends)
        if k < 2:
            continue
        if k > 400:  # hubs: estimate on a sample of their pairs
            pairs = [rng.sample(friends, 2) for _ in range(2_000)]
            total += sum(1 for a, b in pairs if b in adjacency[a]) / len(pairs)
            continue
        friend_set = set(friends)
        links = sum(1 for f in friends for g in adjacency[f] if g in friend_set)
        total += links / (k * (k - 1))  # each link counted twice, pairs k(k-1)/2
    return total / len(sample)


def _sampled_path_length(adjacency: Sequence, giant: list[int], rng: random.Random) -> float:
    lengths: list[int] = []
    for source in rng.sample(giant, min(PATH_SOURCES, len(giant))):
        distance = _distances(adjacency, source)
        targets = rng.sample(giant, min(PATH_TARGETS_PER_SOURCE, len(giant)))
        lengths += [distance[t] for t in targets if t != source]
    return statistics.fmean(lengths) if lengths else 0.0


def _distances(adjacency: Sequence, source: int) -> list[int]:
    """Hops from `source` to every member id (-1: unreachable), breadth first.

    A flat list instead of a dict: on a million members it is several times faster.
    """
    distance = [-1] * len(adjacency)
    distance[source] = 0
    frontier = [source]
    step = 0
    while frontier:
        step += 1
        reached = []
        for node in frontier:
            for neighbour in adjacency[node]:
                if distance[neighbour] < 0:
                    distance[neighbour] = step
                    reached.append(neighbour)
        frontier = reached
    return distance


def _giant_component(adjacency: Sequence, members: list[int]) -> list[int]:
    """The members of the largest connected component."""
    component = [-1] * len(adjacency)
    sizes: list[int] = []
    for start in members:
        if component[start] >= 0:
            continue
        label, stack = len(sizes), [start]
        component[start] = label
        size = 0
        while stack:
            node = stack.pop()
            size += 1
            for neighbour in adjacency[node]:
                if component[neighbour] < 0:
                    component[neighbour] = label
                    stack.append(neighbour)
        sizes.append(size)
    biggest = max(range(len(sizes)), key=sizes.__getitem__)
    return [m for m in members if component[m] == biggest]
