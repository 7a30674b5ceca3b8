"""Signed analysis: who cooperates and who is hostile, and whether triads are balanced.

- :func:`pair_scores`: the cooperation–conflict score of every pair of distinct actors, the
  sum of the signed weights (weight × sign) of all their relations, whatever the direction.
- :func:`triad_balance`: structural balance (Heider). Each pair with a non-zero score is a
  signed tie (its score's sign); a triangle of three signed ties is *balanced* when the
  product of the signs is positive ("the friend of my friend is my friend", "the enemy of my
  enemy is my friend") and *unbalanced* otherwise. Pairs with a zero score (neutral or
  cancelling relations) are not ties here.

>>> from graph import load
>>> scores = pair_scores(load())
>>> set(scores["sign"].unique()) <= {-1, 0, 1}
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..dataset.build import aggregate_table
from .display import html_table

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["TriadBalance", "pair_scores", "tie_triangles", "triad_balance"]


def pair_scores(dataset: Dataset) -> pd.DataFrame:
    """The cooperation–conflict score of each pair of distinct actors with a relation.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.

    Returns
    -------
    pandas.DataFrame
        ``source``, ``target`` (the pair, in dataset node order), ``relations``,
        ``cooperative``, ``conflictual`` (counts), ``score`` (sum of weight × sign),
        ``sign`` (of the score), ``first``, ``last`` (dates); most hostile first, then by
        pair.

    See Also
    --------
    triad_balance : Whether the signed pairs form balanced triangles.

    Examples
    --------
    >>> scores = graph.pair_scores(ds)
    >>> scores[["source", "target", "relations", "score"]].head(2)
           source      target  relations  score
    0        iran        unsc          1   -1.0
    1  tajikistan  kyrgyzstan          1   -1.0
    >>> pair = scores[(scores["source"] == "iran") & (scores["target"] == "tajikistan")]
    >>> pair[["relations", "cooperative", "conflictual", "score"]].to_dict("records")
    [{'relations': 20, 'cooperative': 16, 'conflictual': 3, 'score': 10.5}]
    """
    table = aggregate_table(dataset)
    table = table[table["source"] != table["target"]]
    out = pd.DataFrame(
        {
            "source": table["source"].to_numpy(dtype=object),
            "target": table["target"].to_numpy(dtype=object),
            "relations": table["count"].to_numpy(dtype=np.int64),
            "cooperative": table["positive"].to_numpy(dtype=np.int64),
            "conflictual": table["negative"].to_numpy(dtype=np.int64),
            "score": table["signed_weight"].to_numpy(dtype=float),
            "sign": table["sign"].to_numpy(dtype=np.int8),
            "first": table["first"].to_numpy(),
            "last": table["last"].to_numpy(),
        }
    )
    # aggregate_table is sorted by pair; a stable sort keeps that order among equal scores
    return out.sort_values("score", kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class TriadBalance:
    """Counts of balanced and unbalanced signed triangles, and the unbalanced ones.

    Made by :func:`triad_balance`; ``triads`` (all signed triangles) and ``ratio`` (the
    balanced share) are derived from the counts.

    Parameters
    ----------
    balanced, unbalanced : int
        Triangles whose sign product is positive / negative.
    unbalanced_triads : pandas.DataFrame
        ``a``, ``b``, ``c`` (ids, in dataset order) and the signs ``ab``, ``bc``, ``ac``.

    Examples
    --------
    >>> result = graph.triad_balance(ds.filter(start="1994", end="1996"))
    >>> result.triads, result.balanced, result.unbalanced
    (1, 0, 1)
    >>> result.to_dict()["unbalanced_triads"]
    [{'a': 'iran', 'b': 'tajikistan', 'c': 'uto', 'ab': 1, 'bc': -1, 'ac': 1}]
    """

    balanced: int
    unbalanced: int
    unbalanced_triads: pd.DataFrame

    @property
    def triads(self) -> int:
        """All signed triangles."""
        return self.balanced + self.unbalanced

    @property
    def ratio(self) -> float | None:
        """Share of balanced triangles (None without any)."""
        return self.balanced / self.triads if self.triads else None

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "triads": self.triads,
            "balanced": self.balanced,
            "unbalanced": self.unbalanced,
            "ratio": self.ratio,
            "unbalanced_triads": self.unbalanced_triads.to_dict("records"),
        }

    def _repr_html_(self) -> str:
        shown = self.unbalanced_triads.head(10)
        triads = [f"{a} – {b} – {c}" for a, b, c in shown[["a", "b", "c"]].itertuples(index=False)]
        if len(self.unbalanced_triads) > len(shown):
            triads.append(f"… {len(self.unbalanced_triads) - len(shown)} more")
        ratio = None if self.ratio is None else f"{self.ratio:.1%}"
        rows = [
            ("signed triangles", self.triads),
            ("balanced", self.balanced),
            ("unbalanced", self.unbalanced),
            ("balanced share", ratio),
            ("unbalanced triangles", triads),
        ]
        return html_table(rows, title="structural balance")


def tie_triangles(n: int, s: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Every triangle of the ties ``s[i]``–``t[i]`` (distinct, undirected) as the indices of its
    three ties (k × 3), sorted.

    Ties are oriented from the lower to the higher (degree, position) rank, and each tie u → v
    meets the common later neighbours of u and v, so a triangle is found once, in O(m^1.5).
    """
    degree = np.bincount(s, minlength=n) + np.bincount(t, minlength=n)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), degree))] = np.arange(n)
    low = np.where(rank[s] < rank[t], s, t).tolist()
    high = np.where(rank[s] < rank[t], t, s).tolist()
    later: dict[int, dict[int, int]] = {}
    for tie, (u, v) in enumerate(zip(low, high, strict=True)):
        later.setdefault(u, {})[v] = tie
    found: list[tuple[int, int, int]] = []  # one Python step per tie: sets do the rest
    for tie, (u, v) in enumerate(zip(low, high, strict=True)):
        after_v = later.get(v)
        if after_v:
            after_u = later[u]
            found.extend((tie, after_u[w], after_v[w]) for w in after_u.keys() & after_v.keys())
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 3)


def triad_balance(dataset: Dataset) -> TriadBalance:
    """Count balanced and unbalanced triangles of signed ties and list the unbalanced ones.

    A pair of actors is a signed tie when its score (see :func:`pair_scores`) is not zero.
    A triangle of three ties is balanced when the product of their signs is positive.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.

    Returns
    -------
    TriadBalance
        The counts and the unbalanced triangles.

    See Also
    --------
    pair_scores : The signed score of each pair.

    Examples
    --------
    In the bundled dataset's civil war years Iran mediates with both Tajikistan and the United
    Tajik Opposition, which are at war with each other:

    >>> war = ds.filter(start="1994", end="1996")
    >>> graph.triad_balance(war).unbalanced_triads[["a", "b", "c"]].values.tolist()
    [['iran', 'tajikistan', 'uto']]

    The same pattern in three made-up actors: ``a`` cooperates with ``b`` and ``c``, which
    are in conflict with each other:

    >>> import pandas as pd
    >>> from graph import from_frames
    >>> nodes = pd.DataFrame({"id": list("abc"), "label": list("ABC"), "type": ["state"] * 3})
    >>> edges = pd.DataFrame({"source": list("aab"), "target": list("bcc"),
    ...                       "type": ["cooperation", "cooperation", "conflict"]})
    >>> result = triad_balance(from_frames(nodes, edges))
    >>> result.balanced, result.unbalanced
    (0, 1)
    """
    ids = pd.Index(dataset.nodes["id"])
    scores = pair_scores(dataset)
    ties = scores[scores["sign"] != 0]
    s = ids.get_indexer(ties["source"])
    t = ids.get_indexer(ties["target"])
    lo, hi = np.minimum(s, t), np.maximum(s, t)
    signs = ties["sign"].to_numpy(dtype=np.int64)
    tri = tie_triangles(len(ids), s, t)
    ends_lo, ends_hi = lo[tri], hi[tri]  # k × 3: each tie's lower and higher actor
    a, c = ends_lo.min(axis=1), ends_hi.max(axis=1)
    b = (ends_lo.sum(axis=1) + ends_hi.sum(axis=1)) // 2 - a - c  # each actor ends two ties

    def sign_of(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        which = (ends_lo == x[:, None]) & (ends_hi == y[:, None])
        return signs[tri[np.arange(len(tri)), which.argmax(axis=1)]]

    ab, bc, ac = sign_of(a, b), sign_of(b, c), sign_of(a, c)
    odd = ab * bc * ac < 0
    order = np.lexsort((c, b, a))
    order = order[odd[order]]
    rows = np.c_[a, b, c, ab, bc, ac][order]
    balanced = int((~odd).sum())
    found = rows.reshape(-1, 6)
    names = np.asarray(ids, dtype=object)
    unbalanced = pd.DataFrame(
        {
            "a": names[found[:, 0]],
            "b": names[found[:, 1]],
            "c": names[found[:, 2]],
            "ab": found[:, 3],
            "bc": found[:, 4],
            "ac": found[:, 5],
        }
    )
    return TriadBalance(balanced, len(rows), unbalanced)
