"""Actors resolved once for the whole input, while each chunk resolves its own.

A chunk resolves the actors it names with the format's own code, as a whole-file import
would; but actor resolution looks at the batch as a whole in a few places (two actors of
different types that share an id are told apart; ICEWS takes an actor's sectors from its first
row and reads a name as a country when the batch names that country). So each chunk also
hands over its distinct actor descriptions (the side columns of its rows, in order of first
appearance, skipped rows blank) and what it made of them. At the end the import resolves all
the descriptions of the input together, in the order a whole-file import meets them (every
source side, then every target side), by the format's own parse of one synthetic row per
description; it keeps that catalogue and, if any chunk resolved a description otherwise, reads
the input again with the whole input's resolution imposed (:meth:`Resolution.impose`).

>>> keys(pd.DataFrame({"a1_code": ["IRN", ""], "a1_geo": ["IR", "x"]}), ["a1_code", "a1_geo"],
...      np.array([True, False])).tolist()
['IRN\\x1fIR', '\\x1f']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .reader import Rows
from .sources import Source

if TYPE_CHECKING:
    from .pipeline import Parsed
    from .run import Format

__all__ = ["Registry", "Resolution", "Sides", "describe", "keys", "resolve"]

_SEP = "\x1f"
_MEMBERS = ("id", "label", "aliases", "iso3", "country")


def side_columns(fmt: Format, columns: list[str]) -> tuple[list[str], list[str]]:
    """The columns describing each side's actor (same suffixes on both sides)."""
    first, second = fmt.sides
    suffixes = [c[len(first) :] for c in columns if c.startswith(first)]
    suffixes = [s for s in suffixes if first + s not in fmt.side_names]
    return [first + s for s in suffixes], [second + s for s in suffixes]


def keys(frame: pd.DataFrame, columns: list[str], ok: np.ndarray) -> np.ndarray:
    """Each row's actor description as one text (blank for rows that are not ``ok``)."""
    parts = [pa.array(frame[c].astype(str).to_numpy(dtype=object), pa.large_string())
             for c in columns]  # fmt: skip
    sep = pa.scalar(_SEP, pa.large_string())
    joined = pc.binary_join_element_wise(*parts, sep) if len(parts) > 1 else parts[0]
    out = np.asarray(joined.to_numpy(zero_copy_only=False), dtype=object)
    if not ok.all():
        out[~ok] = _SEP * (len(columns) - 1)
    return out


def _firsts(frame: pd.DataFrame, columns: list[str], ok: np.ndarray) -> np.ndarray:
    """The rows where each distinct description first appears, in order (on integer codes)."""
    combined = np.zeros(len(frame), dtype=np.int64)
    bound = 1
    for column in columns:
        encoded = pa.array(frame[column]).dictionary_encode()
        if isinstance(encoded, pa.ChunkedArray):  # pragma: no cover - one chunk
            encoded = encoded.combine_chunks()
        codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        if bound * (len(encoded.dictionary) + 1) >= 1 << 62:  # renumber before it overflows
            combined, uniques = pd.factorize(combined)
            combined, bound = combined.astype(np.int64), len(uniques)
        combined = combined * (len(encoded.dictionary) + 1) + codes
        bound *= len(encoded.dictionary) + 1
    combined[~ok] = -1
    return np.flatnonzero(~pd.Series(combined).duplicated().to_numpy())


def _results(positions: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Positions as node ids, or ``#-1`` for a position that names nobody."""
    named = positions >= 0
    out = np.full(len(positions), "#-1", dtype=object)
    for code in set(positions[~named].tolist()) - {-1}:
        out[positions == code] = f"#{code}"
    if len(ids):
        out[named] = np.asarray(ids, dtype=object)[positions[named]]
    return out


@dataclass
class Sides:
    """The distinct actor descriptions of some rows, per side, and how they were resolved."""

    key: np.ndarray  # the description as one text
    side: np.ndarray  # 0 source, 1 target
    result: np.ndarray  # node id (located id after "|"), or "#-1"
    values: pd.DataFrame  # the description's columns (source-side names)
    template: pd.DataFrame  # the read frame's first row that passed every check (or none)
    catalogue: dict[str, str] = field(default_factory=dict)  # id -> its catalogue row


def describe(rows: Rows, parsed: Parsed, fmt: Format, catalogue: bool) -> Sides:
    """The distinct actor descriptions of a chunk's rows and the chunk's resolution of them."""
    first, second = side_columns(fmt, list(rows.frame.columns))
    ok = parsed.checker.ok
    ids = parsed.catalogue["id"].to_numpy(dtype=object)
    located = parsed.located if parsed.located is not None else (parsed.source, parsed.target)
    parts = []
    for side, columns, plain, moved in (
        (0, first, parsed.source, located[0]),
        (1, second, parsed.target, located[1]),
    ):
        at = _firsts(rows.frame, columns, ok)
        values = rows.frame[columns].iloc[at].astype(str)
        text = keys(values, columns, ok[at])
        values = values.set_axis(first, axis=1)
        values.loc[~ok[at]] = ""
        result = _results(plain[at], ids) + "|" + _results(moved[at], ids)
        parts.append((text, np.full(len(at), side, np.int8), result, values))
    good = np.flatnonzero(ok)[:1]
    rows_of = _catalogue_texts(parsed.catalogue) if catalogue else {}
    return Sides(
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]),
        pd.concat([p[3] for p in parts], ignore_index=True),
        rows.frame.iloc[good].reset_index(drop=True),
        rows_of,
    )


@dataclass
class Registry:
    """Every description of the input so far, in order, with the first chunk's resolution."""

    sides: list[Sides] = field(default_factory=list)
    varies: bool = False
    template: pd.DataFrame | None = None
    catalogue: dict[str, str] = field(default_factory=dict)
    known: tuple[dict[str, str], dict[str, str]] = field(default_factory=lambda: ({}, {}))

    def add(self, part: Sides) -> None:
        """Take a chunk's descriptions, in input order.

        Looked up a side at a time in C (``map`` over a dict): most of a chunk's descriptions
        were met before, and a Python loop over them was a tenth of the driver's time.
        """
        fresh = np.zeros(len(part.key), dtype=bool)
        for side, known in enumerate(self.known):
            at = np.flatnonzero(part.side == side)
            names, results = part.key[at], part.result[at]
            again = pd.Index(names).duplicated()  # a blank description may come twice
            old = np.asarray(list(map(known.get, names.tolist(), repeat(""))), dtype=object)
            seen = old != ""  # a result is never blank ("id|id")
            new = ~seen & ~again
            if not self.varies and (old[seen] != results[seen]).any():
                self.varies = True
            fresh[at[new]] = True
            known.update(zip(names[new].tolist(), results[new].tolist(), strict=True))
            repeated = zip(names[again].tolist(), results[again].tolist(), strict=True)
            if any(known[name] != result for name, result in repeated):
                self.varies = True
        if fresh.any():
            take = np.flatnonzero(fresh)
            self.sides.append(
                Sides(part.key[take], part.side[take], part.result[take],
                      part.values.iloc[take].reset_index(drop=True), part.template)
            )  # fmt: skip
        if self.template is None or (not len(self.template) and len(part.template)):
            self.template = part.template
        for node, text in part.catalogue.items():
            if self.catalogue.setdefault(node, text) != text:
                self.varies = True


@dataclass
class Resolution:
    """The whole input's resolution: per description, its positions in the catalogue."""

    index: pd.Index
    plain: np.ndarray
    located: np.ndarray
    catalogue: pd.DataFrame
    unresolved: list[str]
    consistent: bool

    def impose(self, rows: Rows, parsed: Parsed, fmt: Format) -> None:
        """Give a chunk's rows the whole input's positions and catalogue."""
        first, second = side_columns(fmt, list(rows.frame.columns))
        ok = parsed.checker.ok
        at = [self.index.get_indexer(pd.Index(keys(rows.frame, c, ok))) for c in (first, second)]
        if any((a < 0).any() for a in at):  # pragma: no cover - every key was registered
            raise RuntimeError("an actor description was not seen before")
        parsed.source, parsed.target = self.plain[at[0]], self.plain[at[1]]
        if parsed.located is not None:
            parsed.located = (self.located[at[0]], self.located[at[1]])
        parsed.catalogue = self.catalogue
        parsed.unresolved = list(self.unresolved)


def resolve(fmt: Format, registry: Registry, check_catalogue: bool) -> Resolution:
    """Resolve every description of the input at once (see the module docstring)."""
    template = registry.template
    parts = registry.sides
    if template is None:  # pragma: no cover - every import reads at least one chunk
        raise RuntimeError("no chunk was read")
    key = np.concatenate([p.key for p in parts]) if parts else np.zeros(0, dtype=object)
    side = np.concatenate([p.side for p in parts]) if parts else np.zeros(0, dtype=np.int8)
    expected = np.concatenate([p.result for p in parts]) if parts else np.zeros(0, dtype=object)
    order = np.argsort(side, kind="stable")  # every source side, then every target side
    key, expected = key[order], expected[order]
    if not len(template):  # no row passed its checks: nobody to resolve
        parsed = fmt.parse([_rows(template)])
        none = np.full(len(key), -1, dtype=np.int64)
        unique = ~pd.Index(key).duplicated()
        return Resolution(pd.Index(key[unique]), none[unique], none[unique],
                          parsed.catalogue, [], not registry.varies)  # fmt: skip
    values = pd.concat([p.values for p in parts], ignore_index=True).iloc[order]
    synthetic = template.iloc[np.zeros(len(key), dtype=np.int64)].reset_index(drop=True)
    first, second = side_columns(fmt, list(template.columns))
    for a, b in zip(first, second, strict=True):
        synthetic[a] = values[a].to_numpy(dtype=object)
        synthetic[b] = values[a].to_numpy(dtype=object)
    parsed = fmt.parse([_rows(synthetic)])
    if not parsed.checker.ok.all():  # pragma: no cover - the rows passed their checks
        raise RuntimeError("a synthetic actor row failed a check")
    moved = parsed.located[0] if parsed.located is not None else parsed.source
    ids = parsed.catalogue["id"].to_numpy(dtype=object)
    found = _results(parsed.source, ids) + "|" + _results(moved, ids)
    consistent = not registry.varies and bool((found == expected).all())
    if consistent and check_catalogue:
        texts = _catalogue_texts(parsed.catalogue)
        consistent = all(texts.get(k) == v for k, v in registry.catalogue.items())
    unique = ~pd.Index(key).duplicated()
    return Resolution(
        pd.Index(key[unique]),
        parsed.source[unique],
        moved[unique],
        parsed.catalogue,
        list(parsed.unresolved),
        consistent,
    )


def _catalogue_texts(catalogue: pd.DataFrame) -> dict[str, str]:
    """Each catalogue row as one text, by id (to compare a chunk's with the whole input's).

    Only the columns the ``countries`` and ``actors`` filters read (``pipeline._members``).
    """
    table = catalogue[[c for c in _MEMBERS if c in catalogue]].astype(str)
    if not len(table):
        return {}
    texts = keys(table, list(table.columns), np.ones(len(table), dtype=bool))
    return dict(zip(table["id"], texts, strict=True))


def _rows(frame: pd.DataFrame) -> Rows:
    frame = frame.copy()
    n = len(frame)
    frame["event_id"] = np.arange(1, n + 1).astype(str).astype(object)
    frame["_line"] = np.arange(1, n + 1)
    frame["_skip"] = ""
    return Rows(Source("(actors)", Path("actors")), frame, np.arange(1, n + 1))
