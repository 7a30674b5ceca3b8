"""Random datasets for the analysis tests (seeded), and independent reference graphs.

``random_dataset(seed)`` draws actors and relations of every built-in type (directed and
mutual, cooperative, neutral and conflictual, with weights), leaves some actors isolated and
splits the rest into several components, so disconnected graphs are exercised.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

import graph

TYPES = (
    "visit",
    "talks",
    "agreement",
    "cooperation",
    "aid",
    "trade",
    "membership",
    "pressure",
    "protest",
    "dispute",
    "threat",
    "conflict",
    "sanction",
    "support",
)


def random_dataset(seed: int = 3, nodes: int = 60, edges: int = 150) -> graph.Dataset:
    """A valid dataset with several components, isolated actors and mixed relation types."""
    rng = np.random.default_rng(seed)
    ids = [f"n{i:03d}" for i in range(nodes)]
    kinds = rng.choice(["state", "person", "organization", "party"], size=nodes)
    node_frame = pd.DataFrame({"id": ids, "label": [f"Actor {i}" for i in ids], "type": kinds})
    # two blocks of actors (the first two thirds, then the rest) and 5 isolated ones
    split = nodes * 2 // 3
    block = rng.random(edges) < 0.8
    lo = np.where(block, 0, split)
    hi = np.where(block, split, nodes - 5)
    src = rng.integers(lo, hi)
    dst = rng.integers(lo, hi)
    years = rng.integers(2000, 2022, size=edges)
    edge_frame = pd.DataFrame(
        {
            "source": [ids[i] for i in src],
            "target": [ids[i] for i in dst],
            "type": rng.choice(TYPES, size=edges),
            "date": years.astype(str),
            "weight": np.round(rng.uniform(0.5, 3.0, size=edges), 2).astype(str),
        }
    )
    return graph.from_frames(node_frame, edge_frame, name=f"random{seed}")


def reference_graph(ds: graph.Dataset, *, directed: bool) -> nx.Graph:
    """The aggregated graph built by graph.dataset.build (not graph.analyze), self-loops removed."""
    G = graph.aggregate(ds, directed=directed)
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    return G
