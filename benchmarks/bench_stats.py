"""Benchmark: ``graph stats`` (every measure, exact betweenness) on 1,000,000 synthetic events.

Synthetic data, seeded: ``--actors`` nodes (about 5,000) with power-law activity
(p ∝ rank^-1.1), ``--rows`` relations of the built-in types over ten years, built directly
as a :class:`graph.Dataset` (the tables in their validated form, no CSV round trip).

Timed, in the same process and run:

1. ``aggregate``: :func:`graph.aggregate_table` (1,000,000 events -> one link per pair);
2. ``stats``: :func:`graph.stats` with the chosen engine: summary, graph-level figures
   and every node measure (degree, in/out, weighted degree, exact betweenness, closeness,
   eigenvector, PageRank), aggregation included;
3. ``igraph``: the baseline, igraph alone on the same aggregated graph, given the edge list:
   build the graph, degree, strength, exact betweenness, closeness, eigenvector centrality,
   PageRank, components, diameter and average path length.

    python benchmarks/bench_stats.py [--rows 1000000] [--actors 5000] [--engine auto]
                                     [--directed] [--networkx-nodes 0]

``--networkx-nodes N`` also times networkx's exact betweenness on a random N-node sample
subgraph (slow: minutes for N = 5,000). Target: stats within 2x of the igraph baseline.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "passive")

import numpy as np
import pandas as pd
from peak import peak_rss_mib

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph import Dataset, load_vocabulary
from graph.analyze import analysis_view, stats
from graph.dataset.build import aggregate_table

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
)


def make_dataset(rows: int, actors: int, seed: int = 11) -> Dataset:
    """A validated-form dataset: power-law activity, dated relations, built-in types."""
    rng = np.random.default_rng(seed)
    vocab = load_vocabulary()
    ids = np.array([f"actor_{i:05d}" for i in range(actors)], dtype=object)
    kinds = rng.choice(
        ["state", "person", "organization", "party"], size=actors, p=[0.1, 0.6, 0.2, 0.1]
    )
    empty = np.full(actors, "", dtype=object)
    nodes = pd.DataFrame(
        {
            "id": ids,
            "label": ids,
            "type": kinds,
            "country": empty,
            "role": empty,
            "aliases": empty,
            "iso3": empty,
            "description": empty,
            "_line": np.arange(2, actors + 2),
        }
    )
    p = 1.0 / np.arange(1, actors + 1) ** 1.1
    p /= p.sum()
    src = rng.choice(actors, size=rows, p=p)
    dst = rng.choice(actors, size=rows, p=p)
    kind = np.array(TYPES, dtype=object)[rng.integers(0, len(TYPES), size=rows)]
    meta = pd.DataFrame(
        {
            "directed": [vocab.edge_types[t].directed for t in TYPES],
            "sign": [vocab.edge_types[t].sign for t in TYPES],
            "family": [vocab.edge_types[t].family for t in TYPES],
        },
        index=list(TYPES),
    ).reindex(kind)
    start = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3652, size=rows), unit="D")
    blank = np.full(rows, "", dtype=object)
    edges = pd.DataFrame(
        {
            "id": pd.RangeIndex(rows).astype(str).to_numpy(dtype=object),
            "source": ids[src],
            "target": ids[dst],
            "type": kind,
            "date": start.strftime("%Y-%m-%d").to_numpy(dtype=object),
            "end_date": blank,
            "weight": np.round(rng.gamma(2.0, 1.5, size=rows), 2),
            "sign": meta["sign"].to_numpy(dtype=np.int8),
            "description": blank,
            "evidence": blank,
            "citation": blank,
            "directed": meta["directed"].to_numpy(dtype=bool),
            "family": meta["family"].to_numpy(dtype=object),
            "date_start": start,
            "date_end": start + pd.Timedelta(days=1) - pd.Timedelta(nanoseconds=1),
            "date_precision": np.full(rows, "day", dtype=object),
            "_line": np.arange(2, rows + 2),
        }
    )
    return Dataset("synthetic", nodes, edges, vocab)


def igraph_baseline(
    source: np.ndarray, target: np.ndarray, weight: np.ndarray, n: int, directed: bool
) -> float:
    """Seconds igraph alone takes for the same measures on the same edge list."""
    import igraph as ig

    t0 = time.perf_counter()
    g = ig.Graph(n=n, edges=np.column_stack([source, target]), directed=directed)
    g.degree()
    g.strength(weights=weight.tolist())
    g.betweenness(directed=directed)
    g.closeness(mode="in" if directed else "all")
    g.eigenvector_centrality()
    g.pagerank(directed=directed, weights=weight.tolist())
    g.connected_components(mode="weak")
    g.diameter(directed=False)
    g.average_path_length(directed=False)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--engine", default="auto")
    parser.add_argument("--directed", action="store_true")
    parser.add_argument("--networkx-nodes", type=int, default=0)
    args = parser.parse_args()

    t0 = time.perf_counter()
    ds = make_dataset(args.rows, args.actors)
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    table = aggregate_table(ds, directed=args.directed)
    aggregated = time.perf_counter() - t0
    view = analysis_view(ds, directed=args.directed)
    print(
        f"events: {len(ds.edges):,}  nodes: {view.n:,}  links: {view.m:,} "
        f"({'directed' if args.directed else 'undirected'}); "
        f"dataset built in {built:.2f} s, aggregated in {aggregated:.2f} s "
        f"({len(table):,} rows)"
    )

    t0 = time.perf_counter()
    result = stats(ds, directed=args.directed, engine=args.engine)
    ours = time.perf_counter() - t0
    base = igraph_baseline(view.source, view.target, view.weight, view.n, args.directed)
    print(
        f"stats ({result.measures.engine} engine, exact betweenness, everything "
        f"from the events): {ours:.2f} s"
    )
    print(f"igraph alone (same measures, given the aggregated edge list): {base:.2f} s")
    print(f"ratio: {ours / base:.2f}x (target <= 2x)")
    if args.networkx_nodes:
        import networkx as nx

        G = view.to_networkx()
        keep = list(G.nodes)[: args.networkx_nodes]
        sub = G.subgraph(keep).copy()
        t0 = time.perf_counter()
        nx.betweenness_centrality(sub)
        print(
            f"networkx exact betweenness on {sub.number_of_nodes():,} nodes / "
            f"{sub.number_of_edges():,} links: {time.perf_counter() - t0:.2f} s"
        )
    peak = peak_rss_mib()
    print(f"peak memory (max RSS): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
