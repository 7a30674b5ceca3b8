"""Queries: an actor's neighbourhood and the shortest paths between two actors.

Both use the aggregated undirected graph (one link per pair, self-loops removed) unless
``directed=True`` (then paths follow directed types and mutual types both ways).

>>> from graph import load
>>> near = neighbors(load(), "iran")
>>> bool((near["distance"] == 1).all()), "tajikistan" in set(near["id"])
(True, True)
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from ..dataset import find_node
from ..errors import UsageError
from ._view import analysis_view

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["neighbors", "paths"]


def _with(dataset: Dataset, node: str) -> pd.DataFrame:
    """The relations of ``node`` summed per partner: relations, score and types."""
    edges = dataset.edges
    out = edges["source"] == node
    inc = edges["target"] == node
    touching = edges[(out | inc) & (edges["source"] != edges["target"])]
    other = np.where(touching["source"] == node, touching["target"], touching["source"])
    frame = pd.DataFrame(
        {
            "other": other,
            "relations": 1,
            "score": touching["weight"].to_numpy(dtype=float)
            * touching["sign"].to_numpy(dtype=np.int64),
            "type": touching["type"].to_numpy(dtype=object),
        }
    )
    grouped = frame.groupby("other", sort=True)
    return pd.DataFrame(
        {
            "relations": grouped["relations"].sum(),
            "score": grouped["score"].sum(),
            "types": grouped["type"].agg(lambda s: ",".join(sorted(set(s)))),
        }
    )


def neighbors(dataset: Dataset, node: str, *, depth: int = 1) -> pd.DataFrame:
    """The actors within ``depth`` steps of ``node``.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    node : str
        The actor: its id, label or an alias (see :func:`~graph.dataset.find_node`).
    depth : int, default 1
        At most this many steps from ``node``.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``label``, ``type``, ``distance`` (steps), and for direct partners
        ``relations`` (count), ``score`` (sum of weight × sign) and ``types`` (their relation
        types); sorted by distance, relations (most first), then id.

    Raises
    ------
    UsageError
        For an unknown or ambiguous ``node``, or ``depth < 1``.

    Examples
    --------
    >>> neighbors(ds, "Shir Ali Mirza")["id"].tolist()
    ['iran', 'tajikistan']
    >>> graph.neighbors(ds, "Shir Ali Mirza")[["id", "relations", "types"]]
               id  relations   types
    0        iran          1   visit
    1  tajikistan          1  office

    Two steps away, through Iran or Tajikistan:

    >>> graph.neighbors(ds, "Shir Ali Mirza", depth=2)["distance"].value_counts().to_dict()
    {2: 17, 1: 2}
    """
    node = find_node(dataset, node)
    if depth < 1:
        raise UsageError(f"{{depth}} must be at least 1, not {depth}", params=("depth",))
    from scipy.sparse.csgraph import shortest_path

    view = analysis_view(dataset)
    start = int(np.flatnonzero(view.ids == node)[0])
    dist = shortest_path(view.sparse(), directed=False, unweighted=True, indices=start)
    near = np.flatnonzero(np.isfinite(dist) & (dist >= 1) & (dist <= depth))
    nodes = dataset.nodes.iloc[near]
    direct = _with(dataset, node).reindex(nodes["id"])
    table = pd.DataFrame(
        {
            "id": nodes["id"].to_numpy(dtype=object),
            "label": nodes["label"].to_numpy(dtype=object),
            "type": nodes["type"].to_numpy(dtype=object),
            "distance": dist[near].astype(np.int64),
            "relations": direct["relations"].fillna(0).to_numpy(dtype=np.int64),
            "score": direct["score"].fillna(0.0).to_numpy(dtype=float),
            "types": direct["types"].fillna("").to_numpy(dtype=object),
        }
    )
    return table.sort_values(
        ["distance", "relations", "id"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


PATH_COLUMNS = (
    "path",
    "step",
    "from",
    "to",
    "type",
    "date",
    "end_date",
    "sign",
    "direction",
    "description",
    "id",
)


def paths(
    dataset: Dataset, a: str, b: str, *, directed: bool = False, limit: int = 10
) -> pd.DataFrame:
    """The shortest paths from ``a`` to ``b``, with every relation on each step.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    a, b : str
        The two actors: ids, labels or aliases (see :func:`~graph.dataset.find_node`).
    directed : bool, default False
        Follow directed relation types only forwards.
    limit : int, default 10
        At most this many paths (the first in node order).

    Returns
    -------
    pandas.DataFrame
        One row per path, step and relation on that step: ``path`` and ``step`` (from 1),
        ``from``, ``to``, the relation's ``type``, ``date``, ``end_date``, ``sign``,
        ``direction`` (``forward``, ``backward`` or ``mutual``), ``description``, ``id``.
        Empty when there is no path.

    Raises
    ------
    UsageError
        If an actor is not found, or both name the same actor.

    Examples
    --------
    Muhiddin Kabiri reaches Hassan Rouhani through Iran; the first step has two relations:

    >>> steps = graph.paths(ds, "Muhiddin Kabiri", "Hassan Rouhani")
    >>> steps[["path", "step", "from", "to", "type"]]
       path  step             from              to        type
    0     1     1  muhiddin_kabiri            iran  invitation
    1     1     1  muhiddin_kabiri            iran       visit
    2     1     2             iran  hassan_rouhani      office
    """
    a, b = find_node(dataset, a), find_node(dataset, b)
    if a == b:
        raise UsageError(f"give two different actors, not '{a}' twice")
    G = analysis_view(dataset, directed=directed).to_networkx()
    try:
        found = list(_first(nx.all_shortest_paths(G, a, b), limit))
    except nx.NetworkXNoPath:
        found = []
    position = {node: i for i, node in enumerate(dataset.nodes["id"])}
    found.sort(key=lambda p: [position[x] for x in p])
    steps = pd.DataFrame(
        [
            (k, j, u, v)
            for k, p in enumerate(found, 1)
            for j, (u, v) in enumerate(itertools.pairwise(p), 1)
        ],
        columns=["path", "step", "from", "to"],
    )
    edges = dataset.edges.assign(_order=np.arange(len(dataset.edges)))
    fwd = steps.merge(edges, left_on=["from", "to"], right_on=["source", "target"])
    fwd["direction"] = np.where(fwd["directed"].astype(bool), "forward", "mutual")
    back = steps.merge(edges, left_on=["from", "to"], right_on=["target", "source"])
    back["direction"] = np.where(back["directed"].astype(bool), "backward", "mutual")
    if directed:
        back = back[back["direction"] == "mutual"]
    rows = pd.concat([fwd, back], ignore_index=True)
    rows = rows.sort_values(["path", "step", "date_start", "_order"], kind="stable")
    return rows.loc[:, list(PATH_COLUMNS)].reset_index(drop=True)


def _first(items: object, limit: int) -> list[list[str]]:
    out: list[list[str]] = []
    for item in items:  # type: ignore[attr-defined]
        if len(out) >= limit:
            break
        out.append(item)
    return out
