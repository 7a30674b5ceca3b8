"""Time: relations per period, each pair's net relation over time, measures per snapshot,
and the dated relations between two actors.

A relation belongs to every period its interval overlaps: ``2015-12`` with ``end_date`` 2018
counts in 2015, 2016, 2017 and 2018 (the interval a date names is in ``date_start``/``date_end``;
see :mod:`graph.dataset.filters`). An ``ongoing`` relation runs to the last period of the data;
one with an empty ``end_date`` only covers the period its date names. Undated relations belong
to no period. Periods are calendar ``year``, ``quarter`` or ``month``, labelled ``2015``,
``2015Q4``, ``2015-12``. :func:`pair_trend` weighs each relation by the share of each period it
was in force (:func:`period_shares`).

>>> from graph import load
>>> trend = pair_trend(load(), "iran", "tajikistan")
>>> int(trend.set_index("period").loc["2017", "score"]) < 0
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..dataset import find_node
from ..errors import UsageError
from .centrality import node_measures
from .periods import (
    FREQUENCIES,
    WEIGHTINGS,
    labels,
    period_shares,
    relation_periods,
)

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "FREQUENCIES",
    "WEIGHTINGS",
    "counts_by_period",
    "pair_series",
    "pair_trend",
    "period_shares",
    "relation_periods",
    "snapshots",
    "timeline",
]


def counts_by_period(dataset: Dataset, freq: str = "year", by: str = "family") -> pd.DataFrame:
    """Relations in force per period and ``family`` (or ``type``, ``sign``).

    A relation counts in every period its dates overlap; undated relations count nowhere.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    freq : {"year", "quarter", "month"}, default "year"
        The length of a period.
    by : str, default "family"
        The edge column to count by: ``family``, ``type`` or ``sign``.

    Returns
    -------
    pandas.DataFrame
        A period × value table of counts, indexed by period label (``2015``, ``2015Q4``,
        ``2015-12``), every period from the first to the last present.

    Examples
    --------
    >>> counts = graph.counts_by_period(ds)
    >>> counts.loc["2021", ["conflict", "cooperation", "diplomatic"]].tolist()
    [2, 7, 6]
    >>> graph.counts_by_period(ds, by="sign").loc["2016"].to_dict()
    {'-1': 2, '0': 4, '1': 0}
    """
    spans = relation_periods(dataset, freq)
    values = dataset.edges[by].to_numpy()[spans["row"].to_numpy()]
    table = pd.crosstab(spans["code"].to_numpy(), values)
    if len(table):
        full = np.arange(table.index.min(), table.index.max() + 1)
        table = table.reindex(full, fill_value=0)
    table.index = pd.Index(labels(table.index.to_numpy(dtype=np.int64), freq), name="period")
    table.columns = [str(c) for c in table.columns]
    return table


def pair_series(dataset: Dataset, freq: str = "year") -> pd.DataFrame:
    """Each pair's net relation in each period it has relations.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    freq : {"year", "quarter", "month"}, default "year"
        The length of a period.

    Returns
    -------
    pandas.DataFrame
        ``period``, ``source``, ``target`` (the pair in dataset node order), ``relations``,
        ``cooperative``, ``conflictual`` and ``score`` (sum of weight × sign), sorted by
        period then pair.

    See Also
    --------
    pair_trend : One pair, every period, zeros included.

    Examples
    --------
    >>> series = graph.pair_series(ds)
    >>> in_2021 = series[series["period"] == "2021"]
    >>> in_2021[["source", "target", "relations", "score"]].head(2)
        source          target  relations  score
    156   iran      tajikistan         13    7.5
    157   iran  hassan_rouhani          1    0.0
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
            "period": labels(out["code"].to_numpy(dtype=np.int64), freq),
            "source": names[out["a"].to_numpy(dtype=np.int64)],
            "target": names[out["b"].to_numpy(dtype=np.int64)],
            "relations": out["relations"].to_numpy(dtype=np.int64),
            "cooperative": out["cooperative"].to_numpy(dtype=np.int64),
            "conflictual": out["conflictual"].to_numpy(dtype=np.int64),
            "score": out["score"].to_numpy(dtype=float),
        }
    )


def _between(dataset: Dataset, a: str, b: str) -> Dataset:
    a, b = find_node(dataset, a), find_node(dataset, b)
    if a == b:
        raise UsageError(f"give two different actors, not '{a}' twice")
    edges = dataset.edges
    mask = ((edges["source"] == a) & (edges["target"] == b)) | (
        (edges["source"] == b) & (edges["target"] == a)
    )
    return dataset.with_tables(dataset.nodes, edges[mask].reset_index(drop=True))


def pair_trend(
    dataset: Dataset, a: str, b: str, freq: str = "year", *, weighting: str = "share"
) -> pd.DataFrame:
    """The net relation of two actors in every period from their first to their last relation.

    ``a`` and ``b`` are ids, labels or aliases (see :func:`~graph.dataset.find_node`).
    Columns as :func:`pair_series` without the pair; periods without a relation have zeros.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    a, b : str
        The two actors: ids, labels or aliases; the order does not matter.
    freq : {"year", "quarter", "month"}, default "year"
        The length of a period.
    weighting : {"share", "count"}, default "share"
        ``share``: a relation adds weight × sign × the share of the period it was in force
        (:func:`period_shares`): a 40-year alliance adds its weight to each whole year, a
        dispute of one month 31/365 of it to its year, a relation with no ``end_date`` (a
        point event) its whole weight to the period its date names. ``count``: every
        relation adds its whole weight to every period it touches (the earlier rule).

    Returns
    -------
    pandas.DataFrame
        ``period``, ``relations``, ``cooperative``, ``conflictual`` (counts of the relations
        in force at some time in the period, whatever the weighting) and ``score`` (sum of
        weight × sign, weighted as asked), one row per period, oldest first.

    Raises
    ------
    UsageError
        If an actor is not found, both name the same actor, or ``weighting`` is unknown.

    See Also
    --------
    timeline : The relations of the pair themselves.

    Examples
    --------
    Iran–Tajikistan relations cooled after December 2015 and recovered from 2019; the
    December 2015 dispute weighs 31/365 in 2015 and fully from 2016:

    >>> trend = graph.pair_trend(ds, "iran", "tajikistan").set_index("period")
    >>> trend.loc["2015":"2021", "score"].round(3).tolist()
    [-0.085, -1.0, -1.0, -1.0, 1.0, 1.0, 7.5]
    >>> counted = graph.pair_trend(ds, "iran", "tajikistan", weighting="count")
    >>> float(counted.set_index("period").loc["2015", "score"])
    -1.0

    >>> pair_trend(ds, "Iran", "Dushanbe").equals(pair_trend(ds, "iran", "tajikistan"))
    True
    """
    if weighting not in WEIGHTINGS:
        raise UsageError(f"unknown weighting '{weighting}'; expected one of: share, count")
    pair = _between(dataset, a, b)
    spans = relation_periods(pair, freq)
    columns = ["period", "relations", "cooperative", "conflictual", "score"]
    if spans.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype=object if c == "period" else float) for c in columns}
        )
    edges = pair.edges.iloc[spans["row"].to_numpy()]
    sign = edges["sign"].to_numpy(dtype=np.int64)
    score = edges["weight"].to_numpy(dtype=float) * sign
    if weighting == "share":
        score = score * period_shares(pair, spans, freq)
    frame = pd.DataFrame(
        {
            "code": spans["code"].to_numpy(),
            "relations": 1,
            "cooperative": (sign > 0).astype(np.int64),
            "conflictual": (sign < 0).astype(np.int64),
            "score": score,
        }
    )
    out = frame.groupby("code").sum()
    full = np.arange(out.index.min(), out.index.max() + 1)
    out = out.reindex(full, fill_value=0)
    out.insert(0, "period", labels(full, freq))
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

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    freq : {"year", "quarter", "month"}, default "year"
        The length of a period.
    directed : bool, default False
        Use the directed view, as in ``node_measures``.
    engine : {"auto", "igraph", "networkx"}, default "auto"
        Library for the measures, as in ``node_measures``.

    Returns
    -------
    pandas.DataFrame
        ``period`` then the columns of ``node_measures``, one row per period and node.

    Examples
    --------
    Tajikistan's partners year by year, among the relations in force in 2021:

    >>> snap = graph.snapshots(ds.filter(start="2021", end="2021"))
    >>> tajikistan = snap[snap["id"] == "tajikistan"].set_index("period")
    >>> tajikistan.loc[["2019", "2020", "2021", "2022"], "degree"].tolist()
    [1, 1, 6, 0]
    """
    spans = relation_periods(dataset, freq)
    frames = []
    if not spans.empty:
        for code in range(int(spans["code"].min()), int(spans["code"].max()) + 1):
            rows = spans.loc[spans["code"] == code, "row"].to_numpy()
            edges = dataset.edges.iloc[rows].reset_index(drop=True)
            snap = dataset.with_tables(dataset.nodes, edges)
            table = node_measures(snap, directed=directed, engine=engine)
            table.insert(0, "period", labels(np.array([code]), freq)[0])
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

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    a, b : str
        The two actors: ids, labels or aliases (see :func:`~graph.dataset.find_node`).

    Returns
    -------
    pandas.DataFrame
        ``date``, ``end_date`` (as written), ``source``, ``target``, ``type``, ``directed``
        (False for mutual types), ``family``, ``sign``, ``weight``, ``description``,
        ``evidence`` (the quote), ``citation``, ``id``.

    Raises
    ------
    UsageError
        If an actor is not found, or both name the same actor.

    See Also
    --------
    pair_trend : The pair's net relation per period.

    Examples
    --------
    >>> relations = graph.timeline(ds, "Iran", "Tajikistan")
    >>> len(relations)
    20
    >>> relations[["date", "type"]].head(2)
       date         type
    0  1991  recognition
    1  1992  recognition
    """
    pair = _between(dataset, a, b)
    edges = pair.edges.sort_values(["date_start", "date_end"], kind="stable", na_position="last")
    return edges.loc[:, list(TIMELINE_COLUMNS)].reset_index(drop=True)
