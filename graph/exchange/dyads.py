"""Dyad-year panels: one row per pair of actors and year, for regression and TERGM work.

A pair is two actors whatever the direction of their relations (:mod:`graph.render.pairs`);
an actor's relations with itself are left out. A pair has a row for each year in which at
least one of its relations is in force at some moment of the year: a relation belongs to
every calendar year its interval ``date_start``..``date_end`` overlaps, as in
:func:`graph.analyze.temporal.relation_periods` and the time window of
:meth:`graph.Dataset.filter`. A relation with a start and no ``end_date`` lasts the period
its date names (``2015`` or ``2015-03``), so it counts in its start year only. Undated
relations are left out.

>>> from graph import load
>>> panel = dyad_years(load())
>>> list(panel.columns[:8])
['source', 'target', 'year', 'relations', 'cooperative', 'conflictual', 'neutral', 'net']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import sparse

from ..analyze.temporal import relation_periods
from ..errors import UsageError
from ..model.dates import parse_bound

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["dyad_years", "type_column"]

YearLike = int | str | pd.Timestamp | None

_UNSAFE = re.compile(r"[^0-9a-z]+")


def type_column(name: str) -> str:
    """The column of :func:`dyad_years` that counts the relations of type ``name``.

    ``type_`` and the name with each run of characters other than ``a``–``z`` and ``0``–``9``
    written as one ``_``: a name that R, Stata and pandas all accept.

    >>> type_column("arms-sale"), type_column("Visite d'État")
    ('type_arms_sale', 'type_visite_d_tat')
    """
    return "type_" + _UNSAFE.sub("_", name.lower()).strip("_")


def _year(value: YearLike, *, upper: bool, param: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, pd.Timestamp):
        return int(value.year)
    try:
        return int(parse_bound(str(value), upper=upper).year)
    except ValueError as exc:
        raise UsageError(f"{{{param}}}: {exc}", params=(param,)) from None


def _type_columns(types: np.ndarray) -> dict[str, str]:
    """Each relation type and its column; two types that would share a column get ``_2`` …"""
    columns: dict[str, str] = {}
    for name in sorted(set(types.tolist())):
        column, n = type_column(name), 2
        while column in columns.values():
            column, n = f"{type_column(name)}_{n}", n + 1
        columns[name] = column
    return columns


def _shared(year: np.ndarray, a: np.ndarray, b: np.ndarray, mask: np.ndarray, n: int) -> np.ndarray:
    """For each dyad row, the number of third actors linked to both ends by a ``mask`` pair
    in the same year: rows of one sparse matrix indexed by (year, actor), multiplied."""
    codes = np.unique(year, return_inverse=True)[1]
    rows = np.concatenate([codes[mask] * n + a[mask], codes[mask] * n + b[mask]])
    cols = np.concatenate([b[mask], a[mask]])
    shape = (max(int(codes.max(initial=-1)) + 1, 1) * n, max(n, 1))
    M = sparse.csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=shape)
    left, right = M[codes * n + a], M[codes * n + b]
    return np.asarray(left.multiply(right).sum(axis=1), dtype=np.int64).ravel()


def dyad_years(dataset: Dataset, *, start: YearLike = None, end: YearLike = None) -> pd.DataFrame:
    """One row per pair of actors and year in which the pair has a relation in force.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    start, end : int or str, optional
        The first and last years to keep (``2016``, or a date such as ``"2016-06"``, whose
        year is taken); inclusive. ``previous_sign`` still looks at the year before ``start``.

    Returns
    -------
    pandas.DataFrame
        Sorted by ``source``, ``target`` (as text) and ``year``, with the columns:

        - ``source``, ``target``: the pair's first actor in node order, and the other;
        - ``year``;
        - ``relations``: the pair's relations in force that year;
        - ``cooperative``, ``conflictual``, ``neutral``: those of sign +1, −1 and 0;
        - ``net``: the sum of weight × sign;
        - ``type_<name>``: one column per relation type present (:func:`type_column`);
        - ``sign``: the sign of ``net`` (1, 0 or −1);
        - ``shared_allies``, ``shared_enemies``: the third actors with which both actors
          have a pair of positive (negative) ``net`` that year;
        - ``previous_sign``: ``sign`` the year before, ``<NA>`` when the pair had no relation
          in force then.

    Raises
    ------
    UsageError
        If ``start`` or ``end`` is not a year or date.

    See Also
    --------
    graph.pair_series : The same counts per period, without the panel columns.

    Notes
    -----
    Relations without a date are left out. A relation with no ``end_date`` counts in the
    year its date names only, as :meth:`graph.Dataset.filter`'s ``start``/``end`` window
    treats it (``as_of`` alone reads a missing end as "still in force").

    Examples
    --------
    >>> panel = graph.dyad_years(ds, start=2016, end=2021)
    >>> pair = panel[(panel["source"] == "iran") & (panel["target"] == "tajikistan")]
    >>> pair[["year", "relations", "net", "sign", "previous_sign"]].iloc[[0, -1]]
        year  relations  net  sign  previous_sign
    14  2016          2 -1.0    -1             -1
    19  2021         13  7.5     1              1
    """
    first = _year(start, upper=False, param="start")
    last = _year(end, upper=True, param="end")
    if first is not None and last is not None and last < first:
        raise UsageError(
            f"{{start}} {start} is after {{end}} {end}; swap them", params=("start", "end")
        )
    edges, ids = dataset.edges, pd.Index(dataset.nodes["id"])
    spans = relation_periods(dataset, "year")
    rows, year = spans["row"].to_numpy(dtype=np.int64), spans["code"].to_numpy(dtype=np.int64)
    s = ids.get_indexer(pd.Index(edges["source"]))[rows]
    t = ids.get_indexer(pd.Index(edges["target"]))[rows]
    keep = (s != t) & (year >= (first - 1 if first is not None else year.min(initial=0)))
    keep &= year <= (last if last is not None else year.max(initial=0))
    rows, year, s, t = rows[keep], year[keep], s[keep], t[keep]
    sign = edges["sign"].to_numpy(dtype=np.int64)[rows]
    types = edges["type"].to_numpy(dtype=object)[rows]
    columns = _type_columns(types)
    frame = pd.DataFrame(
        {
            "a": np.minimum(s, t),
            "b": np.maximum(s, t),
            "year": year,
            "relations": np.ones(len(rows), dtype=np.int64),
            "cooperative": (sign > 0).astype(np.int64),
            "conflictual": (sign < 0).astype(np.int64),
            "neutral": (sign == 0).astype(np.int64),
            "net": edges["weight"].to_numpy(dtype=float)[rows] * sign,
        }
    )
    by_type = pd.get_dummies(pd.Categorical(types, categories=list(columns)), dtype=np.int64)
    frame = pd.concat([frame, by_type.set_axis(list(columns.values()), axis=1)], axis=1)
    out = frame.groupby(["a", "b", "year"], sort=True).sum().reset_index()
    a, b = out["a"].to_numpy(dtype=np.int64), out["b"].to_numpy(dtype=np.int64)
    years = out["year"].to_numpy(dtype=np.int64)
    pair_sign = np.sign(out["net"].to_numpy(dtype=float)).astype(np.int64)
    follows = (a[1:] == a[:-1]) & (b[1:] == b[:-1]) & (years[1:] == years[:-1] + 1)
    same_pair = np.concatenate([[False], follows])[: len(a)]
    previous = pd.array(np.concatenate([[0], pair_sign])[: len(a)], dtype="Int64")
    previous[~same_pair] = pd.NA
    names = np.asarray(ids, dtype=object)
    panel = pd.DataFrame(
        {
            "source": pd.Series(names[a], dtype=object),
            "target": pd.Series(names[b], dtype=object),
            **{c: out[c] for c in ("year", "relations", "cooperative", "conflictual")},
            **{c: out[c] for c in ("neutral", "net", *columns.values())},
            "sign": pair_sign,
            "shared_allies": _shared(years, a, b, pair_sign > 0, len(ids)),
            "shared_enemies": _shared(years, a, b, pair_sign < 0, len(ids)),
            "previous_sign": previous,
        }
    )
    if first is not None:  # the year before was kept for previous_sign only
        panel = panel[panel["year"] >= first]
        unused = [c for c in columns.values() if not panel[c].any()]
        panel = panel.drop(columns=unused)
    return panel.sort_values(["source", "target", "year"], kind="stable").reset_index(drop=True)
