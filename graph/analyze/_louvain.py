"""Louvain on an undirected weighted graph, as networkx's ``louvain_communities``, but bounded.

networkx 3.6.x's ``louvain_communities`` can loop forever (networkx issue #8739): inside one
level, round-off in the modularity gains, divided by m², makes a node move back and forth
between two communities whose gains are equal. ``max_level`` does not help, since the loop
is inside the first level. This is the same algorithm (Blondel et al. 2008, networkx's
implementation: the same seeded node order, the same moves, the same aggregation, so the same
communities), with networkx's fix (#8757: the gains are compared multiplied by m², which keeps
their round-off small) and a bound on every loop: at most :data:`MAX_PASSES` passes over the
nodes in a level and :data:`MAX_LEVELS` levels. Without round-off each move raises the
modularity, so the passes end on their own; the bounds only stop a loop that would not.

Adapted from networkx 3.6.1 (``networkx/algorithms/community/louvain.py``, BSD-3-Clause,
© NetworkX Developers; the licence is in ``LICENSE-networkx.txt`` beside this file and the copy
is listed in THIRD_PARTY.md).

>>> import networkx as nx
>>> G = nx.Graph([(0, 1), (0, 2), (0, 5), (0, 6), (1, 2), (1, 4), (2, 3), (2, 5), (2, 6), (3, 4)])
>>> sorted(sorted(c) for c in louvain(G, seed=123))  # loops forever in networkx 3.6.1
[[0, 2, 5, 6], [1, 3, 4]]
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Hashable

import networkx as nx

__all__ = ["MAX_LEVELS", "MAX_PASSES", "louvain"]

#: Passes over the nodes within one level, at most.
MAX_PASSES = 1000
#: Levels (aggregations), at most.
MAX_LEVELS = 100


def louvain(
    G: nx.Graph,
    *,
    resolution: float = 1.0,
    threshold: float = 1e-7,
    seed: int = 0,
    max_passes: int = MAX_PASSES,
    max_levels: int = MAX_LEVELS,
) -> list[set[Hashable]]:
    """The Louvain communities of an undirected graph with a ``weight`` on every edge.

    As ``nx.community.louvain_communities(G, weight="weight", resolution=resolution,
    threshold=threshold, seed=seed)``, which it equals whenever that ends, and always ends.
    """
    rng = random.Random(seed)
    partition: list[set[Hashable]] = [{u} for u in G.nodes()]
    if nx.is_empty(G):
        return partition
    mod = nx.community.modularity(G, partition, resolution=resolution, weight="weight")
    graph = nx.Graph()
    graph.add_nodes_from(G)
    graph.add_weighted_edges_from(G.edges(data="weight", default=1))
    m = graph.size(weight="weight")
    partition, inner, _ = _one_level(graph, m, partition, resolution, rng, max_passes)
    for _level in range(1, max_levels):
        new_mod = nx.community.modularity(graph, inner, resolution=resolution, weight="weight")
        if new_mod - mod <= threshold:
            break
        mod = new_mod
        graph = _aggregate(graph, inner)
        partition, inner, improvement = _one_level(graph, m, partition, resolution, rng, max_passes)
        if not improvement:
            break
    return partition


def _one_level(
    G: nx.Graph,
    m: float,
    partition: list[set[Hashable]],
    resolution: float,
    rng: random.Random,
    max_passes: int,
) -> tuple[list[set[Hashable]], list[set[Hashable]], bool]:
    """One level: move each node to the neighbouring community that raises the modularity
    most, in a seeded order, until a pass moves none (or ``max_passes`` passes)."""
    node2com = {u: i for i, u in enumerate(G.nodes())}
    inner: list[set[Hashable]] = [{u} for u in G.nodes()]
    gamma = resolution / 2
    degrees = dict(G.degree(weight="weight"))
    stot = list(degrees.values())
    nbrs = {u: {v: data["weight"] for v, data in G[u].items() if v != u} for u in G}
    order = list(G.nodes)
    rng.shuffle(order)
    moves, passes, improvement = 1, 0, False
    while moves > 0 and passes < max_passes:
        moves, passes = 0, passes + 1
        for u in order:
            own = node2com[u]
            to_com: defaultdict[int, float] = defaultdict(float)
            for v, wt in nbrs[u].items():
                to_com[node2com[v]] += wt
            degree = degrees[u]
            stot[own] -= degree
            # the gain of joining community c, times m²: w(u, c)·m − γ·Stot(c)·deg(u)
            best_gain = to_com[own] * m - gamma * stot[own] * degree
            best = own
            for com, wt in to_com.items():
                gain = wt * m - gamma * stot[com] * degree
                if gain > best_gain:
                    best_gain, best = gain, com
            stot[best] += degree
            if best != own:
                members = G.nodes[u].get("nodes", {u})
                partition[own].difference_update(members)
                partition[best].update(members)
                inner[own].remove(u)
                inner[best].add(u)
                node2com[u] = best
                improvement = True
                moves += 1
    return [p for p in partition if p], [p for p in inner if p], improvement


def _aggregate(G: nx.Graph, partition: list[set[Hashable]]) -> nx.Graph:
    """The graph of the communities: one node per community, the weights between summed."""
    H = nx.Graph()
    node2com = {}
    for i, part in enumerate(partition):
        nodes: set[Hashable] = set()
        for node in part:
            node2com[node] = i
            nodes.update(G.nodes[node].get("nodes", {node}))
        H.add_node(i, nodes=nodes)
    for a, b, wt in G.edges(data="weight"):
        ca, cb = node2com[a], node2com[b]
        H.add_edge(ca, cb, weight=wt + H.get_edge_data(ca, cb, {"weight": 0})["weight"])
    return H
