"""Benchmark: the exact frustration index of ``graph balance`` on a 200-actor signed network.

Synthetic data, seeded: ``--actors`` actors (200) in three blocs (45 %, 35 %, 20 % of them),
``--ties`` signed ties (1,200), 60 % of them inside a bloc; a tie is positive inside a bloc and
negative between blocs, and ``--noise`` (10 %) of the signs are flipped. Three blocs cannot be
two groups, so the frustration is well above the noise. Built as a :class:`graph.Dataset`
(cooperation and conflict relations, one per tie).

Timed, in the same process and run (median of ``--repeat``):

1. ``exact``: :func:`graph.analyze.frustration.frustration_index` on the signed pairs (cycle
   cuts, then HiGHS' branch and bound when needed); reports L, whether proved optimal;
2. ``greedy``: the baseline, a greedy local search (move the actor whose move frustrates the
   fewest ties, until no move helps) from ``--starts`` (20) seeded random partitions, the best
   kept: an estimate with no proof;
3. ``balance``: all of :func:`graph.balance` (pair signs, triangle census, 1,000-shuffle null
   model, walk balance, exact frustration), for scale.

    python benchmarks/bench_balance.py [--actors 200] [--ties 1200] [--noise 0.1]
                                       [--seed 7] [--repeat 3] [--starts 20]

Target: the exact index within 10 s. The greedy estimate is never below it (checked).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "passive")

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import graph
from graph.analyze.frustration import frustration_index


def network(actors: int, ties: int, noise: float, seed: int) -> graph.Dataset:
    """Three blocs: positive ties inside, negative between, ``noise`` of the signs flipped."""
    rng = np.random.default_rng(seed)
    bloc = rng.choice(3, size=actors, p=[0.45, 0.35, 0.20])
    pairs: dict[tuple[int, int], int] = {}
    while len(pairs) < ties:
        a = int(rng.integers(actors))
        inside = rng.random() < 0.6
        pool = np.flatnonzero((bloc == bloc[a]) == inside)
        b = int(rng.choice(pool[pool != a]))
        sign = 1 if inside else -1
        pairs.setdefault((min(a, b), max(a, b)), -sign if rng.random() < noise else sign)
    ids = [f"a{i:03d}" for i in range(actors)]
    nodes = pd.DataFrame({"id": ids, "label": [f"Actor {i}" for i in ids], "type": "state"})
    edges = pd.DataFrame(
        {
            "source": [ids[a] for a, _ in pairs],
            "target": [ids[b] for _, b in pairs],
            "type": ["cooperation" if s > 0 else "conflict" for s in pairs.values()],
        }
    )
    return graph.from_frames(nodes, edges, name="blocs")


def signed_arrays(ds: graph.Dataset) -> tuple[np.ndarray, ...]:
    """The signed pairs as positions and signs (the ``sum`` rule, as ``graph.balance``)."""
    scores = graph.pair_scores(ds)
    ties = scores[scores["sign"] != 0]
    ids = pd.Index(ds.nodes["id"])
    s = ids.get_indexer(ties["source"])
    t = ids.get_indexer(ties["target"])
    return np.asarray(ids, dtype=object), s, t, ties["sign"].to_numpy(dtype=np.int64)


def descend(side: list[int], neighbours: list[list[tuple[int, int]]]) -> list[int]:
    """Move the actor with the largest gain (frustrated minus unfrustrated ties) while > 0."""
    n = len(side)
    gains = [
        sum(1 if (side[v] != side[u]) == (x > 0) else -1 for u, x in neighbours[v])
        for v in range(n)
    ]
    while True:
        v = max(range(n), key=gains.__getitem__)
        if gains[v] <= 0:
            return side
        side[v] ^= 1
        gains[v] = -gains[v]
        for u, x in neighbours[v]:  # the tie v–u changed status: u's gain moves by 2
            gains[u] += 2 if (side[v] != side[u]) == (x > 0) else -2


def greedy(n: int, s: np.ndarray, t: np.ndarray, sign: np.ndarray, starts: int, seed: int) -> int:
    """Best frustration over ``starts`` greedy descents from random partitions."""
    rng = np.random.default_rng(seed)
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for a, b, x in zip(s.tolist(), t.tolist(), sign.tolist(), strict=True):
        neighbours[a].append((b, x))
        neighbours[b].append((a, x))
    best = len(s)
    for _ in range(starts):
        side = np.array(descend(rng.integers(0, 2, size=n).tolist(), neighbours))
        best = min(best, int(((side[s] != side[t]) == (sign > 0)).sum()))
    return best


def timed(func, repeat: int):
    seconds, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), min(seconds), max(seconds), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=200)
    parser.add_argument("--ties", type=int, default=1200)
    parser.add_argument("--noise", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--starts", type=int, default=20)
    args = parser.parse_args()

    ds = network(args.actors, args.ties, args.noise, args.seed)
    ids, s, t, sign = signed_arrays(ds)
    print(
        f"network: {len(ids)} actors, {len(s)} signed ties ({int((sign > 0).sum())} positive), "
        f"three blocs, {args.noise:.0%} noise, seed {args.seed}"
    )
    frustration_index(ids, s, t, sign, time_limit=10.0)  # warm-up: scipy's imports
    exact = timed(lambda: frustration_index(ids, s, t, sign, time_limit=10.0), args.repeat)
    base = timed(lambda: greedy(len(ids), s, t, sign, args.starts, args.seed), args.repeat)
    whole = timed(lambda: graph.balance(ds, null_samples=1000, seed=7), args.repeat)
    f = exact[3]
    print(
        f"exact frustration index: L = {f.index}, F = {f.normalized:.4f}, "
        f"optimal {f.optimal}, {exact[0]:.2f} s (median of {args.repeat}; "
        f"{exact[1]:.2f}-{exact[2]:.2f})"
    )
    print(
        f"greedy baseline ({args.starts} starts): L <= {base[3]}, {base[0]:.2f} s "
        f"({base[1]:.2f}-{base[2]:.2f})"
    )
    print(
        f"ratio exact / greedy: {exact[0] / base[0]:.2f}x the time, "
        f"greedy {base[3] - f.index} ties above the optimum"
    )
    print(f"graph.balance, all figures (1,000 shuffles): {whole[0]:.2f} s")
    if base[3] < f.index:
        sys.exit("greedy found fewer frustrated ties than the exact index: a bug")
    print(
        "target (exact <= 10 s, proved optimal): "
        + ("met" if f.optimal and exact[0] <= 10 else "MISSED")
    )


if __name__ == "__main__":
    main()
