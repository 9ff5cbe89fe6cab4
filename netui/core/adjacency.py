"""The connection graph as arrays: compressed sparse rows, searched a level at a time.

Ten million connections as Python lists cost gigabytes and a breadth-first search over
them several seconds; as two numpy arrays they take 80 MB, and a search expands a whole
level of the graph in a few array operations. `adjacency[m]` is member m's partners
(an int32 array, ascending), so code written for `G.adj` reads it too.
"""

from __future__ import annotations

import numpy as np

from netui.core.pairs import sorted_unique

UNREACHED = -1


class Adjacency:
    """Partners of member m: `indices[indptr[m]:indptr[m + 1]]`, ids from 1 (0 unused)."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray) -> None:
        self.indptr = indptr
        self.indices = indices

    @classmethod
    def from_pairs(cls, member_count: int, a: np.ndarray, b: np.ndarray) -> Adjacency:
        """From undirected pairs (each once, either order) of ids in 1..member_count."""
        a = np.asarray(a, dtype=np.int64)
        b = np.asarray(b, dtype=np.int64)
        # One sort of (member, partner) keys puts every list in place, partners ascending.
        keys = np.concatenate([(a << 32) | b, (b << 32) | a])
        keys.sort()
        counts = np.bincount(keys >> 32, minlength=member_count + 1)
        indptr = np.zeros(member_count + 2, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        return cls(indptr, (keys & 0xFFFFFFFF).astype(np.int32))

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def __getitem__(self, member: int) -> np.ndarray:
        return self.indices[self.indptr[member] : self.indptr[member + 1]]

    def degrees(self) -> np.ndarray:
        """Connections per member id (index 0 unused)."""
        return np.diff(self.indptr)

    def partners_of(self, members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every (member, partner) pair of the given members, as two aligned arrays."""
        starts = self.indptr[members]
        counts = self.indptr[members + 1] - starts
        total = int(counts.sum())
        # Position of each partner: its list's start plus its place within the list.
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
        return np.repeat(members, counts), self.indices[offsets]

    def distances(self, source: int, cutoff: int | None = None) -> np.ndarray:
        """Hops from `source` to every member id (UNREACHED beyond reach or the cutoff)."""
        return self.search(source, cutoff, parents=False)[0]

    def search(
        self, source: int, cutoff: int | None = None, *, parents: bool = True
    ) -> tuple[np.ndarray, np.ndarray]:
        """Breadth first from `source`: hops to every member id, and each one's parent —
        the lowest-numbered member one hop nearer (a rule, so the same graph always gives
        the same paths). UNREACHED for both where the search did not reach."""
        size = len(self)
        hops = np.full(size, UNREACHED, dtype=np.int32)
        parent = np.full(size, UNREACHED, dtype=np.int32)
        hops[source] = 0
        frontier = np.array([source], dtype=np.int64)
        depth = 0
        while len(frontier) and (cutoff is None or depth < cutoff):
            depth += 1
            sources, partners = self.partners_of(frontier)
            new = hops[partners] == UNREACHED
            partners = partners[new]
            hops[partners] = depth
            if parents:
                parent[partners] = np.iinfo(np.int32).max
                np.minimum.at(parent, partners, sources[new].astype(np.int32))
            # The next frontier without repeats: a scan of all members is cheaper than
            # sorting once a level reaches a good part of the graph.
            if len(partners) > size // 16:
                frontier = np.flatnonzero(hops == depth)
            else:
                frontier = sorted_unique(partners)
        return hops, parent
