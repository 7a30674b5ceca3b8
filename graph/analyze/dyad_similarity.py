"""Dyadic similarity: how alike two actors' relation portfolios are.

Every pair of actors gets one sign (−1, 0, +1) from its relations under the pair-sign rule of
:func:`~graph.analyze.balance` (:data:`~graph.analyze.PAIR_SIGNS`); an actor's *portfolio* is
its row of that n × n sign matrix, n the actors of the (filtered) dataset. Two measures:

- ``"s"``: Signorino & Ritter's (1999) S with absolute distance,
  S = 1 − 2 · Σ_k |a_k − b_k| / (N · d_max), d_max = 2 (the range of −1 … +1) and N = n, the
  whole system. As in Signorino & Ritter's alliance portfolios, the pair's own entries are
  included and every actor is allied with itself (self-tie +1): two allies with the same
  stance towards everyone else score 1, two enemies with opposite stances towards everyone
  else −1. Actors without signed ties share their zeros, so S grows with the neutral actors in
  the system: compare S within one dataset (Häge 2011 adjusts S for chance agreement).
- ``"structural"``: structural equivalence as profile similarity (Wasserman & Faust 1994,
  ch. 9; UCINET's correlation of profiles): the Pearson correlation of the two actors' rows
  of the signed adjacency matrix (diagonal 0) over the n − 2 other actors, the pair's own two
  entries (a_b and b_a) excluded. Undefined (NaN) when a row is constant over those actors,
  such as an actor without signed ties.

>>> from graph import load
>>> pairs = similarity(load())
>>> list(pairs.columns), bool(pairs["value"].between(-1, 1).all())
(['source', 'target', 'value'], True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import sparse

from ..dataset.names import find_node
from ..errors import UsageError
from .signed_balance import check_pair_sign, pair_signs
from .triads import pair_scores

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["SIMILARITY_METHODS", "similarity"]

#: The similarity measures; the first is the default.
SIMILARITY_METHODS = ("s", "structural")


def similarity(
    dataset: Dataset,
    *,
    method: str = "s",
    actors: Sequence[str] | None = None,
    pair_sign: str = "sum",
) -> pd.DataFrame:
    """How similar each pair of actors' relation portfolios are.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations; every actor counts in the portfolios.
    method : {"s", "structural"}, default "s"
        Signorino–Ritter S, or structural equivalence as a correlation (module docstring).
    actors : sequence of str, optional
        Only the pairs with at least one of these actors (ids, labels or aliases); default
        all pairs.
    pair_sign : {"sum", "any-negative", "majority"}, default "sum"
        How a pair's relations give it one sign (:func:`~graph.analyze.balance`).

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair: ``source``, ``target`` (in dataset order; with
        ``actors``, ``source`` is the listed actor) and ``value`` (−1 … 1, NaN when
        undefined); most similar first, then by pair, undefined values last.

    Raises
    ------
    UsageError
        On an unknown ``method`` or ``pair_sign``, or an actor not in the dataset.

    See Also
    --------
    balance : Structural balance of the same signed pairs.

    Examples
    --------
    Zarif and Muhriddin are allied and tied to no one else by a sign: S = 1. Iran and
    Tajikistan are allied, but their portfolios differ by Σ|a_k − b_k| = 12 over the
    22 actors (1 for each of ten actors that only one of them has a signed tie with, such
    as the UTO, Iran's partner in the peace talks, and 2 for the IRPT, which Iran invites
    and Tajikistan bans), so S = 1 − 12/22:

    >>> pairs = graph.similarity(ds)
    >>> pairs.head(2)
                     source                target     value
    0  mohammad_javad_zarif  sirojiddin_muhriddin  1.000000
    1     iran_armed_forces    tajik_armed_forces  0.954545
    >>> pairs.query("source == 'iran' and target == 'tajikistan'")["value"].round(4).tolist()
    [0.4545]

    Structural equivalence: Kabiri, Sherali Mirzo and the UTO each cooperate with Iran and
    have no other signed tie.

    >>> graph.similarity(ds, method="structural", actors=["muhiddin_kabiri"]).head(2)
                source          target  value
    0  muhiddin_kabiri  shir_ali_mirza    1.0
    1  muhiddin_kabiri             uto    1.0
    """
    if method not in SIMILARITY_METHODS:
        raise UsageError(
            f"unknown {{method}} '{method}'; expected one of: {', '.join(SIMILARITY_METHODS)}",
            params=("method",),
        )
    check_pair_sign(pair_sign)
    ids = pd.Index(dataset.nodes["id"])
    n = len(ids)
    chosen = None
    if actors is not None:
        found = {find_node(dataset, str(name), param="actors") for name in actors}
        chosen = np.sort(ids.get_indexer(list(found)).astype(np.int64))
    signs = _sign_matrix(dataset, ids, pair_sign)
    i, j, row = _pairs(n, chosen)
    if method == "s":
        value = _s_values(signs, i, j, row, chosen)
    else:
        value = _structural_values(signs, i, j, row, chosen)
    out = pd.DataFrame(
        {
            "source": np.asarray(ids, dtype=object)[i],
            "target": np.asarray(ids, dtype=object)[j],
            "value": value,
        }
    )
    out = out.sort_values(
        ["value", "source", "target"],
        ascending=[False, True, True],
        na_position="last",
        kind="stable",
    )
    return out.reset_index(drop=True)


def _sign_matrix(dataset: Dataset, ids: pd.Index, pair_sign: str) -> np.ndarray:
    """The symmetric n × n matrix of pair signs (diagonal 0)."""
    scores = pair_scores(dataset)
    sign = pair_signs(scores, pair_sign).astype(float)
    s = ids.get_indexer(pd.Index(scores["source"])).astype(np.int64)
    t = ids.get_indexer(pd.Index(scores["target"])).astype(np.int64)
    matrix = np.zeros((len(ids), len(ids)))
    matrix[s, t] = sign
    matrix[t, s] = sign
    return matrix


def _pairs(n: int, chosen: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs (i, j) to score and, with ``chosen``, the row of ``i`` among them.

    Without ``chosen`` every pair i < j in :func:`scipy.spatial.distance.pdist` order; with
    it every pair of a chosen actor i and another actor j, once when both are chosen (i < j).
    """
    if chosen is None:
        i, j = np.triu_indices(n, 1)
        return i.astype(np.int64), j.astype(np.int64), i.astype(np.int64)
    listed = np.zeros(n, dtype=bool)
    listed[chosen] = True
    row = np.repeat(np.arange(len(chosen)), n)
    i = np.repeat(chosen, n)
    j = np.tile(np.arange(n), len(chosen))
    keep = (j != i) & ~(listed[j] & (j < i))
    return i[keep], j[keep], row[keep]


def _s_values(
    signs: np.ndarray, i: np.ndarray, j: np.ndarray, row: np.ndarray, chosen: np.ndarray | None
) -> np.ndarray:
    """S = 1 − 2 d / (N d_max) = 1 − d / N, d the cityblock distance of the portfolios (with
    the self-tie +1 on the diagonal).

    For entries in {−1, 0, 1}, |a − b| = (a − b)² − 2 [a b = −1], so the distances come from
    sparse matrix products, d = q_a + q_b − 2 a·b − 2 (#a+b− + #a−b+): the same integers as
    :func:`scipy.spatial.distance.pdist` with ``"cityblock"`` (tested), without its O(n³)
    over the zeros.
    """
    n = len(signs)
    portfolios = signs.copy()
    np.fill_diagonal(portfolios, 1.0)
    squares = (portfolios**2).sum(axis=1)
    full = sparse.csr_matrix(portfolios)
    positive, negative = (full > 0).astype(float), (full < 0).astype(float)
    cross = _product(full, full, chosen)
    opposite = _product(positive, negative, chosen) + _product(negative, positive, chosen)
    a = i if chosen is None else row  # each pair's row in the products
    distance = squares[i] + squares[j] - 2 * cross[a, j] - 2 * opposite[a, j]
    return 1.0 - 2.0 * distance / (n * 2.0)


def _product(
    left: sparse.csr_matrix, right: sparse.csr_matrix, chosen: np.ndarray | None
) -> np.ndarray:
    """The dense product of ``left``'s rows (the chosen ones) with ``right``'s transpose."""
    rows = left if chosen is None else left[chosen]
    return np.asarray((rows @ right.T).toarray(), dtype=float)


def _structural_values(
    signs: np.ndarray, i: np.ndarray, j: np.ndarray, row: np.ndarray, chosen: np.ndarray | None
) -> np.ndarray:
    """Pearson r of rows i and j over the actors k ∉ {i, j}, from sums that leave the pair's
    own entries out (the diagonal is 0, so it adds nothing to the cross products)."""
    m = len(signs) - 2
    total = signs.sum(axis=1)
    squares = (signs**2).sum(axis=1)
    full = sparse.csr_matrix(signs)
    cross = _product(full, full, chosen)
    own = signs[i, j]
    sx, sy = total[i] - own, total[j] - own
    sxx, syy = squares[i] - own**2, squares[j] - own**2
    sxy = cross[i, j] if chosen is None else cross[row, j]
    numerator = m * sxy - sx * sy
    spread = (m * sxx - sx**2) * (m * syy - sy**2)
    value = np.full(len(i), np.nan)
    defined = (spread > 1e-9) & (m > 1)
    value[defined] = numerator[defined] / np.sqrt(spread[defined])
    return np.clip(value, -1.0, 1.0)
