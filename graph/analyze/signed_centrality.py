"""Signed centrality: how many friends and enemies an actor has, and PN centrality.

Every pair of actors with interactions gets one sign from them, by the pair-sign rule
(:data:`~graph.analyze.signed_balance.PAIR_SIGNS`: ``sum`` by default); affiliations
(membership, office, leadership) are left out (:mod:`graph.analyze.layers`). Then, per actor:

- ``positive_degree``, ``negative_degree``: partners whose pair is positive / negative;
- ``net_degree``: positive − negative;
- ``negative_share``: negative / (positive + negative), 0 without signed partners;
- ``pn``: PN centrality (Everett & Borgatti 2014), the solution of
  x = 1 + A x / (2n − 2) with A = P − 2N (P, N the 0/1 matrices of positive and negative
  pairs, n the number of actors): an actor gains from positive ties to central actors and
  loses twice as much from negative ties; 1 for an isolate, as in signnet's
  ``pn_index(mode = "all")``. The system has one solution for n ≥ 3; for two actors in
  conflict it has many, and the symmetric one (½ each) is given.

>>> table = signed_measures(graph.load())
>>> list(table.columns)
['positive_degree', 'negative_degree', 'net_degree', 'negative_share', 'pn']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .layers import layer_dataset
from .signed_balance import PAIR_SIGNS, check_pair_sign, pair_signs
from .triads import pair_scores

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["SIGNED_MEASURES", "pn_centrality", "signed_measures"]

#: Each signed measure and what it tells an analyst.
SIGNED_MEASURES: dict[str, str] = {
    "positive_degree": "partners it cooperates with (positive pairs)",
    "negative_degree": "partners it is in conflict with (negative pairs)",
    "net_degree": "positive − negative partners",
    "negative_share": "share of its signed partners that are hostile",
    "pn": "PN centrality: positive ties to central actors raise it, negative ties lower it twice",
}


def pn_centrality(n: int, source: np.ndarray, target: np.ndarray, sign: np.ndarray) -> np.ndarray:
    """PN centrality of ``n`` actors joined by undirected signed ties (positions and signs).

    Examples
    --------
    Five actors all on good terms score 2 each (signnet's test):

    >>> s, t = np.triu_indices(5, 1)
    >>> pn_centrality(5, s, t, np.ones(len(s))).round(6).tolist()
    [2.0, 2.0, 2.0, 2.0, 2.0]
    """
    import scipy.sparse as sp
    import scipy.sparse.linalg as sla

    if n < 2:
        return np.ones(n)
    values = np.where(np.asarray(sign) > 0, 1.0, -2.0)
    if n == 2:  # two enemies: x = 1 − x' has many solutions; the symmetric one (least norm)
        A2 = np.zeros((2, 2))
        A2[source, target] = A2[target, source] = values
        return np.linalg.lstsq(np.eye(2) - A2 / 2.0, np.ones(2), rcond=None)[0]
    rows = np.concatenate([source, target])
    cols = np.concatenate([target, source])
    A = sp.csc_array((np.concatenate([values, values]), (rows, cols)), shape=(n, n))
    M = (sp.identity(n, format="csc") - A / (2.0 * n - 2.0)).tocsc()
    return np.asarray(sla.spsolve(M, np.ones(n)), dtype=float).reshape(n)


def signed_measures(dataset: Dataset, *, pair_sign: str = PAIR_SIGNS[0]) -> pd.DataFrame:
    """Positive, negative and net degree, negative share and PN centrality of every actor.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    pair_sign : {"sum", "any-negative", "majority"}, default "sum"
        How a pair's relations give it one sign.

    Returns
    -------
    pandas.DataFrame
        One row per node, in dataset order (index 0..n-1), with the columns of
        :data:`SIGNED_MEASURES`.

    Raises
    ------
    UsageError
        On an unknown ``pair_sign``.

    Examples
    --------
    >>> table = graph.signed_measures(ds)
    >>> row = table[ds.nodes["id"].eq("tajikistan").to_numpy()]
    >>> row[["positive_degree", "negative_degree", "net_degree"]].to_dict("records")
    [{'positive_degree': 2, 'negative_degree': 5, 'net_degree': -3}]
    """
    check_pair_sign(pair_sign)
    interactions = layer_dataset(dataset, "all", "drop")
    scores = pair_scores(interactions)
    signs = pair_signs(scores, pair_sign)
    tied = signs != 0
    ids = pd.Index(dataset.nodes["id"])
    n = len(ids)
    s = ids.get_indexer(scores["source"][tied]).astype(np.int64)
    t = ids.get_indexer(scores["target"][tied]).astype(np.int64)
    sign = signs[tied]
    ends = np.concatenate([s, t])
    both = np.concatenate([sign, sign])
    positive = np.bincount(ends[both > 0], minlength=n)
    negative = np.bincount(ends[both < 0], minlength=n)
    signed = positive + negative
    share = np.divide(negative, signed, out=np.zeros(n), where=signed > 0)
    return pd.DataFrame(
        {
            "positive_degree": positive.astype(np.int64),
            "negative_degree": negative.astype(np.int64),
            "net_degree": (positive - negative).astype(np.int64),
            "negative_share": share,
            "pn": pn_centrality(n, s, t, sign),
        }
    )
