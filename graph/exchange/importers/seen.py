"""Event ids seen so far, compactly: the repeat check across the chunks of an import.

An event id that appears earlier in the input is skipped as a repeat (``duplicate-event``).
Within a chunk the format's own check finds repeats; across chunks the import keeps the ids of
the rows before, as runs of consecutive numbers (GDELT and ICEWS number their events in
order, so a file of a million events is a few runs), plus the odd id that is not a plain
number (leading zeros, more than 18 digits) as text.

>>> ids = IdSet.of(pd.Series(["5", "6", "7", "10", "007"]))
>>> ids.runs()
[(5, 7), (10, 10)]
>>> ids.contains(pd.Series(["6", "8", "007", "7"])).tolist()
[True, False, True, True]
>>> ids.union(IdSet.of(pd.Series(["8"]))).runs()
[(5, 8), (10, 10)]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["IdSet"]

_PLAIN = r"^(0|[1-9][0-9]{0,17})$"


def _split(ids: pd.Series) -> tuple[np.ndarray, np.ndarray, pa.Array]:
    """The plain numbers among ids, the mask of plain ones, and all ids as Arrow text."""
    text = pa.array(ids.astype(str), pa.string())
    if isinstance(text, pa.ChunkedArray):  # pragma: no cover - one chunk from a Series
        text = text.combine_chunks()
    plain = pc.match_substring_regex(text, _PLAIN).to_numpy(zero_copy_only=False)
    numbers = pc.filter(text, pa.array(plain)).cast(pa.int64()).to_numpy()
    return np.asarray(numbers, dtype=np.int64), plain, text


def _texts(text: pa.Array, mask: np.ndarray) -> list[str]:
    return text.filter(pa.array(mask)).to_pylist() if mask.any() else []


@dataclass
class IdSet:
    """A set of event ids (text): numbers as sorted runs ``[starts, ends]``, others as text."""

    starts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    ends: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    other: frozenset[str] = frozenset()

    @classmethod
    def of(cls, ids: pd.Series) -> IdSet:
        """The set of the given ids."""
        numbers, plain, text = _split(ids)
        other = frozenset(_texts(text, ~plain))
        numbers = np.sort(numbers)  # ids come mostly in order: sorting is fast
        numbers = numbers[np.r_[True, numbers[1:] != numbers[:-1]]] if len(numbers) else numbers
        if not len(numbers):
            return cls(other=other)
        breaks = np.flatnonzero(np.diff(numbers) != 1)
        starts = numbers[np.r_[0, breaks + 1]]
        ends = numbers[np.r_[breaks, len(numbers) - 1]]
        return cls(starts, ends, other)

    def __len__(self) -> int:
        return int((self.ends - self.starts + 1).sum()) + len(self.other)

    def runs(self) -> list[tuple[int, int]]:
        """The runs of numbers, as ``(first, last)``."""
        return [(int(a), int(b)) for a, b in zip(self.starts, self.ends, strict=True)]

    def contains(self, ids: pd.Series) -> np.ndarray:
        """Per id: True if it is in the set."""
        out = np.zeros(len(ids), dtype=bool)
        if not len(ids) or not len(self):
            return out
        numbers, plain, text = _split(ids)
        if len(numbers) and len(self.starts):
            at = np.searchsorted(self.starts, numbers, side="right") - 1
            inside = (at >= 0) & (numbers <= self.ends[np.maximum(at, 0)])
            out[np.flatnonzero(plain)[inside]] = True
        if self.other and not plain.all():
            out[~plain] = [t in self.other for t in _texts(text, ~plain)]
        return out

    def union(self, other: IdSet) -> IdSet:
        """The ids of both sets."""
        starts = np.concatenate([self.starts, other.starts])
        ends = np.concatenate([self.ends, other.ends])
        if len(starts):
            order = np.argsort(starts, kind="stable")
            starts, ends = starts[order], ends[order]
            reach = np.maximum.accumulate(ends)
            new = np.r_[True, starts[1:] > reach[:-1] + 1]
            starts = starts[new]
            ends = np.maximum.reduceat(ends, np.flatnonzero(new))
        return IdSet(starts, ends, self.other | other.other)

    def intersection(self, other: IdSet) -> IdSet:
        """The ids in both sets (runs clipped to each other)."""
        if not len(self.starts) or not len(other.starts):
            return IdSet(other=self.other & other.other)
        lo = np.searchsorted(other.ends, self.starts, side="left")
        hi = np.searchsorted(other.starts, self.ends, side="right")
        counts = np.maximum(hi - lo, 0)  # the runs of ``other`` each run of ours meets
        mine = np.repeat(np.arange(len(self.starts)), counts)
        step = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        theirs = np.repeat(lo, counts) + step
        starts = np.maximum(self.starts[mine], other.starts[theirs])
        ends = np.minimum(self.ends[mine], other.ends[theirs])
        keep = starts <= ends
        return IdSet(starts[keep], ends[keep], self.other & other.other)
