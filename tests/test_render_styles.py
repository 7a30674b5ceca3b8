"""graph.render styles, node measures and layout: safe colours and shapes, sizes and widths,
edges around hubs, labels clear of nodes, seeded positions, separated boxes."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import graph
from graph.errors import UsageError
from graph.render import (
    SIZE_MEASURES,
    node_measure,
    page_data,
    positions,
)
from graph.render.layout import separate_boxes
from graph.render.styles import edge_widths, node_sizes, safe_color, safe_shape


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#ABCDEF", "#abcdef"),
        ("#abc", "#aabbcc"),
        ("red", "#7f7f7f"),
        ("#12345", "#7f7f7f"),
        ("url(javascript:alert(1))", "#7f7f7f"),
        ('"><script>', "#7f7f7f"),
    ],
)
def test_safe_color(value: str, expected: str) -> None:
    assert safe_color(value) == expected


def test_safe_shape() -> None:
    assert safe_shape("star") == "star"
    assert safe_shape("image") == safe_shape("circularImage") == safe_shape("<x>") == "dot"


def test_sizes_and_widths() -> None:
    assert node_sizes(np.array([3.0, 3.0])).tolist() == [20.0, 20.0]
    assert node_sizes(np.array([])).tolist() == []
    assert edge_widths(np.array([np.nan])).tolist() == [1.5]
    assert edge_widths(np.array([])).tolist() == []


def test_edge_widths_are_capped_and_keep_their_order() -> None:
    values = np.array([0.0, 1.0, 3.0, 40.0, 900.0, 1e9])
    widths = edge_widths(values)
    assert widths.max() == 6.0 and widths.min() == 1.5
    assert (np.diff(widths[1:]) > 0).all()  # above 1, a larger value is always wider
    assert edge_widths(np.array([1.0, 2.0, 8.0])).tolist() == [1.5, 2.5, 4.5]  # 1 px a doubling


def hub(leaves: int = 40, relations: int = 1, weight: float = 1.0) -> graph.Dataset:
    """One hub tied to ``leaves`` partners with long labels, ``relations`` times each."""
    names = [f"p{i:02d}" for i in range(leaves)]
    nodes = pd.DataFrame(
        {
            "id": ["hub", *names],
            "label": ["Türkiye hub", *[f"Partner number {i} of the hub" for i in range(leaves)]],
            "type": ["state", *["person" if i % 2 else "armed_group" for i in range(leaves)]],
        }
    )
    rows = [(f"e{i}_{k}", "hub", n) for i, n in enumerate(names) for k in range(relations)]
    edges = pd.DataFrame(rows, columns=["id", "source", "target"])
    edges["type"] = "support"
    edges["date"] = "2019-10"
    edges["weight"] = str(weight)
    return graph.from_frames(nodes, edges, name="hub")


def test_edges_around_a_hub_stay_thin() -> None:
    # event data: large weights (the page caps pair widths by count the same way in links.js)
    data = page_data(hub(relations=30, weight=250.0))
    widths = data["relations"]["width"]
    assert max(widths) <= 6.0 and min(widths) >= 1.5


def label_boxes(nodes: dict) -> tuple[np.ndarray, np.ndarray]:
    """Each node's shape and the label below it, as (left, top, right, bottom) boxes."""
    x, y = np.array(nodes["x"]), np.array(nodes["y"])
    size, font = np.array(nodes["size"], dtype=float), np.array(nodes["font"], dtype=float)
    chars = np.array([len(label) for label in nodes["label"]], dtype=float)
    shape = np.c_[x - size, y - size, x + size, y + size]
    top = y + size + font / 2 + 4  # where vis-network draws the label's line
    label = np.c_[x - 0.26 * font * chars, top, x + 0.26 * font * chars, top + font]
    return shape, label


def test_labels_are_clear_of_other_nodes_and_labels() -> None:
    data = page_data(hub())
    shape, label = label_boxes(data["nodes"])
    boxes = np.r_[shape, label]
    owner = np.r_[np.arange(len(shape)), np.arange(len(shape))]
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            if owner[a] == owner[b]:
                continue
            dx = min(boxes[a, 2], boxes[b, 2]) - max(boxes[a, 0], boxes[b, 0])
            dy = min(boxes[a, 3], boxes[b, 3]) - max(boxes[a, 1], boxes[b, 1])
            assert dx <= 0 or dy <= 0, (owner[a], owner[b])
    assert page_data(hub())["nodes"]["x"] == data["nodes"]["x"]  # still deterministic


@pytest.mark.parametrize("name", ["degree", "pagerank", "betweenness"])
def test_node_measure_matches_networkx(bundled: graph.Dataset, name: str) -> None:
    # the layer each measure reads (graph.analyze.layers): degree every interaction,
    # PageRank and betweenness the cooperative ones; memberships and offices left out
    edges = bundled.edges[bundled.edges["family"] != "membership"]
    if name != "degree":
        edges = edges[edges["sign"] > 0]
    G = bundled.with_tables(bundled.nodes, edges).aggregate()
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    expected = {
        "degree": dict(G.degree()),
        "pagerank": nx.pagerank(G, weight="weight", tol=1e-12, max_iter=10_000),
        "betweenness": nx.betweenness_centrality(G),
    }[name]
    got = node_measure(bundled, name)
    assert got.index.tolist() == bundled.nodes["id"].tolist()
    for node, value in expected.items():
        assert got[node] == pytest.approx(value)
    with pytest.raises(UsageError):
        node_measure(bundled, "nope")


def test_size_by_changes_sizes(bundled: graph.Dataset) -> None:
    by_degree = page_data(bundled)["nodes"]
    by_rank = page_data(bundled, size_by="pagerank")["nodes"]
    assert set(by_degree["measures"]) == set(SIZE_MEASURES)
    assert by_degree["measures"] == by_rank["measures"]  # every measure travels with the page
    assert by_degree["size"] != by_rank["size"]


def test_layout_is_seeded_finite_and_separates_components() -> None:
    rng = np.random.default_rng(1)
    s = rng.integers(0, 600, 1500)
    t = rng.integers(0, 600, 1500)
    s = np.r_[s, 600, 601]  # a second component, then two isolated nodes 602, 603
    t = np.r_[t, 601, 602]
    s, t = s[:-1], t[:-1]
    xy = positions(604, s, t, seed=3)
    assert xy.shape == (604, 2) and np.isfinite(xy).all()
    assert (xy == positions(604, s, t, seed=3)).all()
    assert not (xy == positions(604, s, t, seed=4)).all()
    assert np.unique(xy, axis=0).shape[0] == 604  # no two nodes on the same spot


def test_layout_of_empty_and_single_graphs() -> None:
    assert positions(0, np.array([]), np.array([])).shape == (0, 2)
    assert positions(1, np.array([]), np.array([])).tolist() == [[0.0, 0.0]]


def test_boxes_are_separated() -> None:
    xy = separate_boxes(np.zeros((5, 2)), np.full(5, 40.0), np.full(5, 20.0))
    for i in range(5):
        for j in range(i + 1, 5):
            dx, dy = np.abs(xy[i] - xy[j])
            assert dx >= 39 or dy >= 19
