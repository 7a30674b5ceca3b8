"""One link per pair of actors: the rule the page draws by, computed on whole tables.

A pair is two actors, whatever the direction of their relations (an actor's relations with
itself make one pair too). Its link counts the relations, sums their weights and their net
sign (weight × sign), and has a kind: ``cooperative`` when it has cooperative and no
conflictual relations, ``conflictual`` the other way round, ``mixed`` with both, ``neutral``
with neither. It is drawn dashed when the net sign is below zero and with an arrow only when
every relation is of a directed type and all point the same way. The page applies the same
rule in JavaScript (``js/links.js``) to the relations its filters leave.

>>> from graph import load
>>> pairs = pair_links(load())
>>> len(pairs), list(pairs.columns)[:6]
(28, ['source', 'target', 'count', 'weight', 'net', 'kind'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["pair_kind", "pair_links"]


def pair_kind(positive: np.ndarray, negative: np.ndarray) -> np.ndarray:
    """The kind of each link from its numbers of cooperative and conflictual relations.

    >>> pair_kind(np.array([2, 0, 1, 0]), np.array([0, 1, 1, 0])).tolist()
    ['cooperative', 'conflictual', 'mixed', 'neutral']
    """
    pos, neg = np.asarray(positive) > 0, np.asarray(negative) > 0
    return np.select(
        [pos & neg, pos, neg], ["mixed", "cooperative", "conflictual"], "neutral"
    ).astype(object)


def pair_links(dataset: Dataset) -> pd.DataFrame:
    """One row per linked pair of actors, in order of first appearance in the edge table.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) dataset.

    Returns
    -------
    pandas.DataFrame
        ``source``, ``target`` (the direction when ``directed``, else the pair's first actor
        in node order), ``count``, ``weight`` (summed), ``net`` (sum of weight × sign),
        ``kind``, ``dashed``, ``directed`` and ``relations`` (the row numbers of its
        relations in the edge table, in date order, undated last).

    Examples
    --------
    >>> pairs = graph.render.pair_links(ds)
    >>> row = pairs[(pairs["source"] == "iran") & (pairs["target"] == "tajikistan")].iloc[0]
    >>> int(row["count"]) > 10, row["kind"]
    (True, 'mixed')
    """
    edges = dataset.edges
    index = pd.Index(dataset.nodes["id"])
    s = index.get_indexer(pd.Index(edges["source"]))
    t = index.get_indexer(pd.Index(edges["target"]))
    lo, hi = np.minimum(s, t), np.maximum(s, t)
    directed_types = {n for n, v in dataset.vocabulary.edge_types.items() if v.directed}
    sign = edges["sign"].to_numpy(dtype=float)
    weight = edges["weight"].to_numpy(dtype=float)
    order = np.lexsort(
        (
            np.arange(len(edges)),
            edges["date_start"].isna().to_numpy(),
            edges["date_start"].to_numpy(),
        )
    )
    rows = pd.DataFrame(
        {
            "key": lo.astype(np.int64) * max(len(index), 1) + hi,
            "lo": lo,
            "hi": hi,
            "weight": weight,
            "net": weight * sign,
            "pos": sign > 0,
            "neg": sign < 0,
            "forward": (s <= t) & edges["type"].isin(directed_types).to_numpy(),
            "backward": (s > t) & edges["type"].isin(directed_types).to_numpy(),
            "mutual": ~edges["type"].isin(directed_types).to_numpy(),
            "row": np.arange(len(edges)),
        }
    )
    grouped = rows.groupby("key", sort=False)
    table = grouped.agg(
        lo=("lo", "first"),
        hi=("hi", "first"),
        count=("row", "size"),
        weight=("weight", "sum"),
        net=("net", "sum"),
        pos=("pos", "sum"),
        neg=("neg", "sum"),
        forward=("forward", "sum"),
        backward=("backward", "sum"),
        mutual=("mutual", "sum"),
    )
    members = rows.iloc[order].groupby("key", sort=False)["row"].agg(list)
    one_way = (table["mutual"] == 0) & ((table["forward"] == 0) | (table["backward"] == 0))
    flip = one_way & (table["backward"] > 0)
    ids = np.asarray(index, dtype=object)
    lo_ids, hi_ids = ids[table["lo"].to_numpy(dtype=int)], ids[table["hi"].to_numpy(dtype=int)]
    source: np.ndarray = np.where(flip, hi_ids, lo_ids)
    target: np.ndarray = np.where(flip, lo_ids, hi_ids)
    net = table["net"].to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "source": pd.Series(source, dtype=object),
            "target": pd.Series(target, dtype=object),
            "count": table["count"].to_numpy(dtype=np.int64),
            "weight": table["weight"].to_numpy(dtype=float),
            "net": net,
            "kind": pair_kind(table["pos"].to_numpy(), table["neg"].to_numpy()),
            "dashed": net < 0,
            "directed": one_way.to_numpy(dtype=bool),
            "relations": members.reindex(table.index).tolist(),
        }
    )
