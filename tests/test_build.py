"""Graph views: the full multigraph and the aggregated weighted graph."""

from __future__ import annotations

import string

import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.dataset.build import aggregate, aggregate_table, node_records, to_multidigraph

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


def _reference(ds: graph.Dataset, directed: bool) -> nx.Graph:
    """The aggregate graph built through networkx's public API only."""
    table = aggregate_table(ds, directed=directed)
    G = (nx.DiGraph if directed else nx.Graph)(name=ds.title)
    G.add_nodes_from(node_records(ds))
    for row in table.to_dict("records"):
        attrs = {k: v for k, v in row.items() if k not in ("source", "target")}
        for end in ("first", "last"):
            day = attrs.pop(end)
            if not pd.isna(day):
                attrs[end] = day.strftime("%Y-%m-%d")
        G.add_edge(row["source"], row["target"], **attrs)
    return G


@pytest.mark.parametrize("directed", [False, True])
def test_aggregate_equals_the_graph_built_with_add_edge(directed: bool) -> None:
    for ds in (graph.load(), graph.from_frames(NODES, EDGES)):
        A = aggregate(ds, directed=directed)
        B = _reference(ds, directed)
        assert nx.utils.graphs_equal(A, B)
        assert list(A.edges) == list(B.edges)  # and in the same order
        assert all(list(A.adj[n]) == list(B.adj[n]) for n in A)
        if directed:
            assert all(list(A.pred[n]) == list(B.pred[n]) for n in A)
        assert dict(A.degree(weight="weight")) == dict(B.degree(weight="weight"))
        assert sorted(A.edges(data="count")) == sorted(B.edges(data="count"))
        A.add_edge("x", "y")  # the graph stays an ordinary, mutable networkx graph
        assert A.has_edge("x", "y") and (A.has_edge("y", "x") != directed)


def test_undated_pairs_have_no_first_or_last_date() -> None:
    edges = EDGES.assign(date=["2019", "", "", "", ""])
    A = aggregate(graph.from_frames(NODES, edges))
    assert (A["a"]["b"]["first"], A["a"]["b"]["last"]) == ("2019-01-01", "2019-12-31")
    assert "first" not in A["a"]["c"] and "last" not in A["a"]["c"]


def test_aggregate_refuses_relations_to_actors_missing_from_the_node_table() -> None:
    ds = graph.from_frames(NODES, EDGES)
    broken = ds.with_tables(ds.nodes[ds.nodes["id"] != "c"], ds.edges)
    with pytest.raises(ValueError, match="'c' is not in the node table"):
        aggregate(broken)


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
