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

from .csvio import LINE

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["to_multidigraph", "aggregate", "aggregate_table", "node_records", "edge_records"]

_DATE_COLUMNS = ("date_start", "date_end")


def _clean_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts without empty strings or missing values; dates as ISO text."""
    frame = frame.drop(columns=[c for c in (LINE,) if c in frame.columns])
    for col in _DATE_COLUMNS:
        if col in frame.columns:
            frame[col] = frame[col].dt.strftime("%Y-%m-%d").fillna("")
    records = frame.to_dict("records")
    return [
        {k: (v.item() if isinstance(v, np.generic) else v) for k, v in r.items() if _present(v)}
        for r in records
    ]


def _present(value: object) -> bool:
    if value is None or (isinstance(value, str) and value == ""):
        return False
    return not (isinstance(value, float) and np.isnan(value))


def node_records(dataset: Dataset) -> list[tuple[str, dict[str, Any]]]:
    """``(id, attributes)`` for every node, empty cells left out."""
    nodes = dataset.nodes
    return list(zip(nodes["id"], _clean_records(nodes.drop(columns=["id"])), strict=True))


def edge_records(dataset: Dataset) -> list[tuple[str, str, str, dict[str, Any]]]:
    """``(source, target, id, attributes)`` for every edge, empty cells left out."""
    edges = dataset.edges
    attrs = _clean_records(edges.drop(columns=["source", "target"]))
    return list(zip(edges["source"], edges["target"], edges["id"], attrs, strict=True))


def to_multidigraph(dataset: Dataset) -> nx.MultiDiGraph:
    """The full graph: one edge per relation, keyed by edge id, with every attribute.

    Mutual relation types (``directed`` False) are stored once, source to target.
    """
    G = nx.MultiDiGraph(name=dataset.name)
    G.add_nodes_from(node_records(dataset))
    G.add_edges_from((s, t, k, a) for s, t, k, a in edge_records(dataset))
    return G


def aggregate_table(
    dataset: Dataset, *, by_type: bool = False, directed: bool = False
) -> pd.DataFrame:
    """Relations summed per pair (and type): the table behind :func:`aggregate`.

    Parameters
    ----------
    by_type : bool
        One row per pair and relation type instead of per pair.
    directed : bool
        Keep the direction of directed types (mutual types count both ways); otherwise
        every pair is unordered.

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``target`` (``type``), ``count``, ``weight``, ``signed_weight``,
        ``sign``, ``positive``, ``negative``, ``first``, ``last``; sorted by pair.
    """
    edges = dataset.edges
    ids = pd.Index(dataset.nodes["id"])
    s = ids.get_indexer(edges["source"]).astype(np.int64)
    t = ids.get_indexer(edges["target"]).astype(np.int64)
    sign = edges["sign"].to_numpy(dtype=np.int64)
    weight = edges["weight"].to_numpy(dtype=float)
    type_codes, type_names = pd.factorize(edges["type"], sort=True)
    start = edges["date_start"].to_numpy()
    end = edges["date_end"].to_numpy()
    if directed:
        mutual = ~edges["directed"].to_numpy(dtype=bool)
        s, t = np.concatenate([s, t[mutual]]), np.concatenate([t, s[mutual]])
        sign, weight = np.concatenate([sign, sign[mutual]]), np.concatenate([weight, weight[mutual]])
        type_codes = np.concatenate([type_codes, type_codes[mutual]])
        start, end = np.concatenate([start, start[mutual]]), np.concatenate([end, end[mutual]])
    else:
        s, t = np.minimum(s, t), np.maximum(s, t)
    n = max(len(ids), 1)
    key = s * n + t
    if by_type:
        key = key * max(len(type_names), 1) + type_codes
    frame = pd.DataFrame(
        {
            "key": key,
            "count": 1,
            "weight": weight,
            "signed_weight": weight * sign,
            "positive": sign > 0,
            "negative": sign < 0,
            "first": start,
            "last": end,
        }
    )
    out = frame.groupby("key", sort=True).agg(
        count=("count", "size"),
        weight=("weight", "sum"),
        signed_weight=("signed_weight", "sum"),
        positive=("positive", "sum"),
        negative=("negative", "sum"),
        first=("first", "min"),
        last=("last", "max"),
    )
    keys = out.index.to_numpy(dtype=np.int64)
    result = pd.DataFrame(index=range(len(out)))
    if by_type:
        result["type"] = np.asarray(type_names, dtype=object)[keys % max(len(type_names), 1)]
        keys = keys // max(len(type_names), 1)
    id_values = np.asarray(ids, dtype=object)
    result.insert(0, "source", id_values[keys // n])
    result.insert(1, "target", id_values[keys % n])
    for col in ("count", "weight", "signed_weight", "positive", "negative", "first", "last"):
        result[col] = out[col].to_numpy()
    result["sign"] = np.sign(result["signed_weight"]).astype(np.int8)
    return result


def aggregate(dataset: Dataset, *, by_type: bool = False, directed: bool = False) -> nx.Graph:
    """A weighted graph for analysis: one edge per pair (or per pair and type).

    Returns ``nx.Graph`` (``nx.DiGraph`` if ``directed``); with ``by_type`` a
    ``nx.MultiGraph``/``nx.MultiDiGraph`` whose edge keys are relation types. Every node of
    the dataset is present, isolated ones included. Edge attributes are those of
    :func:`aggregate_table`, dates as ISO text.
    """
    table = aggregate_table(dataset, by_type=by_type, directed=directed)
    cls: type[nx.Graph]
    if by_type:
        cls = nx.MultiDiGraph if directed else nx.MultiGraph
    else:
        cls = nx.DiGraph if directed else nx.Graph
    G = cls(name=dataset.name)
    G.add_nodes_from(node_records(dataset))
    attrs = table.drop(columns=["source", "target"] + (["type"] if by_type else []))
    for col in ("first", "last"):
        attrs[col] = attrs[col].dt.strftime("%Y-%m-%d")
    records = _clean_records(attrs)
    if by_type:
        G.add_edges_from(zip(table["source"], table["target"], table["type"], records, strict=True))
    else:
        G.add_edges_from(zip(table["source"], table["target"], records, strict=True))
    return G
