"""How the graph looks as a professional network (R1.3), measured by sampling.

Exact clustering or all-pairs path lengths cost minutes on a million members; a
fixed-seed sample of a few hundred members gives stable figures in seconds.
"""

from __future__ import annotations

import random
import statistics
from collections import deque
from dataclasses import asdict, dataclass

from netui.core.degrees import Adjacency

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


def measure(adjacency: Adjacency, members: list[int], rng: random.Random) -> NetworkMeasures:
    sizes = [len(adjacency[m]) for m in members]
    giant = _giant_component(adjacency, members)
    return NetworkMeasures(
        mean_connections=round(statistics.fmean(sizes), 2),
        median_connections=statistics.median(sizes),
        max_connections=max(sizes),
        clustering=round(_sampled_clustering(adjacency, members, rng), 4),
        mean_path_length=round(_sampled_path_length(adjacency, sorted(giant), rng), 3),
        giant_component_share=round(len(giant) / len(members), 5),
    )


def _sampled_clustering(adjacency: Adjacency, members: list[int], rng: random.Random) -> float:
    """Average local clustering over a sample (members with < 2 connections count 0)."""
    sample = rng.sample(members, min(CLUSTERING_SAMPLE, len(members)))
    total = 0.0
    for node in sample:
        friends = list(adjacency[node])
        k = len(friends)
        if k < 2:
            continue
        if k > 400:  # hubs: estimate on a sample of their pairs
            pairs = [tuple(rng.sample(friends, 2)) for _ in range(2_000)]
            linked = sum(1 for a, b in pairs if b in set(adjacency[a]))
            total += linked / len(pairs)
            continue
        friend_set = set(friends)
        links = sum(1 for f in friends for g in adjacency[f] if g in friend_set)
        total += links / (k * (k - 1))  # each link counted twice, pairs k(k-1)/2
    return total / len(sample)


def _sampled_path_length(adjacency: Adjacency, giant: list[int], rng: random.Random) -> float:
    lengths: list[int] = []
    for source in rng.sample(giant, min(PATH_SOURCES, len(giant))):
        distance = _distances(adjacency, source)
        targets = rng.sample(giant, min(PATH_TARGETS_PER_SOURCE, len(giant)))
        lengths += [distance[t] for t in targets if t != source and t in distance]
    return statistics.fmean(lengths) if lengths else 0.0


def _distances(adjacency: Adjacency, source: int) -> dict[int, int]:
    distance = {source: 0}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        step = distance[node] + 1
        for neighbour in adjacency[node]:
            if neighbour not in distance:
                distance[neighbour] = step
                queue.append(neighbour)
    return distance


def _giant_component(adjacency: Adjacency, members: list[int]) -> set[int]:
    unseen = set(members)
    giant: set[int] = set()
    while unseen and len(giant) < len(unseen):
        component = set(_distances(adjacency, next(iter(unseen))))
        unseen -= component
        if len(component) > len(giant):
            giant = component
    return giant
