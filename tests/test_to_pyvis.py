"""graph.to_pyvis: a pyvis Network with the page's styles, layout and escaped titles."""

from __future__ import annotations

import html
import json
import re
import socket
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import graph
from graph.render import PAIR_KINDS, page_data, pair_links, to_html
from graph.render.styles import safe_color, safe_shape

PROTO = Path(__file__).parent / "data" / "hostile" / "proto-ids"
PAYLOAD = "</script><img src=x onerror=alert(1)> & <a href='javascript:alert(2)'>x</a>"


def hostile() -> graph.Dataset:
    nodes = pd.DataFrame(
        {
            "id": ["a", "b"],
            "label": [PAYLOAD, "Beta"],
            "type": ["state", "person"],
            "description": [PAYLOAD, ""],
        }
    )
    edges = pd.DataFrame(
        {
            "source": ["a", "a", "b"],
            "target": ["b", "b", "a"],
            "type": ["visit", "dispute", "visit"],
            "date": ["2019", "2020", ""],
            "evidence": [PAYLOAD, "", ""],
        }
    )
    return graph.from_frames(nodes, edges, name="hostile")


def _page_nodes(page: str) -> dict[str, Any]:
    block = page.split('<script type="application/json" id="graph-data">', 1)[1]
    return json.loads(block.split("</script>", 1)[0])["nodes"]


def test_one_node_per_actor_and_one_edge_per_link_or_relation(bundled: graph.Dataset) -> None:
    net = graph.to_pyvis(bundled)
    links = pair_links(bundled)  # one link per pair, as the page draws by default
    ids = bundled.nodes["id"].tolist()
    assert [n["id"] for n in net.nodes] == list(range(len(ids)))  # row numbers, as the page
    assert [n["dataId"] for n in net.nodes] == ids
    assert [e["id"] for e in net.edges] == list(range(len(links)))
    ends = list(zip(links["source"], links["target"], strict=True))
    assert [e["dataId"] for e in net.edges] == [f"pair:{s}|{t}" for s, t in ends]
    assert [(ids[e["from"]], ids[e["to"]]) for e in net.edges] == ends
    colors = [PAIR_KINDS[kind]["color"] for kind in links["kind"]]
    assert [e["color"]["color"] for e in net.edges] == colors
    rows = graph.to_pyvis(bundled, aggregate=False)
    assert [e["dataId"] for e in rows.edges] == bundled.edges["id"].tolist()
    assert len(rows.nodes) == len(bundled.nodes)


def test_object_prototype_ids_are_data_not_vis_ids() -> None:
    ds = graph.load(PROTO)  # ids constructor, __proto__, toString, valueOf, 0 …
    for aggregate in (True, False):
        net = graph.to_pyvis(ds, aggregate=aggregate)
        assert [n["id"] for n in net.nodes] == list(range(len(ds.nodes)))
        assert [n["dataId"] for n in net.nodes] == ds.nodes["id"].tolist()
        assert all(isinstance(e[k], int) for e in net.edges for k in ("id", "from", "to"))
    rows = graph.to_pyvis(ds, aggregate=False)
    assert [e["dataId"] for e in rows.edges] == ds.edges["id"].tolist()


def test_a_view_keeps_only_its_actors_and_relations(bundled: graph.Dataset) -> None:
    view = bundled.filter(start="2019")
    net = graph.to_pyvis(view, aggregate=False)
    assert len(net.nodes) == len(view.nodes) and len(net.edges) == len(view.edges)


def test_colours_shapes_arrows_and_dashes_come_from_the_vocabulary(
    bundled: graph.Dataset,
) -> None:
    vocab = bundled.vocabulary
    net = graph.to_pyvis(bundled, aggregate=False)
    types = dict(zip(bundled.nodes["id"], bundled.nodes["type"], strict=True))
    for node in net.nodes:
        kind = vocab.node_types[types[node["dataId"]]]
        assert node["color"]["background"] == safe_color(kind.color)
        assert node["shape"] == safe_shape(kind.shape)
    for edge, (_, row) in zip(net.edges, bundled.edges.iterrows(), strict=True):
        kind = vocab.edge_types[row["type"]]
        assert edge["color"]["color"] == safe_color(kind.color)
        assert edge["arrows"]["to"]["enabled"] is bool(kind.directed)
        assert ("dashes" in edge) is (row["sign"] < 0)


def test_positions_and_sizes_equal_the_pages(bundled: graph.Dataset) -> None:
    page = _page_nodes(to_html(bundled, seed=3))
    net = graph.to_pyvis(bundled, seed=3)
    assert [n["x"] for n in net.nodes] == page["x"]
    assert [n["y"] for n in net.nodes] == page["y"]
    assert [n["size"] for n in net.nodes] == page["size"]
    assert [n["x"] for n in graph.to_pyvis(bundled).nodes] != page["x"]  # the seed matters
    assert net.options.physics.enabled is False


def test_titles_are_escaped_plain_text() -> None:
    net = graph.to_pyvis(hostile(), aggregate=False)
    titles = [item["title"] for item in net.nodes + net.edges]
    for title in titles:
        assert "<" not in title and ">" not in title
    first = html.unescape(net.nodes[0]["title"]).split("\n")
    assert first[0] == PAYLOAD and PAYLOAD in first
    assert f"Evidence: {PAYLOAD}" in html.unescape(net.edges[0]["title"])
    assert net.nodes[0]["label"] == PAYLOAD  # drawn on the canvas as text by vis-network


def test_parallel_links_of_a_pair_are_all_kept() -> None:
    net = graph.to_pyvis(hostile(), aggregate=False)
    assert len(net.edges) == 3  # pyvis would drop two of them in an undirected Network
    assert {e["smooth"]["type"] for e in net.edges if e["smooth"]["enabled"]} <= {
        "curvedCW",
        "curvedCCW",
    }


def test_generate_html_needs_no_network(
    monkeypatch: pytest.MonkeyPatch, bundled: graph.Dataset
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("to_pyvis / generate_html tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = graph.to_pyvis(bundled, heading="Iran").generate_html()
    live = re.sub(r"<!--.*?-->", "", page, flags=re.DOTALL)  # the template comments one out
    sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", live)
    assert not [s for s in sources if "vis" in s]  # vis-network is inlined ("in_line")
    assert "@version 9.1.2" in page
    assert '"dataId": "tajikistan"' in page


@pytest.mark.browser
def test_pyvis_page_draws_with_the_network_closed(
    browser_page: Any, tmp_path: Path, bundled: graph.Dataset
) -> None:
    path = tmp_path / "pyvis.html"
    path.write_text(graph.to_pyvis(bundled).generate_html(), encoding="utf-8")
    page = browser_page.page
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => typeof network !== 'undefined' && network.body")
    assert page.evaluate("() => network.body.nodeIndices.length") == len(bundled.nodes)
    drawn = page.evaluate("() => network.getPositions()")
    laid_out = page_data(bundled)["nodes"]
    for i, (x, y) in enumerate(zip(laid_out["x"], laid_out["y"], strict=True)):
        assert drawn[str(i)] == pytest.approx({"x": x, "y": y}, abs=1)  # whole pixels
    # pyvis's template links Bootstrap from a CDN whatever cdn_resources says: that is all
    assert all("bootstrap" in url for url in browser_page.requests)


@pytest.mark.browser
@pytest.mark.parametrize("physics", [False, True])
def test_pyvis_page_of_object_prototype_ids_draws_everything(
    browser_page: Any, tmp_path: Path, physics: bool
) -> None:
    ds = graph.load(PROTO)
    path = tmp_path / "proto.html"
    path.write_text(graph.to_pyvis(ds, aggregate=False, physics=physics).generate_html())
    page = browser_page.page
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => typeof network !== 'undefined' && network.body")
    page.wait_for_timeout(500)  # physics runs a few hundred steps
    drawn = page.evaluate(
        """() => ({
          nodes: network.body.nodeIndices.map((i) => nodes.get(i).dataId).sort(),
          edges: network.body.edgeIndices.map((j) => edges.get(j).dataId).sort(),
          finite: Object.values(network.getPositions()).every((p) => isFinite(p.x)),
        })"""
    )
    assert drawn["nodes"] == sorted(ds.nodes["id"])
    assert drawn["edges"] == sorted(ds.edges["id"])
    assert drawn["finite"]
    # the only errors: the Bootstrap files pyvis's template links from a CDN (closed here)
    assert [e for e in browser_page.errors if "Failed to load resource" not in e] == []
