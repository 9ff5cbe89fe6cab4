"""R2: where every member stands from my point of view.

Works on any adjacency that answers `adjacency[node] -> iterable of neighbours`:
a NetworkX graph's `G.adj`, or the compact per-node arrays the seeder builds for a
million members (where a full `nx.Graph` would cost minutes and gigabytes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from netui.core.adjacency import UNREACHED, Adjacency
from netui.core.model import Degree

MAX_HOPS = 3


class AnyAdjacency(Protocol):
    """Anything that gives a node's neighbours: `G.adj`, an Adjacency, a store lookup."""

    def __getitem__(self, node: int, /) -> Iterable[int]: ...


@dataclass(frozen=True, slots=True)
class Standing:
    """One member as seen from me."""

    hops: int | None  # 1..3, None beyond the 3rd degree
    parent: int | None  # next member on one shortest path back to me
    mutual: int  # my connections who are also theirs
    shared_groups: int

    @property
    def degree(self) -> Degree:
        return Degree.from_hops(self.hops, self.shared_groups > 0)


def standings_from(
    adjacency: AnyAdjacency, me: int, shared_groups: Mapping[int, int]
) -> dict[int, Standing]:
    """Breadth-first search from me (cutoff 3) plus group sharing: everyone not out.

    `shared_groups` maps a member to the number of groups they share with me.
    """
    hops, parent = _bfs(adjacency, me)
    mutual = _mutual_counts(adjacency, me, (m for m, h in hops.items() if h == 1))
    standings = {
        member: Standing(h, parent[member], mutual.get(member, 0), shared_groups.get(member, 0))
        for member, h in hops.items()
    }
    for member, count in shared_groups.items():
        if member not in standings and member != me:
            standings[member] = Standing(None, None, 0, count)
    return standings


# A row of my view of the graph: (member, hops, parent, mutual, shared groups, degree rank).
ReachRow = tuple[int, int | None, int | None, int, int, int]


def reach_rows(adjacency: Adjacency, me: int, shared_groups: Mapping[int, int]) -> list[ReachRow]:
    """`standings_from` for a whole big network at once, on arrays: a row for everyone
    not out, ascending by id. Each parent is the lowest-numbered member one hop nearer."""
    hops, parent = adjacency.search(me, MAX_HOPS)
    hops[me] = UNREACHED
    _, theirs = adjacency.partners_of(np.flatnonzero(hops == 1))
    mutual = np.bincount(theirs, minlength=len(adjacency))
    shared = np.zeros(len(adjacency), dtype=np.int64)
    sharers = [m for m in shared_groups if m != me]
    shared[sharers] = [shared_groups[m] for m in sharers]
    members = np.flatnonzero((hops > 0) | (shared > 0))
    near = hops[members]
    # Ranks as Degree.from_hops gives them: 1st, 2nd, 3rd by hops, then group.
    rank = np.where(near > 0, near - 1, Degree.GROUP.rank)
    rows = list(
        zip(
            members.tolist(),
            near.tolist(),
            parent[members].tolist(),
            mutual[members].tolist(),
            shared[members].tolist(),
            rank.tolist(),
            strict=True,
        )
    )
    for i in np.flatnonzero(near <= 0).tolist():  # in a group with me, beyond 3 hops
        member, _, _, mutual_count, groups, group_rank = rows[i]
        rows[i] = (member, None, None, mutual_count, groups, group_rank)
    return rows


def _bfs(adjacency: AnyAdjacency, me: int) -> tuple[dict[int, int], dict[int, int]]:
    hops: dict[int, int] = {}
    parent: dict[int, int] = {}
    frontier = [me]
    seen = {me}
    for depth in range(1, MAX_HOPS + 1):
        next_frontier = []
        for node in frontier:
            for neighbour in adjacency[node]:
                if neighbour not in seen:
                    seen.add(neighbour)
                    hops[neighbour] = depth
                    parent[neighbour] = node
                    next_frontier.append(neighbour)
        frontier = next_frontier
    return hops, parent


def _mutual_counts(adjacency: AnyAdjacency, me: int, first: Iterable[int]) -> dict[int, int]:
    """For every member, how many of my 1st-degree connections they are connected to."""
    counts: dict[int, int] = {}
    for friend in first:
        for member in adjacency[friend]:
            if member != me:
                counts[member] = counts.get(member, 0) + 1
    return counts


def path_to(me: int, member: int, parent_of: Callable[[int], int | None]) -> list[int]:
    """One shortest path me → member (ids, me first); empty when beyond the 3rd degree."""
    path = [member]
    while path[-1] != me:
        step = parent_of(path[-1])
        if step is None or len(path) > MAX_HOPS:
            return []
        path.append(step)
    return path[::-1]


def after_connecting(
    me: int,
    friend: int,
    adjacency: AnyAdjacency,
    current: Callable[[int], Standing | None],
) -> dict[int, Standing]:
    """The standings that change when `friend` becomes my 1st-degree connection (R2.3).

    Distances only shrink, and only through the new friend: a member within two hops
    of them is now at most three from me. So a search from the friend with cutoff 2
    finds every change without rebuilding the whole view. `current(m)` is the stored
    standing (None when out of network). Returns only changed standings.
    """
    changed: dict[int, Standing] = {}

    def standing(m: int) -> Standing:
        return changed.get(m) or current(m) or Standing(None, None, 0, 0)

    def improve(m: int, hops: int, parent: int) -> None:
        s = standing(m)
        if m != me and (s.hops is None or hops < s.hops):
            changed[m] = Standing(hops, parent, s.mutual, s.shared_groups)

    improve(friend, 1, me)
    first_ring = [m for m in adjacency[friend] if m != me]
    for m in first_ring:
        s = standing(m)  # the friend is now a connection we share
        changed[m] = Standing(s.hops, s.parent, s.mutual + 1, s.shared_groups)
        improve(m, 2, friend)
    for m in first_ring:
        for n in adjacency[m]:
            improve(n, 3, m)
    return changed
