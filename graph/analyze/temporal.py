"""Time: relations per period, each pair's net relation over time, measures per snapshot,
and the dated relations between two actors.

A relation belongs to every period its interval overlaps: ``2015-12`` with ``end_date`` 2018
counts in 2015, 2016, 2017 and 2018 (the interval a date names is in ``date_start``/``date_end``;
see :mod:`graph.dataset.filters`). Undated relations belong to no period. Periods are calendar
``year``, ``quarter`` or ``month``, labelled ``2015``, ``2015Q4``, ``2015-12``.

>>> from graph import load
>>> trend = pair_trend(load(), "iran", "tajikistan")
>>> int(trend.set_index("period").loc["2017", "score"]) < 0
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import UsageError
from ..text import suggest
from .centrality import node_measures

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "FREQUENCIES",
    "counts_by_period",
    "pair_series",
    "pair_trend",
    "relation_periods",
    "snapshots",
    "timeline",
]

FREQUENCIES: tuple[str, ...] = ("year", "quarter", "month")
_PER_YEAR = {"year": 1, "quarter": 4, "month": 12}


def _codes(dates: pd.Series, freq: str) -> np.ndarray:
    years = dates.dt.year.to_numpy(dtype=np.int64)
    if freq == "year":
        return years
    months = dates.dt.month.to_numpy(dtype=np.int64) - 1
    return years * 4 + months // 3 if freq == "quarter" else years * 12 + months


def _labels(codes: np.ndarray, freq: str) -> np.ndarray:
    per = _PER_YEAR[freq]
    years, rest = np.divmod(codes, per)
    text = years.astype(str).astype(object)
    if freq == "quarter":
        return text + "Q" + (rest + 1).astype(str).astype(object)
    if freq == "month":
        return text + "-" + np.char.zfill((rest + 1).astype(str), 2).astype(object)
    return text


def _check_freq(freq: str) -> None:
    if freq not in FREQUENCIES:
        raise UsageError(f"unknown period '{freq}'; expected one of: {', '.join(FREQUENCIES)}")


def relation_periods(dataset: Dataset, freq: str = "year") -> pd.DataFrame:
    """One row per (relation, period it overlaps): ``row`` (position in ``dataset.edges``),
    ``code`` (sortable period number) and ``period`` (label). Undated relations are left out.
    """
    _check_freq(freq)
    edges = dataset.edges
    dated = np.flatnonzero(edges["date_start"].notna().to_numpy())
    first = _codes(edges["date_start"].iloc[dated], freq)
    last = _codes(edges["date_end"].iloc[dated], freq)
    lengths = np.maximum(last - first + 1, 1)
    rows = np.repeat(dated, lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    codes = np.repeat(first, lengths) + offsets
    return pd.DataFrame({"row": rows, "code": codes, "period": _labels(codes, freq)})


def counts_by_period(dataset: Dataset, freq: str = "year", by: str = "family") -> pd.DataFrame:
    """Relations in force per period and ``family`` (or ``type``, ``sign``): a period × value
    table of counts, every period from the first to the last present.
    """
    spans = relation_periods(dataset, freq)
    values = dataset.edges[by].to_numpy()[spans["row"].to_numpy()]
    table = pd.crosstab(spans["code"].to_numpy(), values)
    if len(table):
        full = np.arange(table.index.min(), table.index.max() + 1)
        table = table.reindex(full, fill_value=0)
    table.index = pd.Index(_labels(table.index.to_numpy(dtype=np.int64), freq), name="period")
    table.columns = [str(c) for c in table.columns]
    return table


def pair_series(dataset: Dataset, freq: str = "year") -> pd.DataFrame:
    """Each pair's net relation in each period it has relations.

    Returns
    -------
    pandas.DataFrame
        ``period``, ``source``, ``target`` (the pair in dataset node order), ``relations``,
        ``cooperative``, ``conflictual`` and ``score`` (sum of weight × sign), sorted by
        period then pair.
    """
    spans = relation_periods(dataset, freq)
    edges = dataset.edges.iloc[spans["row"].to_numpy()]
    ids = pd.Index(dataset.nodes["id"])
    s = ids.get_indexer(edges["source"])
    t = ids.get_indexer(edges["target"])
    sign = edges["sign"].to_numpy(dtype=np.int64)
    frame = pd.DataFrame(
        {
            "code": spans["code"].to_numpy(),
            "a": np.minimum(s, t),
            "b": np.maximum(s, t),
            "relations": 1,
            "cooperative": sign > 0,
            "conflictual": sign < 0,
            "score": edges["weight"].to_numpy(dtype=float) * sign,
        }
    )
    frame = frame[frame["a"] != frame["b"]]
    out = frame.groupby(["code", "a", "b"], sort=True).sum().reset_index()
    names = np.asarray(ids, dtype=object)
    return pd.DataFrame(
        {
            "period": _labels(out["code"].to_numpy(dtype=np.int64), freq),
            "source": names[out["a"].to_numpy(dtype=np.int64)],
            "target": names[out["b"].to_numpy(dtype=np.int64)],
            "relations": out["relations"].to_numpy(dtype=np.int64),
            "cooperative": out["cooperative"].to_numpy(dtype=np.int64),
            "conflictual": out["conflictual"].to_numpy(dtype=np.int64),
            "score": out["score"].to_numpy(dtype=float),
        }
    )


def _node(dataset: Dataset, node: str) -> str:
    ids = dataset.nodes["id"]
    if node not in set(ids):
        raise UsageError(f"'{node}' is not a node id{suggest(node, ids)}")
    return node


def _between(dataset: Dataset, a: str, b: str) -> Dataset:
    a, b = _node(dataset, a), _node(dataset, b)
    if a == b:
        raise UsageError(f"give two different actors, not '{a}' twice")
    edges = dataset.edges
    mask = ((edges["source"] == a) & (edges["target"] == b)) | (
        (edges["source"] == b) & (edges["target"] == a)
    )
    return dataset.with_tables(dataset.nodes, edges[mask].reset_index(drop=True))


def pair_trend(dataset: Dataset, a: str, b: str, freq: str = "year") -> pd.DataFrame:
    """The net relation of two actors in every period from their first to their last relation.

    Columns as :func:`pair_series` without the pair; periods without a relation have zeros.
    """
    pair = _between(dataset, a, b)
    spans = relation_periods(pair, freq)
    columns = ["period", "relations", "cooperative", "conflictual", "score"]
    if spans.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype=object if c == "period" else float) for c in columns}
        )
    edges = pair.edges.iloc[spans["row"].to_numpy()]
    sign = edges["sign"].to_numpy(dtype=np.int64)
    frame = pd.DataFrame(
        {
            "code": spans["code"].to_numpy(),
            "relations": 1,
            "cooperative": (sign > 0).astype(np.int64),
            "conflictual": (sign < 0).astype(np.int64),
            "score": edges["weight"].to_numpy(dtype=float) * sign,
        }
    )
    out = frame.groupby("code").sum()
    full = np.arange(out.index.min(), out.index.max() + 1)
    out = out.reindex(full, fill_value=0)
    out.insert(0, "period", _labels(full, freq))
    return out.reset_index(drop=True)


def snapshots(
    dataset: Dataset,
    freq: str = "year",
    *,
    directed: bool = False,
    engine: str = "auto",
) -> pd.DataFrame:
    """Node measures (:func:`~graph.analyze.centrality.node_measures`) in each period.

    Each snapshot keeps every node of the dataset (so normalizations are comparable across
    periods) and the relations in force in that period.

    Returns
    -------
    pandas.DataFrame
        ``period`` then the columns of ``node_measures``, one row per period and node.
    """
    spans = relation_periods(dataset, freq)
    frames = []
    if not spans.empty:
        for code in range(int(spans["code"].min()), int(spans["code"].max()) + 1):
            rows = spans.loc[spans["code"] == code, "row"].to_numpy()
            edges = dataset.edges.iloc[rows].reset_index(drop=True)
            snap = dataset.with_tables(dataset.nodes, edges)
            table = node_measures(snap, directed=directed, engine=engine)
            table.insert(0, "period", _labels(np.array([code]), freq)[0])
            frames.append(table)
    if not frames:
        return node_measures(dataset.with_tables(dataset.nodes, dataset.edges.iloc[:0])).iloc[:0]
    return pd.concat(frames, ignore_index=True)


TIMELINE_COLUMNS = (
    "date",
    "end_date",
    "source",
    "target",
    "type",
    "directed",
    "family",
    "sign",
    "weight",
    "description",
    "evidence",
    "citation",
    "id",
)


def timeline(dataset: Dataset, a: str, b: str) -> pd.DataFrame:
    """The relations between two actors (either direction), oldest first, undated last.

    Returns
    -------
    pandas.DataFrame
        ``date``, ``end_date`` (as written), ``source``, ``target``, ``type``, ``directed``
        (False for mutual types), ``family``, ``sign``, ``weight``, ``description``,
        ``evidence`` (the quote), ``citation``, ``id``.
    """
    pair = _between(dataset, a, b)
    edges = pair.edges.sort_values(["date_start", "date_end"], kind="stable", na_position="last")
    return edges.loc[:, list(TIMELINE_COLUMNS)].reset_index(drop=True)
