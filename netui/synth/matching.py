"""Linking members within blocks, a whole tier of blocks at a time, on arrays.

A `Grouping` is every member of the network laid out group after group (a company, a
city, a circle…) in one array, with the offsets where each group starts. The graph
model (`graph`) cuts groups into blocks and asks each block for links between its
members; this module answers for all the blocks of a tier in a few array operations:

- dense blocks (a circle where most pairs are linked) flip a Chung–Lu coin for every
  pair: u and v are linked with probability wanted[u] × wanted[v] / block total, which
  never repeats a pair;
- sparse blocks let every other stub pick a partner stub of its block at random, which
  is cheaper and rarely repeats (repeats are dropped, and made up for, by the caller).

Links come back packed (netui.core.pairs): smaller id << 32 | larger id.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from netui.core.pairs import pack, sorted_unique

# A block is dense when its possible pairs are at most this many times its links.
DENSE = 4
# Pairs of dense blocks looked at in one go (bounds the memory of the coin flips).
PAIRS_PER_CHUNK = 4_000_000


@dataclass(frozen=True)
class Grouping:
    """Member ids, group after group; group g is members[bounds[g]:bounds[g + 1]]."""

    members: np.ndarray
    bounds: np.ndarray

    @classmethod
    def by_key(cls, key: np.ndarray, order: np.ndarray | None = None) -> Grouping:
        """Members (index i is id i + 1) grouped by `key`, in `order` within a group
        (default: by id)."""
        if order is None:
            order = np.argsort(key, kind="stable")
        sorted_key = key[order]
        starts = np.flatnonzero(np.diff(sorted_key)) + 1
        return cls(order + 1, np.concatenate([[0], starts, [len(key)]]))

    def sizes(self) -> np.ndarray:
        return np.diff(self.bounds)

    def cut(self, size: int, gen: np.random.Generator) -> Grouping:
        """Each group cut into blocks of about `size` at random points, so block sizes
        vary around it (a group near `size` or smaller stays whole)."""
        sizes = self.sizes()
        cuts_per_group = np.maximum(1, np.rint(sizes / size).astype(np.int64)) - 1
        group_of_cut = np.repeat(np.arange(len(sizes)), cuts_per_group)
        inside = 1 + (gen.random(len(group_of_cut)) * (sizes[group_of_cut] - 1)).astype(np.int64)
        bounds = sorted_unique(np.concatenate([self.bounds, self.bounds[group_of_cut] + inside]))
        return Grouping(self.members, bounds)


def link_blocks(
    blocks: Grouping, stubs: np.ndarray, min_block: int, gen: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Links within each block, each member getting about as many as its stubs.

    `stubs` is indexed by member id. A member asks for at most (block size - 1) links,
    and for none in a block under `min_block`; returns (packed links, the stubs that
    could not be placed, by member id) so the caller can spill them to a wider tier.
    """
    sizes = blocks.sizes()
    block_of = np.repeat(np.arange(len(sizes)), sizes)  # by position in blocks.members
    size_here = sizes[block_of]
    room = np.where(size_here >= min_block, size_here - 1, 0)
    wanted = stubs[blocks.members]
    placed = np.minimum(wanted, room)
    excess = np.zeros_like(stubs)
    excess[blocks.members] = wanted - placed
    total = np.bincount(block_of, weights=placed, minlength=len(sizes)).astype(np.int64)
    busy = total >= 2
    dense = busy & (sizes * (sizes - 1) <= DENSE * total)
    links = [
        _chung_lu(blocks, placed, total, np.flatnonzero(dense), gen),
        _pair_stubs(blocks, placed, block_of, busy & ~dense, gen),
    ]
    return np.concatenate(links), excess


def _chung_lu(
    blocks: Grouping,
    placed: np.ndarray,
    total: np.ndarray,
    dense: np.ndarray,
    gen: np.random.Generator,
) -> np.ndarray:
    """A coin per pair of each dense block, blocks of one size at a time."""
    sizes = blocks.sizes()[dense]
    found = [np.empty(0, dtype=np.int64)]
    for size in np.unique(sizes).tolist():
        x, y = np.triu_indices(size, 1)
        same = dense[sizes == size]
        step = max(1, PAIRS_PER_CHUNK // len(x))
        for chunk in range(0, len(same), step):
            chosen = same[chunk : chunk + step]
            starts = blocks.bounds[chosen][:, None]
            at_x, at_y = starts + x, starts + y
            odds = placed[at_x] * placed[at_y] / total[chosen][:, None]
            linked = gen.random(odds.shape) < odds
            u, v = blocks.members[at_x[linked]], blocks.members[at_y[linked]]
            found.append(pack(np.minimum(u, v), np.maximum(u, v)))
    return np.concatenate(found)


def _pair_stubs(
    blocks: Grouping,
    placed: np.ndarray,
    block_of: np.ndarray,
    sparse: np.ndarray,
    gen: np.random.Generator,
) -> np.ndarray:
    """Every other stub of a sparse block picks a partner stub of the block at random:
    a member with c stubs starts about c/2 links and receives about c/2."""
    here = sparse[block_of]
    counts = placed[here]
    pool = np.repeat(blocks.members[here], counts)  # a member once per stub, block by block
    pool_block = np.repeat(block_of[here], counts)
    pool_size = np.bincount(pool_block, minlength=len(sparse))
    pool_start = np.concatenate([[0], np.cumsum(pool_size)[:-1]])
    local = np.arange(len(pool)) - pool_start[pool_block]
    picks = np.flatnonzero(local % 2 == 0)  # every other stub of each block
    block = pool_block[picks]
    partner = pool_start[block] + (gen.random(len(picks)) * pool_size[block]).astype(np.int64)
    a, b = pool[picks], pool[partner]
    differ = a != b
    a, b = a[differ], b[differ]
    return pack(np.minimum(a, b), np.maximum(a, b))
