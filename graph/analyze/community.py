"""Blocs: communities of the cooperative layer, found by Louvain with a fixed seed.

The cooperative layer keeps the relations with a positive sign and sums their weights per
pair (self-loops removed). networkx's ``louvain_communities(weight="weight", seed=seed)``
splits it; communities are numbered from 1, largest first (ties: the one with the earliest
node). Actors without a cooperative tie belong to no community (``<NA>``).

>>> from graph import load
>>> result = communities(load(), seed=1)
>>> int(result.table["community"].min())
1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ._view import analysis_view

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["Communities", "communities"]


@dataclass(frozen=True)
class Communities:
    """The communities of the cooperative layer.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per node in dataset order: ``id``, ``label``, ``type``, ``community``
        (nullable int, 1 = largest).
    modularity : float
        Weighted modularity of the partition on the cooperative layer (0 without ties).
    seed : int
    resolution : float
    """

    table: pd.DataFrame
    modularity: float
    seed: int
    resolution: float

    def groups(self) -> list[dict[str, Any]]:
        """``[{"community": 1, "size": n, "members": [ids]}, ...]`` largest first."""
        placed = self.table.dropna(subset=["community"])
        members = placed.groupby("community", sort=True)["id"].agg(list)
        return [
            {"community": int(k), "size": len(v), "members": [str(x) for x in v]}
            for k, v in zip(members.index.tolist(), members.tolist(), strict=True)
        ]

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "seed": self.seed,
            "resolution": self.resolution,
            "modularity": self.modularity,
            "communities": self.groups(),
        }


def communities(dataset: Dataset, *, seed: int = 0, resolution: float = 1.0) -> Communities:
    """Louvain communities of the cooperative layer (deterministic for a given seed).

    Parameters
    ----------
    seed : int
        Seed of the Louvain node order.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    """
    layer = dataset.filter(sign=1)
    view = analysis_view(dataset.with_tables(dataset.nodes, layer.edges))
    tied = np.flatnonzero(
        np.bincount(view.source, minlength=view.n) + np.bincount(view.target, minlength=view.n)
    )
    sub = view.subview(tied)
    G = sub.to_networkx()
    found = (
        nx.community.louvain_communities(G, weight="weight", resolution=resolution, seed=seed)
        if sub.m
        else []
    )
    position = {node: i for i, node in enumerate(sub.ids.tolist())}
    ordered = sorted(found, key=lambda c: (-len(c), min(position[x] for x in c)))
    labels = np.zeros(view.n, dtype=np.int64)
    for number, members in enumerate(ordered, start=1):
        labels[tied[[position[x] for x in members]]] = number
    modularity = (
        float(nx.community.modularity(G, ordered, weight="weight", resolution=resolution))
        if ordered
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
    return Communities(table, modularity, seed, resolution)
