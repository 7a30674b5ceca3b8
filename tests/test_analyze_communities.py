"""Communities of the cooperative layer: deterministic, seeded, equal to networkx's Louvain."""

from __future__ import annotations

import networkx as nx
import pytest
from analyze_data import random_dataset, reference_graph

import graph
from graph.analyze import communities


def test_same_seed_same_communities_and_numbering() -> None:
    ds = random_dataset(3)
    a, b = communities(ds, seed=7), communities(ds, seed=7)
    assert a.groups() == b.groups() and a.modularity == b.modularity
    sizes = [g["size"] for g in a.groups()]
    assert sizes == sorted(sizes, reverse=True)


def test_partition_equals_networkx_louvain_on_the_cooperative_layer() -> None:
    ds = random_dataset(8)
    layer = ds.with_tables(ds.nodes, ds.edges[ds.edges["sign"] > 0])
    G = reference_graph(layer, directed=False)
    G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    expected = nx.community.louvain_communities(G, weight="weight", seed=2)
    result = communities(ds, seed=2)
    assert {frozenset(g["members"]) for g in result.groups()} == {frozenset(c) for c in expected}
    assert result.modularity == pytest.approx(nx.community.modularity(G, expected, weight="weight"))


def test_actors_without_cooperative_ties_have_no_community() -> None:
    ds = graph.load()
    result = communities(ds)
    coop = ds.edges[(ds.edges["sign"] > 0) & (ds.edges["source"] != ds.edges["target"])]
    tied = set(coop["source"]) | set(coop["target"])
    placed = set(result.table.dropna(subset=["community"])["id"])
    assert placed == tied and len(placed) < len(ds.nodes)
    assert result.to_dict()["communities"][0]["community"] == 1
