"""The static SVG picture: well-formed, one shape and one label per actor, the page's colours
and links, hostile text kept as text, a world outline, the same bytes each time."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from typing import Any

import pandas as pd
import pytest

import graph
from graph.errors import UsageError
from graph.render import PAIR_KINDS, page_data, pair_links, picture_svg
from graph.render.styles import COMMUNITY_COLORS, OTHER_COLOR

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = ["<script>alert(1)</script>", '"onload=alert(1) x="', "]]> & <![CDATA[", "a & b"]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def of_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == name]


def group(root: ET.Element, name: str) -> ET.Element:
    (found,) = [e for e in root if e.tag == f"{NS}g" and e.get("class") == name]
    return found


def tag(e: ET.Element) -> str:
    return e.tag.removeprefix(NS)


@pytest.fixture(scope="module")
def svg(bundled: graph.Dataset) -> str:
    return picture_svg(bundled)


def test_the_root_heading_and_order_of_groups(bundled: graph.Dataset, svg: str) -> None:
    root = parse(svg)
    assert root.get("width") == "960" and root.get("viewBox") == "0 0 960 640"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "graph-title"
    assert root.get("class") == "graph-picture" and "sans-serif" in root.get("font-family", "")
    assert root[0].tag == f"{NS}title" and root[0].get("id") == "graph-title"
    assert root[0].text == bundled.title == of_class(root, "title")[0].text
    data = page_data(bundled)
    assert of_class(root, "subtitle")[0].text == data["meta"]["subtitle"]
    assert of_class(root, "background")[0].get("fill") == "#fff"
    groups = [e.get("class") for e in root if tag(e) == "g"]
    assert groups == ["heading", "links", "nodes", "labels", "legend"]  # no world: network


def test_one_shape_and_one_label_per_actor(bundled: graph.Dataset, svg: str) -> None:
    root = parse(svg)
    nodes, labels = of_class(root, "node"), of_class(root, "label")
    assert [e.get("data-id") for e in nodes] == bundled.nodes["id"].tolist()
    assert [e.get("data-id") for e in labels] == bundled.nodes["id"].tolist()
    assert [e.text for e in labels] == bundled.nodes["label"].tolist()
    assert [e.get("data-type") for e in nodes] == bundled.nodes["type"].tolist()
    assert list(group(root, "nodes")) == nodes and list(group(root, "labels")) == labels
    assert all(e.get("paint-order") == "stroke" and e.get("stroke-width") == "3" for e in labels)
    assert not [e for e in labels if e.get("visibility") == "hidden"]  # room for each
    for node, label in zip(nodes, labels, strict=True):
        if tag(node) == "circle":
            assert float(label.get("y", 0)) > float(node.get("cy", 0)) + float(node.get("r", 0))
        assert float(label.get("font-size", 0)) >= 9


def test_shapes_and_fills_follow_the_node_types(bundled: graph.Dataset, svg: str) -> None:
    styles = {t["name"]: t for t in page_data(bundled)["nodeTypes"]}
    element = {"dot": "circle", "square": "rect", "diamond": "polygon", "triangle": "polygon"}
    element |= {"triangleDown": "polygon", "hexagon": "polygon", "star": "polygon"}
    for node in of_class(parse(svg), "node"):
        style = styles[node.get("data-type", "")]
        assert node.get("fill") == style["color"]
        assert tag(node) == element[style["shape"]]
        assert node.get("stroke") == "#fff" and node.get("stroke-width") == "1.5"


def test_everything_fits_in_the_picture(svg: str) -> None:
    root = parse(svg)
    for node in of_class(root, "node"):
        if tag(node) == "circle":
            assert 0 < float(node.get("cx", -1)) < 960 and 62 < float(node.get("cy", -1)) < 640
    for label in of_class(root, "label"):
        half = 0.3 * float(label.get("font-size", 0)) * len(label.text or "")
        assert half < float(label.get("x", 0)) < 960 - half
        assert float(label.get("y", 0)) < 640


def test_links_are_the_pair_links(bundled: graph.Dataset, svg: str) -> None:
    root = parse(svg)
    links = of_class(root, "link")
    pairs = pair_links(bundled)
    assert list(group(root, "links")) == links and len(links) == len(pairs) == 28
    got = [(e.get("data-source"), e.get("data-target"), e.get("data-kind")) for e in links]
    assert got == list(zip(pairs["source"], pairs["target"], pairs["kind"], strict=True))
    markers = {e.get("id") for e in root.iter(f"{NS}marker")}
    for link, row in zip(links, pairs.itertuples(), strict=True):
        assert link.get("stroke") == PAIR_KINDS[row.kind]["color"]
        assert (link.get("stroke-dasharray") == "7 5") == row.dashed
        arrow = link.get("marker-end")
        assert (arrow is not None) == row.directed
        if arrow:
            assert arrow[len("url(#") : -1] in markers
        assert 1.5 <= float(link.get("stroke-width", 0)) <= 6
    one = [e for e, row in zip(links, pairs.itertuples(), strict=True) if row.count == 1]
    assert {e.get("stroke-width") for e in one} == {"1.5"}


def test_the_legend_names_types_and_link_kinds(bundled: graph.Dataset, svg: str) -> None:
    legend = group(parse(svg), "legend")
    keys = [e.get("data-key") for e in of_class(legend, "legend-row")]
    assert keys[:7] == [
        "state", "person", "organization", "party", "armed-group", "institution", "group"
    ]  # fmt: skip
    assert set(pair_links(bundled)["kind"]) <= set(keys)
    headings = [e.text for e in of_class(legend, "legend-heading")]
    assert headings == ["Actors", "Links (one per pair)"]
    assert of_class(legend, "legend-note")[0].text == "Size: Degree"


def test_a_filtered_dataset(bundled: graph.Dataset) -> None:
    view = bundled.filter(node_types=["state", "person"])
    root = parse(picture_svg(view, width=600, height=800))  # legend below
    assert [e.get("data-id") for e in of_class(root, "node")] == view.nodes["id"].tolist()
    assert len(of_class(root, "label")) == len(view.nodes) < len(bundled.nodes)
    assert len(of_class(root, "link")) == len(pair_links(view))
    types = {e.get("data-key") for e in of_class(root, "legend-row")}
    assert {"state", "person"} <= types and "organization" not in types


def test_community_colours(bundled: graph.Dataset) -> None:
    root = parse(picture_svg(bundled, color_by="community"))
    community = page_data(bundled)["nodes"]["community"]
    fills = {e.get("data-id"): e.get("fill") for e in of_class(root, "node")}
    by_group: dict[int, set[str | None]] = {}
    for node, c in zip(bundled.nodes["id"], community, strict=True):
        by_group.setdefault(c, set()).add(fills[node])
    for c, colors in by_group.items():
        assert colors == {COMMUNITY_COLORS[c] if 0 <= c < 12 else OTHER_COLOR}
    assert of_class(root, "legend-heading")[0].text == "Communities"


def test_sign_colours(bundled: graph.Dataset) -> None:
    root = parse(picture_svg(bundled, color_by="sign"))
    fills = {e.get("data-id"): e.get("fill") for e in of_class(root, "node")}
    assert fills["iran"] == PAIR_KINDS["mixed"]["color"]  # talks and disputes with Tajikistan
    assert fills["drug_traffickers"] == PAIR_KINDS["conflictual"]["color"]


def _hostile() -> graph.Dataset:
    nodes = pd.DataFrame(
        {
            "id": ["a<b>&x", 'on"load', "]]>", "alone", "bell"],
            "label": [*HOSTILE, "bell\x07 \ufffe"],  # no XML can hold these two characters
            "type": ["state", "person", "organization", "group", "party"],
        }
    )
    edges = pd.DataFrame(
        {"source": ["a<b>&x", 'on"load'], "target": ["]]>", "a<b>&x"], "type": ["dispute", "visit"]}
    )
    return graph.from_frames(nodes, edges, name="<b>name</b>")


def _no_active_content(root: ET.Element) -> None:
    assert not [e for e in root.iter() if tag(e).lower() in ("script", "foreignobject", "a")]
    for e in root.iter():
        for name, value in e.attrib.items():
            assert not name.lower().startswith("on") and "href" not in name.lower()
            assert "http" not in value or name == "xmlns"


def test_hostile_text_stays_text() -> None:
    ds = _hostile()
    svg = picture_svg(ds, title=HOSTILE[0])
    root = parse(svg)
    _no_active_content(root)
    assert root[0].text == HOSTILE[0] == of_class(root, "title")[0].text
    assert [e.text for e in of_class(root, "label")] == [*HOSTILE, "bell\ufffd \ufffd"]
    assert [e.get("data-id") for e in of_class(root, "node")] == ds.nodes["id"].tolist()
    assert {(e.get("data-source"), e.get("data-target")) for e in of_class(root, "link")} == {
        ("a<b>&x", "]]>"),
        ('on"load', "a<b>&x"),
    }
    assert "<script" not in svg and "]]>" not in svg


def _world(data: dict[str, Any], layout: str = "map") -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["meta"]["layout"] = layout
    xs, ys = data["nodes"]["x"], data["nodes"]["y"]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    square = [x0, y0, x1, y0, x1, y1, x0, y1]
    data["world"] = {
        "width": 1000,
        "height": 500,
        "countries": [
            {"iso3": "IRN", "name": HOSTILE[0], "rings": [square], "box": [x0, y0, x1, y1]},
            {"iso3": '"><x', "name": "Far", "rings": [[9e5, 9e5, 9e5 + 5, 9e5, 9e5, 9e5 + 5]]},
            {"iso3": "OUT", "name": "Out", "rings": [[0, 0, 1, 0, 1, 1]], "box": [9e5, 9e5, 1, 1]},
        ],
        "band": [x0, y0, x0 + 50, y0 + 50],
    }
    return data


def test_a_world_outline_is_drawn_clipped(bundled: graph.Dataset) -> None:
    data = page_data(bundled)
    root = parse(picture_svg(bundled, data=_world(data)))
    _no_active_content(root)
    groups = [e.get("class") for e in root if tag(e) == "g"]
    assert groups == ["heading", "world", "links", "nodes", "labels", "legend"]
    world = group(root, "world")
    assert world.get("clip-path") == "url(#graph-clip)"
    assert root.find(f"{NS}defs/{NS}clipPath[@id='graph-clip']") is not None
    countries = of_class(world, "country")
    assert [c.get("data-iso3") for c in countries] == ["IRN", '"><x']  # "OUT" is off the area
    assert countries[0].get("data-name") == HOSTILE[0]
    assert [c.get("fill") for c in countries] == ["#dfe5ec", "#eef0f3"]  # Iran is drawn
    assert of_class(world, "band") and of_class(world, "band-label")
    assert countries[0].get("d", "").startswith("M") and countries[0].get("d", "").endswith("Z")
    # the actors' box is the fit box: the outline's square spans the nodes' centres
    cx = [float(e.get("cx", 0)) for e in of_class(root, "node") if tag(e) == "circle"]
    d = countries[0].get("d", "")[1:-1].replace("L", " ").split()
    xs = [float(p.split(",")[0]) for p in d]
    assert min(xs) <= min(cx) and max(cx) <= max(xs)
    no_map = parse(picture_svg(bundled, data=_world(data, layout="network")))
    assert not of_class(no_map, "country")


def test_the_map_layout(bundled: graph.Dataset) -> None:
    root = parse(picture_svg(bundled, layout="map"))
    assert len(of_class(root, "country")) > 10
    assert len(of_class(root, "node")) == len(bundled.nodes)


def test_given_data_with_fewer_actors(bundled: graph.Dataset) -> None:
    data = page_data(bundled, max_nodes=6)
    root = parse(picture_svg(bundled, data=data))
    ids = data["nodes"]["id"]
    assert [e.get("data-id") for e in of_class(root, "node")] == ids
    links = of_class(root, "link")
    assert links and all(e.get("data-source") in ids and e.get("data-target") in ids for e in links)
    pairs = pair_links(bundled)
    assert len(links) == int((pairs["source"].isin(ids) & pairs["target"].isin(ids)).sum())


def test_the_same_bytes_each_time(bundled: graph.Dataset, svg: str) -> None:
    assert picture_svg(bundled) == svg
    assert picture_svg(bundled, seed=8) != svg


def test_actors_without_relations() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state", "person"]})
    edges = pd.DataFrame({"source": [], "target": [], "type": []})
    ds = graph.from_frames(nodes, edges)
    for color_by in ("type", "community", "sign"):
        root = parse(picture_svg(ds, color_by=color_by))
        assert len(of_class(root, "node")) == len(of_class(root, "label")) == 2
        assert not of_class(root, "link")
    ds = graph.from_frames(nodes.iloc[:0], edges)
    root = parse(picture_svg(ds))
    assert not of_class(root, "node") and of_class(root, "legend-note")


def test_a_self_loop_is_a_path() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state", "state"]})
    edges = pd.DataFrame({"source": ["a", "a"], "target": ["a", "b"], "type": ["talks", "talks"]})
    root = parse(picture_svg(graph.from_frames(nodes, edges)))
    assert [tag(e) for e in of_class(root, "link")] == ["path", "line"]
    assert of_class(root, "link")[0].get("fill") == "none"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"color_by": "rainbow"}, "color_by"),
        ({"size_by": "height"}, "size_by"),
        ({"width": 100}, "at least 240 by 180"),
        ({"layout": "globe"}, "layout"),
    ],
)
def test_bad_options(bundled: graph.Dataset, options: dict[str, Any], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        picture_svg(bundled, **options)
