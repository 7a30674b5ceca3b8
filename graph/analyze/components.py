"""Connected components of a graph given as arrays of link ends, labelled like scipy's.

Small graphs need no scipy: the labels are found with numpy (weak) or networkx (strong),
because importing ``scipy.sparse.csgraph`` costs more than the whole computation on them.
Weak components are numbered in the order of their first node, as scipy numbers them.

>>> import numpy as np
>>> weak_components(5, np.array([0, 3]), np.array([2, 4])).tolist()
[0, 1, 0, 2, 2]
"""

from __future__ import annotations

import numpy as np

__all__ = ["strong_components", "weak_components"]


def weak_components(n: int, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Component label of each of ``n`` nodes, links taken without direction.

    Parameters
    ----------
    n : int
        Number of nodes (positions ``0..n-1``).
    source, target : numpy.ndarray
        Link ends, as positions.

    Returns
    -------
    numpy.ndarray
        One int64 label per node; components are numbered by their first node.

    Examples
    --------
    >>> weak_components(3, np.array([1]), np.array([2])).tolist()
    [0, 1, 1]
    """
    root = np.arange(n, dtype=np.int64)
    source, target = np.asarray(source, np.int64), np.asarray(target, np.int64)
    while True:  # each node takes the smallest position it is linked to, until stable
        low = np.minimum(root[source], root[target])
        before = root.copy()
        np.minimum.at(root, source, low)
        np.minimum.at(root, target, low)
        root = root[root]
        if np.array_equal(root, before):
            break
    return np.unique(root, return_inverse=True)[1].astype(np.int64)


def strong_components(n: int, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Strongly connected component label of each of ``n`` nodes (links ``source -> target``).

    Parameters
    ----------
    n : int
        Number of nodes (positions ``0..n-1``).
    source, target : numpy.ndarray
        Link ends, as positions.

    Returns
    -------
    numpy.ndarray
        One int64 label per node, components numbered by their first node.

    Examples
    --------
    >>> strong_components(3, np.array([0, 1]), np.array([1, 0])).tolist()
    [0, 0, 1]
    """
    import networkx as nx

    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(zip(np.asarray(source).tolist(), np.asarray(target).tolist(), strict=True))
    labels = np.empty(n, dtype=np.int64)
    for label, part in enumerate(sorted(nx.strongly_connected_components(G), key=min)):
        labels[list(part)] = label
    return labels
