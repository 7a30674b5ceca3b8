"""Helpers of the exact frustration index (:mod:`graph.analyze.frustration`): partitions found
by heuristics, and the cycle inequalities that tighten the linear relaxation.

A partition is an int8 array of sides (0 or 1) per node; ties are given by their ends ``s``,
``t`` and ``negative`` (1 for a negative tie). A tie is frustrated when it is positive between
the sides or negative inside one.

>>> import numpy as np
>>> s, t, negative = np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([0, 0, 1], np.int8)
>>> x = spanning_tree_sides(3, s, t, negative)
>>> x.tolist(), int(frustrated(x, s, t, negative).sum())
([0, 0, 0], 1)
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np

__all__ = [
    "MAX_ROUNDS",
    "TOL",
    "cut_matrix",
    "cycle_cuts",
    "frustrated",
    "local_search",
    "spanning_tree_sides",
]

#: Rounds of cycle-inequality separation at most, per component.
MAX_ROUNDS = 60
#: Source actors searched for violated cycles per shortest-path call (the deadline is checked
#: between calls).
SOURCES_PER_CALL = 64
#: Slack below which an inequality counts as violated, and a bound is rounded up.
TOL = 1e-6


def frustrated(x: np.ndarray, s: np.ndarray, t: np.ndarray, negative: np.ndarray) -> np.ndarray:
    """Whether each tie is frustrated by the sides ``x``."""
    return (x[s] != x[t]) ^ negative.astype(bool)


def _incidence(n: int, s: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each node's incident ties: CSR offsets and tie indices."""
    ends = np.concatenate([s, t])
    order = np.argsort(ends, kind="stable")
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(ends, minlength=n), out=offsets[1:])
    return offsets, (order % len(s)).astype(np.int64)


def spanning_tree_sides(n: int, s: np.ndarray, t: np.ndarray, negative: np.ndarray) -> np.ndarray:
    """Sides that leave every tie of a breadth-first spanning tree unfrustrated (node 0: 0)."""
    offsets, incident = _incidence(n, s, t)
    x = np.zeros(n, dtype=np.int8)
    seen = np.zeros(n, dtype=bool)
    seen[0] = True
    queue = [0]
    for u in queue:
        for e in incident[offsets[u] : offsets[u + 1]].tolist():
            v = int(t[e]) if s[e] == u else int(s[e])
            if not seen[v]:
                seen[v] = True
                x[v] = x[u] ^ negative[e]
                queue.append(v)
    return x


def local_search(x: np.ndarray, s: np.ndarray, t: np.ndarray, negative: np.ndarray) -> np.ndarray:
    """Move one actor at a time to the other group while that frustrates fewer ties.

    The gain of a node is its frustrated ties minus its unfrustrated ones; node 0 stays.
    """
    n = len(x)
    x = x.copy()
    offsets, incident = _incidence(n, s, t)
    bad = frustrated(x, s, t, negative)
    score = 2 * bad.astype(np.int64) - 1
    gain = np.bincount(s, score, minlength=n) + np.bincount(t, score, minlength=n)
    gain[0] = -(1 << 40)  # node 0 keeps group 0
    for _ in range(10 * n + 10):
        v = int(np.argmax(gain))
        if gain[v] <= 0:
            break
        x[v] ^= 1
        gain[v] = -gain[v]
        for e in incident[offsets[v] : offsets[v + 1]].tolist():
            bad[e] = not bad[e]
            u = int(t[e]) if s[e] == v else int(s[e])
            if u:
                gain[u] += 2 if bad[e] else -2
    return x


def cycle_cuts(
    n: int,
    s: np.ndarray,
    t: np.ndarray,
    negative: np.ndarray,
    deadline: float,
    x: np.ndarray,
    best: int,
) -> tuple[list[list[tuple[int, int]]], float, np.ndarray, int]:
    """Cycle inequalities violated by successive relaxations, the last relaxation's value (a
    lower bound on the frustration), and the best sides found (``x``, frustrating ``best``
    ties, improved by rounding each relaxation). A cut is a list of (tie, 1 if in F else 0).

    Stops when no inequality is violated, when a partition meets the bound, when the bound
    stalls, or at the deadline.
    """
    from scipy.optimize import linprog

    m = len(s)
    arcs = _doubled_graph(n, s, t, negative)
    f = np.zeros(m)
    cuts: list[list[tuple[int, int]]] = []
    seen: set[frozenset[tuple[int, int]]] = set()
    lower, stalled = 0.0, 0
    for _ in range(MAX_ROUNDS):
        found = _violated_cycles(n, arcs, f, seen, deadline)
        remaining = deadline - time.perf_counter()
        if not found or remaining <= 0:
            break
        cuts.extend(found)
        matrix, rhs = cut_matrix(cuts, m, 0)
        # interior point: many times faster than simplex on these degenerate relaxations
        relaxed = linprog(
            np.ones(m),
            A_ub=-matrix,
            b_ub=-rhs,
            bounds=(0, 1),
            method="highs-ipm",
            options={"time_limit": remaining},
        )
        if relaxed.status != 0 or relaxed.x is None:
            break
        f = np.clip(relaxed.x, 0.0, 1.0)
        stalled = stalled + 1 if relaxed.fun < lower + 0.5 else 0
        lower = max(lower, float(relaxed.fun))
        # rounding: sides that agree with the rounded f on a spanning tree, then improved
        y = spanning_tree_sides(n, s, t, negative ^ (f > 0.5).astype(np.int8))
        y = local_search(y, s, t, negative)
        count = int(frustrated(y, s, t, negative).sum())
        if count < best:
            x, best = y, count
        if best <= math.ceil(lower - TOL) or stalled >= 8:
            break  # proved, or tail-off: the rest is left to branch and bound
    return cuts, lower, x, best


def _doubled_graph(
    n: int, s: np.ndarray, t: np.ndarray, negative: np.ndarray
) -> dict[str, np.ndarray]:
    """Arcs of the doubled graph: node (v, parity) is ``v + parity * n``.

    A tie taken "in F" costs 1 − f and flips the parity when it is positive; "not in F" costs f
    and flips it when it is negative. A path from (v, 0) to (v, 1) shorter than 1 is a closed
    walk whose cycle inequality is violated.
    """
    m = len(s)
    negative = negative.astype(np.int64)
    parts: dict[str, list[np.ndarray]] = {"tail": [], "head": [], "tie": [], "in_f": []}
    for in_f in (0, 1):
        flip = (negative + in_f) % 2
        for parity in (0, 1):
            tail_s, head_t = s + parity * n, t + ((parity + flip) % 2) * n
            tail_t, head_s = t + parity * n, s + ((parity + flip) % 2) * n
            parts["tail"] += [tail_s, tail_t]
            parts["head"] += [head_t, head_s]
            parts["tie"] += [np.arange(m), np.arange(m)]
            parts["in_f"] += [np.full(m, in_f), np.full(m, in_f)]
    arcs = {k: np.concatenate(v).astype(np.int64) for k, v in parts.items()}
    # one arc per (tail, head): a tie's two options always lead to different parities
    key = arcs["tail"] * (2 * n) + arcs["head"]
    arcs["lookup"] = np.argsort(key, kind="stable")
    arcs["key"] = key[arcs["lookup"]]
    return arcs


def _violated_cycles(
    n: int,
    arcs: dict[str, np.ndarray],
    f: np.ndarray,
    seen: set[frozenset[tuple[int, int]]],
    deadline: float,
) -> list[list[tuple[int, int]]]:
    """New violated cycle inequalities at the point ``f`` (one per source actor at most)."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import dijkstra

    cost = np.where(arcs["in_f"] == 1, 1.0 - f[arcs["tie"]], f[arcs["tie"]])
    cost = np.maximum(cost, 1e-12)  # a zero would read as "no arc"
    graph = sp.csr_array((cost, (arcs["tail"], arcs["head"])), shape=(2 * n, 2 * n))
    found: list[list[tuple[int, int]]] = []
    for start in range(0, n, SOURCES_PER_CALL):
        if time.perf_counter() > deadline:
            break
        sources = np.arange(start, min(start + SOURCES_PER_CALL, n))
        dist, pred = dijkstra(graph, indices=sources, return_predecessors=True, limit=1.0 - TOL)
        for row, v in enumerate(sources.tolist()):
            if not dist[row, v + n] < 1.0 - TOL:
                continue
            walk: list[tuple[int, int]] = []
            node = v + n
            while node != v:
                before = int(pred[row, node])
                at = np.searchsorted(arcs["key"], before * (2 * n) + node)
                arc = arcs["lookup"][at]
                walk.append((int(arcs["tie"][arc]), int(arcs["in_f"][arc])))
                node = before
            ties = [tie for tie, _ in walk]
            key = frozenset(walk)
            if len(set(ties)) != len(ties) or key in seen:
                continue  # a tie used twice gives no valid inequality
            seen.add(key)
            found.append(walk)
    return found


def cut_matrix(cuts: list[list[tuple[int, int]]], m: int, offset: int) -> tuple[Any, np.ndarray]:
    """Rows ``Σ_{C∖F} f − Σ_F f ≥ 1 − |F|`` over columns ``offset + tie``."""
    import scipy.sparse as sp

    rows = [r for r, cut in enumerate(cuts) for _ in cut]
    cols = [offset + tie for cut in cuts for tie, _ in cut]
    vals = [-1.0 if in_f else 1.0 for cut in cuts for _, in_f in cut]
    rhs = np.array([1.0 - sum(in_f for _, in_f in cut) for cut in cuts])
    return sp.csr_array((vals, (rows, cols)), shape=(len(cuts), offset + m)), rhs
