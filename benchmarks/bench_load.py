"""Benchmark: 1,000,000 edge rows -> validated dataset -> aggregated graph.

Synthetic data, seeded: about 5,000 actors with power-law activity, ten years of dates at
day, month and year precision, a free-text description column. Each run is a fresh process,
so its peak memory is its own; both pipelines run ``--repeat`` times, alternating, and the
medians are compared (a shared 2-core machine is noisy). The baseline is the naive approach,
timed in the same run: ``pandas.read_csv`` then an ``itertuples`` loop calling ``add_edge``
(with no validation at all).

    python benchmarks/bench_load.py [--rows 1000000] [--actors 5000] [--repeat 3]

Targets on the 2-core development machine: <= 5 s, <= 2 GiB, >= 5x the naive loop.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from peak import peak_rss_mib


def make_dataset(folder: Path, rows: int, actors: int, seed: int = 7) -> None:
    """Write nodes.csv and edges.csv with power-law activity over ``actors`` nodes."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"actor_{i:05d}" for i in range(actors)], dtype=object)
    kinds = rng.choice(
        ["state", "person", "organization", "party"], size=actors, p=[0.1, 0.6, 0.2, 0.1]
    )
    pd.DataFrame({"id": ids, "label": [f"Actor {i}" for i in range(actors)], "type": kinds}).to_csv(
        folder / "nodes.csv", index=False
    )
    p = 1.0 / np.arange(1, actors + 1) ** 1.1
    p /= p.sum()
    src = rng.choice(actors, size=rows, p=p)
    dst = rng.choice(actors, size=rows, p=p)
    dst = np.where(dst == src, (dst + 1) % actors, dst)  # no self-loops
    types = np.array(
        [
            "visit",
            "talks",
            "agreement",
            "cooperation",
            "aid",
            "trade",
            "pressure",
            "protest",
            "dispute",
            "threat",
            "conflict",
            "sanction",
        ],
        dtype=object,
    )
    day = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 3652, size=rows), unit="D")
    iso = day.strftime("%Y-%m-%d").to_numpy(dtype=object)
    precision = rng.choice([10, 7, 4], size=rows, p=[0.8, 0.15, 0.05])
    dates = np.where(
        precision == 10, iso, np.where(precision == 7, [d[:7] for d in iso], [d[:4] for d in iso])
    )
    kind = types[rng.integers(0, len(types), size=rows)]
    edges = pd.DataFrame(
        {
            "source": ids[src],
            "target": ids[dst],
            "type": kind,
            "date": dates,
            "weight": np.round(rng.gamma(2.0, 1.5, size=rows), 2),
            "description": pd.Series(kind).str.cat(
                [pd.Series(ids[src]), pd.Series(ids[dst])], sep=" event between "
            ),
        }
    )
    edges.to_csv(folder / "edges.csv", index=False)


def run_ours(folder: Path) -> dict[str, float]:
    import graph

    t0 = time.perf_counter()
    ds = graph.load(folder)
    t1 = time.perf_counter()
    G = graph.aggregate(ds)
    t2 = time.perf_counter()
    return {
        "load_validate_s": t1 - t0,
        "aggregate_s": t2 - t1,
        "total_s": t2 - t0,
        "pairs": G.number_of_edges(),
        "rows": len(ds.edges),
    }


def run_naive(folder: Path) -> dict[str, float]:
    import networkx as nx

    t0 = time.perf_counter()
    edges = pd.read_csv(folder / "edges.csv", dtype=str, keep_default_na=False)
    G = nx.Graph()
    for row in edges.itertuples(index=False):
        w = float(row.weight or 1)
        if G.has_edge(row.source, row.target):
            data = G[row.source][row.target]
            data["count"] += 1
            data["weight"] += w
        else:
            G.add_edge(row.source, row.target, count=1, weight=w)
    t1 = time.perf_counter()
    return {"total_s": t1 - t0, "pairs": G.number_of_edges(), "rows": len(edges)}


def _child(which: str, folder: str) -> None:
    result = (run_ours if which == "ours" else run_naive)(Path(folder))
    result["peak_rss_mib"] = peak_rss_mib()
    print(json.dumps(result))


def _measure(which: str, folder: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _spread(values: list[float]) -> str:
    middle = statistics.median(values)
    return f"median {middle:5.2f} s (min {min(values):.2f}, max {max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each pipeline")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        make_dataset(folder, args.rows, args.actors)
        size = (folder / "edges.csv").stat().st_size / 2**20
        print(
            f"generated {args.rows:,} rows, {args.actors:,} actors ({size:.0f} MiB edges.csv) "
            f"in {time.perf_counter() - t0:.1f} s; {args.repeat} runs of each, alternating"
        )
        ours, naive = [], []
        for _ in range(max(args.repeat, 1)):
            ours.append(_measure("ours", folder))
            naive.append(_measure("naive", folder))
    assert {r["pairs"] for r in ours} == {r["pairs"] for r in naive}, (ours, naive)
    mine = [r["total_s"] for r in ours]
    theirs = [r["total_s"] for r in naive]
    middle = sorted(ours, key=lambda r: r["total_s"])[len(ours) // 2]
    print(
        f"graph.load + aggregate : {_spread(mine)}; median run: load+validate "
        f"{middle['load_validate_s']:.2f} s, aggregate {middle['aggregate_s']:.2f} s; "
        f"peak RSS {max(r['peak_rss_mib'] for r in ours):.0f} MiB; {ours[0]['pairs']:,} pairs"
    )
    print(
        f"naive itertuples loop  : {_spread(theirs)} (no validation); "
        f"peak RSS {max(r['peak_rss_mib'] for r in naive):.0f} MiB"
    )
    ratios = [n / o for n, o in zip(theirs, mine, strict=True)]
    print(
        f"speed-up vs naive      : {statistics.median(theirs) / statistics.median(mine):.1f}x "
        f"(ratio of medians; per run {', '.join(f'{r:.1f}x' for r in ratios)}) "
        f"(targets: >= 5x, <= 5 s, <= 2048 MiB)"
    )


if __name__ == "__main__":
    main()
