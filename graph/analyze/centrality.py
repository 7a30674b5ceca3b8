"""Who is central: degree, betweenness, closeness, eigenvector (or Katz) and PageRank per node.

Every measure is computed on the aggregated graph (:func:`graph.dataset.build.aggregate_table`: one
link per pair of actors, self-loops removed), in the dataset's node order:

- ``degree``: distinct partners (undirected view); in + out links (directed view).
- ``in_degree``, ``out_degree``: links into / out of the node in the *directed* aggregate
  (directed types keep their direction, mutual types count both ways), in either view.
- ``weighted_degree``: sum of the links' ``weight`` (the summed weights of their relations);
  in the directed view, in + out, so a mutual relation counts on both arcs.
- ``betweenness``: unweighted (hop) shortest paths, networkx normalization
  (÷ (n-1)(n-2), ×2 if undirected); pairs without a path add nothing. With ``sample=k`` it is
  estimated from k seeded pivot nodes exactly as networkx's ``betweenness_centrality(k=,
  seed=)`` does (same pivots, same rescaling).
- ``closeness``: unweighted, Wasserman–Faust for disconnected graphs (networkx
  ``wf_improved=True``): (r / Σd) · (r / (n-1)), r = nodes that reach the node; directed
  view: incoming distances. An isolated node has 0.
- ``eigenvector``: unweighted, unit Euclidean norm. Undirected view: computed on the largest
  connected component (ties: the one with the earliest node), 0 elsewhere. Directed view
  (in-links, the left eigenvector): computed on the linked nodes when they are strongly
  connected; otherwise eigenvector centrality is not defined (power iteration does not
  converge) and Katz centrality is given instead: x = α Aᵀx + 1, unit norm, with
  α = 0.85 / ρ(A) (ρ the spectral radius; α = 0.85 when the graph has no cycle). The table's
  ``attrs["eigenvector"]`` says ``"eigenvector"`` or ``"katz"`` and ``attrs["katz_alpha"]``
  the α used.
- ``pagerank``: weighted by ``weight``, damping 0.85, dangling nodes spread uniformly (the
  undirected view walks links both ways); sums to 1.

Engines: ``igraph`` (C, fast: exact betweenness on 5,000 nodes in about a second) or
``networkx`` (pure Python); ``auto`` picks igraph when it is installed. Both give the same
numbers (tests check them against each other within 1e-6).

>>> from graph import load
>>> table = node_measures(load())
>>> list(table.columns[:4])
['id', 'label', 'type', 'degree']
>>> round(float(table["pagerank"].sum()), 6)
1.0
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import UsageError
from ._view import View, analysis_view
from .engines import resolve_engine
from .layers import check_layer_options, layer_dataset, measure_layers
from .signed_centrality import SIGNED_MEASURES, signed_measures

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["MEASURES", "LayerViews", "node_measures", "rank"]

#: Each measure and what it tells an analyst (used in ``graph stats --help`` and the report).
MEASURES: dict[str, str] = {
    "degree": "distinct partners: a hub has many",
    "in_degree": "partners acting on it (directed links in): a target or destination",
    "out_degree": "partners it acts on (directed links out): an initiator",
    "weighted_degree": "sum of relation weights: how much activity involves it",
    **SIGNED_MEASURES,
    "betweenness": "share of shortest cooperative paths through it: a broker between partners",
    "closeness": "few steps to everyone it can reach: quick access to the network",
    "eigenvector": "tied to well-tied actors: influence through influential partners",
    "pagerank": "weighted random-walk score: influence flowing along relations",
}

DAMPING = 0.85


def _pivots(n: int, sample: int | None, seed: int) -> list[int] | None:
    if sample is None:
        return None
    if sample < 2:
        raise UsageError(f"sample must be at least 2 pivot nodes, not {sample}")
    if sample >= n:
        return None
    # the positions networkx's betweenness_centrality(k=sample, seed=seed) picks
    return random.Random(seed).sample(range(n), sample)


def _betweenness(view: View, engine: str, pivots: list[int] | None, seed: int) -> np.ndarray:
    n = view.n
    if n < 3:
        return np.zeros(n)
    if engine == "networkx":
        G = view.to_networkx()
        k = None if pivots is None else len(pivots)
        d = nx.betweenness_centrality(G, k=k, seed=seed if k else None, normalized=True)
        return np.array([d[i] for i in view.ids], dtype=float)
    raw = np.asarray(view.igraph.betweenness(directed=view.directed, sources=pivots), dtype=float)
    pairs = 1.0 if view.directed else 2.0  # igraph counts unordered pairs once
    if pivots is None:
        return raw * pairs / ((n - 1) * (n - 2))
    k = len(pivots)
    scale = np.full(n, 1.0 / (k * (n - 2)))
    scale[pivots] = 1.0 / ((k - 1) * (n - 2))
    return raw * pairs * scale


def _closeness(view: View, engine: str) -> np.ndarray:
    n = view.n
    if n < 2:
        return np.zeros(n)
    if engine == "networkx":
        d = nx.closeness_centrality(view.to_networkx(), wf_improved=True)
        return np.array([d[i] for i in view.ids], dtype=float)
    g = view.igraph
    mode = "in" if view.directed else "all"
    # igraph: r / Σd over the r nodes that reach the node (NaN when r = 0)
    local = np.nan_to_num(np.asarray(g.closeness(mode=mode, normalized=True), dtype=float))
    if view.directed:
        reach = np.asarray(g.neighborhood_size(order=n, mode="in"), dtype=float) - 1
    else:
        labels = view.components()
        reach = np.bincount(labels)[labels].astype(float) - 1
    return local * reach / (n - 1)


def _eigen(view: View, engine: str) -> np.ndarray:
    """Unit-norm principal eigenvector of a connected (strongly, if directed) view."""
    if engine == "networkx":
        d = nx.eigenvector_centrality_numpy(view.to_networkx(), weight=None)
        x = np.array([d[i] for i in view.ids], dtype=float)
    else:
        x = np.asarray(view.igraph.eigenvector_centrality(), dtype=float)
    x = np.abs(x)
    return x / np.linalg.norm(x)


def _spectral_radius(view: View) -> float:
    """ρ(A) of the unweighted adjacency: the largest over strongly connected components."""
    import scipy.sparse.linalg as sla

    labels = view.components(strong=True)
    sizes = np.bincount(labels)
    rho = 0.0
    for label in np.flatnonzero(sizes >= 2):
        sub = view.subview(np.flatnonzero(labels == label))
        A = sub.sparse()
        if sub.n <= 400:
            value = float(np.max(np.abs(np.linalg.eigvals(A.toarray()))))
        else:
            vals = sla.eigs(
                A, k=1, which="LM", v0=np.ones(sub.n), tol=1e-12, return_eigenvectors=False
            )
            value = float(np.abs(vals[0]))
        rho = max(rho, value)
    return rho


def katz_alpha(view: View) -> float:
    """The attenuation α of the Katz fallback: 0.85 / ρ(A), or 0.85 without cycles."""
    rho = _spectral_radius(view)
    return 0.85 / rho if rho > 0.5 else 0.85


def _katz(view: View, alpha: float) -> np.ndarray:
    import scipy.sparse as sp
    import scipy.sparse.linalg as sla

    A = view.sparse()
    M = (sp.identity(view.n, format="csc") - alpha * A.T).tocsc()
    x = np.asarray(sla.spsolve(M, np.ones(view.n)), dtype=float)
    return x / np.linalg.norm(x)


def _eigenvector(view: View, engine: str) -> tuple[np.ndarray, str, float | None]:
    x = np.zeros(view.n)
    if view.m == 0:
        return x, "eigenvector", None
    if not view.directed:
        keep = view.largest_component()
        x[keep] = _eigen(view.subview(keep), engine)
        return x, "eigenvector", None
    linked = np.flatnonzero(
        np.bincount(view.source, minlength=view.n) + np.bincount(view.target, minlength=view.n)
    )
    sub = view.subview(linked)
    if len(np.unique(sub.components(strong=True))) == 1:
        x[linked] = _eigen(sub, engine)
        return x, "eigenvector", None
    alpha = katz_alpha(view)
    return _katz(view, alpha), "katz", alpha


def _pagerank(view: View, engine: str) -> np.ndarray:
    if view.n == 0:
        return np.zeros(0)
    if engine == "networkx":
        d = nx.pagerank(
            view.to_networkx(), alpha=DAMPING, weight="weight", tol=1e-12, max_iter=10_000
        )
        return np.array([d[i] for i in view.ids], dtype=float)
    pr = view.igraph.pagerank(directed=view.directed, damping=DAMPING, weights="weight")
    return np.asarray(pr, dtype=float)


def _bincount(positions: np.ndarray, n: int, weights: np.ndarray | None = None) -> np.ndarray:
    return np.bincount(positions, weights=weights, minlength=n)


class LayerViews:
    """The analysis views of one dataset per layer and direction, each built once.

    >>> views = LayerViews(graph.load())
    >>> views.get("cooperative", False) is views.get("cooperative", False)
    True
    """

    def __init__(self, dataset: Dataset, affiliations: str = "drop") -> None:
        self.dataset = dataset
        self.affiliations = affiliations
        self._views: dict[tuple[str, bool], View] = {}

    def get(self, layer: str, directed: bool) -> View:
        """The view of ``layer`` (:mod:`graph.analyze.layers`), directed or not."""
        key = (layer, directed)
        if key not in self._views:
            data = layer_dataset(self.dataset, layer, self.affiliations)
            self._views[key] = analysis_view(data, directed=directed)
        return self._views[key]


def node_measures(
    dataset: Dataset,
    *,
    directed: bool = False,
    engine: str = "auto",
    sample: int | None = None,
    seed: int = 0,
    layer: str | None = None,
    affiliations: str = "drop",
    pair_sign: str = "sum",
) -> pd.DataFrame:
    """Centrality measures of every node (see the module docstring for definitions).

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) dataset.
    directed : bool
        Use the directed view (direction of directed types; mutual types both ways).
    engine : {"auto", "igraph", "networkx"}
        Library for betweenness, closeness, eigenvector and PageRank.
    sample : int, optional
        Estimate betweenness from this many pivot nodes (seeded); exact by default.
    seed : int
        Seed of the pivot choice.
    layer : {"cooperative", "conflictual", "all"}, optional
        The relations every unsigned measure counts; by default the degrees count all
        relations and betweenness, closeness, eigenvector and PageRank the cooperative layer
        (:data:`~graph.analyze.layers.DEFAULT_LAYERS`).
    affiliations : {"drop", "keep", "project"}, default "drop"
        Membership, office and leadership ties: left out, kept as ties, or projected to
        co-affiliation ties (:mod:`graph.analyze.layers`).
    pair_sign : {"sum", "any-negative", "majority"}, default "sum"
        How a pair's relations give it one sign, for the signed measures.

    Returns
    -------
    pandas.DataFrame
        One row per node in dataset order: ``id``, ``label``, ``type`` and the measures of
        :data:`MEASURES`. ``attrs`` holds ``directed``, ``engine``, ``eigenvector`` (method),
        ``katz_alpha``, ``sample`` (None if exact), ``seed``, ``layers`` (measure → layer),
        ``affiliations`` and ``pair_sign``.

    Raises
    ------
    UsageError
        For an unknown engine, layer, affiliation or pair-sign rule, igraph requested but
        missing, or ``sample < 2``.

    See Also
    --------
    rank : Sort the table by one measure.
    MEASURES : What each measure tells an analyst.

    Examples
    --------
    >>> table = graph.node_measures(ds)
    >>> table[["id", "degree", "betweenness"]].head(2).round(2)
               id  degree  betweenness
    0        iran       7         0.11
    1  tajikistan      10         0.03
    >>> table.attrs["layers"]["pagerank"], table.attrs["layers"]["degree"]
    ('cooperative', 'all')

    An actor with only conflict ties scores as an isolate on the cooperative layer:

    >>> pr = table.set_index("id")["pagerank"]
    >>> bool(np.isclose(pr["extremist_groups"], pr["soviet_union"]))
    True
    """
    chosen = resolve_engine(engine)
    check_layer_options(layer, affiliations)
    return measures_of(
        dataset,
        LayerViews(dataset, affiliations),
        directed=directed,
        engine=chosen,
        sample=sample,
        seed=seed,
        layer=layer,
        pair_sign=pair_sign,
    )


def measures_of(
    dataset: Dataset,
    views: LayerViews,
    *,
    directed: bool,
    engine: str,
    sample: int | None,
    seed: int,
    layer: str | None = None,
    pair_sign: str = "sum",
) -> pd.DataFrame:
    """:func:`node_measures` on views already built (shared with the rest of ``graph stats``)."""
    layers = measure_layers(layer)
    degrees = views.get(layers["degree"], directed)
    arcs = views.get(layers["in_degree"], True)
    view = views.get(layers["pagerank"], directed)
    n = view.n
    pivots = _pivots(n, sample, seed)
    eigen, method, alpha = _eigenvector(view, engine)
    nodes = dataset.nodes
    signed = signed_measures(dataset, pair_sign=pair_sign)
    table = pd.DataFrame(
        {
            "id": nodes["id"].to_numpy(dtype=object),
            "label": nodes["label"].to_numpy(dtype=object),
            "type": nodes["type"].to_numpy(dtype=object),
            "degree": _bincount(degrees.source, n) + _bincount(degrees.target, n),
            "in_degree": _bincount(arcs.target, n),
            "out_degree": _bincount(arcs.source, n),
            "weighted_degree": _bincount(degrees.source, n, degrees.weight)
            + _bincount(degrees.target, n, degrees.weight),
            **{name: signed[name].to_numpy() for name in SIGNED_MEASURES},
            "betweenness": _betweenness(view, engine, pivots, seed),
            "closeness": _closeness(view, engine),
            "eigenvector": eigen,
            "pagerank": _pagerank(view, engine),
        }
    )
    table = table[["id", "label", "type", *MEASURES]]
    table.attrs.update(
        directed=view.directed,
        engine=engine,
        eigenvector=method,
        katz_alpha=alpha,
        sample=None if pivots is None else len(pivots),
        seed=seed,
        layers={name: layers.get(name, "signed") for name in MEASURES},
        affiliations=views.affiliations,
        pair_sign=pair_sign,
    )
    return table


def rank(table: pd.DataFrame, by: str, top: int | None = None) -> pd.DataFrame:
    """Sort a measure table by one column, largest first, ties by id; keep the first ``top``.

    Parameters
    ----------
    table : pandas.DataFrame
        A table with an ``id`` column and one column per measure, such as
        :func:`node_measures` returns.
    by : str
        The column to sort by: a measure (largest first) or ``id``, ``label``, ``type``
        (alphabetical).
    top : int, optional
        Keep only the first ``top`` rows; all rows when None or not positive.

    Returns
    -------
    pandas.DataFrame
        The sorted rows, renumbered from 0.

    Raises
    ------
    UsageError
        If ``by`` is not a column of ``table``.

    Examples
    --------
    The three actors that broker the most shortest cooperative paths:

    >>> table = graph.node_measures(ds)
    >>> graph.rank(table, "betweenness", top=3)["id"].tolist()
    ['iran', 'tajik_armed_forces', 'tajikistan']

    Ties are broken by id:

    >>> t = pd.DataFrame({"id": ["b", "a", "c"], "degree": [1, 2, 2]})
    >>> rank(t, "degree", 2)["id"].tolist()
    ['a', 'c']
    """
    if by not in table.columns:
        known = [c for c in table.columns if c not in ("label", "type")]
        raise UsageError(f"cannot sort by '{by}'; expected one of: {', '.join(known)}")
    ascending = by in ("id", "label", "type")
    ordered = table.sort_values([by, "id"], ascending=[ascending, True], kind="stable")
    ordered = ordered.reset_index(drop=True)
    return ordered if top is None or top <= 0 else ordered.head(top)
