"""networkx views built from a dataset's tables, with vectorized code.

- :func:`to_multidigraph`: one edge per relation (key = edge id), every attribute kept;
- :func:`aggregate`: one weighted edge per pair, or per pair and type, with ``count``,
  ``weight`` (sum), ``signed_weight`` (sum of weight × sign), ``sign`` (its sign),
  ``positive``/``negative`` counts and the ``first``/``last`` dates.

>>> from graph import load
>>> ds = load()
>>> G = to_multidigraph(ds)
>>> G.number_of_edges() == len(ds.edges)
True
>>> A = aggregate(ds)
>>> A.is_directed(), A["iran"]["tajikistan"]["count"] > 1
(False, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..model.columns import LINE
from ..model.dates import DATE_DTYPE

if TYPE_CHECKING:
    from .core import Dataset

__all__ = ["aggregate", "aggregate_table", "edge_records", "node_records", "to_multidigraph"]

_DATE_COLUMNS = ("date_start", "date_end")


def _clean_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values, leaving out empty text and missing values.

    Dates become ISO text. Built column by column (``tolist``), so only rows that have a
    missing value pay for a per-row pass.
    """
    frame = frame.drop(columns=[c for c in (LINE,) if c in frame.columns])
    names: list[str] = []
    columns: list[list[Any]] = []
    holes: dict[str, np.ndarray] = {}  # columns empty in some rows (not all)
    for name in frame.columns:
        col = frame[name]
        if pd.api.types.is_datetime64_any_dtype(col):
            col = pd.Series(_iso_days(col), index=col.index, dtype=object)
        absent = col.isna().to_numpy(copy=True)
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            absent |= (col.fillna("") == "").to_numpy(dtype=bool)
        if len(col) and absent.all():
            continue  # empty everywhere: left out of every record
        names.append(name)
        columns.append(col.astype(object).where(~absent, None).tolist())
        if absent.any():
            holes[name] = absent
    records = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    for name, absent in holes.items():
        for row in np.flatnonzero(absent).tolist():
            del records[row][name]
    return records


def node_records(dataset: Dataset) -> list[tuple[str, dict[str, Any]]]:
    """``(id, attributes)`` for every node, empty cells left out."""
    nodes = dataset.nodes
    return list(zip(nodes["id"].tolist(), _clean_records(nodes.drop(columns=["id"])), strict=True))


def edge_records(dataset: Dataset) -> list[tuple[str, str, str, dict[str, Any]]]:
    """``(source, target, id, attributes)`` for every edge, empty cells left out."""
    edges = dataset.edges
    attrs = _clean_records(edges.drop(columns=["source", "target"]))
    ends = (edges[c].tolist() for c in ("source", "target", "id"))  # no per-cell Arrow access
    return list(zip(*ends, attrs, strict=True))


def to_multidigraph(dataset: Dataset) -> nx.MultiDiGraph:
    """The full graph: one edge per relation, keyed by edge id, with every attribute.

    Mutual relation types (``directed`` False) are stored once, source to target.

    Parameters
    ----------
    dataset : Dataset
        The actors and relations to turn into a graph.

    Returns
    -------
    networkx.MultiDiGraph
        One node per actor and one edge per relation, carrying the columns of the node
        and edge tables as attributes (empty cells left out, dates as ISO text); the graph's
        ``name`` is the dataset's :attr:`~graph.Dataset.title`, which GraphML, GEXF and JSON
        exports carry.

    See Also
    --------
    aggregate : One weighted edge per pair instead of one per relation.

    Examples
    --------
    >>> G = graph.to_multidigraph(ds)
    >>> G.number_of_nodes(), G.number_of_edges(), G.name
    (22, 52, 'Iran–Tajikistan relations')
    >>> G.edges["iran", "tajikistan", "e01_iran_recognizes_tajikistan"]["type"]
    'recognition'
    """
    G = nx.MultiDiGraph(name=dataset.title)
    G.add_nodes_from(node_records(dataset))
    G.add_edges_from((s, t, k, a) for s, t, k, a in edge_records(dataset))
    return G


def aggregate_table(
    dataset: Dataset, *, by_type: bool = False, directed: bool = False
) -> pd.DataFrame:
    """Relations summed per pair (and type): the table behind :func:`aggregate`.

    Parameters
    ----------
    dataset : Dataset
        The actors and relations to sum.
    by_type : bool, default False
        One row per pair and relation type instead of per pair.
    directed : bool, default False
        Keep the direction of directed types (mutual types count both ways); otherwise
        every pair is unordered.

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``target`` (``type``), ``count`` (relations), ``weight`` (their
        summed weight), ``signed_weight`` (sum of weight × sign), ``positive``, ``negative``
        (cooperative and conflictual relations), ``first``, ``last`` (earliest start and
        latest end date), ``sign`` (of ``signed_weight``); sorted by pair.

    Raises
    ------
    ValueError
        If a relation's source or target is not in the node table.

    See Also
    --------
    aggregate : The same sums as a networkx graph.

    Examples
    --------
    >>> table = graph.aggregate_table(ds)
    >>> row = table[(table["source"] == "iran") & (table["target"] == "tajikistan")]
    >>> row[["count", "positive", "negative", "sign"]].to_dict("records")
    [{'count': 20, 'positive': 16, 'negative': 3, 'sign': 1}]
    """
    edges = dataset.edges
    ids = pd.Index(dataset.nodes["id"])
    s = ids.get_indexer(edges["source"]).astype(np.int64)
    t = ids.get_indexer(edges["target"]).astype(np.int64)
    if len(s) and min(s.min(), t.min()) < 0:
        unknown = edges["source"].where(s < 0, edges["target"])[(s < 0) | (t < 0)].iloc[0]
        raise ValueError(f"edge endpoint '{unknown}' is not in the node table")
    sign = edges["sign"].to_numpy(dtype=np.int64)
    weight = edges["weight"].to_numpy(dtype=float)
    start = edges["date_start"].to_numpy(dtype=DATE_DTYPE)
    end = edges["date_end"].to_numpy(dtype=DATE_DTYPE)
    type_codes: np.ndarray = np.zeros(len(s), dtype=np.intp)
    type_names: np.ndarray = np.array([], dtype=object)
    if by_type:
        type_codes, type_index = pd.factorize(edges["type"], sort=True)
        type_names = np.asarray(type_index, dtype=object)
    if directed:
        mutual = ~edges["directed"].to_numpy(dtype=bool)
        s, t = np.concatenate([s, t[mutual]]), np.concatenate([t, s[mutual]])
        sign = np.concatenate([sign, sign[mutual]])
        weight = np.concatenate([weight, weight[mutual]])
        type_codes = np.concatenate([type_codes, type_codes[mutual]])
        start, end = np.concatenate([start, start[mutual]]), np.concatenate([end, end[mutual]])
    else:
        s, t = np.minimum(s, t), np.maximum(s, t)
    n, n_types = max(len(ids), 1), max(len(type_names), 1)
    group, keys = pd.factorize((s * n + t) * n_types + type_codes, sort=True)
    size = len(keys)
    result = pd.DataFrame(index=range(size))
    if by_type:
        result["type"] = pd.Series(type_names[keys % n_types], dtype=object)
    pairs = keys // n_types
    id_values = np.asarray(ids, dtype=object)
    result.insert(0, "source", pd.Series(id_values[pairs // n], dtype=object))
    result.insert(1, "target", pd.Series(id_values[pairs % n], dtype=object))
    result["count"] = np.bincount(group, minlength=size).astype(np.int64)
    result["weight"] = np.bincount(group, weights=weight, minlength=size)
    result["signed_weight"] = np.bincount(group, weights=weight * sign, minlength=size)
    result["positive"] = np.bincount(group, weights=sign > 0, minlength=size).astype(np.int64)
    result["negative"] = np.bincount(group, weights=sign < 0, minlength=size).astype(np.int64)
    result["first"] = _group_extreme(np.minimum, group, start, size)
    result["last"] = _group_extreme(np.maximum, group, end, size)
    result["sign"] = np.sign(result["signed_weight"]).astype(np.int8)
    return result


def _group_extreme(ufunc: np.ufunc, group: np.ndarray, dates: np.ndarray, size: int) -> np.ndarray:
    """Earliest (``np.minimum``) or latest (``np.maximum``) date per group, NaT ignored."""
    limits = np.iinfo(np.int64)
    empty = limits.max if ufunc is np.minimum else limits.min + 1
    values = dates.view(np.int64)
    known = values != np.iinfo(np.int64).min  # NaT
    out = np.full(size, empty, dtype=np.int64)
    ufunc.at(out, group[known], values[known])
    out[out == empty] = limits.min
    return out.view(dates.dtype)


def _iso_days(values: pd.Series) -> list[str | None]:
    """Dates as ``YYYY-MM-DD`` (None for NaT), formatting each distinct date once."""
    codes, uniques = pd.factorize(values)
    text = np.asarray(pd.DatetimeIndex(uniques).strftime("%Y-%m-%d"), dtype=object)
    return np.concatenate([text, [None]])[codes].tolist()  # code -1 (NaT) picks the None


def _aggregate_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """Edge attribute dicts of an aggregate table, built with constant keys (no zip per row)."""
    numbers = [
        table[c].tolist() for c in ("count", "weight", "signed_weight", "positive", "negative")
    ]
    sign = table["sign"].tolist()
    records = [
        {
            "count": c,
            "weight": w,
            "signed_weight": sw,
            "positive": p,
            "negative": ng,
            "first": f,
            "last": la,
            "sign": sg,
        }
        for c, w, sw, p, ng, f, la, sg in zip(
            *numbers, _iso_days(table["first"]), _iso_days(table["last"]), sign, strict=True
        )
    ]
    for row in np.flatnonzero(table["first"].isna().to_numpy()).tolist():
        del records[row]["first"]
    for row in np.flatnonzero(table["last"].isna().to_numpy()).tolist():
        del records[row]["last"]
    return records


def _add_simple_edges(
    G: nx.Graph, sources: list[str], targets: list[str], records: list[dict[str, Any]]
) -> None:
    """Add edges with one attribute dict each to a Graph or DiGraph whose nodes all exist.

    This is ``G.add_edges_from`` without its per-edge checks and dict copies: it writes the
    adjacency dicts that networkx reads (``_succ``/``_pred`` of a DiGraph, ``_adj`` of a
    Graph), sharing one dict per edge as networkx does. Pairs are distinct.
    """
    if G.is_directed():
        succ, pred = G._succ, G._pred  # type: ignore[attr-defined]
        for u, v, data in zip(sources, targets, records, strict=True):
            succ[u][v] = data
            pred[v][u] = data
    else:
        adj = G._adj
        for u, v, data in zip(sources, targets, records, strict=True):
            adj[u][v] = data
            adj[v][u] = data


def aggregate(dataset: Dataset, *, by_type: bool = False, directed: bool = False) -> nx.Graph:
    """A weighted graph for analysis: one edge per pair (or per pair and type).

    Every node of the dataset is present, isolated ones included. Edge attributes are
    those of :func:`aggregate_table`, dates as ISO text.

    Parameters
    ----------
    dataset : Dataset
        The actors and relations to sum.
    by_type : bool, default False
        One edge per pair and relation type (the edge key is the type) instead of per pair.
    directed : bool, default False
        Keep the direction of directed types (mutual types count both ways); otherwise
        every pair is unordered.

    Returns
    -------
    networkx.Graph
        ``nx.Graph`` (``nx.DiGraph`` if ``directed``); with ``by_type`` a
        ``nx.MultiGraph`` (``nx.MultiDiGraph``) whose edge keys are relation types.

    See Also
    --------
    aggregate_table : The same sums as a table.
    to_multidigraph : One edge per relation.

    Examples
    --------
    >>> A = graph.aggregate(ds)
    >>> A.number_of_nodes(), A.number_of_edges()
    (22, 28)
    >>> A["iran"]["tajikistan"]["count"], A["iran"]["tajikistan"]["sign"]
    (20, 1)
    >>> T = graph.aggregate(ds, by_type=True)
    >>> T["iran"]["tajikistan"]["recognition"]["count"]
    2
    """
    table = aggregate_table(dataset, by_type=by_type, directed=directed)
    cls: type[nx.Graph]
    if by_type:
        cls = nx.MultiDiGraph if directed else nx.MultiGraph
    else:
        cls = nx.DiGraph if directed else nx.Graph
    G = cls(name=dataset.title)
    G.add_nodes_from(node_records(dataset))
    records = _aggregate_records(table)
    sources, targets = table["source"].tolist(), table["target"].tolist()
    if by_type:
        G.add_edges_from(zip(sources, targets, table["type"].tolist(), records, strict=True))
    else:
        _add_simple_edges(G, sources, targets, records)
    return G
