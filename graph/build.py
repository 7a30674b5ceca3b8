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

__all__ = ["aggregate", "aggregate_table", "edge_records", "node_records", "to_multidigraph"]

_DATE_COLUMNS = ("date_start", "date_end")


def _clean_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values, leaving out empty text and missing values.

    Dates become ISO text. Built column by column (``tolist``), so only rows that have a
    missing value pay for a per-row pass.
    """
    frame = frame.drop(columns=[c for c in (LINE,) if c in frame.columns])
    names = list(frame.columns)
    columns: list[list[Any]] = []
    missing = np.zeros(len(frame), dtype=bool)
    holes: list[np.ndarray] = []
    for name in names:
        col = frame[name]
        if pd.api.types.is_datetime64_any_dtype(col):
            col = col.dt.strftime("%Y-%m-%d")
        absent = col.isna().to_numpy(copy=True)
        if col.dtype == object or pd.api.types.is_string_dtype(col):
            absent |= (col.fillna("") == "").to_numpy(dtype=bool)
        holes.append(absent)
        missing |= absent
        columns.append(col.astype(object).where(~absent, None).tolist())
    records = [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    for row in np.flatnonzero(missing).tolist():
        record = records[row]
        for name, absent in zip(names, holes, strict=True):
            if absent[row]:
                del record[name]
    return records


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
        sign, weight = (
            np.concatenate([sign, sign[mutual]]),
            np.concatenate([weight, weight[mutual]]),
        )
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
        names = np.asarray(type_names, dtype=object)[keys % max(len(type_names), 1)]
        result["type"] = pd.Series(names, dtype=object)
        keys = keys // max(len(type_names), 1)
    id_values = np.asarray(ids, dtype=object)
    result.insert(0, "source", pd.Series(id_values[keys // n], dtype=object))
    result.insert(1, "target", pd.Series(id_values[keys % n], dtype=object))
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
    records = _clean_records(attrs)
    ends = [table["source"].tolist(), table["target"].tolist()]
    if by_type:
        ends.append(table["type"].tolist())
    G.add_edges_from(zip(*ends, records, strict=True))
    return G
