"""Graph views: the full multigraph and the aggregated weighted graph."""

from __future__ import annotations

import string

import networkx as nx
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.build import aggregate, aggregate_table, to_multidigraph

NODES = pd.DataFrame(
    {"id": ["a", "b", "c"], "label": ["A", "B", "C"], "type": ["state", "state", "person"],
     "role": ["", "", "Minister"]}
)  # fmt: skip
EDGES = pd.DataFrame(
    {
        "source": ["a", "b", "a", "c", "a"],
        "target": ["b", "a", "b", "a", "c"],
        "type": ["visit", "visit", "dispute", "office", "talks"],
        "date": ["2019", "2020-02", "2015-12", "", "2021-04-05"],
        "weight": ["", "2", "3", "", ""],
        "evidence": ["q1", "", "q3", "", ""],
    }
)


def test_multidigraph_keeps_every_row_and_attribute() -> None:
    ds = graph.from_frames(NODES, EDGES)
    G = to_multidigraph(ds)
    assert G.number_of_edges() == 5 and G.number_of_nodes() == 3
    assert G.number_of_edges("a", "b") == 2  # a visit and a dispute stay two edges
    attrs = G.edges["a", "b", "e2"]
    assert attrs["evidence"] == "q1" and attrs["date"] == "2019" and attrs["sign"] == 1
    assert "evidence" not in G.edges["b", "a", "e3"]  # empty cells are left out
    assert G.nodes["c"] == {"label": "C", "type": "person", "role": "Minister"}


def test_aggregate_undirected_sums_per_pair() -> None:
    ds = graph.from_frames(NODES, EDGES)
    A = aggregate(ds)
    assert isinstance(A, nx.Graph) and not A.is_directed()
    ab = A["a"]["b"]
    assert (ab["count"], ab["weight"], ab["signed_weight"]) == (3, 6.0, 0.0)
    assert (ab["positive"], ab["negative"], ab["sign"]) == (2, 1, 0)
    assert ab["first"] == "2015-12-01" and ab["last"] == "2020-02-29"
    assert A["a"]["c"]["count"] == 2


def test_aggregate_directed_counts_mutual_types_both_ways() -> None:
    ds = graph.from_frames(NODES, EDGES)
    D = aggregate(ds, directed=True)
    assert D["a"]["b"]["count"] == 2  # visit a->b and the mutual dispute
    assert D["b"]["a"]["count"] == 2  # visit b->a and the mutual dispute
    assert D["a"]["c"]["count"] == 1 and D["c"]["a"]["count"] == 2  # talks both ways, office c->a


def test_aggregate_by_type_keys_edges_by_type() -> None:
    ds = graph.from_frames(NODES, EDGES)
    M = aggregate(ds, by_type=True)
    assert isinstance(M, nx.MultiGraph)
    assert set(M["a"]["b"]) == {"visit", "dispute"}
    assert M["a"]["b"]["visit"]["count"] == 2
    table = aggregate_table(ds, by_type=True)
    assert table["count"].sum() == len(EDGES)


_ids = st.text(string.ascii_lowercase + "_", min_size=1, max_size=8)
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12).map(str.strip)


@st.composite
def datasets(draw: st.DrawFn) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = draw(st.lists(_ids, min_size=1, max_size=8, unique=True))
    n = len(ids)
    nodes = pd.DataFrame(
        {
            "id": ids,
            "label": draw(st.lists(_text, min_size=n, max_size=n)),
            "type": draw(
                st.lists(st.sampled_from(["state", "person", "party"]), min_size=n, max_size=n)
            ),
        }
    )
    m = draw(st.integers(0, 12))
    types = list(graph.load_vocabulary().edge_types)
    edges = pd.DataFrame(
        {
            "source": draw(st.lists(st.sampled_from(ids), min_size=m, max_size=m)),
            "target": draw(st.lists(st.sampled_from(ids), min_size=m, max_size=m)),
            "type": draw(st.lists(st.sampled_from(types), min_size=m, max_size=m)),
            "date": draw(
                st.lists(
                    st.sampled_from(["", "2019", "2015-12", "2021-04-05"]), min_size=m, max_size=m
                )
            ),
            "weight": draw(st.lists(st.sampled_from(["", "0.5", "3"]), min_size=m, max_size=m)),
            "description": draw(st.lists(_text, min_size=m, max_size=m)),
        }
    )
    return nodes, edges


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_load_build_round_trip(tmp_path_factory, data) -> None:
    """Random valid tables -> CSV files -> load -> build: counts and attributes survive."""
    nodes, edges = data
    folder = tmp_path_factory.mktemp("rt")
    nodes.to_csv(folder / "nodes.csv", index=False)
    edges.to_csv(folder / "edges.csv", index=False)
    ds = graph.load(folder)
    G = ds.to_networkx()
    assert G.number_of_nodes() == len(nodes) and G.number_of_edges() == len(edges)
    assert [G.nodes[i].get("label", "") or i for i in nodes["id"]] == [
        label or i for i, label in zip(nodes["id"], nodes["label"], strict=True)
    ]
    got = sorted(
        (s, t, a["type"], a.get("date", ""), a["weight"], a.get("description", ""))
        for s, t, a in G.edges(data=True)
    )
    want = sorted(
        (r.source, r.target, r.type, r.date, float(r.weight or 1), r.description)
        for r in edges.itertuples()
    )
    assert got == want
    A = ds.aggregate()
    assert sum(d["count"] for _, _, d in A.edges(data=True)) == len(edges)
