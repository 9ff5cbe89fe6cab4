"""How the graph looks as a professional network (R1.3), measured by sampling.

Exact clustering or all-pairs path lengths cost minutes on a million members; a
fixed-seed sample of a few hundred members gives stable figures in seconds.
"""

from __future__ import annotations

import random
import statistics
from dataclasses import asdict, dataclass

import numpy as np

from netui.core.adjacency import Adjacency

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
    """Measure a graph; `members` are its member ids (adjacency is indexed by id)."""
    ids = np.asarray(members, dtype=np.int64)
    sizes = adjacency.degrees()[ids]
    giant = _giant_component(adjacency, ids)
    return NetworkMeasures(
        mean_connections=round(float(sizes.mean()), 2),
        median_connections=float(np.median(sizes)),
        max_connections=int(sizes.max()),
        clustering=round(_sampled_clustering(adjacency, members, rng), 4),
        mean_path_length=round(_sampled_path_length(adjacency, giant, rng), 3),
        giant_component_share=round(len(giant) / len(members), 5),
    )


def _sampled_clustering(adjacency: Adjacency, members: list[int], rng: random.Random) -> float:
    """Average local clustering over a sample (members with < 2 connections count 0)."""
    sample = rng.sample(members, min(CLUSTERING_SAMPLE, len(members)))
    total = 0.0
    for node in sample:
        friends = adjacency[node]
        k = len(friends)
        if k < 2:
            continue
        if k > 400:  # hubs: estimate on a sample of their pairs
            pairs = [rng.sample(friends.tolist(), 2) for _ in range(2_000)]
            linked = sum(1 for a, b in pairs if _linked(adjacency, a, b))
            total += linked / len(pairs)
            continue
        _, theirs = adjacency.partners_of(friends.astype(np.int64))
        links = int(np.isin(theirs, friends, assume_unique=False).sum())
        total += links / (k * (k - 1))  # each link counted twice, pairs k(k-1)/2
    return total / len(sample)


def _linked(adjacency: Adjacency, a: int, b: int) -> bool:
    partners = adjacency[a]
    at = int(np.searchsorted(partners, b))  # partner lists are ascending
    return at < len(partners) and partners[at] == b


def _sampled_path_length(adjacency: Adjacency, giant: list[int], rng: random.Random) -> float:
    lengths: list[int] = []
    for source in rng.sample(giant, min(PATH_SOURCES, len(giant))):
        distance = adjacency.distances(source)
        targets = rng.sample(giant, min(PATH_TARGETS_PER_SOURCE, len(giant)))
        lengths += [int(distance[t]) for t in targets if t != source]
    return statistics.fmean(lengths) if lengths else 0.0


def _giant_component(adjacency: Adjacency, members: np.ndarray) -> list[int]:
    """The members of the largest connected component (ids ascending).

    Components are searched one after another, from the lowest unlabelled id, until
    the biggest found holds at least as many as are left: a generated network is one
    component, so this is usually a single search.
    """
    unlabelled = np.zeros(len(adjacency), dtype=bool)
    unlabelled[members] = True
    left = len(members)
    biggest = np.empty(0, dtype=np.int64)
    while left > len(biggest):
        start = int(np.argmax(unlabelled))
        component = np.flatnonzero(adjacency.distances(start) >= 0)
        unlabelled[component] = False
        left -= len(component)
        if len(component) > len(biggest):
            biggest = component
    return biggest.tolist()
