"""Aggregated edges (``--aggregate``) from partial aggregates that combine exactly.

Each chunk of an import reduces its kept events to an :class:`Aggregate`: one group per
period, source id, target id and relation type, holding the event count, the summed score and
weight, the summed mentions (and how many events had a count), the distinct CAMEO codes, and
the first event (lowest event number, then input order) with its citation. Aggregates of any
chunks :func:`merge` into the aggregate of all of them, in any grouping, and
:func:`~.edge_rows.finish` numbers the groups in the order of their key and writes the edge
table.

Sums are exact, so that the result does not depend on how the input was cut: a score with at
most six decimals (Goldstein and CAMEO scales have one) is summed as an integer number of
millionths, any other as a fraction; the total is then rounded to the nearest float once.

>>> agg = merge([rows_aggregate(["2019-10"] * 3, ["iran"] * 3, ["tajikistan"] * 3,
...     ["visit"] * 3, np.array([1.9, 3.4, -5.3]), np.array([2.0, np.nan, 1.0]),
...     ["042", "043", "042"], pd.Series(["7", "5", "9"]), np.arange(3))])
>>> len(agg), agg.count.tolist(), int(agg.score[0])  # the score in millionths: exact
(1, [3], 0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .pipeline import period_key

if TYPE_CHECKING:
    from collections.abc import Callable

    from .pipeline import Outcome, Parsed

__all__ = [
    "KEYS",
    "SCALE",
    "Aggregate",
    "buckets",
    "merge",
    "part",
    "reduce_events",
    "rows_aggregate",
    "text_array",
]

#: The key of a group, in the order edges are numbered.
KEYS = ("period", "source", "target", "type")
SCALE = 10**6  # a score is summed as an integer number of millionths
_ROW_BITS = 28  # the row in its piece
_PIECE_BITS = 12  # the piece in its task


@dataclass
class Aggregate:
    """Groups of events, sorted by key; labels of each key column in ``labels``."""

    codes: dict[str, np.ndarray]  # key column -> per group, an index into labels[column]
    labels: dict[str, np.ndarray]  # key column -> sorted distinct texts
    count: np.ndarray  # events
    score: np.ndarray  # summed score, in millionths (int64)
    weight: np.ndarray  # summed |score|, in millionths
    mentions: np.ndarray  # summed mentions (float)
    mentioned: np.ndarray  # events with a mention count
    number: np.ndarray  # the first event's number
    order: np.ndarray  # the first event's place in the input
    first: pa.Array  # the first event's id
    citation: pa.Array | None  # the first event's citation
    pairs: np.ndarray  # (group, CAMEO code index) of each distinct code of a group
    cameo: np.ndarray  # CAMEO code texts, sorted
    odd: dict[int, tuple[Fraction, Fraction]] = field(default_factory=dict)  # group -> rest
    merged: bool = True  # groups are distinct keys, in order

    def __len__(self) -> int:
        return len(self.count)


def _scaled(score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scores as millionths (int64), and a mask of those that are not whole millionths."""
    scaled = np.rint(score * SCALE)
    exact = (np.abs(scaled) < 2**53) & (scaled / SCALE == score)
    return np.where(exact, scaled, 0).astype(np.int64), ~exact


def rows_aggregate(
    period: Sequence[str] | np.ndarray,
    source: Sequence[str] | np.ndarray,
    target: Sequence[str] | np.ndarray,
    kind: Sequence[str] | np.ndarray,
    score: np.ndarray,
    mentions: np.ndarray,
    code: Sequence[str] | np.ndarray,
    event_id: pd.Series,
    order: np.ndarray,
) -> Aggregate:
    """One group per event (to :func:`merge`); ``order`` is each event's place in the input."""
    codes, labels = {}, {}
    for name, values in zip(KEYS, (period, source, target, kind), strict=True):
        codes[name], labels[name] = _encode(values)
    cameo_codes, cameo = _encode(code)
    scaled, odd = _scaled(np.asarray(score, dtype=float))
    rest = {
        int(i): (Fraction(float(score[i])), Fraction(abs(float(score[i]))))
        for i in np.flatnonzero(odd)
    }
    n = len(scaled)
    known = ~np.isnan(mentions)
    return Aggregate(
        codes,
        labels,
        np.ones(n, dtype=np.int64),
        scaled,
        np.abs(scaled),
        np.where(known, mentions, 0.0),
        known.astype(np.int64),
        _numbers(event_id),
        np.asarray(order, dtype=np.int64),
        pa.array(event_id.astype(str).to_numpy(dtype=object), pa.large_string()),
        None,
        np.stack([np.arange(n, dtype=np.int64), cameo_codes.astype(np.int64)], axis=1),
        cameo,
        rest,
        merged=n <= 1,
    )


def _numbers(event_id: pd.Series) -> np.ndarray:
    """Event ids as numbers (as ``pandas.to_numeric`` reads them), fast when they are int64."""
    try:
        return np.asarray(pa.array(event_id.astype(str)).cast(pa.int64()).to_numpy())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pd.to_numeric(event_id, errors="coerce").to_numpy()


def _encode(values: Sequence[str] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes into the sorted distinct values (hashed once each, then the few sorted)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    labels = np.asarray(uniques, dtype=object)
    order = np.argsort(labels, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank[codes] if len(codes) else codes.astype(np.int64), labels[order]


def _unify(labels: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Merged sorted labels, and per part the map from its codes to the merged ones.

    In Arrow (hashed and sorted in C++; UTF-8 bytes sort as code points do, as ``np.unique``
    sorts Python strings): the driver merges every chunk's labels.
    """
    if not labels:
        return np.zeros(0, dtype=object), []
    texts = [pa.array(part, pa.large_string()) for part in labels]
    distinct = pa.chunked_array(texts, pa.large_string()).unique()
    merged = distinct.take(pc.sort_indices(distinct))
    return (
        np.asarray(merged.to_numpy(zero_copy_only=False), dtype=object),
        [
            pc.index_in(p, value_set=merged).to_numpy(zero_copy_only=False).astype(np.int64)
            for p in texts
        ],
    )


def merge(parts: list[Aggregate]) -> Aggregate:
    """The aggregate of all the events of ``parts``: groups of equal keys become one."""
    parts = [p for p in parts if len(p)] or parts[:1]
    if len(parts) == 1 and parts[0].merged:
        return parts[0]
    codes, labels = {}, {}
    for name in KEYS:
        labels[name], maps = _unify([p.labels[name] for p in parts])
        codes[name] = np.concatenate([m[p.codes[name]] for m, p in zip(maps, parts, strict=True)])
    cameo, cameo_maps = _unify([p.cameo for p in parts])
    number = np.concatenate([p.number for p in parts])
    order = np.concatenate([p.order for p in parts])
    key = _pack([codes[k] for k in KEYS], [len(labels[k]) for k in KEYS])
    if key is not None:
        sort = np.argsort(key, kind="stable")  # the parts are sorted runs: merged, not sorted
        key = key[sort]
        new = np.r_[True, key[1:] != key[:-1]] if len(key) else np.zeros(0, bool)
        _first_ahead(sort, new, number, order)
    else:
        sort = np.lexsort((order, number, *(codes[k] for k in reversed(KEYS))))
        keys = np.stack([codes[k][sort] for k in KEYS], axis=1)
        new = np.r_[True, (keys[1:] != keys[:-1]).any(axis=1)] if len(keys) else np.zeros(0, bool)
    starts = np.flatnonzero(new)
    group = np.empty(len(sort), dtype=np.int64)
    group[sort] = np.cumsum(new) - 1  # each input group's new group

    def total(values: list[np.ndarray]) -> np.ndarray:
        joined = np.concatenate(values)[sort]
        return np.add.reduceat(joined, starts) if len(starts) else joined[:0]

    first = sort[starts]
    offsets = np.cumsum([0] + [len(p) for p in parts])
    rest: dict[int, tuple[Fraction, Fraction]] = {}
    for base, part in zip(offsets, parts, strict=False):
        for i, (s, w) in part.odd.items():
            at = int(group[base + i])
            old = rest.get(at, (Fraction(0), Fraction(0)))
            rest[at] = (old[0] + s, old[1] + w)
    pairs = np.concatenate(
        [
            np.stack([group[base + p.pairs[:, 0]], m[p.pairs[:, 1]]], axis=1)
            for base, p, m in zip(offsets, parts, cameo_maps, strict=False)
        ]
    )
    if len(pairs):
        width = max(len(cameo), 1)
        packed = np.sort(pairs[:, 0] * width + pairs[:, 1])
        packed = packed[np.r_[True, packed[1:] != packed[:-1]]]
        pairs = np.stack([packed // width, packed % width], axis=1)
    citations = [p.citation for p in parts]
    return Aggregate(
        {k: v[first] for k, v in codes.items()},
        labels,
        total([p.count for p in parts]),
        total([p.score for p in parts]),
        total([p.weight for p in parts]),
        total([p.mentions for p in parts]),
        total([p.mentioned for p in parts]),
        number[first],
        order[first],
        _take([p.first for p in parts], first),
        None if any(c is None for c in citations) else _take(citations, first),  # type: ignore[arg-type]
        pairs,
        cameo,
        rest,
    )


def _first_ahead(sort: np.ndarray, new: np.ndarray, number: np.ndarray, order: np.ndarray) -> None:
    """Within each group of ``sort`` (starting where ``new``), put the lowest (number, order)
    first, ties kept in place: the order of ``np.lexsort((order, number, key))``, sorting only
    the groups of more than one member."""
    group = np.cumsum(new) - 1
    sizes = np.bincount(group) if len(group) else group
    members = np.flatnonzero(sizes[group] > 1)
    if len(members):
        rows = sort[members]
        sort[members] = rows[np.lexsort((order[rows], number[rows], group[members]))]


def _pack(codes: list[np.ndarray], sizes: list[int]) -> np.ndarray | None:
    """The key columns as one int64 in the same order (None if it would not fit)."""
    if np.prod([float(max(n, 1)) for n in sizes]) >= 2.0**62:
        return None
    key = np.zeros(len(codes[0]), dtype=np.int64)
    for column, size in zip(codes, sizes, strict=True):
        key = key * max(size, 1) + column
    return key


def part(agg: Aggregate, lo: int, hi: int) -> Aggregate:
    """Groups ``lo`` to ``hi`` of an aggregate, with only the labels they use."""
    codes, labels = {}, {}
    for name in KEYS:
        used, codes[name] = np.unique(agg.codes[name][lo:hi], return_inverse=True)
        labels[name] = agg.labels[name][used]
    at, to = np.searchsorted(agg.pairs[:, 0], [lo, hi])
    pairs = agg.pairs[at:to] - np.array([lo, 0])
    odd = {g - lo: v for g, v in agg.odd.items() if lo <= g < hi}
    rows = pa.array(np.arange(lo, hi), pa.int64())  # a copy, not a view of the whole
    citation = None if agg.citation is None else agg.citation.take(rows)
    return Aggregate(
        codes,
        labels,
        agg.count[lo:hi].copy(),
        agg.score[lo:hi].copy(),
        agg.weight[lo:hi].copy(),
        agg.mentions[lo:hi].copy(),
        agg.mentioned[lo:hi].copy(),
        agg.number[lo:hi].copy(),
        agg.order[lo:hi].copy(),
        agg.first.take(rows),
        citation,
        pairs,
        agg.cameo,
        odd,
    )


def buckets(agg: Aggregate) -> list[tuple[tuple[str, str], int, int]]:
    """Runs of groups of one period and one first letter of the source id, in key order.

    Edges are numbered in the order of (period, source, target, type); a bucket's key is a
    prefix of it, so buckets finished one after the other number their edges as one sort.
    """
    if not len(agg):
        return []
    period = agg.labels["period"][agg.codes["period"]]
    letter = np.array([s[:1] for s in agg.labels["source"]], dtype=object)[agg.codes["source"]]
    change = np.flatnonzero((period[1:] != period[:-1]) | (letter[1:] != letter[:-1])) + 1
    starts = np.r_[0, change]
    ends = np.r_[change, len(agg)]
    return [
        ((str(period[a]), str(letter[a])), int(a), int(b))
        for a, b in zip(starts, ends, strict=True)
    ]


def _take(arrays: list[pa.Array], at: np.ndarray) -> pa.Array:
    joined = pa.chunked_array(arrays, pa.large_string()).combine_chunks()
    return joined.take(pa.array(at, pa.int64()))


def reduce_events(
    parsed: Parsed,
    outcome: Outcome,
    period: str,
    citations: Callable[[pd.DataFrame, pd.DataFrame, np.ndarray], pd.Series],
    undirected: set[str],
    base: int = 0,
) -> Aggregate:
    """The aggregate of a chunk's kept events; ``base`` places the chunk in the input.

    The pair of an undirected type is taken in id order, so A-B and B-A events meet.
    """
    rows = np.flatnonzero(outcome.kept)
    events = parsed.events[["event_id", "date", "type", "code", "score", "mentions"]].iloc[rows]
    ids = parsed.catalogue["id"].to_numpy(dtype=object)
    src, tgt = ids[outcome.source[rows]], ids[outcome.target[rows]]
    swap = events["type"].isin(undirected).to_numpy() & (src > tgt)
    agg = merge(
        [
            rows_aggregate(
                period_key(events["date"], period).to_numpy(dtype=object),
                np.where(swap, tgt, src),
                np.where(swap, src, tgt),
                events["type"].to_numpy(dtype=object),
                events["score"].to_numpy(dtype=float),
                events["mentions"].to_numpy(dtype=float),
                events["code"].to_numpy(dtype=object),
                events["event_id"].reset_index(drop=True),
                base + rows,
            )
        ]
    )
    at = agg.order - base  # the first event's row
    cited = citations(parsed.frame, parsed.events, at)
    return replace(agg, citation=text_array(cited.astype(str).to_numpy(dtype=object)))


def place(task: int, piece: int) -> int:
    """The ``base`` of :func:`reduce_events` for a piece of a task (input order)."""
    return (task << (_ROW_BITS + _PIECE_BITS)) | (piece << _ROW_BITS)


def text_array(values: np.ndarray | pa.Array) -> pa.Array:
    if isinstance(values, pa.Array):
        return values.cast(pa.large_string())
    return pa.array(np.asarray(values, dtype=object), pa.large_string())
