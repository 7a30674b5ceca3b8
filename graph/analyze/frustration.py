"""The exact frustration index of a signed graph, as a mixed-integer program (HiGHS).

The frustration index L is the fewest signed ties whose removal (or sign flip) leaves a
balanced graph: one whose actors split into two groups with every positive tie inside a
group and every negative tie between them. It is NP-hard; :func:`frustration_index` solves it
exactly with ``scipy.optimize.milp`` (HiGHS), per connected component (L is their sum):

- **Model** (Aref, Mason & Wilson 2020, the "XOR" model): a binary x_i per actor (its group),
  a variable f_ij per tie (1 when frustrated) with f_ij ≥ x_i − x_j and f_ij ≥ x_j − x_i for a
  positive tie, f_ij ≥ x_i + x_j − 1 and f_ij ≥ 1 − x_i − x_j for a negative one; minimise
  Σ f_ij. The component's first actor has x = 0 (it is in the first group), which breaks the
  symmetry of swapping the groups.
- **Cuts**: the linear relaxation of that model is weak (x = ½ everywhere gives 0), so before
  branching the relaxation over the f alone is tightened with cycle inequalities: along any
  cycle, the number of frustrated ties has the parity of its number of negative ties, so
  Σ_{F} (1 − f) + Σ_{C∖F} f ≥ 1 for every cycle C and every F ⊆ C of the other parity.
  Violated ones are found by shortest paths in a doubled graph (Barahona & Mahjoub 1986) and
  added, each relaxation solved by HiGHS' interior point method, until none is left, a
  partition meets the bound, or the bound stops improving (:mod:`graph.analyze._cuts`). They
  are valid inequalities: they change how fast the optimum is found, never which value it has.
- **Time limit**: every component shares one deadline. When it is reached the best partition
  found so far is returned (HiGHS' incumbent or a greedy local search from a spanning tree,
  whichever is better) with ``optimal=False`` and the best lower bound proved.

>>> import numpy as np
>>> ids = np.array(["a", "b", "c"], dtype=object)
>>> result = frustration_index(ids, np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([1, 1, -1]))
>>> result.index, result.optimal
(1, True)
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import UsageError
from ._cuts import TOL, cut_matrix, cycle_cuts, frustrated, local_search, spanning_tree_sides
from .components import weak_components

__all__ = ["Frustration", "check_time_limit", "frustration_index"]


@dataclass(frozen=True)
class Frustration:
    """The frustration index, the two groups it implies and the frustrated ties.

    Made by :func:`frustration_index` (and part of :class:`~graph.analyze.SignedBalance`).

    Parameters
    ----------
    index : int
        L: frustrated ties of the best partition found (the fewest, when ``optimal``).
    normalized : float or None
        F = 1 − 2L/m over the m signed ties (1: balanced); None without signed ties.
    groups : tuple of two lists of str
        The actor ids of each group, sorted; each component's first actor (in dataset order) is
        in the first group. Actors without a signed tie are in neither.
    frustrated : pandas.DataFrame
        ``source``, ``target`` (ids) and ``sign`` of each frustrated tie (a positive tie
        between the groups, a negative one inside a group), sorted by source then target.
    optimal : bool
        Whether ``index`` is proved the fewest within the time limit.
    bound : int or None
        When not optimal, the best lower bound proved for L; None when optimal.

    Examples
    --------
    >>> result = graph.balance(ds.filter(start="1994", end="1996")).frustration
    >>> result.index, result.optimal, result.bound
    (1, True, None)
    """

    index: int
    normalized: float | None
    groups: tuple[list[str], list[str]]
    frustrated: pd.DataFrame
    optimal: bool
    bound: int | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "index": self.index,
            "normalized": self.normalized,
            "groups": [list(self.groups[0]), list(self.groups[1])],
            "frustrated": self.frustrated.to_dict("records"),
            "optimal": self.optimal,
            "bound": self.bound,
        }


def frustration_index(
    ids: np.ndarray,
    source: np.ndarray,
    target: np.ndarray,
    sign: np.ndarray,
    *,
    time_limit: float = 10.0,
) -> Frustration:
    """The exact frustration index of a signed graph given as arrays.

    Parameters
    ----------
    ids : numpy.ndarray
        Actor ids; ``source`` and ``target`` are positions into it.
    source, target : numpy.ndarray
        The ends of each signed tie (one per pair, no self-loops).
    sign : numpy.ndarray
        +1 or −1 per tie.
    time_limit : float, default 10.0
        Seconds for the whole computation (all components); when reached, the best partition
        found is returned with ``optimal=False`` and the lower bound proved.

    Returns
    -------
    Frustration
        L, F, the groups, the frustrated ties, whether optimal and the bound.

    Raises
    ------
    UsageError
        If ``time_limit`` is not positive.

    See Also
    --------
    graph.balance : Frustration with the triangle census, a null model and walk balance.

    Examples
    --------
    A triangle with two positive ties and a negative one cannot be balanced without one change:

    >>> import numpy as np
    >>> ids = np.array(["a", "b", "c"], dtype=object)
    >>> s, t = np.array([0, 0, 1]), np.array([1, 2, 2])
    >>> result = frustration_index(ids, s, t, np.array([1, 1, -1]))
    >>> result.index, result.normalized, len(result.frustrated)
    (1, 0.33333333333333337, 1)
    >>> frustration_index(ids, s, t, np.array([1, -1, -1])).index
    0
    """
    check_time_limit(time_limit)
    deadline = time.perf_counter() + float(time_limit)
    s = np.asarray(source, dtype=np.int64)
    t = np.asarray(target, dtype=np.int64)
    negative = (np.asarray(sign) < 0).astype(np.int8)
    n, m = len(ids), len(s)
    side = np.zeros(n, dtype=np.int8)
    in_tie = np.zeros(n, dtype=bool)
    in_tie[s], in_tie[t] = True, True
    labels = weak_components(n, s, t)
    edge_label = labels[s]
    optimal, bound = True, 0
    for label in np.unique(edge_label):
        nodes = np.flatnonzero(labels == label)  # sorted: the first actor is nodes[0]
        edges = np.flatnonzero(edge_label == label)
        local = np.full(n, -1, dtype=np.int64)
        local[nodes] = np.arange(len(nodes))
        x, proved, low = _component(
            len(nodes), local[s[edges]], local[t[edges]], negative[edges], deadline
        )
        side[nodes] = x
        optimal &= proved
        bound += low
    bad = frustrated(side, s, t, negative).nonzero()[0]
    index = len(bad)
    names = np.asarray(ids, dtype=object)
    table = pd.DataFrame(
        {
            "source": names[s[bad]],
            "target": names[t[bad]],
            "sign": np.where(negative[bad] == 1, -1, 1).astype(np.int64),
        }
    )
    table = table.sort_values(["source", "target"], kind="stable").reset_index(drop=True)
    groups = (
        sorted(names[in_tie & (side == 0)].tolist()),
        sorted(names[in_tie & (side == 1)].tolist()),
    )
    return Frustration(
        index=index,
        normalized=1 - 2 * index / m if m else None,
        groups=groups,
        frustrated=table,
        optimal=bool(optimal),
        bound=None if optimal else min(bound, index),
    )


def check_time_limit(time_limit: float) -> None:
    """Raise a :class:`~graph.errors.UsageError` unless ``time_limit`` is a positive number.

    >>> check_time_limit(0.5)
    >>> check_time_limit(0)
    Traceback (most recent call last):
    graph.errors.UsageError: time_limit must be a positive number of seconds, not 0
    """
    if not time_limit > 0:
        raise UsageError(
            f"{{time_limit}} must be a positive number of seconds, not {time_limit}",
            params=("time_limit",),
        )


def _component(
    n: int, s: np.ndarray, t: np.ndarray, negative: np.ndarray, deadline: float
) -> tuple[np.ndarray, bool, int]:
    """One connected component: its groups (node 0 in group 0), whether proved optimal, and
    the lower bound proved for its frustration."""
    x = spanning_tree_sides(n, s, t, negative)
    if not frustrated(x, s, t, negative).any():
        return x, True, 0  # balanced (every tree is): nothing to solve
    x = local_search(x, s, t, negative)
    best = int(frustrated(x, s, t, negative).sum())
    cuts, lower, x, best = cycle_cuts(n, s, t, negative, deadline, x, best)
    low = math.ceil(lower - TOL)
    if best <= low:
        return x, True, best  # a partition meets the bound
    remaining = deadline - time.perf_counter()
    if remaining <= 0:
        return x, False, low
    solved, y, proved, milp_low = _solve_milp(n, s, t, negative, cuts, remaining)
    if solved and int(frustrated(y, s, t, negative).sum()) <= best:
        x = y
        best = int(frustrated(x, s, t, negative).sum())
    if proved:
        return x, True, best
    return x, False, max(low, milp_low)


def _solve_milp(
    n: int,
    s: np.ndarray,
    t: np.ndarray,
    negative: np.ndarray,
    cuts: list[list[tuple[int, int]]],
    time_limit: float,
) -> tuple[bool, np.ndarray, bool, int]:
    """The XOR model with the cycle cuts: (found a solution, its sides, optimal, lower bound)."""
    import scipy.sparse as sp
    from scipy.optimize import Bounds, LinearConstraint, milp

    m = len(s)
    tie = np.arange(m)
    pos = np.where(negative == 1, -1.0, 1.0)  # coefficient of x_j: +1 positive, −1 negative
    # row A: f − x_i + (±x_j) ≥ 0 / −1;  row B: f + x_i − (±x_j) ≥ 0 / 1
    rows = np.concatenate([tie, tie, tie, m + tie, m + tie, m + tie])
    cols = np.concatenate([n + tie, s, t, n + tie, s, t])
    vals = np.concatenate([np.ones(m), -np.ones(m), pos, np.ones(m), np.ones(m), -pos])
    lower = np.concatenate([-negative.astype(float), negative.astype(float)])
    model = sp.csr_array((vals, (rows, cols)), shape=(2 * m, n + m))
    constraints = [LinearConstraint(model, lower, np.inf)]
    if cuts:
        matrix, rhs = cut_matrix(cuts, m, n)
        constraints.append(LinearConstraint(matrix, rhs, np.inf))
    upper = np.ones(n + m)
    upper[0] = 0  # the component's first actor is in group 0
    result = milp(
        np.concatenate([np.zeros(n), np.ones(m)]),
        constraints=constraints,
        integrality=np.ones(n + m),
        bounds=Bounds(0, upper),
        options={"time_limit": max(time_limit, 1e-3)},
    )
    dual = getattr(result, "mip_dual_bound", None)
    low = math.ceil(dual - TOL) if dual is not None and np.isfinite(dual) else 0
    if result.x is None:
        return False, np.zeros(n, dtype=np.int8), False, low
    x = (np.asarray(result.x[:n]) > 0.5).astype(np.int8)
    return True, x, result.status == 0, low
