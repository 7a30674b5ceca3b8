"""Exports read back into networkx with the same nodes, edges and attributes."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import graph
from graph.errors import UsageError
from graph.text import xml_safe

NODES = pd.DataFrame(
    {
        "id": ["iran", "tajikistan", "zarif"],
        "label": ["Iran", "Tajikistan", "Mohammad Javad Zarif"],
        "type": ["state", "state", "person"],
        "iso3": ["IRN", "TJK", ""],
        "country": ["", "", "iran"],
        "population_m": ["85", "9.5", ""],
    }
)
EDGES = pd.DataFrame(
    {
        "source": ["iran", "iran", "zarif"],
        "target": ["tajikistan", "tajikistan", "iran"],
        "type": ["visit", "dispute", "office"],
        "date": ["2019-06", "2015-12", ""],
        "weight": ["2", "", ""],
        "evidence": ['He said "friend & brother" <b>', "", ""],
        "citation": ["Article, 2021", "", ""],
    }
)


@pytest.fixture
def ds() -> graph.Dataset:
    return graph.from_frames(NODES, EDGES, name="t")


def _same(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert sorted(G.edges(keys=True, data=True)) == sorted(H.edges(keys=True, data=True))


def _without(G: nx.MultiDiGraph, nodes: tuple[str, ...], edges: tuple[str, ...]) -> None:
    """Drop, in place, the attributes of the page's look (checked in test_export_look)."""
    for _, attrs in G.nodes(data=True):
        for name in nodes:
            attrs.pop(name)
    for *_, attrs in G.edges(data=True):
        for name in edges:
            attrs.pop(name)


def test_graphml_round_trip(ds: graph.Dataset, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    graph.export(ds, "graphml", path)
    back = nx.read_graphml(path, force_multigraph=True)
    _without(back, ("x", "y", "size", "color"), ("color", "width"))
    _same(ds.to_networkx(), back)


def test_gexf_round_trip(ds: graph.Dataset, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    graph.export(ds, "gexf", path)
    back = nx.read_gexf(path)
    _without(back, ("viz",), ())  # networkx reads no edge viz
    G = ds.to_networkx()
    assert set(back.nodes) == set(G.nodes)
    for node, attrs in G.nodes(data=True):
        assert back.nodes[node] == attrs
    got = sorted((s, t, a["id"], a) for s, t, a in back.edges(data=True))
    want = sorted((s, t, k, a) for s, t, k, a in graph.to_gexf_graph(G).edges(keys=True, data=True))
    assert [(s, t, k) for s, t, k, _ in got] == [(s, t, k) for s, t, k, _ in want]
    for (_, _, _, a), (_, _, _, b) in zip(got, want, strict=True):
        assert a == b
    visit = next(a for _, _, a in back.edges(data=True) if a["id"] == "e2")
    assert (visit["relation"], visit["label"]) == ("visit", "visit")  # GEXF reserves "type"
    assert (visit["start"], visit["end"]) == ("2019-06-01", "2019-06-30")  # Gephi timeline


def test_json_is_node_link(ds: graph.Dataset, tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    graph.export(ds, "json", path)
    data = json.loads(path.read_text())
    assert {n["id"] for n in data["nodes"]} == {"iran", "tajikistan", "zarif"}
    back = nx.node_link_graph(data, edges="links")
    _same(ds.to_networkx(), back)


def test_csv_export_is_a_valid_dataset(ds: graph.Dataset, tmp_path: Path) -> None:
    graph.export(ds, "csv", tmp_path / "copy")
    again = graph.load(tmp_path / "copy")
    _same(ds.to_networkx(), again.to_networkx())
    assert "population_m" in again.extra_node_columns


def test_unknown_format(ds: graph.Dataset, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="expected one of: graphml, gexf, json, csv"):
        graph.export(ds, "pdf", tmp_path / "x.pdf")


UNSAFE = "\x00\x07\x0b\x0c\x1b\x1f\ufffe\uffff"  # no XML 1.0 document can hold these


@pytest.fixture
def unsafe() -> graph.Dataset:
    nodes = NODES.assign(
        id=["iran" + UNSAFE, "tajikistan", "zarif"],
        label=["Iran" + UNSAFE, "tab\there\nnewline", "Zarif"],
        country=["", "", "iran" + UNSAFE],
    ).rename(columns={"population_m": "population\x01m"})
    edges = EDGES.assign(
        source=["iran" + UNSAFE] * 2 + ["zarif"],
        target=["tajikistan", "tajikistan", "iran" + UNSAFE],
        evidence=["quote" + UNSAFE, "", ""],
    )
    return graph.from_frames(nodes, edges, name="t")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_write_u_fffd_for_what_xml_cannot_hold(
    unsafe: graph.Dataset, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"g.{fmt}"
    graph.export(unsafe, fmt, path)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    iran = "iran" + "\ufffd" * len(UNSAFE)
    assert sorted(back.nodes) == sorted([iran, "tajikistan", "zarif"])
    assert back.nodes[iran]["label"] == "Iran" + "\ufffd" * len(UNSAFE)
    assert back.nodes[iran]["population\ufffdm"] == "85"
    assert back.nodes["tajikistan"]["label"] == "tab\there\nnewline"  # allowed: kept
    assert back.nodes["zarif"]["country"] == iran
    quote = [a["evidence"] for _, _, a in back.edges(data=True) if "evidence" in a]
    assert quote == ["quote" + "\ufffd" * len(UNSAFE)]


def test_json_and_csv_exports_keep_every_character(unsafe: graph.Dataset, tmp_path: Path) -> None:
    graph.export(unsafe, "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert "iran" + UNSAFE in {n["id"] for n in data["nodes"]}
    graph.export(unsafe, "csv", tmp_path / "copy")
    again = graph.load(tmp_path / "copy")
    assert again.nodes["label"].tolist() == unsafe.nodes["label"].tolist()


def test_xml_safe_replaces_lone_surrogates() -> None:
    assert xml_safe("a\ud800b\udfff\U0001f600") == "a\ufffdb\ufffd\U0001f600"


def test_xml_export_refuses_ids_that_would_become_one(tmp_path: Path) -> None:
    nodes = NODES.assign(id=["a\x01", "a\x02", "zarif"], country=["", "", ""])
    edges = EDGES.assign(source=["a\x01", "a\x02", "zarif"], target=["a\x02", "a\x01", "a\x01"])
    ds = graph.from_frames(nodes, edges, name="t")
    with pytest.raises(UsageError, match="node ids 'a\\\\x01' and 'a\\\\x02' differ only"):
        graph.export(ds, "graphml", tmp_path / "g.graphml")
    assert not (tmp_path / "g.graphml").exists()
