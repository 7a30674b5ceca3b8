"""Blocs: communities of the cooperative layer, found by Louvain with a fixed seed.

The cooperative layer keeps the relations with a positive sign and sums their weights per
pair (self-loops removed). Louvain splits it, as networkx's
``louvain_communities(weight="weight", seed=seed)`` but bounded (:mod:`._louvain`: networkx
3.6's can loop forever, networkx issue #8739); communities are numbered from 1, largest first
(ties: the one with the earliest node). Actors without a cooperative tie belong to no
community (``<NA>``).

The conflict the cooperative layer leaves out is reported: the pairs of actors of one
community with at least one conflictual relation (``negative_inside``).

Weights are divided by the largest one first (neither the communities nor the modularity
change), so tiny weights cannot underflow. When every cooperative weight is 0 the weights give
no ground to split anything: each connected group of ties is one community, and the
modularity, 0/0, is reported as 0.

>>> from graph import load
>>> result = communities(load(), seed=1)
>>> int(result.table["community"].min())
1
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ._louvain import louvain
from ._view import analysis_view
from .display import html_table
from .triads import pair_scores

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["Communities", "communities"]

#: Columns of :attr:`Communities.negative_inside`.
NEGATIVE_COLUMNS = ("source", "target", "community", "relations", "conflictual")


def _no_negative_ties() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in NEGATIVE_COLUMNS})


@dataclass(frozen=True)
class Communities:
    """The communities of the cooperative layer, as :func:`communities` returns them.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per node in dataset order: ``id``, ``label``, ``type``, ``community``
        (nullable int, 1 = largest).
    modularity : float
        Weighted modularity of the partition on the cooperative layer (0 without ties, or
        when their weights are all 0).
    seed : int
        The Louvain seed used.
    resolution : float
        The Louvain resolution used.
    negative_inside : pandas.DataFrame
        The pairs of actors of one community with at least one conflictual relation:
        ``source``, ``target``, ``community``, ``relations`` and ``conflictual`` (counts of
        all their relations and of the conflictual ones), by community then pair.

    Examples
    --------
    >>> result = graph.communities(ds)
    >>> [(g["community"], g["size"], g["negative_inside"]) for g in result.groups()]
    [(1, 7, 3), (2, 2, 0), (3, 2, 0)]
    >>> result.groups()[2]["members"]
    ['iran_armed_forces', 'tajik_armed_forces']
    >>> result.negative_inside
           source      target  community  relations  conflictual
    0        iran  tajikistan          1         20            3
    1  tajikistan        irpt          1          1            1
    2  tajikistan         uto          1          2            1
    """

    table: pd.DataFrame
    modularity: float
    seed: int
    resolution: float
    negative_inside: pd.DataFrame = field(default_factory=_no_negative_ties)

    def groups(self) -> list[dict[str, Any]]:
        """``[{"community": 1, "size": n, "members": [ids], "negative_inside": pairs}, ...]``
        largest first; ``negative_inside`` counts the pairs with conflictual relations."""
        placed = self.table.dropna(subset=["community"])
        members = placed.groupby("community", sort=True)["id"].agg(list)
        clashes = self.negative_inside["community"].value_counts().to_dict()
        return [
            {
                "community": int(k),
                "size": len(v),
                "members": [str(x) for x in v],
                "negative_inside": int(clashes.get(k, 0)),
            }
            for k, v in zip(members.index.tolist(), members.tolist(), strict=True)
        ]

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "seed": self.seed,
            "resolution": self.resolution,
            "modularity": self.modularity,
            "communities": self.groups(),
            "negative_inside": self.negative_inside.to_dict("records"),
        }

    def _repr_html_(self) -> str:
        rows: list[tuple[str, Any]] = [
            ("seed", self.seed),
            ("resolution", self.resolution),
            ("modularity", f"{self.modularity:.3f}"),
        ]
        rows += [(f"community {g['community']} ({g['size']})", g["members"]) for g in self.groups()]
        clashes = self.negative_inside[list(NEGATIVE_COLUMNS)].values.tolist()
        rows.append(
            (
                "conflictual pairs inside",
                [f"{a} – {b} (community {c}: {n} of {r} conflictual)" for a, b, c, r, n in clashes],
            )
        )
        return html_table(rows, title="communities of the cooperative layer")


def communities(dataset: Dataset, *, seed: int = 0, resolution: float = 1.0) -> Communities:
    """Louvain communities of the cooperative layer (deterministic for a given seed).

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations; only cooperative relations (sign
        +1) are used.
    seed : int, default 0
        Seed of the Louvain node order.
    resolution : float, default 1.0
        Above 1 favours smaller communities, below 1 larger ones.

    Returns
    -------
    Communities
        Each actor's community (``<NA>`` without a cooperative tie), the modularity and the
        pairs of one community with conflictual relations.

    Examples
    --------
    >>> result = graph.communities(ds, seed=0)
    >>> table = result.table.set_index("id")
    >>> int(table.loc["iran", "community"]), int(table.loc["tajikistan", "community"])
    (1, 1)
    >>> table.loc["unsc", "community"] is pd.NA
    True
    """
    layer = dataset.filter(sign=1)
    view = analysis_view(dataset.with_tables(dataset.nodes, layer.edges))
    tied = np.flatnonzero(
        np.bincount(view.source, minlength=view.n) + np.bincount(view.target, minlength=view.n)
    )
    sub = view.subview(tied)
    G = sub.to_networkx()
    top = max((float(w) for _, _, w in G.edges(data="weight", default=1.0)), default=0.0)
    if top > 0:
        for _, _, attrs in G.edges(data=True):
            attrs["weight"] = attrs.get("weight", 1.0) / top
    found: list[set[Any]] = []
    if sub.m and top > 0:
        found = louvain(G, resolution=resolution, seed=seed)
    elif sub.m:  # every weight is 0: the ties hold the groups, the weights split nothing
        found = [set(c) for c in nx.connected_components(G)]
    position = {node: i for i, node in enumerate(sub.ids.tolist())}
    ordered = sorted(found, key=lambda c: (-len(c), min(position[x] for x in c)))
    labels = np.zeros(view.n, dtype=np.int64)
    for number, members in enumerate(ordered, start=1):
        labels[tied[[position[x] for x in members]]] = number
    modularity = (
        float(nx.community.modularity(G, ordered, weight="weight", resolution=resolution))
        if ordered and top > 0
        else 0.0
    )
    nodes = dataset.nodes
    table = pd.DataFrame(
        {
            "id": nodes["id"].to_numpy(dtype=object),
            "label": nodes["label"].to_numpy(dtype=object),
            "type": nodes["type"].to_numpy(dtype=object),
            "community": pd.array(np.where(labels > 0, labels, 0), dtype="Int64"),
        }
    )
    table.loc[labels == 0, "community"] = pd.NA
    return Communities(table, modularity, seed, resolution, _negative_inside(dataset, labels))


def _negative_inside(dataset: Dataset, labels: np.ndarray) -> pd.DataFrame:
    """The pairs with conflictual relations whose two actors share a community."""
    scores = pair_scores(dataset)
    scores = scores[scores["conflictual"] > 0]
    ids = pd.Index(dataset.nodes["id"])
    a = labels[ids.get_indexer(scores["source"])]
    b = labels[ids.get_indexer(scores["target"])]
    inside = (a == b) & (a > 0)
    found = pd.DataFrame(
        {
            "source": scores["source"].to_numpy(dtype=object)[inside],
            "target": scores["target"].to_numpy(dtype=object)[inside],
            "community": a[inside].astype(np.int64),
            "relations": scores["relations"].to_numpy(dtype=np.int64)[inside],
            "conflictual": scores["conflictual"].to_numpy(dtype=np.int64)[inside],
        }
    )
    return found.sort_values(["community", "source", "target"]).reset_index(drop=True)
