"""Pairs of member ids packed into one int64 array: ten million connections in 80 MB.

As a list of tuples the same pairs cost 700 MB and seconds to build, to store and to
turn into arrays again. `PackedPairs` reads like that list — len, index, iterate,
compare — so code written for a list of (a, b) tuples reads it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np

LOW = 0xFFFFFFFF  # ids fit in 32 bits: a pair is a << 32 | b


def pack(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (np.asarray(a, dtype=np.int64) << 32) | np.asarray(b, dtype=np.int64)


class PackedPairs(Sequence[tuple[int, int]]):
    """(a, b) pairs, in the order of the packed array (sorted packed = sorted pairs)."""

    def __init__(self, packed: np.ndarray) -> None:
        self.packed = packed

    @property
    def firsts(self) -> np.ndarray:
        return self.packed >> 32

    @property
    def seconds(self) -> np.ndarray:
        return self.packed & LOW

    def __len__(self) -> int:
        return len(self.packed)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, index: slice) -> PackedPairs: ...
    def __getitem__(self, index: int | slice) -> tuple[int, int] | PackedPairs:
        if isinstance(index, slice):
            return PackedPairs(self.packed[index])
        key = int(self.packed[index])
        return key >> 32, key & LOW

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return ((key >> 32, key & LOW) for key in self.packed.tolist())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedPairs):
            return bool(np.array_equal(self.packed, other.packed))
        if isinstance(other, list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable contents, like a list

    def __repr__(self) -> str:
        return repr(list(self))


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """The distinct values, ascending. A sort and a comparison: np.unique's hashing
    (numpy 2.3+) is several times slower on ten million ints."""
    values = np.sort(values)
    if len(values) == 0:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]
