"""The explorer page in a real headless Chromium with the network closed (browser_page)."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import graph
from graph.render import notebook_html, to_html, write_html

pytestmark = pytest.mark.browser

READY = "html[data-ready='1']"
FIND_EDGE_POINT = """
(wanted) => {
  const net = window.network, box = document.getElementById("network").getBoundingClientRect();
  const near = [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]];
  for (const e of window.edges.get()) {
    if (e.hidden || e.from === e.to || (wanted && e.dataId !== wanted)) continue;
    const dom = net.canvasToDOM(net.body.edges[e.id].edgeType.getPoint(0.5));  // on the curve
    if (dom.x < 5 || dom.y < 5 || dom.x > box.width - 5 || dom.y > box.height - 5) continue;
    const points = near.map(([dx, dy]) => ({x: dom.x + dx, y: dom.y + dy}));
    if (points.some((q) => net.getNodeAt(q) !== undefined || net.getEdgeAt(q) !== e.id)) continue;
    return {id: e.dataId, x: box.left + dom.x, y: box.top + dom.y};
  }
  return null;
}
"""
NODE_POINT = """
(id) => {
  const box = document.getElementById("network").getBoundingClientRect();
  const i = window.explorer.nodeIndex(id);
  const dom = window.network.canvasToDOM(window.network.getPositions([i])[i]);
  return {x: box.left + dom.x, y: box.top + dom.y};
}
"""
EMPTY_POINT = """
() => {
  const net = window.network, box = document.getElementById("network").getBoundingClientRect();
  for (let y = 20; y < box.height; y += 20) {
    for (let x = 20; x < box.width - 400; x += 20) {
      if (net.getNodeAt({x, y}) === undefined && net.getEdgeAt({x, y}) === undefined) {
        return {x: box.left + x, y: box.top + y};
      }
    }
  }
  return null;
}
"""
# vis ids are row indices; each vis item carries the data's id as dataId
DIMMED = "() => nodes.get({filter: (n) => n.color.background === '#e9ecef'}).map(n => n.dataId)"
HIDDEN_EDGES = "() => window.edges.get({filter: (e) => e.hidden}).map((e) => e.dataId).sort()"
HIDDEN_NODES = "() => window.nodes.get({filter: (n) => n.hidden}).map((n) => n.dataId)"
SELECTED_NODES = "() => network.getSelectedNodes().map((i) => nodes.get(i).dataId)"
SELECTED_EDGES = "() => network.getSelectedEdges().map((j) => edges.get(j).dataId)"


def open_page(probe: Any, path: Path) -> Any:
    page = probe.page
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(READY, state="attached", timeout=30_000)
    return page


@pytest.fixture
def bundled_page(tmp_path: Path, bundled: graph.Dataset) -> Path:
    return write_html(bundled, tmp_path / "bundled.html")


def test_opens_offline_with_every_node_and_edge(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    node_ids = page.evaluate("() => window.nodes.get().map((n) => n.dataId)")
    edge_ids = page.evaluate("() => window.edges.get().map((e) => e.dataId)")
    assert sorted(node_ids) == sorted(bundled.nodes["id"])
    assert sorted(edge_ids) == sorted(bundled.edges["id"])
    assert page.evaluate("() => window.network.body.nodeIndices.length") == len(bundled.nodes)
    assert page.title() == bundled.name
    assert "21 actors" in page.inner_text("#subtitle")
    assert graph.__version__ in page.inner_text("#foot")
    assert page.evaluate(HIDDEN_EDGES) == []
    assert browser_page.requests == []
    assert browser_page.errors == []


def test_edge_type_checkbox_hides_those_edges(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    page.locator("#edge-types .name").filter(has_text=re.compile(r"^visit$")).click()
    visits = sorted(bundled.edges.loc[bundled.edges["type"] == "visit", "id"])
    assert visits and page.evaluate(HIDDEN_EDGES) == visits
    assert "of 44 relations" in page.inner_text("#status")
    page.locator("#node-types .name").filter(has_text=re.compile(r"^Person$")).click()
    people = set(bundled.nodes.loc[bundled.nodes["type"] == "person", "id"])
    hidden_nodes = page.evaluate(HIDDEN_NODES)
    assert set(hidden_nodes) == people
    touching = bundled.edges["source"].isin(people) | bundled.edges["target"].isin(people)
    expected = set(visits) | set(bundled.edges.loc[touching, "id"])
    assert set(page.evaluate(HIDDEN_EDGES)) == expected
    page.click("#reset")
    assert page.evaluate(HIDDEN_EDGES) == []
    assert browser_page.errors == []


def _set_range(page: Any, selector: str, iso: str) -> None:
    day = (pd.Timestamp(iso) - pd.Timestamp(0)).days
    page.eval_on_selector(
        selector,
        "(el, day) => { el.value = String(day); el.dispatchEvent(new Event('input')); }",
        day,
    )


def test_date_control_hides_edges_outside_the_window(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    _set_range(page, "#date-from", "2015-01-01")
    _set_range(page, "#date-to", "2019-12-31")
    assert page.input_value("#date-from") and page.inner_text("#date-from-out") == "2015-01-01"
    e = bundled.edges
    dated = e["date_start"].notna()
    outside = dated & (
        (e["date_end"] < pd.Timestamp("2015-01-01"))
        | (e["date_start"] > pd.Timestamp("2019-12-31"))
    )
    assert 0 < outside.sum() < dated.sum()
    assert page.evaluate(HIDDEN_EDGES) == sorted(e.loc[outside, "id"])
    assert (~dated).any()
    page.click("#show-undated")
    assert page.evaluate(HIDDEN_EDGES) == sorted(e.loc[outside | ~dated, "id"])
    page.check("#hide-isolated")
    shown = e.loc[~(outside | ~dated)]
    linked = set(shown["source"]) | set(shown["target"])
    hidden_nodes = page.evaluate(HIDDEN_NODES)
    assert set(hidden_nodes) == set(bundled.nodes["id"]) - linked
    assert browser_page.errors == []


def test_search_finds_a_node_by_alias(browser_page: Any, bundled_page: Path) -> None:
    page = open_page(browser_page, bundled_page)
    page.fill("#search", "tehran")
    results = page.inner_text("#search-results")
    assert "Iran" in results and "Tehran" in results
    page.press("#search", "Enter")
    assert page.inner_text("#details-title") == "Iran"
    assert page.evaluate(SELECTED_NODES) == ["iran"]
    page.fill("#search", "no such actor at all")
    assert "No actor matches" in page.inner_text("#search-results")
    assert browser_page.errors == []


def test_clicking_an_edge_shows_its_evidence_and_source(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    point = page.evaluate(FIND_EDGE_POINT, None)
    assert point is not None, "no edge midpoint is free to click"
    page.mouse.click(point["x"], point["y"])
    row = bundled.edges.set_index("id").loc[point["id"]]
    details = page.inner_text("#details")
    assert row["evidence"] in details and row["citation"] in details
    assert row["type"] in page.inner_text("#details-kind")
    assert page.evaluate(SELECTED_EDGES) == [point["id"]]
    page.click("#details-close")
    assert page.is_hidden("#details")
    assert browser_page.errors == []


def test_clicking_a_node_highlights_its_neighbourhood(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    point = page.evaluate(NODE_POINT, "russia")
    page.mouse.click(point["x"], point["y"])
    assert page.inner_text("#details-title") == "Russia"
    details = page.inner_text("#details")
    assert "Partners" in details and "State" in details
    e = bundled.edges
    near = set(e.loc[e["source"] == "russia", "target"])
    near |= set(e.loc[e["target"] == "russia", "source"])
    assert set(page.evaluate(DIMMED)) == set(bundled.nodes["id"]) - near - {"russia"}
    empty = page.evaluate(EMPTY_POINT)
    page.mouse.click(empty["x"], empty["y"])
    assert page.evaluate(DIMMED) == []
    assert page.is_hidden("#details")
    assert browser_page.errors == []


def test_aggregated_page_lists_the_relations_of_a_link(
    browser_page: Any, tmp_path: Path, bundled: graph.Dataset
) -> None:
    path = write_html(
        bundled, tmp_path / "agg.html", aggregate=True, size_by="betweenness", physics=True
    )
    page = open_page(browser_page, path)
    table = graph.aggregate_table(bundled, by_type=True)
    assert page.evaluate("() => window.edges.length") == len(table)
    point = page.evaluate(FIND_EDGE_POINT, None)
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    details = page.inner_text("#details")
    assert "Relations" in details and "Evidence" in details
    assert browser_page.requests == [] and browser_page.errors == []


def test_notebook_iframe_draws_inline(browser_page: Any, bundled: graph.Dataset) -> None:
    page = browser_page.page
    page.set_content(notebook_html(to_html(bundled), height=500))
    frame = page.frame_locator("iframe")
    frame.locator(READY).wait_for(state="attached", timeout=30_000)
    inner = page.frames[1]
    assert inner.evaluate("() => window.nodes.length") == len(bundled.nodes)
    assert browser_page.requests == [] and browser_page.errors == []


# ---------- a hostile dataset ----------

ACT = "document.title='pwned';window.__pwned=1"
PAYLOAD = (
    f'</script><script>{ACT}</script><img src=x onerror="{ACT}">'
    f'"\'><svg onload="{ACT}"> javascript:{ACT} <!-- \u2028 --> end'
)
# type names are normalized (lower case, "_" and spaces to "-"): no "__pwned" in them
NODE_TYPE = "<svg/onload=document.title='pwned'>"
EDGE_TYPE = "</script><script>document.title='pwned'</script>"
TRAP = """
window.__titleWrites = [];
Object.defineProperty(document, "title", {
  get() { return document.querySelector("title").textContent; },
  set(v) { window.__titleWrites.push(String(v)); },
});
"""


@pytest.fixture
def hostile(tmp_path: Path) -> graph.Dataset:
    name = f'<img src=x onerror="{ACT}">'
    folder = tmp_path / name
    folder.mkdir()
    extra = f'<b onmouseover="{ACT}">note</b>'
    nodes = pd.DataFrame(
        {
            "id": [PAYLOAD, "plain", "org"],
            "label": [PAYLOAD, "Plain", f"javascript:{ACT}"],
            "type": ["state", NODE_TYPE, "organization"],
            "country": ["", PAYLOAD, ""],
            "role": [PAYLOAD, PAYLOAD, ""],
            "aliases": [f"{PAYLOAD};zzhostile", "", ""],
            "description": [PAYLOAD, "", ""],
            extra: [PAYLOAD, "", ""],
        }
    )
    edges = pd.DataFrame(
        {
            "id": [PAYLOAD, "e2", "e3"],
            "source": [PAYLOAD, "plain", "org"],
            "target": ["plain", PAYLOAD, "plain"],
            "type": ["visit", EDGE_TYPE, "talks"],
            "date": ["2019", "", "2020-02-03"],
            "description": [PAYLOAD, PAYLOAD, ""],
            "evidence": [PAYLOAD, PAYLOAD, ""],
            "citation": [
                f"javascript:{ACT} and https://example.org/report?a=1&b=2 {PAYLOAD}",
                f"javascript:{ACT}",
                "",
            ],
            extra: [PAYLOAD, "", ""],
        }
    )
    nodes.to_csv(folder / "nodes.csv", index=False)
    edges.to_csv(folder / "edges.csv", index=False)
    q = json.dumps  # a JSON string is a TOML basic string
    vocabulary = f"""
        [node_types.{q(NODE_TYPE)}]
        label = {q(PAYLOAD)}
        color = {q("red;background:url(javascript:" + ACT + ")")}
        shape = "image"
        meaning = {q(PAYLOAD)}

        [edge_types.{q(EDGE_TYPE)}]
        directed = true
        sign = -1
        family = {q(PAYLOAD)}
        color = {q('"><script>' + ACT + "</script>")}
        meaning = {q(PAYLOAD)}
    """
    (folder / "vocabulary.toml").write_text(textwrap.dedent(vocabulary), encoding="utf-8")
    return graph.load(folder)


def _assert_untouched(page: Any, probe: Any, title: str) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => window.__titleWrites") == []
    assert page.evaluate("() => document.title") == title
    assert page.evaluate("() => document.scripts.length") == 3
    embedded = "() => document.querySelectorAll('img, iframe, object, embed, link').length"
    assert page.evaluate(embedded) == 0
    handlers = page.evaluate(
        "() => [...document.querySelectorAll('*')].flatMap("
        "(el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'))"
    )
    assert handlers == []
    assert probe.errors == []


def test_hostile_dataset_runs_no_script_and_shows_text_literally(
    browser_page: Any, tmp_path: Path, hostile: graph.Dataset
) -> None:
    assert hostile.vocabulary.node_types[NODE_TYPE].label == PAYLOAD
    path = write_html(hostile, tmp_path / "hostile.html")
    page = browser_page.page
    page.add_init_script(TRAP)
    open_page(browser_page, path)
    _assert_untouched(page, browser_page, hostile.name)
    assert page.inner_text("#title") == hostile.name
    assert PAYLOAD in page.text_content("#node-types")
    assert EDGE_TYPE in page.text_content("#edge-types")

    point = page.evaluate(NODE_POINT, PAYLOAD)
    page.mouse.click(point["x"], point["y"])
    details = page.text_content("#details")
    assert page.text_content("#details-title") == PAYLOAD
    assert details.count(PAYLOAD) >= 4  # id, role, description, extra column (+ title)
    assert "<b onmouseover" in details  # the extra column's name, as text

    page.fill("#search", "zzhostile")
    assert PAYLOAD in page.text_content("#search-results")
    page.press("#search", "Enter")
    assert page.text_content("#details-title") == PAYLOAD
    page.wait_for_timeout(600)  # the view glides to the node (300 ms)

    point = page.evaluate(FIND_EDGE_POINT, PAYLOAD)
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    details = page.text_content("#details")
    assert details.count(PAYLOAD) >= 3 and f"javascript:{ACT}" in details
    links = page.evaluate("() => [...document.querySelectorAll('#details a')].map((a) => a.href)")
    assert links == ["https://example.org/report?a=1&b=2"]

    page.evaluate("(id) => window.explorer.selectEdge(id)", "e2")
    assert EDGE_TYPE in page.text_content("#details-kind")
    assert page.evaluate("() => document.querySelectorAll('#details a').length") == 0
    page.click("#reset")
    _assert_untouched(page, browser_page, hostile.name)
    assert browser_page.requests == []


def test_nothing_to_draw_says_so_in_the_canvas(
    browser_page: Any, tmp_path: Path, bundled: graph.Dataset
) -> None:
    view = bundled.filter(types=["visit"], start="2100")
    page = open_page(browser_page, write_html(view, tmp_path / "empty.html"))
    assert page.is_visible("#empty")
    assert "No actor or relation matches" in page.inner_text("#empty")
    assert "filtered:" in page.inner_text("#empty-why")
    assert not page.is_visible("#hint")
    assert browser_page.errors == []


def test_filtering_everything_out_in_the_page_says_so(
    browser_page: Any, bundled_page: Path
) -> None:
    page = open_page(browser_page, bundled_page)
    assert not page.is_visible("#empty")
    page.click("#node-bulk button:text('None')")
    assert page.is_visible("#empty")
    assert "No actor or relation matches" in page.inner_text("#empty")
    page.click("#reset")
    assert not page.is_visible("#empty") and page.is_visible("#hint")
    assert browser_page.errors == []


OVERLAPS = """
() => {
  const net = window.network, ids = window.nodes.getIds(), boxes = [];
  const inside = new Set(["box", "ellipse", "circle", "database", "text"]);
  for (const id of ids) {
    const n = net.body.nodes[id], s = n.shape, l = n.labelModule.size;
    boxes.push([id, s.left, s.top, s.left + s.width, s.top + s.height]);
    if (!inside.has(n.options.shape)) {
      boxes.push([id, l.left, l.top, l.left + l.width, l.top + l.height]);
    }
  }
  const hits = [];
  for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) {
    const p = boxes[a], q = boxes[b];
    if (p[0] === q[0]) continue;
    const dx = Math.min(p[3], q[3]) - Math.max(p[1], q[1]);
    if (dx > 0 && Math.min(p[4], q[4]) - Math.max(p[2], q[2]) > 0) {
      hits.push([p[0], q[0]]);
    }
  }
  return hits;
}
"""


def test_no_label_is_covered_by_another_node_or_label(
    browser_page: Any, tmp_path: Path, bundled: graph.Dataset
) -> None:
    # vis-network's own measures of what it drew: node shapes and label boxes
    names = [f"p{i:02d}" for i in range(36)]
    nodes = pd.DataFrame(
        {
            "id": ["hub", *names],
            "label": ["Türkiye", *[f"Syrian Democratic Forces {i}" for i in range(36)]],
            "type": ["state", *["armed_group" if i % 3 else "person" for i in range(36)]],
        }
    )
    edges = pd.DataFrame(
        {
            "id": [f"h{i}" for i in range(36)] + [f"c{i}" for i in range(0, 36, 2)],
            "source": ["hub"] * 36 + names[0::2],
            "target": names + names[1::2],
            "type": "support",
        }
    )
    crowded = graph.from_frames(nodes, edges, name="crowded")
    for ds in (bundled, crowded):
        page = open_page(browser_page, write_html(ds, tmp_path / f"{ds.name}.html"))
        page.wait_for_timeout(100)
        assert page.evaluate(OVERLAPS) == [], ds.name
    assert browser_page.errors == []
