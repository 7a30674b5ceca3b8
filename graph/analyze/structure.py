"""Graph-level figures: size, relations by type, density, components, distances, reciprocity,
assortativity.

Conventions (the aggregated graph, self-loops removed):

- ``density``: undirected, pairs / (n(n-1)/2); ``density_directed``: links of the directed
  view / (n(n-1)).
- ``components``: connected components of the undirected view (``largest``, ``isolated``);
  ``strong_components``: strongly connected components of the directed view.
- ``diameter`` and ``average_path_length``: unweighted hops in the undirected view, on the
  largest connected component only (ties: the one with the earliest node); None when there
  is no path (that component has fewer than two nodes, e.g. an empty dataset).
- ``reciprocity``: among ordered pairs linked by *directed* relation types (a visits b), the
  share whose reverse is also linked by a directed type (mutual types are left out: they are
  reciprocal by definition); None when there is no directed relation.
- ``assortativity_by_type``: Newman's nominal assortativity of node types in the undirected
  view (1: ties stay within a type; negative: ties join different types); None when undefined
  (no link, or a single type).

>>> from graph import load
>>> figures = graph_figures(load())
>>> figures.components.count >= 1, 0 <= figures.density <= 1
(True, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from ._view import View, analysis_view
from .engines import resolve_engine
from .results import Components, GraphFigures

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["assortativity", "graph_figures", "reciprocity"]


def _counts(series: pd.Series) -> dict[str, int]:
    counts = series.value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return {str(k): int(v) for k, v in ordered}


def assortativity(view: View, categories: np.ndarray) -> float | None:
    """Newman's nominal assortativity of the node categories over the view's links.

    >>> v = View(np.array(["a", "b", "c", "d"], dtype=object), np.array([0, 2]),
    ...          np.array([1, 3]), np.ones(2), np.ones(2), np.ones(2, dtype=np.int64), False)
    >>> assortativity(v, np.array(["x", "x", "y", "y"]))
    1.0
    """
    if view.m == 0:
        return None
    codes, _ = pd.factorize(pd.Series(categories))
    k = int(codes.max()) + 1
    a, b = codes[view.source], codes[view.target]
    if not view.directed:
        a, b = np.concatenate([a, b]), np.concatenate([b, a])
    e = np.bincount(a * k + b, minlength=k * k).reshape(k, k).astype(float)
    e /= e.sum()
    squares = float((e.sum(axis=1) * e.sum(axis=0)).sum())
    if np.isclose(squares, 1.0):
        return None
    return float((np.trace(e) - squares) / (1.0 - squares))


def reciprocity(dataset: Dataset) -> float | None:
    """Share of ordered pairs linked by directed types whose reverse is linked too."""
    edges = dataset.edges
    directed = edges[edges["directed"].astype(bool) & (edges["source"] != edges["target"])]
    if directed.empty:
        return None
    pairs = pd.MultiIndex.from_arrays([directed["source"], directed["target"]]).unique()
    reverse = pd.MultiIndex.from_arrays([pairs.get_level_values(1), pairs.get_level_values(0)])
    return float(reverse.isin(pairs).sum() / len(pairs))


def _distances(view: View, engine: str) -> tuple[int | None, float | None]:
    keep = view.largest_component()
    sub = view.subview(keep)
    if sub.n < 2:
        return None, None
    if engine == "igraph":
        # one breadth-first pass gives every path length: the diameter and the mean
        bins = np.array(list(sub.igraph.path_length_hist(directed=False).bins()), dtype=float)
        lengths, counts = bins[:, 0], bins[:, 2]
        return int(lengths[counts > 0].max()), float((lengths * counts).sum() / counts.sum())
    G = sub.to_networkx()
    return int(nx.diameter(G)), float(nx.average_shortest_path_length(G))


def graph_figures(dataset: Dataset, *, engine: str = "auto") -> GraphFigures:
    """Graph-level figures of a dataset (see the module docstring for definitions).

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    engine : {"auto", "igraph", "networkx"}, default "auto"
        Library for the diameter and average path length.

    Returns
    -------
    GraphFigures
        ``nodes``, ``relations``, ``pairs``, ``links_directed``, ``relations_by_type``,
        ``relations_by_family``, ``density``, ``density_directed``, ``components``
        (:class:`~graph.analyze.results.Components`), ``strong_components``, ``diameter``,
        ``average_path_length``, ``reciprocity``, ``assortativity_by_type``; ``to_dict()``
        gives plain values.

    Examples
    --------
    Every actor is connected, at most five steps apart:

    >>> figures = graph.graph_figures(ds)
    >>> figures.components.count, figures.diameter
    (1, 5)
    >>> round(figures.average_path_length, 2), round(figures.reciprocity, 2)
    (2.28, 0.23)
    """
    chosen = resolve_engine(engine)
    view = analysis_view(dataset, directed=False)
    arcs = analysis_view(dataset, directed=True)
    return figures_of(dataset, view, arcs, engine=chosen)


def figures_of(dataset: Dataset, view: View, arcs: View, *, engine: str) -> GraphFigures:
    """:func:`graph_figures` on views already built (undirected ``view``, directed ``arcs``)."""
    n = view.n
    labels = view.components()
    sizes = np.bincount(labels) if n else np.zeros(0, dtype=np.int64)
    diameter, average = _distances(view, engine)
    edges = dataset.edges
    return GraphFigures(
        nodes=n,
        relations=len(edges),
        pairs=view.m,
        links_directed=arcs.m,
        relations_by_type=_counts(edges["type"]),
        relations_by_family=_counts(edges["family"]),
        density=view.m / (n * (n - 1) / 2) if n > 1 else 0.0,
        density_directed=arcs.m / (n * (n - 1)) if n > 1 else 0.0,
        components=Components(
            count=len(sizes),
            largest=int(sizes.max()) if n else 0,
            isolated=int((sizes == 1).sum()),
        ),
        strong_components=len(np.unique(arcs.components(strong=True))),
        diameter=diameter,
        average_path_length=average,
        reciprocity=reciprocity(dataset),
        assortativity_by_type=assortativity(view, dataset.nodes["type"].to_numpy()),
    )
