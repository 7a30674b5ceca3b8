"""Signed blocs: the partition of the actors into k blocs that best fits generalized balance.

Doreian & Mrvar's (1996) relaxed structural balance: friends inside blocs, enemies between
them, with any number k of blocs (k = 2 is Cartwright & Harary's structural balance). A
partition C of the actors with a signed tie into k non-empty blocs is scored by

    P(C) = α·N + (1 − α)·P

with N the negative ties inside blocs and P the positive ties between blocs. Each signed pair
counts 1 (unit weights, as signnet's ``signed_blockmodel``), whatever its relations' weights:
the pair's sign comes from the pair-sign rule of :func:`~graph.analyze.balance`
(``sum``, ``any-negative``, ``majority``; pairs of sign 0 are left out). With k = 2 and
α = 0.5 the minimum is half the frustration index.

The search is Doreian & Mrvar's relocation algorithm: from a random partition, move one actor
to another bloc or swap two actors of different blocs, taking the move that lowers P(C) most,
until none does; from ``restarts`` seeded starts, the best partition is kept (the first found
among equals). It is a local search: the result is the best found, proved optimal only by
exhaustive search (the tests do so on small graphs). Blocs are numbered 1..k, largest first
(ties: the bloc with the earliest actor in dataset order).

>>> war = graph.load().filter(start="1994", end="1996")  # the civil war years
>>> result = signed_blocs(war, k=2)
>>> result.criterion, result.negative_inside, result.positive_between
(0.5, 0, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import UsageError
from .display import html_table
from .signed_balance import check_pair_sign, pair_signs
from .triads import pair_scores

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["SignedBlocs", "signed_blocs"]

#: Gains below −EPS count as improvements (the criterion is a sum of α and 1 − α terms).
EPS = 1e-9
#: Violation kinds, in the order they are listed.
KINDS = ("negative inside", "positive between")


@dataclass(frozen=True)
class SignedBlocs:
    """The best partition into k signed blocs found, as :func:`signed_blocs` returns it.

    Parameters
    ----------
    k : int
        Blocs asked for (fewer when fewer actors have a signed tie).
    alpha : float
        Weight of the negative ties inside blocs; 1 − α weighs the positive ties between.
    pair_sign : str
        The pair-sign rule.
    criterion : float
        P(C) = α·N + (1 − α)·P of the partition.
    negative_inside, positive_between : int
        N and P: negative ties inside blocs, positive ties between them.
    table : pandas.DataFrame
        One row per actor in dataset order: ``id``, ``label``, ``bloc`` (nullable int,
        1 = largest; ``<NA>`` without a signed tie).
    violations : pandas.DataFrame
        The N + P ties against the partition: ``source``, ``target``, ``sign``, ``kind``
        (``negative inside`` or ``positive between``), sorted by kind then pair.
    restarts, seed : int
        Random starts of the search and their seed.

    Examples
    --------
    >>> result = graph.signed_blocs(ds, k=3)
    >>> [(b["bloc"], b["size"]) for b in result.blocs()]
    [(1, 10), (2, 4), (3, 2)]
    >>> sorted(result.to_dict())  # doctest: +NORMALIZE_WHITESPACE
    ['alpha', 'blocs', 'criterion', 'k', 'negative_inside', 'pair_sign', 'positive_between',
     'restarts', 'seed', 'violations']
    """

    k: int
    alpha: float
    pair_sign: str
    criterion: float
    negative_inside: int
    positive_between: int
    table: pd.DataFrame
    violations: pd.DataFrame
    restarts: int
    seed: int

    def blocs(self) -> list[dict[str, Any]]:
        """``[{"bloc": 1, "size": n, "members": [ids]}, ...]`` largest first."""
        placed = self.table.dropna(subset=["bloc"])
        members = placed.groupby("bloc", sort=True)["id"].agg(list)
        return [
            {"bloc": int(b), "size": len(v), "members": [str(x) for x in v]}
            for b, v in zip(members.index.tolist(), members.tolist(), strict=True)
        ]

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "k": self.k,
            "alpha": self.alpha,
            "pair_sign": self.pair_sign,
            "criterion": self.criterion,
            "negative_inside": self.negative_inside,
            "positive_between": self.positive_between,
            "blocs": self.blocs(),
            "violations": self.violations.to_dict("records"),
            "restarts": self.restarts,
            "seed": self.seed,
        }

    def _repr_html_(self) -> str:
        rows: list[tuple[str, Any]] = [
            ("k, alpha", [self.k, self.alpha]),
            ("pair sign", self.pair_sign),
            ("criterion α·N + (1 − α)·P", self.criterion),
            (
                "N negative inside, P positive between",
                [self.negative_inside, self.positive_between],
            ),
            ("restarts, seed", [self.restarts, self.seed]),
        ]
        rows += [(f"bloc {b['bloc']} ({b['size']})", b["members"]) for b in self.blocs()]
        ties = [
            f"{a} – {b} ({'+' if s > 0 else '−'}, {kind})"
            for a, b, s, kind in self.violations.values.tolist()
        ]
        rows.append(("violations", ties))
        return html_table(rows, title="signed blocs")


def signed_blocs(
    dataset: Dataset,
    k: int = 2,
    *,
    alpha: float = 0.5,
    pair_sign: str = "sum",
    seed: int = 7,
    restarts: int = 50,
) -> SignedBlocs:
    """Partition the actors into k blocs, friends inside and enemies between (Doreian & Mrvar).

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    k : int, default 2
        Number of blocs; every bloc is non-empty (with fewer actors having a signed tie than
        k, each is its own bloc).
    alpha : float, default 0.5
        Weight of a negative tie inside a bloc, in [0, 1]; a positive tie between blocs
        weighs 1 − α.
    pair_sign : {"sum", "any-negative", "majority"}, default "sum"
        How a pair's relations give it one sign (as :func:`~graph.analyze.balance`).
    seed : int, default 7
        Seed of the random starts: the same seed gives the same partition.
    restarts : int, default 50
        Random starts of the local search; the best partition is kept.

    Returns
    -------
    SignedBlocs
        The criterion, N and P, each actor's bloc and the violating ties.

    Raises
    ------
    UsageError
        On k or restarts below 1, alpha outside [0, 1] or an unknown ``pair_sign``.

    See Also
    --------
    balance : The frustration index, the exact two-group optimum of the same ties.

    Examples
    --------
    In the civil war years, two blocs leave one tie of the unbalanced Iran–Tajikistan–UTO
    triangle violated:

    >>> result = graph.signed_blocs(ds.filter(start="1994", end="1996"), k=2)
    >>> result.violations[["source", "target", "sign", "kind"]]
      source target  sign              kind
    0   iran    uto     1  positive between
    >>> result.table.set_index("id").loc["russia", "bloc"] is pd.NA  # no signed tie
    True
    """
    _check(k, alpha, pair_sign, restarts)
    scores = pair_scores(dataset)
    signs = pair_signs(scores, pair_sign)
    tied = signs != 0
    ids = pd.Index(dataset.nodes["id"])
    s = ids.get_indexer(scores["source"][tied]).astype(np.int64)
    t = ids.get_indexer(scores["target"][tied]).astype(np.int64)
    sign = signs[tied]
    actors, ends = np.unique(np.concatenate([s, t]), return_inverse=True)
    n, m = len(actors), len(s)
    labels = np.zeros(0, dtype=np.int64)
    if n:
        weights = np.where(sign < 0, alpha, -(1.0 - alpha))
        costs = sparse.csr_matrix(
            (np.concatenate([weights, weights]), (ends, np.concatenate([ends[m:], ends[:m]]))),
            shape=(n, n),
        )
        labels = _best_partition(costs, min(k, n), restarts, np.random.default_rng(seed))
    inside = labels[ends[:m]] == labels[ends[m:]] if m else np.zeros(0, dtype=bool)
    bad_inside, bad_between = inside & (sign < 0), ~inside & (sign > 0)
    negative, positive = int(bad_inside.sum()), int(bad_between.sum())
    bad = bad_inside | bad_between
    violations = pd.DataFrame(
        {
            "source": ids[s[bad]].to_numpy(dtype=object),
            "target": ids[t[bad]].to_numpy(dtype=object),
            "sign": sign[bad].astype(np.int64),
            "kind": np.where(bad_inside[bad], KINDS[0], KINDS[1]).astype(object),
        }
    )
    violations = violations.sort_values(["kind", "source", "target"]).reset_index(drop=True)
    bloc = np.zeros(len(ids), dtype=np.int64)
    bloc[actors] = labels + 1
    nodes = dataset.nodes
    table = pd.DataFrame(
        {
            "id": nodes["id"].to_numpy(dtype=object),
            "label": nodes["label"].to_numpy(dtype=object),
            "bloc": pd.array(bloc, dtype="Int64"),
        }
    )
    table.loc[bloc == 0, "bloc"] = pd.NA
    return SignedBlocs(
        k=k,
        alpha=alpha,
        pair_sign=pair_sign,
        criterion=alpha * negative + (1.0 - alpha) * positive,
        negative_inside=negative,
        positive_between=positive,
        table=table,
        violations=violations,
        restarts=restarts,
        seed=seed,
    )


def _check(k: int, alpha: float, pair_sign: str, restarts: int) -> None:
    check_pair_sign(pair_sign)
    if k < 1:
        raise UsageError(f"{{k}} (the number of blocs) must be 1 or more, not {k}", params=("k",))
    if not 0.0 <= alpha <= 1.0:
        raise UsageError(f"{{alpha}} must be between 0 and 1, not {alpha}", params=("alpha",))
    if restarts < 1:
        raise UsageError(f"{{restarts}} must be 1 or more, not {restarts}", params=("restarts",))


def _best_partition(
    costs: sparse.csr_matrix, k: int, restarts: int, rng: np.random.Generator
) -> np.ndarray:
    """The best of ``restarts`` local searches from random partitions, numbered canonically.

    ``costs[i, j]`` is the cost of actors i and j sharing a bloc minus that of their being
    apart: α for a negative tie, −(1 − α) for a positive one (absent without a tie). The
    criterion is Σ_{i<j, same bloc} costs[i, j] + (1 − α)·(positive ties), so the search works
    on the first term alone.
    """
    n = costs.shape[0]
    upper = sparse.triu(costs, k=1).tocoo()
    best, best_cost = np.zeros(n, dtype=np.int64), np.inf
    for _ in range(restarts):
        labels = rng.integers(0, k, size=n)
        labels[rng.permutation(n)[:k]] = np.arange(k)  # no bloc starts empty
        labels = _descend(costs, labels, k)
        cost = float(upper.data[labels[upper.row] == labels[upper.col]].sum())
        if cost < best_cost - EPS:
            best, best_cost = labels, cost
    return _canonical(best, k)


def _descend(costs: sparse.csr_matrix, labels: np.ndarray, k: int) -> np.ndarray:
    """Relocation local search: the best single move or, when none improves, the best swap of
    two actors of different blocs, until neither lowers the criterion.

    ``pull[i, b]`` = Σ costs[i, j] over the actors j in bloc b: moving i from bloc a to b
    changes the criterion by pull[i, b] − pull[i, a]; swapping i (in a) and j (in b) by the two
    moves' changes minus 2·costs[i, j]. A move updates ``pull`` along the actor's ties. When
    no move improves, each move's change is ≥ 0 but for actors alone in their bloc (who may
    not move), so a swap can only improve across a negative tie (costs[i, j] > 0) or with an
    actor alone in a bloc: only those pairs are scored.
    """
    n = len(labels)
    rows = np.arange(n)
    ties = (costs.indptr, costs.indices, costs.data)
    ends = np.repeat(rows, np.diff(costs.indptr))  # the row of each stored entry
    pull = np.zeros((n, k))
    np.add.at(pull, (ends, labels[costs.indices]), costs.data)
    sizes = np.bincount(labels, minlength=k)
    negative = costs.data > 0
    neg_i, neg_j, neg_cost = ends[negative], costs.indices[negative], costs.data[negative]
    while True:
        gain = pull - pull[rows, labels][:, None]
        moves = gain.copy()
        moves[rows, labels] = np.inf
        moves[sizes[labels] == 1] = np.inf  # a bloc may not be emptied
        i, b = divmod(int(np.argmin(moves)), k)
        if moves[i, b] < -EPS:
            _move(ties, pull, labels, sizes, i, b)
            continue
        apart = labels[neg_i] != labels[neg_j]
        first, second, cost = [neg_i[apart]], [neg_j[apart]], [neg_cost[apart]]
        for alone in np.flatnonzero(sizes[labels] == 1):
            others = np.flatnonzero(labels != labels[alone])
            first.append(np.full(len(others), alone))
            second.append(others)
            cost.append(costs[alone].toarray().ravel()[others])
        si, sj, tie = np.concatenate(first), np.concatenate(second), np.concatenate(cost)
        if not len(si):
            return labels
        swaps = gain[si, labels[sj]] + gain[sj, labels[si]] - 2 * tie
        best = int(np.argmin(swaps))
        if swaps[best] >= -EPS:
            return labels
        i, j = int(si[best]), int(sj[best])
        a, b = labels[i], labels[j]
        _move(ties, pull, labels, sizes, i, b)
        _move(ties, pull, labels, sizes, j, a)


def _move(
    ties: tuple[np.ndarray, np.ndarray, np.ndarray],
    pull: np.ndarray,
    labels: np.ndarray,
    sizes: np.ndarray,
    i: int,
    b: int,
) -> None:
    """Move actor i to bloc b; ``ties`` is the CSR cost matrix's (indptr, indices, data)."""
    indptr, indices, data = ties
    a = labels[i]
    neighbours, weights = indices[indptr[i] : indptr[i + 1]], data[indptr[i] : indptr[i + 1]]
    pull[neighbours, a] -= weights
    pull[neighbours, b] += weights
    sizes[a] -= 1
    sizes[b] += 1
    labels[i] = b


def _canonical(labels: np.ndarray, k: int) -> np.ndarray:
    """Blocs renumbered 0..k−1 by size, largest first, then by their earliest actor."""
    sizes = np.bincount(labels, minlength=k)
    first = np.full(k, len(labels))
    np.minimum.at(first, labels, np.arange(len(labels)))
    order = np.lexsort((first, -sizes))
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(k)
    return rank[labels]
