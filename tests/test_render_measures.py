"""The page's node measures and communities (equal to ``graph stats`` and the report), and the
importers' automatic actor-to-state links."""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest
from analyze_data import random_dataset

import graph
from conftest import SHARED_EVENTS
from graph.analyze import MEASURES, communities, node_measures, rounded
from graph.render import SIZE_MEASURES
from graph.render import measures as page_module
from graph.render.measures import PAGE_MEASURES, automatic_links, page_measures

ICEWS = SHARED_EVENTS / "icews_events.2018.sample.tab"


def report_communities(ds: graph.Dataset) -> list[int]:
    """The report's communities (1 = largest, <NA> without a cooperative tie) as 0.. and -1."""
    column = communities(ds).table["community"]
    return [-1 if pd.isna(c) else int(c) - 1 for c in column]


@pytest.mark.parametrize("ds", [graph.load(), random_dataset(3)], ids=["bundled", "random"])
def test_values_equal_the_stats_table(ds: graph.Dataset) -> None:
    page = page_measures(ds)
    table = node_measures(ds)
    for name in PAGE_MEASURES:
        assert page["values"][name] == rounded(table[name].astype(float).tolist()), name
    by_id = {r["id"]: r for r in graph.stats(ds).to_dict()["node_measures"]}
    for i, node in enumerate(ds.nodes["id"]):
        for name in PAGE_MEASURES:
            assert page["values"][name][i] == float(by_id[node][name]), (node, name)
    assert page["note"] is None and page["sample"] is None
    assert page["eigenvector"] == "eigenvector"


def test_measures_are_named_and_described_as_in_stats() -> None:
    page = page_measures(graph.load())
    assert [m["name"] for m in page["measures"]] == list(PAGE_MEASURES) == list(SIZE_MEASURES)
    for m in page["measures"]:
        # the definition of graph stats, and the relations it counts
        assert m["description"].startswith(MEASURES[m["name"]] + " (")
        layer = m["description"][len(MEASURES[m["name"]]) + 2 :]
        assert layer.startswith(("all relations", "cooperative relations only"))
        assert layer.endswith(", memberships and offices left out)")
        assert m["label"].lower() == m["name"].replace("_", " ")
    assert page["engine"] in ("igraph", "networkx")


@pytest.mark.parametrize("ds", [graph.load(), random_dataset(8)], ids=["bundled", "random"])
def test_communities_equal_the_report(ds: graph.Dataset) -> None:
    page = page_measures(ds)
    assert page["communities"] == report_communities(ds)
    assert page["community_engine"] == "networkx"
    assert -1 in page["communities"] and 0 in page["communities"]


def test_two_calls_give_the_same_page_and_json() -> None:
    ds = random_dataset(5)
    a, b = page_measures(ds), page_measures(ds)
    assert a == b
    text = json.dumps(a, allow_nan=False)
    assert json.loads(text) == a
    assert all(type(v) is float for col in a["values"].values() for v in col)
    assert all(type(c) is int for c in a["communities"])


def test_networkx_engine_gives_the_same_numbers() -> None:
    ds = random_dataset(4)
    fast, slow = page_measures(ds, engine="igraph"), page_measures(ds, engine="networkx")
    assert slow["engine"] == "networkx" and slow["communities"] == fast["communities"]
    for name in PAGE_MEASURES:
        assert slow["values"][name] == pytest.approx(fast["values"][name], rel=1e-5, abs=1e-9)


def test_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(graph.UsageError):
        page_measures(graph.load(), engine="gpu")


def test_large_graph_betweenness_is_the_seeded_pivot_estimate(monkeypatch) -> None:
    ds = random_dataset(6)
    monkeypatch.setitem(page_module.BETWEENNESS_WORK, "igraph", 100)
    monkeypatch.setattr(page_module, "MIN_PIVOTS", 7)
    page = page_measures(ds, engine="igraph")
    assert page["sample"] == 7
    expected = node_measures(ds, engine="igraph", sample=7)["betweenness"]
    assert page["values"]["betweenness"] == rounded(expected.tolist())
    assert (
        page["values"]["betweenness"]
        != page_measures(ds, engine="networkx")["values"]["betweenness"]
    )
    assert page["note"] is not None and "7 of 60 actors" in page["note"]
    assert page_measures(ds, engine="igraph") == page  # the pivots are seeded


def test_large_cooperative_layer_uses_igraph_louvain(monkeypatch) -> None:
    ds = random_dataset(8)
    monkeypatch.setattr(page_module, "COMMUNITY_EXACT_MAX_TIES", 0)
    page = page_measures(ds, engine="igraph")
    assert page["community_engine"] == "igraph"
    assert page["note"] is not None and "igraph's Louvain" in page["note"]
    assert page_measures(ds, engine="igraph")["communities"] == page["communities"]
    groups = np.asarray(page["communities"])
    report = np.asarray(report_communities(ds))
    assert ((groups == -1) == (report == -1)).all()  # the same actors have no cooperative tie
    sizes = np.bincount(groups[groups >= 0])
    assert (sizes > 0).all() and (np.diff(sizes) <= 0).all()  # 0.. largest first
    # with networkx only, the report's communities are used whatever the size
    assert page_measures(ds, engine="networkx")["communities"] == report.tolist()


def test_zero_cooperative_weights_group_by_ties(monkeypatch) -> None:
    nodes = pd.DataFrame({"id": list("abcde"), "label": list("ABCDE"), "type": "state"})
    edges = pd.DataFrame(
        {"source": ["a", "c", "d"], "target": ["b", "d", "e"], "type": "aid", "weight": "0"}
    )
    ds = graph.from_frames(nodes, edges)
    monkeypatch.setattr(page_module, "COMMUNITY_EXACT_MAX_TIES", 0)
    assert page_measures(ds, engine="igraph")["communities"] == [1, 1, 0, 0, 0]
    assert report_communities(ds) == [1, 1, 0, 0, 0]


def test_hostile_ids_are_plain_data() -> None:
    ids = ['<script>alert("x")</script>', "a'b", "x-link-y", "ünï cödé", "1", "1.0", "NaN"]
    nodes = pd.DataFrame({"id": ids, "label": ids, "type": "state"})
    edges = pd.DataFrame(
        {
            "source": [ids[0], ids[1], ids[2], ids[3], ids[4], ids[0]],
            "target": [ids[1], ids[2], ids[3], ids[4], ids[5], ids[0]],
            "type": ["aid", "aid", "conflict", "aid", "trade", "aid"],
        }
    )
    ds = graph.from_frames(nodes, edges)
    page = page_measures(ds)
    assert page["values"]["degree"] == [1.0, 2.0, 2.0, 2.0, 2.0, 1.0, 0.0]
    assert page["communities"] == report_communities(ds)
    assert page["communities"][-1] == -1
    json.dumps(page, allow_nan=False)


def test_empty_dataset() -> None:
    ds = graph.load()
    empty = ds.with_tables(ds.nodes.iloc[:0], ds.edges.iloc[:0])
    page = page_measures(empty)
    assert page["values"] == {name: [] for name in PAGE_MEASURES}
    assert page["communities"] == [] and page["note"] is None
    no_edges = ds.with_tables(ds.nodes, ds.edges.iloc[:0])
    page = page_measures(no_edges)
    assert page["communities"] == [-1] * len(ds.nodes)
    assert set(page["values"]["pagerank"]) == {float(f"{1 / len(ds.nodes):.6g}")}
    assert automatic_links(empty.edges).tolist() == []


def test_automatic_links_need_id_citation_and_type() -> None:
    edges = pd.DataFrame(
        {
            "id": [
                "icews-link-a",  # a link
                "gdelt-link-b",  # a link
                "icews-link-a",  # another source
                "icews-link-c",  # citation of another prefix
                "icews-link-d",  # not a link type
                "icews-link-e",  # no citation
                "e1",
                "icews-link-f",  # citation not upper-cased
                "icews-link-g",  # an office link
            ],
            "source": ["a", "b", "b", "c", "d", "e", "a", "f", "g"],
            "type": ["membership"] * 4
            + ["aid", "membership", "membership", "membership"]
            + ["office"],
            "citation": [
                "ICEWS actor coding",
                "GDELT actor coding",
                "ICEWS actor coding",
                "GDELT actor coding",
                "ICEWS actor coding",
                None,
                "ICEWS actor coding",
                "icews actor coding",
                "ICEWS actor coding",
            ],
        }
    )
    expected = [True, True, False, False, False, False, False, False, True]
    assert automatic_links(edges).tolist() == expected
    assert automatic_links(edges.drop(columns="citation")).tolist() == [False] * len(edges)


def test_the_bundled_dataset_has_no_automatic_link() -> None:
    ds = graph.load()
    assert not automatic_links(ds.edges).any()


@pytest.mark.skipif(
    not ICEWS.is_file() and not os.environ.get("CI"), reason=f"{ICEWS} not found (present in CI)"
)
def test_automatic_links_of_an_icews_import(tmp_path) -> None:
    from graph.exchange.importers import import_icews  # tests may use every stage

    result = import_icews(ICEWS, tmp_path / "icews")
    ds = graph.load(tmp_path / "icews")
    found = automatic_links(ds.edges)
    links = ds.edges["id"].str.startswith("icews-link-").to_numpy()
    assert found.sum() > 0 and (found == links).all()
    assert set(ds.edges.loc[found, "type"]) <= {"membership", "office"}
    assert (automatic_links(result.edges) == links).all()  # the string table, as imported
    events = ds.edges.loc[~found, "citation"]
    assert not events.str.endswith("actor coding").any()
