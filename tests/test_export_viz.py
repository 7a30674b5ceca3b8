"""GEXF and GraphML exports open as the explorer page draws the dataset: every actor's colour,
size and position, every relation's colour and width, with y pointing up (Gephi's axis)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest

import graph
from graph.render import page_data

GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _page(ds: graph.Dataset, **options: Any) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """What the page draws, y flipped: node id → (colour, size, x, y), edge id → (colour, width)."""
    data = page_data(ds, **options)
    node_colors = {t["name"]: t["color"] for t in data["nodeTypes"]}
    edge_colors = {t["name"]: t["color"] for t in data["edgeTypes"]}
    n, r = data["nodes"], data["relations"]
    nodes = {
        n["id"][i]: (node_colors[n["type"][i]], n["size"][i], n["x"][i], -n["y"][i])
        for i in range(len(n["id"]))
    }
    edges = {r["id"][j]: (edge_colors[r["type"][j]], r["width"][j]) for j in range(len(r["id"]))}
    return nodes, edges


def _gexf_look(path: Path) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """Each node's and edge's viz elements as read by a plain XML parser."""
    root = ET.parse(path).getroot()
    nodes, edges = {}, {}
    for node in root.iter(f"{GEXF}node"):
        color = node.find(f"{VIZ}color")
        position = node.find(f"{VIZ}position")
        size = node.find(f"{VIZ}size")
        assert color is not None and position is not None and size is not None, node.get("id")
        nodes[node.get("id")] = (
            tuple(int(color.get(c)) for c in "rgb"),
            float(size.get("value")),
            float(position.get("x")),
            float(position.get("y")),
            float(position.get("z")),
        )
    for edge in root.iter(f"{GEXF}edge"):
        color, thickness = edge.find(f"{VIZ}color"), edge.find(f"{VIZ}thickness")
        assert color is not None and thickness is not None, edge.get("id")
        edges[edge.get("id")] = (
            tuple(int(color.get(c)) for c in "rgb"),
            float(thickness.get("value")),
        )
    return nodes, edges


@pytest.fixture(scope="module")
def bundled() -> graph.Dataset:
    return graph.load()


def test_gexf_has_the_page_look_of_every_node_and_relation(
    bundled: graph.Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "g.gexf"
    graph.export(bundled, "gexf", path)
    text = path.read_text(encoding="utf-8")
    assert 'xmlns:viz="http://www.gexf.net/1.2draft/viz"' in text
    nodes, edges = _gexf_look(path)
    page_nodes, page_edges = _page(bundled)
    assert set(nodes) == set(page_nodes) == set(bundled.nodes["id"])
    for node, (color, size, x, y) in page_nodes.items():
        assert nodes[node] == (_rgb(color), size, x, y, 0.0), node
    assert set(edges) == set(page_edges) == set(bundled.edges["id"])
    for edge, (color, width) in page_edges.items():
        assert edges[edge] == (_rgb(color), width), edge


def test_y_points_up_so_gephi_shows_the_page_not_its_mirror(
    bundled: graph.Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "g.gexf"
    graph.export(bundled, "gexf", path)
    nodes, _ = _gexf_look(path)
    data = page_data(bundled)["nodes"]
    top = data["id"][data["y"].index(min(data["y"]))]  # drawn highest on the page
    assert max(nodes.values(), key=lambda v: v[3]) == nodes[top]
    assert not any(str(v[3]) == "-0.0" for v in nodes.values())


def test_networkx_reads_the_viz_of_every_node(bundled: graph.Dataset, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    graph.export(bundled, "gexf", path)
    back = nx.read_gexf(path)
    page_nodes, _ = _page(bundled)
    for node, (color, size, x, y) in page_nodes.items():
        viz = back.nodes[node]["viz"]
        assert viz["color"] == dict(zip("rgb", _rgb(color), strict=True)) | {"a": 1.0}
        assert viz["size"] == size
        assert viz["position"] == {"x": x, "y": y, "z": 0.0}


def test_graphml_has_the_page_look_as_plain_columns(bundled: graph.Dataset, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    graph.export(bundled, "graphml", path)
    text = path.read_text(encoding="utf-8")
    for key in ("x", "y", "size"):
        assert f'<key id="{key}" for="node" attr.name="{key}" attr.type="double"' in text
    back = nx.read_graphml(path, force_multigraph=True)
    page_nodes, page_edges = _page(bundled)
    for node, (color, size, x, y) in page_nodes.items():
        attrs = back.nodes[node]
        assert (attrs["color"], attrs["size"], attrs["x"], attrs["y"]) == (color, size, x, y)
    seen = {a["id"]: (a["color"], a["width"]) for *_, a in back.edges(data=True)}
    assert seen == page_edges


def test_the_look_follows_seed_and_size_by(bundled: graph.Dataset, tmp_path: Path) -> None:
    path = tmp_path / "g.gexf"
    graph.export(bundled, "gexf", path, seed=3, size_by="pagerank")
    nodes, _ = _gexf_look(path)
    page_nodes, _ = _page(bundled, seed=3, size_by="pagerank")
    assert {n: v[1:4] for n, v in nodes.items()} == {n: v[1:] for n, v in page_nodes.items()}
    default, _ = _page(bundled)
    assert {n: v[2:] for n, v in page_nodes.items()} != {n: v[2:] for n, v in default.items()}
    with pytest.raises(graph.UsageError, match="size_by"):
        graph.export(bundled, "gexf", path, size_by="shoe size")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_exports_are_deterministic(bundled: graph.Dataset, tmp_path: Path, fmt: str) -> None:
    graph.export(bundled, fmt, tmp_path / f"a.{fmt}")
    graph.export(bundled, fmt, tmp_path / f"b.{fmt}")
    assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes()


def test_a_filtered_view_gets_the_look_of_its_own_page(
    bundled: graph.Dataset, tmp_path: Path
) -> None:
    view = bundled.filter(start="2019")
    path = tmp_path / "g.gexf"
    graph.export(view, "gexf", path)
    nodes, _ = _gexf_look(path)
    page_nodes, _ = _page(view)
    assert {n: (_rgb(c), s, x, y, 0.0) for n, (c, s, x, y) in page_nodes.items()} == nodes


NODES = pd.DataFrame(
    {
        "id": ["a", "b"],
        "label": ["A", "B"],
        "type": ["state", "person"],
        **{name: [f"{name}-a", ""] for name in ("viz", "start", "parents", "spells", "pid")},
        **{name: [f"{name}-a", ""] for name in ("x", "size", "color", "r", "viz_")},
    }
)
EDGES = pd.DataFrame(
    {
        "source": ["a"],
        "target": ["b"],
        "type": ["visit"],
        "date": ["2019"],
        **{name: [f"{name}-e"] for name in ("label", "start", "key", "relation", "viz")},
        **{name: [f"{name}-e"] for name in ("networkx_key", "color", "width")},
    }
)


def test_columns_named_as_the_formats_own_are_renamed_not_lost(tmp_path: Path) -> None:
    ds = graph.from_frames(NODES, EDGES, name="t")
    graph.export(ds, "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    a = back.nodes["a"]
    for name in ("start", "parents", "spells", "pid"):
        assert a[name + "_"] == f"{name}-a", name
    assert (a["x"], a["color"]) == ("x-a", "color-a")  # GEXF keeps these as they are
    assert (a["viz__"], a["viz_"]) == ("viz-a", "viz_-a")  # viz_ was taken
    assert sorted(a["viz"]) == ["color", "position", "size"]
    ((_, _, attrs),) = back.edges(data=True)
    assert (attrs["label"], attrs["relation"]) == ("visit", "visit")
    assert (attrs["start"], attrs["end"]) == ("2019-01-01", "2019-12-31")
    for name in ("label", "start", "key", "relation", "viz", "networkx_key"):
        assert attrs[name + "_"] == f"{name}-e", name

    graph.export(ds, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    a = back.nodes["a"]
    for name in ("x", "size", "color", "r"):
        assert a[name + "_"] == f"{name}-a", name
    assert isinstance(a["x"], float) and a["color"].startswith("#")
    assert (a["viz"], a["start"]) == ("viz-a", "start-a")  # GraphML keeps these as they are
    (attrs,) = (d for *_, d in back.edges(data=True))
    assert (attrs["color_"], attrs["width_"]) == ("color-e", "width-e")
    assert attrs["color"].startswith("#") and isinstance(attrs["width"], float)


def test_to_gexf_graph_leaves_its_input_unchanged() -> None:
    ds = graph.from_frames(NODES, EDGES, name="t")
    G = graph.to_multidigraph(ds)
    before = (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True)))
    graph.to_gexf_graph(G)
    assert before == (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True)))


def test_loading_the_export_module_loads_no_page_code() -> None:
    code = (
        "import sys, graph.exchange.formats; "
        "print(sorted(m for m in sys.modules if m.startswith('graph.render')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_gexf_of_the_map_layout_has_the_page_map_positions(
    bundled: graph.Dataset, tmp_path: Path
) -> None:
    path = tmp_path / "map.gexf"
    graph.export(bundled, "gexf", path, layout="map")
    nodes, _ = _gexf_look(path)
    data = page_data(bundled, layout="map")["nodes"]
    for node, x, y in zip(data["id"], data["x"], data["y"], strict=True):
        assert nodes[node][2:4] == (x + 0.0, -y + 0.0), node
    # Tajikistan east of Iran, Russia north of both (Gephi's y points up)
    assert nodes["tajikistan"][2] > nodes["iran"][2]
    assert nodes["russia"][3] > max(nodes["iran"][3], nodes["tajikistan"][3])
    network, _ = _gexf_look(_export(bundled, tmp_path / "net.gexf"))
    assert network["iran"][2:4] != nodes["iran"][2:4]


def _export(dataset: graph.Dataset, path: Path) -> Path:
    graph.export(dataset, "gexf", path)
    return path
