"""Aggregates larger than memory: groups kept to a bound, the rest on disk, finished in order.

The aggregated edges of an import are numbered in the order of (period, source id, target id,
type). :class:`Groups` merges the chunks' aggregates as they come; when more than
:data:`SPILL_GROUPS` groups are held, it writes them to disk, cut into *buckets* of one period
and one first letter of the source id (:func:`~.aggregate.buckets`), and starts again. At the
end it merges and finishes one bucket at a time, in key order, so that the numbers run on as
in one sort, and memory holds one bucket, not all the groups of the import.

>>> import numpy as np, pandas as pd
>>> from .aggregate import rows_aggregate
>>> def events(source: str) -> Aggregate:
...     return rows_aggregate(["2019"], [source], ["z"], ["visit"], np.array([1.0]),
...                           np.array([2.0]), ["042"], pd.Series(["1"]), np.array([0]))
>>> groups = Groups(limit=1)
>>> for source in ("b", "a", "b"):
...     groups.add(events(source))
>>> [batch] = groups.batches()  # one batch: both buckets are small
>>> piece = edge_slice(merged(batch), 0, prefix="g", period="year", score_column="s",
...                    as_csv=False)
>>> piece.table[["id", "source", "count"]].values.tolist()
[['g-year-1', 'a', '1'], ['g-year-2', 'b', '2']]
>>> groups.close()
"""

from __future__ import annotations

import io
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from .aggregate import Aggregate, buckets, merge, part, rows_aggregate
from .edge_rows import finish
from .output import SAFE_EDGE_COLUMNS, csv_lines
from .partial import release_memory, scratch_file

__all__ = [
    "SPILL_GROUPS",
    "EdgeSlice",
    "Groups",
    "edge_file",
    "edge_slice",
    "loaded",
    "merged",
]

#: Groups held in memory before they go to disk (about 60 MB, and as much again to merge).
SPILL_GROUPS = 200_000
_MERGE = 50_000
_BATCH = 50_000  # groups finished at a time (100,000: a higher peak, slower on Dask)


def loaded(data: bytes) -> list[Aggregate]:
    """The aggregates pickled one after the other in ``data`` (a spilled bucket's file)."""
    stream = io.BytesIO(data)
    parts = []
    while stream.tell() < len(data):
        parts.append(pickle.load(stream))
    return parts


def merged(parts: Sequence[Aggregate | bytes | Path]) -> Aggregate:
    """One batch of :meth:`Groups.batches` merged (spilled buckets loaded first)."""
    aggs: list[Aggregate] = []
    for p in parts:
        if isinstance(p, Aggregate):
            aggs.append(p)
        else:
            aggs += loaded(p.read_bytes() if isinstance(p, Path) else p)
    return merge(aggs)


@dataclass
class EdgeSlice:
    """The edges of one batch: their columns, how often each node ends one, their number, and
    the edges as CSV lines (``lines``, or a file of them: ``path``) or as a table."""

    columns: list[str]
    ends: pd.Series
    count: int
    lines: bytes | None
    table: pd.DataFrame | None
    path: Path | None = None


def edge_slice(
    agg: Aggregate, numbered: int, *, prefix: str, period: str, score_column: str, as_csv: bool
) -> EdgeSlice:
    """A merged batch finished as edges numbered after ``numbered`` (:func:`finish`)."""
    table = finish(agg, prefix, period, score_column, numbered)
    ends = pd.concat([table["source"], table["target"]]).value_counts()
    if as_csv:
        return EdgeSlice(
            list(table.columns), ends, len(table), csv_lines(table, SAFE_EDGE_COLUMNS), None
        )
    return EdgeSlice(list(table.columns), ends, len(table), None, table)


def edge_file(
    finishing: Callable[[Aggregate, int], EdgeSlice], folder: str, agg: Aggregate, numbered: int
) -> EdgeSlice:
    """``finishing(agg, numbered)`` with its CSV lines written to a file in ``folder`` (a
    worker on this machine hands back a path, not the bytes)."""
    piece = finishing(agg, numbered)
    if piece.lines is None:
        return piece
    return replace(piece, lines=None, path=scratch_file(folder, f"edges-{numbered}-", piece.lines))


def _empty() -> Aggregate:
    nothing = np.zeros(0)
    return rows_aggregate([], [], [], [], nothing, nothing, [], pd.Series([], dtype=str), nothing)


class Groups:
    """The groups of an import's aggregated edges, in memory up to ``limit``, then on disk."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = SPILL_GROUPS if limit is None else limit
        self.running: Aggregate | None = None
        self.pending: list[Aggregate] = []
        self.folder: tempfile.TemporaryDirectory[str] | None = None
        self.files: dict[tuple[str, str], Path] = {}
        self.sizes: dict[tuple[str, str], int] = {}

    def add(self, agg: Aggregate) -> None:
        """Take a chunk's aggregate."""
        self.pending.append(agg)
        held = sum(len(p) for p in self.pending)
        if held < max(len(self.running or ()), _MERGE) and held <= self.limit:
            return
        self.running = merge([*([self.running] if self.running else []), *self.pending])
        self.pending = []
        if len(self.running) > self.limit:
            self._spill(self.running)
            self.running = None
            release_memory()

    def _spill(self, agg: Aggregate) -> None:
        if self.folder is None:
            self.folder = tempfile.TemporaryDirectory(prefix="graph-groups-")
        for key, lo, hi in buckets(agg):
            path = self.files.setdefault(key, Path(self.folder.name) / f"{len(self.files)}.pickle")
            self.sizes[key] = self.sizes.get(key, 0) + hi - lo
            with path.open("ab") as handle:
                pickle.dump(part(agg, lo, hi), handle, protocol=pickle.HIGHEST_PROTOCOL)

    def batches(self) -> Iterator[list[Aggregate | Path]]:
        """The groups in batches of whole buckets, in key order: each batch the parts for
        :func:`merged` (a spilled bucket as the path of its file, read there); at least one
        batch. The files last until :meth:`close`."""
        held = [*([self.running] if self.running else []), *self.pending]
        current = merge(held) if held else None
        self.running, self.pending = None, []
        release_memory(force=True)
        here = {key: (lo, hi) for key, lo, hi in buckets(current)} if current else {}
        batch: list[tuple[str, str]] = []
        size = 0
        keys = sorted(set(self.files) | set(here))
        for number, key in enumerate(keys):
            batch.append(key)
            size += self.sizes.get(key, 0) + (here[key][1] - here[key][0] if key in here else 0)
            if size < _BATCH and number < len(keys) - 1:
                continue
            parts: list[Aggregate | Path] = [self.files[k] for k in batch if k in self.files]
            mine = [here[k] for k in batch if k in here]
            if mine and current is not None:
                parts.append(part(current, mine[0][0], mine[-1][1]))
            batch, size = [], 0
            yield parts
            release_memory()
        if not keys:
            yield [current or _empty()]

    def close(self) -> None:
        """Remove the files on disk."""
        if self.folder is not None:
            self.folder.cleanup()
            self.folder = None
        self.files, self.sizes = {}, {}
