"""The analysis view: the aggregated graph as integer arrays, and the engines that use it.

A :class:`View` holds one link per pair (self-loops removed) as positions into the
dataset's node table, so every measure is computed in the dataset's node order. It converts
to a networkx graph or, when it is installed, an igraph graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ..dataset.build import aggregate_table
from ..errors import UsageError
from .components import strong_components, weak_components
from .engines import igraph_module

if TYPE_CHECKING:
    from ..dataset import Dataset

#: Views up to this many nodes find their components without scipy (:meth:`View.components`).
SMALL_VIEW = 2000


@dataclass(frozen=True)
class View:
    """One link per pair of distinct nodes, as positions into ``ids``.

    Attributes
    ----------
    ids : numpy.ndarray
        Node ids in the dataset's order.
    source, target : numpy.ndarray
        Positions of the link ends (int64); for an undirected view ``source < target``.
    weight, signed_weight : numpy.ndarray
        Sum of the relations' weights (and of weight × sign) on each link.
    count : numpy.ndarray
        Number of relations on each link.
    directed : bool
        Whether links have a direction (mutual relation types count both ways).
    """

    ids: np.ndarray
    source: np.ndarray
    target: np.ndarray
    weight: np.ndarray
    signed_weight: np.ndarray
    count: np.ndarray
    directed: bool

    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.ids)

    @property
    def m(self) -> int:
        """Number of links."""
        return len(self.source)

    def to_networkx(self) -> nx.Graph:
        """A ``nx.Graph``/``nx.DiGraph`` on ids with ``weight`` on every link."""
        G: nx.Graph = nx.DiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(self.ids.tolist())
        G.add_weighted_edges_from(
            zip(
                self.ids[self.source].tolist(),
                self.ids[self.target].tolist(),
                self.weight.tolist(),
                strict=True,
            )
        )
        return G

    @cached_property
    def igraph(self) -> Any:
        """An ``igraph.Graph`` on positions ``0..n-1`` with a ``weight`` edge attribute."""
        ig = igraph_module()
        if ig is None:  # pragma: no cover - guarded by resolve_engine
            raise UsageError("igraph is not installed")
        edges = np.column_stack([self.source, self.target])
        g = ig.Graph(n=self.n, edges=edges, directed=self.directed)
        g.es["weight"] = self.weight.tolist()
        return g

    def sparse(self, *, weighted: bool = False) -> Any:
        """The adjacency matrix as ``scipy.sparse.csr_array`` (symmetric if undirected)."""
        import scipy.sparse as sp

        s, t = self.source, self.target
        data = self.weight if weighted else np.ones(self.m)
        if not self.directed:
            s, t = np.concatenate([s, t]), np.concatenate([t, s])
            data = np.concatenate([data, data])
        return sp.csr_array((data, (s, t)), shape=(self.n, self.n))

    def components(self, *, strong: bool = False) -> np.ndarray:
        """Component label of every node (weak or strong connectivity).

        Weak components are numbered in the order of their first node, as scipy numbers them.
        Small views (up to ``SMALL_VIEW`` nodes) are labelled without scipy, whose import costs
        more than the whole computation on them.

        Examples
        --------
        >>> view = analysis_view(ds)
        >>> labels = view.components()
        >>> bool(len(labels) == view.n and labels[0] == 0)
        True
        """
        if self.n == 0:
            return np.zeros(0, dtype=np.int64)
        if self.n <= SMALL_VIEW:
            return self._small_components(strong)
        from scipy.sparse.csgraph import connected_components

        _, labels = connected_components(
            self.sparse(), directed=self.directed, connection="strong" if strong else "weak"
        )
        return np.asarray(labels, dtype=np.int64)

    def _small_components(self, strong: bool) -> np.ndarray:
        if strong and self.directed:
            return strong_components(self.n, self.source, self.target)
        return weak_components(self.n, self.source, self.target)

    def largest_component(self) -> np.ndarray:
        """Positions of the nodes of the largest (weak) component; ties go to the first."""
        labels = self.components()
        if len(labels) == 0:
            return labels
        sizes = np.bincount(labels)
        first = np.full(len(sizes), len(labels), dtype=np.int64)
        np.minimum.at(first, labels, np.arange(len(labels)))
        best = np.lexsort((first, -sizes))[0]  # largest, then the one seen first
        return np.flatnonzero(labels == best)

    def subview(self, keep: np.ndarray) -> View:
        """The view induced on the node positions ``keep`` (renumbered in order)."""
        if len(keep) == self.n:
            return self
        position = np.full(self.n, -1, dtype=np.int64)
        position[keep] = np.arange(len(keep))
        inside = (position[self.source] >= 0) & (position[self.target] >= 0)
        return View(
            self.ids[keep],
            position[self.source[inside]],
            position[self.target[inside]],
            self.weight[inside],
            self.signed_weight[inside],
            self.count[inside],
            self.directed,
        )


def view_from_table(
    ids: pd.Index | pd.Series | np.ndarray, table: pd.DataFrame, *, directed: bool
) -> View:
    """Build a view from an :func:`~graph.aggregate_table` result (self-loops dropped)."""
    index = pd.Index(ids)
    s = index.get_indexer(table["source"]).astype(np.int64)
    t = index.get_indexer(table["target"]).astype(np.int64)
    keep = s != t
    return View(
        np.asarray(index, dtype=object),
        s[keep],
        t[keep],
        table["weight"].to_numpy(dtype=float)[keep],
        table["signed_weight"].to_numpy(dtype=float)[keep],
        table["count"].to_numpy(dtype=np.int64)[keep],
        directed,
    )


def analysis_view(dataset: Dataset, *, directed: bool = False) -> View:
    """The aggregated graph of a dataset (one link per pair, no self-loops) as a :class:`View`.

    >>> from graph import load
    >>> v = analysis_view(load())
    >>> v.n == len(load().nodes), bool((v.source < v.target).all())
    (True, True)
    """
    table = aggregate_table(dataset, directed=directed)
    return view_from_table(dataset.nodes["id"], table, directed=directed)
