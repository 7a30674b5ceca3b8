"""Directed signed triads: does a relation follow balance or status? (Leskovec, Huttenlocher &
Kleinberg 2010, "Signed networks in social media", CHI.)

Each ordered pair of actors gets one sign from the sum of weight × sign of its relations in
that direction (a mutual relation type counts both ways, a directed one from source to
target; :func:`~graph.aggregate_table` with ``directed=True``); a sum of 0 is no edge. Every
signed edge A → B is then read in the *context* of each third actor X tied to both A and B
(a "contextualized link" (A, B; X)): the A–X edge is A → X or X → A, + or −, and so is the
X–B edge (X → B or B → X), which gives the paper's 16 types t1 … t16, in its order: t1–t4
have A →+ X, t5–t8 A →− X, t9–t12 X →+ A, t13–t16 X →− A, and within each block of four the
X–B edge is X →+ B, X →− B, B →+ X, B →− X (t1 is A →+ X →+ B, t16 is A ←− X ←− B).

When A and X (or X and B) are tied both ways, each of the two edges makes its own context.
The predictions of the sign of A → B:

- **balance** (directions ignored): the product of the A–X and X–B signs;
- **status** (a + edge u → v says v has the higher status, − the lower): B's status relative
  to X (``status_g``: + for X →+ B or B →− X) predicts A's link to B to be more positive than
  A's generative baseline (A's share of positive out-edges); A's status relative to X
  predicts B to receive a less positive link than B's receptive baseline (its share of
  positive in-edges), ``status_r`` = − A's status. Where the two agree, status predicts the
  sign of A → B itself (``status``: t1, t4, t13, t16 +; t6, t7, t10, t11 −), the sign that
  leaves no cycle in the three status comparisons; elsewhere it is silent (0), as any sign
  leaves the order acyclic.

The census reports each type's contexts, its positive closing edges and the paper's
generative and receptive surprises, s = (k − Σ p) / √Σ p(1 − p) over the type's contexts,
k the positive edges A → B and p the generative baseline of A (receptive baseline of B); and
whether each surprise's sign agrees with balance (``bg``, ``br``) and status (``sg``,
``sr``), the paper's Table 3. Unlike the paper, the data have no order in which the edges
formed: every signed edge closes its triads in turn, and the baselines count every edge.

>>> from graph import load
>>> census = signed_triad_census(load())
>>> len(census.types), census.types["type"].iloc[0]
(16, 't1')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import sparse

from ..dataset.build import aggregate_table
from .display import html_table
from .triads import tie_triangles

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["SignedTriads", "signed_triad_census"]

#: The A–X edges of the 16 types, in the paper's order (direction, sign).
_AX = (("A->X", 1), ("A->X", -1), ("X->A", 1), ("X->A", -1))
#: The X–B edges, in the order they run inside each block of four types.
_XB = (("X->B", 1), ("X->B", -1), ("B->X", 1), ("B->X", -1))


@dataclass(frozen=True)
class SignedTriads:
    """The census of the 16 directed signed triad types and how balance and status fare.

    Made by :func:`signed_triad_census`; ``to_dict()`` gives plain values for JSON.

    Parameters
    ----------
    edges : int
        Signed directed edges (ordered pairs with a non-zero sum).
    positive : int
        Those with a positive sum.
    triangles : int
        Triples of actors with a signed edge, either way, in each of their three pairs.
    contexts : int
        Contextualized links (A → B; X), the census total.
    types : pandas.DataFrame
        One row per type ``t1`` … ``t16``: ``type``, ``ax`` and ``ax_sign`` (the A–X edge),
        ``xb`` and ``xb_sign`` (the X–B edge), ``contexts``, ``positive`` (closing edges
        A → B that are positive), ``p_positive``, the predicted signs ``balance``,
        ``status`` (0: no prediction), ``status_g``, ``status_r``, the surprises
        ``surprise_g``, ``surprise_r`` (None when undefined) and whether their signs agree
        with the theories: ``bg``, ``br``, ``sg``, ``sr`` (None without a signed surprise).
    balance_consistent : int
        Contexts whose closing sign is the product of the other two.
    status_decided : int
        Contexts of the types on which status predicts the closing sign.
    status_consistent : int
        Those whose closing sign is the one status predicts.

    Examples
    --------
    >>> census = graph.signed_triad_census(ds.filter(start="1994", end="1996"))
    >>> census.edges, census.positive, census.triangles, census.contexts
    (6, 3, 1, 12)
    >>> census.balance_share, census.status_decided, census.status_share
    (0.0, 6, 0.5)
    """

    edges: int
    positive: int
    triangles: int
    contexts: int
    types: pd.DataFrame
    balance_consistent: int
    status_decided: int
    status_consistent: int

    @property
    def balance_share(self) -> float | None:
        """Share of contexts consistent with balance (None without contexts)."""
        return self.balance_consistent / self.contexts if self.contexts else None

    @property
    def status_share(self) -> float | None:
        """Share of the status-decided contexts consistent with status (None without any)."""
        return self.status_consistent / self.status_decided if self.status_decided else None

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON."""
        return {
            "edges": self.edges,
            "positive": self.positive,
            "triangles": self.triangles,
            "contexts": self.contexts,
            "balance_consistent": self.balance_consistent,
            "balance_share": self.balance_share,
            "status_decided": self.status_decided,
            "status_consistent": self.status_consistent,
            "status_share": self.status_share,
            "types": self.types.astype(object).where(self.types.notna(), None).to_dict("records"),
        }

    def _repr_html_(self) -> str:
        types = zip(self.types["type"], self.types["contexts"], strict=True)
        counts = {t: c for t, c in types if c}
        rows = [
            ("signed edges (positive)", f"{self.edges} ({self.positive})"),
            ("triangles", self.triangles),
            ("contexts (A → B; X)", self.contexts),
            ("by type", counts or "–"),
            ("balance-consistent", f"{self.balance_consistent} ({_share(self.balance_share)})"),
            ("status-decided", self.status_decided),
            ("status-consistent", f"{self.status_consistent} ({_share(self.status_share)})"),
        ]
        return html_table(rows, title="directed signed triads")


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def signed_triad_census(dataset: Dataset) -> SignedTriads:
    """Count the 16 directed signed triad types and test balance and status on them.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations; the direction of each relation type
        is the ``directed`` column of the edges.

    Returns
    -------
    SignedTriads
        The census by type, the surprises and the shares consistent with each theory.

    See Also
    --------
    balance : Structural balance of the undirected pair signs.

    Examples
    --------
    In the civil war years (1994–1996) Iran cooperates with Tajikistan (both ways) and
    mediates with the United Tajik Opposition, at war with Tajikistan (both ways): one
    triangle, unbalanced, whose five edges close twelve contexts. Status predicts six of them
    (t1, t4 twice, t7, t10, t11), and three agree with it:

    >>> census = graph.signed_triad_census(ds.filter(start="1994", end="1996"))
    >>> types = census.types
    >>> types.loc[types["contexts"] > 0, ["type", "contexts", "positive", "balance", "status"]]
       type  contexts  positive  balance  status
    0    t1         1         0        1       1
    1    t2         2         2       -1       0
    3    t4         2         2       -1       1
    6    t7         1         1       -1      -1
    8    t9         2         0        1       0
    9   t10         1         1       -1      -1
    10  t11         1         0        1      -1
    11  t12         1         1       -1       0
    14  t15         1         1       -1       0
    """
    table = aggregate_table(dataset, directed=True)
    table = table[(table["source"] != table["target"]) & (table["sign"] != 0)]
    ids = pd.Index(dataset.nodes["id"])
    n = len(ids)
    s = ids.get_indexer(table["source"]).astype(np.int64)
    t = ids.get_indexer(table["target"]).astype(np.int64)
    sign = table["sign"].to_numpy(dtype=np.int64)
    edge = {
        value: sparse.csr_matrix(
            (np.ones(int((sign == value).sum())), (s[sign == value], t[sign == value])),
            shape=(n, n),
        )
        for value in (1, -1)
    }
    closing = edge[1] + edge[-1]
    out_edges = np.asarray(closing.sum(axis=1)).ravel()
    in_edges = np.asarray(closing.sum(axis=0)).ravel()
    generative = np.divide(
        np.asarray(edge[1].sum(axis=1)).ravel(), out_edges, out=np.zeros(n), where=out_edges > 0
    )
    receptive = np.divide(
        np.asarray(edge[1].sum(axis=0)).ravel(), in_edges, out=np.zeros(n), where=in_edges > 0
    )
    rows: list[dict[str, Any]] = []
    for ax, ax_sign in _AX:
        left = edge[ax_sign] if ax == "A->X" else edge[ax_sign].T
        for xb, xb_sign in _XB:
            right = edge[xb_sign] if xb == "X->B" else edge[xb_sign].T
            through = (left @ right).multiply(closing).tocsr()  # contexts per edge A → B
            count = float(through.sum())
            k = float(through.multiply(edge[1]).sum())
            by_a = np.asarray(through.sum(axis=1)).ravel()
            by_b = np.asarray(through.sum(axis=0)).ravel()
            g, r = (1 if xb == "X->B" else -1) * xb_sign, (1 if ax == "A->X" else -1) * ax_sign
            rows.append(
                {
                    "type": f"t{len(rows) + 1}",
                    "ax": ax,
                    "ax_sign": ax_sign,
                    "xb": xb,
                    "xb_sign": xb_sign,
                    "contexts": int(count),
                    "positive": int(k),
                    "p_positive": k / count if count else None,
                    "balance": ax_sign * xb_sign,
                    "status": g if g == r else 0,
                    "status_g": g,
                    "status_r": r,
                    "surprise_g": _surprise(k, by_a, generative),
                    "surprise_r": _surprise(k, by_b, receptive),
                }
            )
    types = pd.DataFrame(rows)
    for column, surprise, theory in (
        ("bg", "surprise_g", "balance"),
        ("br", "surprise_r", "balance"),
        ("sg", "surprise_g", "status_g"),
        ("sr", "surprise_r", "status_r"),
    ):
        types[column] = [
            bool(np.sign(z) == p) if z is not None and np.isfinite(z) and z != 0 else None
            for z, p in zip(types[surprise], types[theory], strict=True)
        ]
    negative = types["contexts"] - types["positive"]
    agrees = np.where(types["balance"] > 0, types["positive"], negative)
    decided = types["status"] != 0
    by_status = np.where(types["status"] > 0, types["positive"], negative)
    pairs = np.unique(np.sort(np.column_stack([s, t]), axis=1), axis=0).reshape(-1, 2)
    return SignedTriads(
        edges=len(sign),
        positive=int((sign > 0).sum()),
        triangles=len(tie_triangles(n, pairs[:, 0], pairs[:, 1])),
        contexts=int(types["contexts"].sum()),
        types=types,
        balance_consistent=int(agrees.sum()),
        status_decided=int(types.loc[decided, "contexts"].sum()),
        status_consistent=int(by_status[decided.to_numpy()].sum()),
    )


def _surprise(positive: float, weights: np.ndarray, baseline: np.ndarray) -> float | None:
    """(k − Σ p) / √Σ p(1 − p) over the contexts, each actor's baseline p weighted by its
    number of contexts; None when the variance is 0."""
    expected = float(weights @ baseline)
    variance = float(weights @ (baseline * (1 - baseline)))
    return (positive - expected) / float(np.sqrt(variance)) if variance > 1e-12 else None
