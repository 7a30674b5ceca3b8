"""The `graph stats` summary: counts, dates, density and components, checked against networkx."""

from __future__ import annotations

import dataclasses
import json

import networkx as nx
import pandas as pd
import pytest

import graph
from graph import Components, NodeRelations, SignCounts, TimeSpan


def test_summary_matches_networkx_on_a_graph_with_isolates_and_loops() -> None:
    nodes = pd.DataFrame(
        {"id": list("abcdef"), "label": list("ABCDEF"), "type": ["state"] * 4 + ["person"] * 2}
    )
    edges = pd.DataFrame(
        {
            "source": ["a", "b", "a", "d", "e"],
            "target": ["b", "a", "c", "d", "d"],
            "type": ["visit", "talks", "dispute", "talks", "office"],
            "date": ["2019", "2019-06", "", "2015-12-05", "2001"],
            "end_date": ["", "", "", "", "2021-04"],
        }
    )
    ds = graph.from_frames(nodes, edges)
    s = graph.summarize(ds)
    G = nx.Graph()
    G.add_nodes_from(nodes["id"])
    G.add_edges_from(
        (u, v) for u, v in zip(edges["source"], edges["target"], strict=True) if u != v
    )
    assert s.nodes == 6 and s.edges == 5 and s.pairs == G.number_of_edges() == 3
    assert s.density == round(nx.density(G), 6)
    comps = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
    assert s.components == Components(count=len(comps), largest=comps[0], isolated=1)
    assert s.dates == TimeSpan(first="2001-01-01", last="2021-04-30", dated=4, undated=1)
    assert s.edges_by_sign == SignCounts(cooperative=3, neutral=1, conflictual=1)
    assert s.nodes_by_type == {"state": 4, "person": 2}
    assert [t.id for t in s.top_nodes[:2]] == ["a", "d"]  # 3 relations each; a has 2 partners
    assert s.top_nodes[0] == NodeRelations(id="a", label="A", type="state", relations=3, partners=2)


def test_to_dict_gives_the_plain_values_of_every_field() -> None:
    s = graph.summarize(graph.load(), top=2)
    data = s.to_dict()
    assert list(data) == [
        "name", "notes", "nodes", "edges", "pairs", "nodes_by_type", "edges_by_type",
        "edges_by_family", "edges_by_sign", "dates", "density", "components", "top_nodes",
    ]  # fmt: skip
    assert json.loads(json.dumps(data)) == data
    assert data["components"] == {"count": 1, "largest": 22, "isolated": 0}
    assert data["dates"] == {"first": "1929-01-01", "last": "2025-01-31", "dated": 47, "undated": 5}
    assert data["top_nodes"][0] == {
        "id": "tajikistan", "label": "Tajikistan", "type": "state", "relations": 38,
        "partners": 15,
    }  # fmt: skip
    assert isinstance(data["notes"], list) and len(data["top_nodes"]) == 2


def test_summary_is_frozen() -> None:
    s = graph.summarize(graph.load())
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.nodes = 0  # type: ignore[misc]
