"""The `graph stats` summary: counts, dates, density and components, checked against networkx."""

from __future__ import annotations

import networkx as nx
import pandas as pd

import graph


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
    assert s["nodes"] == 6 and s["edges"] == 5 and s["pairs"] == G.number_of_edges() == 3
    assert s["density"] == round(nx.density(G), 6)
    comps = sorted((len(c) for c in nx.connected_components(G)), reverse=True)
    assert s["components"] == {"count": len(comps), "largest": comps[0], "isolated": 1}
    assert s["dates"] == {"first": "2001-01-01", "last": "2021-04-30", "dated": 4, "undated": 1}
    assert s["edges_by_sign"] == {"cooperative": 3, "neutral": 1, "conflictual": 1}
    assert s["nodes_by_type"] == {"state": 4, "person": 2}
    assert [t["id"] for t in s["top_nodes"][:2]] == ["a", "d"]  # 3 relations each; a has 2 partners
    assert s["top_nodes"][0] == {
        "id": "a", "label": "A", "type": "state", "relations": 3, "partners": 2,
    }  # fmt: skip
