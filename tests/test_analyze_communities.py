"""Communities of the cooperative layer: deterministic, seeded, equal to networkx's Louvain."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import numpy as np
import pytest
from analyze_data import random_dataset, reference_graph

import graph
from graph.analyze import communities
from graph.analyze._louvain import MAX_LEVELS, MAX_PASSES, louvain


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


# networkx issue #8739: Graph Atlas G674, on which networkx 3.6's louvain_communities loops
# forever for seed 123 (and, as a dataset of cooperation relations, for graph.communities with
# seed 0 and about a third of the seeds 0..199).
G674 = [(0, 1), (0, 2), (0, 5), (0, 6), (1, 2), (1, 4), (2, 3), (2, 5), (2, 6), (3, 4)]

_LOOPING = """
import json
import networkx as nx
import pandas as pd
import graph
from graph.analyze._louvain import louvain

edges = {edges}
found = louvain(nx.Graph(edges), seed=123)
ids = [f"n{{i}}" for i in range(7)]
nodes = pd.DataFrame({{"id": ids, "label": ids, "type": "state"}})
relations = pd.DataFrame(
    {{"source": [f"n{{a}}" for a, _ in edges], "target": [f"n{{b}}" for _, b in edges]}}
).assign(type="cooperation")
ds = graph.from_frames(nodes, relations)
sizes = [sorted(g["size"] for g in graph.communities(ds, seed=s).groups()) for s in range(60)]
print(json.dumps({{"found": sorted(sorted(c) for c in found), "sizes": sizes}}))
"""


def test_louvain_ends_on_the_graph_that_loops_in_networkx_3_6() -> None:
    # in a subprocess with a timeout: a regression fails here instead of hanging the suite
    done = subprocess.run(
        [sys.executable, "-c", _LOOPING.format(edges=G674)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["found"] == [[0, 2, 5, 6], [1, 3, 4]]  # networkx's own expectation (#8757)
    assert all(sum(sizes) == 7 for sizes in result["sizes"])


@pytest.mark.parametrize("case", range(8))
def test_louvain_equals_networkx_on_real_weights(case: int) -> None:
    rng = np.random.default_rng(case)
    G = nx.gnp_random_graph(int(rng.integers(10, 50)), 0.15, seed=case)
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.random())
    for seed in (0, 7):
        expected = nx.community.louvain_communities(G, weight="weight", seed=seed)
        found = louvain(G, seed=seed)
        assert {frozenset(c) for c in found} == {frozenset(c) for c in expected}


def test_every_loop_of_louvain_is_bounded() -> None:
    assert 0 < MAX_PASSES < 10_000 and 0 < MAX_LEVELS < 1_000
    G = nx.Graph(G674)
    for passes, levels in ((1, 1), (1, 5), (3, 1)):
        found = louvain(G, seed=123, max_passes=passes, max_levels=levels)
        members = [x for c in found for x in c]
        assert sorted(members) == sorted(G) and all(found)  # a partition of every node
    one_pass = louvain(G, seed=123, max_passes=1, max_levels=1)
    assert len(one_pass) < len(G)  # the first pass already merges nodes


def test_negative_ties_inside_each_community_are_listed() -> None:
    ds = graph.load()
    result = communities(ds)
    community = result.table.set_index("id")["community"].fillna(0)
    edges = ds.edges[(ds.edges["sign"] < 0) & (ds.edges["source"] != ds.edges["target"])]
    expected: dict[tuple[str, str], int] = {}
    position = {x: i for i, x in enumerate(ds.nodes["id"])}
    for a, b in edges[["source", "target"]].values.tolist():
        pair = (a, b) if position[a] < position[b] else (b, a)
        if community[a] > 0 and community[a] == community[b]:
            expected[pair] = expected.get(pair, 0) + 1
    inside = result.negative_inside
    assert list(inside.columns) == ["source", "target", "community", "relations", "conflictual"]
    pairs = zip(inside["source"], inside["target"], strict=True)
    assert dict(zip(pairs, inside["conflictual"], strict=True)) == expected
    assert len(expected) == 3  # Iran–Tajikistan, Tajikistan–IRPT, Tajikistan–UTO
    assert all(
        community[a] == c for a, c in zip(inside["source"], inside["community"], strict=True)
    )
    counts = {g["community"]: g["negative_inside"] for g in result.groups()}
    assert counts == {1: 3, 2: 0, 3: 0}
    assert result.to_dict()["negative_inside"] == inside.to_dict("records")
    assert "conflictual pairs inside" in result._repr_html_()


def test_a_result_built_without_negative_ties_has_an_empty_table() -> None:
    table = graph.communities(graph.load()).table
    bare = graph.Communities(table, modularity=0.1, seed=0, resolution=1.0)
    assert bare.negative_inside.empty and all(g["negative_inside"] == 0 for g in bare.groups())
