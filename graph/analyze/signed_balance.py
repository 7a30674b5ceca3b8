"""Structural balance measured four ways on the signed pairs: triangles, a null model, walks and
the frustration index.

A pair of actors gets one sign from all its relations (the pair-sign rule, :data:`PAIR_SIGNS`):

- ``sum`` (default): the sign of Σ weight × sign, the pair's score (:func:`pair_scores`);
- ``any-negative``: negative as soon as one relation is conflictual, else the sign of the score;
- ``majority``: the sign of (cooperative − conflictual relations), weights left aside.

A pair whose sign is 0 (neutral relations, or a tie under the rule) is left out. The signed
pairs form an undirected signed graph, on which :func:`balance` measures:

- the **triangle census** (+++, ++−, +−−, −−−) and the balanced share (+++ and +−−: "the friend
  of my friend", "the enemy of my enemy"; Cartwright & Harary 1956);
- a **null model**: the same share after shuffling the signs over the same ties (seeded), its
  mean, standard deviation and the observed share's z-score;
- **walk balance** (Estrada 2019, as signnet's ``balance_score(method="walk")``):
  K = tr exp(A) / tr exp(|A|) over the actors with a signed tie, A the signed adjacency
  matrix; 1 when every closed walk is balanced;
- the **frustration index** (Aref & Wilson 2019): the fewest ties whose sign flip or removal
  makes the graph balanced, exact, with the two groups it implies
  (:mod:`graph.analyze.frustration`).

>>> war = graph.load().filter(start="1994", end="1996")  # the civil war years
>>> result = balance(war, null_samples=0)
>>> result.triangles
{'+++': 0, '++-': 1, '+--': 0, '---': 0}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import UsageError
from .display import html_table
from .frustration import Frustration, check_time_limit, frustration_index
from .triads import pair_scores, tie_triangles

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "PAIR_SIGNS",
    "NullModel",
    "SignedBalance",
    "balance",
    "check_pair_sign",
    "pair_signs",
]

#: The rules that give a pair of actors one sign from its relations; the first is the default.
PAIR_SIGNS = ("sum", "any-negative", "majority")
#: Triangle kinds by their number of positive ties (3, 2, 1, 0).
KINDS = ("+++", "++-", "+--", "---")
#: Null-model cells (samples × ties and triangles) worked on at once.
_CHUNK = 2_000_000


@dataclass(frozen=True)
class NullModel:
    """The balanced share when the signs are shuffled over the same ties.

    Parameters
    ----------
    mean, sd : float or None
        Mean and standard deviation (n − 1) of the shuffled shares; None without triangles or
        samples.
    z : float or None
        (observed − mean) / sd; None when sd is 0 or undefined.

    Examples
    --------
    >>> NullModel(mean=0.5, sd=0.1, z=2.0).to_dict()
    {'mean': 0.5, 'sd': 0.1, 'z': 2.0}
    """

    mean: float | None
    sd: float | None
    z: float | None

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {"mean": self.mean, "sd": self.sd, "z": self.z}


@dataclass(frozen=True)
class SignedBalance:
    """Balance of the signed pairs: triangles, null model, walks and frustration.

    Made by :func:`balance`; ``to_dict()`` gives the JSON of ``graph balance --json``.

    Parameters
    ----------
    triangles : dict of str to int
        Triangles of signed ties by kind: ``+++``, ``++-``, ``+--``, ``---``.
    balanced_share : float or None
        Share of balanced triangles (``+++`` and ``+--``); None without triangles.
    null : NullModel
        The balanced share under sign shuffles.
    walk_balance : float or None
        Estrada's walk balance tr exp(A) / tr exp(|A|); None without signed ties.
    frustration : Frustration
        The frustration index, the two groups and the frustrated ties.
    pairs : int
        Signed pairs (ties) used.
    pair_sign : str
        The pair-sign rule.
    ambivalent : pandas.DataFrame
        Pairs with both cooperative and conflictual relations: ``source``, ``target``,
        ``cooperative``, ``conflictual`` (counts) and the ``sign`` the rule gave them.

    Examples
    --------
    >>> result = graph.balance(ds.filter(start="1994", end="1996"), null_samples=0)
    >>> result.pairs, result.balanced_share, result.frustration.index
    (4, 0.0, 1)
    >>> sorted(result.to_dict())  # doctest: +NORMALIZE_WHITESPACE
    ['ambivalent', 'balanced_share', 'frustration', 'null', 'pair_sign', 'pairs', 'triangles',
     'walk_balance']
    """

    triangles: dict[str, int]
    balanced_share: float | None
    null: NullModel
    walk_balance: float | None
    frustration: Frustration
    pairs: int
    pair_sign: str
    ambivalent: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "triangles": dict(self.triangles),
            "balanced_share": self.balanced_share,
            "null": self.null.to_dict(),
            "walk_balance": self.walk_balance,
            "frustration": self.frustration.to_dict(),
            "pairs": self.pairs,
            "pair_sign": self.pair_sign,
            "ambivalent": self.ambivalent.to_dict("records"),
        }

    def _repr_html_(self) -> str:
        f = self.frustration
        ties = [f"{a} – {b} ({'+' if s > 0 else '−'})" for a, b, s in f.frustrated.values.tolist()]
        rows = [
            ("pair sign", self.pair_sign),
            ("signed pairs", self.pairs),
            ("triangles", self.triangles),
            ("balanced share", self.balanced_share),
            ("null mean, sd, z", [self.null.mean, self.null.sd, self.null.z]),
            ("walk balance", self.walk_balance),
            ("frustration L", f.index if f.optimal else f"≤ {f.index} (bound {f.bound})"),
            ("normalized F", f.normalized),
            ("groups", [", ".join(g) for g in f.groups]),
            ("frustrated ties", ties),
            ("ambivalent pairs", len(self.ambivalent)),
        ]
        return html_table(rows, title="structural balance")


def balance(
    dataset: Dataset,
    *,
    pair_sign: str = "sum",
    null_samples: int = 1000,
    seed: int = 7,
    time_limit: float = 10.0,
) -> SignedBalance:
    """Measure the structural balance of the signed pairs of a dataset.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    pair_sign : {"sum", "any-negative", "majority"}, default "sum"
        How a pair's relations give it one sign (module docstring).
    null_samples : int, default 1000
        Sign shuffles of the null model (0: none).
    seed : int, default 7
        Seed of the shuffles: the same seed gives the same null model.
    time_limit : float, default 10.0
        Seconds for the exact frustration index; when reached, the best partition found is
        returned with ``frustration.optimal`` False and ``frustration.bound``.

    Returns
    -------
    SignedBalance
        The triangle census, balanced share, null model, walk balance, frustration and the
        ambivalent pairs.

    Raises
    ------
    UsageError
        On an unknown ``pair_sign``, a negative ``null_samples`` or a non-positive
        ``time_limit``.

    See Also
    --------
    triad_balance : The unbalanced triangles themselves.
    pair_scores : Each pair's relations and score.

    Examples
    --------
    In the civil war years Iran mediates with both Tajikistan and the United Tajik
    Opposition, which are at war: the one signed triangle is unbalanced, and one of its ties is
    frustrated in the best partition.

    >>> war = ds.filter(start="1994", end="1996")
    >>> result = graph.balance(war, null_samples=100)
    >>> result.triangles["++-"], result.frustration.index, result.frustration.optimal
    (1, 1, True)

    Over the whole record, Iran–Tajikistan has both kinds of relations:

    >>> result = graph.balance(ds, null_samples=0)
    >>> result.ambivalent[["source", "target", "cooperative", "conflictual", "sign"]].head(1)
      source      target  cooperative  conflictual  sign
    0   iran  tajikistan           16            3     1

    The rule decides the sign of the pairs with both kinds of relations:

    >>> for rule in ("sum", "any-negative", "majority"):
    ...     signs = graph.balance(ds, pair_sign=rule, null_samples=0).ambivalent["sign"]
    ...     print(rule, signs.tolist())
    sum [1, 0]
    any-negative [-1, -1]
    majority [1, 0]
    """
    check_pair_sign(pair_sign)
    if null_samples < 0:
        raise UsageError(
            f"{{null_samples}} must be 0 or more, not {null_samples}", params=("null_samples",)
        )
    check_time_limit(time_limit)
    scores = pair_scores(dataset)
    signs = pair_signs(scores, pair_sign)
    both = (scores["cooperative"] > 0) & (scores["conflictual"] > 0)
    ambivalent = scores.loc[both, ["source", "target", "cooperative", "conflictual"]].assign(
        sign=signs[both.to_numpy()]
    )
    ambivalent = ambivalent.sort_values(["source", "target"]).reset_index(drop=True)
    tied = signs != 0
    ids = pd.Index(dataset.nodes["id"])
    s = ids.get_indexer(scores["source"][tied]).astype(np.int64)
    t = ids.get_indexer(scores["target"][tied]).astype(np.int64)
    sign = signs[tied]
    triangles = tie_triangles(len(ids), s, t)
    positives = (sign[triangles] > 0).sum(axis=1) if len(triangles) else np.zeros(0, np.int64)
    census = {kind: int((positives == 3 - k).sum()) for k, kind in enumerate(KINDS)}
    share = _balanced_share(sign < 0, triangles)
    return SignedBalance(
        triangles=census,
        balanced_share=share,
        null=_null_model(sign < 0, triangles, share, null_samples, seed),
        walk_balance=_walk_balance(s, t, sign),
        frustration=frustration_index(
            np.asarray(ids, dtype=object), s, t, sign, time_limit=time_limit
        ),
        pairs=int(tied.sum()),
        pair_sign=pair_sign,
        ambivalent=ambivalent,
    )


def check_pair_sign(pair_sign: str) -> None:
    """Raise :class:`~graph.errors.UsageError` unless ``pair_sign`` is one of :data:`PAIR_SIGNS`.

    >>> check_pair_sign("majority")
    """
    if pair_sign not in PAIR_SIGNS:
        raise UsageError(
            f"unknown {{pair_sign}} '{pair_sign}'; expected one of: {', '.join(PAIR_SIGNS)}",
            params=("pair_sign",),
        )


def pair_signs(scores: pd.DataFrame, rule: str) -> np.ndarray:
    """Each pair's sign (−1, 0, 1) under the rule, for the rows of :func:`pair_scores`.

    >>> scores = pd.DataFrame({"score": [2.0, 0.5], "cooperative": [2, 1], "conflictual": [1, 1]})
    >>> pair_signs(scores, "sum").tolist(), pair_signs(scores, "any-negative").tolist()
    ([1, 1], [-1, -1])
    >>> pair_signs(scores, "majority").tolist()
    [1, 0]
    """
    by_score = np.sign(scores["score"].to_numpy(dtype=float)).astype(np.int64)
    cooperative = scores["cooperative"].to_numpy(dtype=np.int64)
    conflictual = scores["conflictual"].to_numpy(dtype=np.int64)
    if rule == "any-negative":
        return np.where(conflictual > 0, -1, by_score)
    if rule == "majority":
        return np.sign(cooperative - conflictual)
    return by_score


def _unbalanced(negative: np.ndarray, triangles: np.ndarray) -> np.ndarray:
    """Whether each triangle (columns of ``negative``'s last axis) has an odd number of
    negative ties."""
    a, b, c = triangles[:, 0], triangles[:, 1], triangles[:, 2]
    return negative[..., a] ^ negative[..., b] ^ negative[..., c]


def _balanced_share(negative: np.ndarray, triangles: np.ndarray) -> float | None:
    if not len(triangles):
        return None
    return float(1 - _unbalanced(negative, triangles).mean())


def _null_model(
    negative: np.ndarray, triangles: np.ndarray, share: float | None, samples: int, seed: int
) -> NullModel:
    """Balanced shares after ``samples`` seeded shuffles of the signs over the ties."""
    if share is None or samples == 0:
        return NullModel(None, None, None)
    rng = np.random.default_rng(seed)
    chunk = max(1, _CHUNK // (len(negative) + len(triangles)))
    shares = np.empty(samples)
    for start in range(0, samples, chunk):
        k = min(chunk, samples - start)
        shuffled = rng.permuted(np.tile(negative, (k, 1)), axis=1)
        shares[start : start + k] = 1 - _unbalanced(shuffled, triangles).mean(axis=1)
    mean = float(shares.mean())
    sd = float(shares.std(ddof=1)) if samples > 1 else 0.0
    z = (share - mean) / sd if sd > 1e-12 else None
    return NullModel(mean, sd, z)


def _walk_balance(s: np.ndarray, t: np.ndarray, sign: np.ndarray) -> float | None:
    """tr exp(A) / tr exp(|A|) from the eigenvalues, over the actors with a signed tie.

    Computed as exp(logsumexp(λ) − logsumexp(μ)), so large spectra do not overflow; the dense
    eigenvalue problem costs O(k³) for k such actors.
    """
    if not len(s):
        return None
    used, ends = np.unique(np.concatenate([s, t]), return_inverse=True)
    k, m = len(used), len(s)
    signed = np.zeros((k, k))
    signed[ends[:m], ends[m:]] = sign
    signed[ends[m:], ends[:m]] = sign
    lam = np.linalg.eigvalsh(signed)
    mu = np.linalg.eigvalsh(np.abs(signed))
    return float(np.exp(_logsumexp(lam) - _logsumexp(mu)))


def _logsumexp(values: np.ndarray) -> float:
    top = float(values.max())
    return top + float(np.log(np.exp(values - top).sum()))


_pair_signs = pair_signs  # the earlier private name
