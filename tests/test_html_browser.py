"""The explorer page in a real headless Chromium with the network closed (browser_page).

The basics: it opens offline and draws every actor and one link per pair, the type boxes
filter, search finds by alias, clicking an actor or a link shows its details, an empty view
says so, and the notebook frame draws. A hostile dataset: test_html_hostile.py; the rest of
the page (pairs, window, fragment, focus, labels, layout, the samples): test_html_explorer.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import graph
from graph.render import notebook_html, to_html, write_html

pytestmark = pytest.mark.browser

READY = "html[data-ready='1']"
# The screen point of the middle of a drawn link (one whose dataId is in `wanted`, or any),
# where the mouse finds that link and no node: for clicking or hovering it.
FIND_EDGE_POINT = """
(wanted) => {
  const net = window.network, box = document.getElementById("network").getBoundingClientRect();
  const near = [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]];
  for (const e of window.edges.get()) {
    if (e.hidden || e.from === e.to || (wanted && !wanted.includes(e.dataId))) continue;
    const curve = net.body.edges[e.id].edgeType;
    // points on the curve, middle first; then 3 px to either side, inside a wide link's stroke
    for (const side of [0, 3, -3]) {
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        const a = net.canvasToDOM(curve.getPoint(t - 0.01));
        const b = net.canvasToDOM(curve.getPoint(t + 0.01));
        const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const mid = net.canvasToDOM(curve.getPoint(t));
        const dom = {x: mid.x + (side * (a.y - b.y)) / length,
                     y: mid.y + (side * (b.x - a.x)) / length};
        if (dom.x < 5 || dom.y < 5 || dom.x > box.width - 5 || dom.y > box.height - 5) continue;
        const points = near.map(([dx, dy]) => ({x: dom.x + dx, y: dom.y + dy}));
        const clear = (q) => net.getNodeAt(q) === undefined && net.getEdgeAt(q) === e.id;
        if (!points.every(clear)) continue;
        const over = document.elementFromPoint(box.left + dom.x, box.top + dom.y);
        if (over && over.tagName !== "CANVAS") continue;  // under the details card or a button
        return {id: e.dataId, x: box.left + dom.x, y: box.top + dom.y};
      }
    }
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
  for (let y = 60; y < box.height; y += 20) {
    for (let x = 60; x < box.width - 400; x += 20) {
      if (net.getNodeAt({x, y}) === undefined && net.getEdgeAt({x, y}) === undefined) {
        return {x: box.left + x, y: box.top + y};
      }
    }
  }
  return null;
}
"""
# vis ids are row indices; each vis item carries the data's id as dataId
DIM_NODE = "#eef0f3"  # appearance.js: the background of a faded actor
DIMMED = (
    f"() => nodes.get({{filter: (n) => n.color.background === '{DIM_NODE}'}}).map(n => n.dataId)"
)
HIDDEN_NODES = "() => window.nodes.get({filter: (n) => n.hidden}).map((n) => n.dataId)"
SELECTED_NODES = "() => network.getSelectedNodes().map((i) => nodes.get(i).dataId)"
SELECTED_EDGES = "() => network.getSelectedEdges().map((j) => edges.get(j).dataId)"
VISIBLE_RELATIONS = "() => window.explorer.visibleLinks().flatMap((l) => l.relations).sort()"


def open_page(probe: Any, path: Path) -> Any:
    page = probe.page
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(READY, state="attached", timeout=30_000)
    return page


def pair_id(ds: graph.Dataset, a: str, b: str) -> str:
    """The dataId of the link of actors a and b: the one of smaller row first."""
    ids = list(ds.nodes["id"])
    first, second = sorted([a, b], key=ids.index)
    return f"pair:{first}|{second}"


@pytest.fixture(scope="module")
def bundled_page(tmp_path_factory: pytest.TempPathFactory, bundled: graph.Dataset) -> Path:
    return write_html(bundled, tmp_path_factory.mktemp("page") / "bundled.html")


def test_opens_offline_with_every_actor_and_one_link_per_pair(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    node_ids = page.evaluate("() => window.nodes.get().map((n) => n.dataId)")
    edge_ids = page.evaluate("() => window.edges.get().map((e) => e.dataId)")
    assert sorted(node_ids) == sorted(bundled.nodes["id"])
    pairs = graph.render.pair_links(bundled)
    ends = zip(pairs["source"], pairs["target"], strict=True)
    assert sorted(edge_ids) == sorted(pair_id(bundled, s, t) for s, t in ends)
    assert page.evaluate("() => window.network.body.nodeIndices.length") == len(bundled.nodes)
    assert page.evaluate(HIDDEN_NODES) == []
    assert page.evaluate(VISIBLE_RELATIONS) == sorted(bundled.edges["id"])
    assert page.title() == bundled.title
    assert "22 actors" in page.inner_text("#subtitle")
    assert "28 links (52 relations)" in page.inner_text("#status")
    assert graph.__version__ in page.inner_text("#foot")
    assert page.is_hidden("#notice") and page.is_hidden("#details") and page.is_hidden("#empty")
    assert browser_page.requests == []
    assert browser_page.errors == []


def test_type_checkboxes_hide_those_relations_and_actors(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    e, n = bundled.edges, bundled.nodes
    page.locator("#edge-types .name").filter(has_text=re.compile(r"^visit$")).click()
    assert page.evaluate("() => explorer.state().filters.hiddenRelationTypes") == ["visit"]
    assert page.evaluate(VISIBLE_RELATIONS) == sorted(e.loc[e["type"] != "visit", "id"])
    assert "(48 relations)" in page.inner_text("#status")
    page.locator("#node-types .name").filter(has_text=re.compile(r"^Person$")).click()
    people = set(n.loc[n["type"] == "person", "id"])
    touching = e["source"].isin(people) | e["target"].isin(people)
    kept = e.loc[(e["type"] != "visit") & ~touching]
    assert page.evaluate(VISIBLE_RELATIONS) == sorted(kept["id"])
    # the people are hidden, and so is whoever has no visible relation left
    linked = set(kept["source"]) | set(kept["target"])
    assert set(page.evaluate(HIDDEN_NODES)) == set(n["id"]) - linked
    assert people <= set(page.evaluate(HIDDEN_NODES))
    page.click("#reset")
    assert page.evaluate(VISIBLE_RELATIONS) == sorted(e["id"])
    assert page.evaluate(HIDDEN_NODES) == []
    assert page.is_checked("#edge-types input >> nth=0")
    assert browser_page.errors == []


def test_search_finds_an_actor_by_alias(browser_page: Any, bundled_page: Path) -> None:
    page = open_page(browser_page, bundled_page)
    page.fill("#search", "tehran")
    results = page.inner_text("#search-results")
    assert "Iran" in results and "Tehran" in results
    page.press("#search", "Enter")
    assert page.inner_text("#details-title") == "Iran"
    assert page.evaluate(SELECTED_NODES) == ["iran"]
    assert page.evaluate("() => explorer.state().selection") == {"kind": "node", "id": "iran"}
    page.fill("#search", "no such actor at all")
    assert "No actor or relation matches" in page.inner_text("#search-results")
    assert browser_page.errors == []


def test_clicking_a_link_shows_its_relations_evidence_and_sources(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    point = page.evaluate(FIND_EDGE_POINT, None)
    assert point is not None, "no link midpoint is free to click"
    page.mouse.click(point["x"], point["y"])
    a, b = point["id"].removeprefix("pair:").split("|")
    e = bundled.edges
    rows = e[(e["source"].isin([a, b])) & (e["target"].isin([a, b]))]
    assert len(rows) >= 1
    assert page.inner_text("#details-kind").startswith("Pair · ")
    details = page.inner_text("#details")
    for evidence, citation in zip(rows["evidence"], rows["citation"], strict=True):
        assert evidence in details and citation in details
    assert page.evaluate(SELECTED_EDGES) == [point["id"]]
    sel = page.evaluate("() => explorer.state().selection")
    assert sel["kind"] == "pair" and sorted(sel["ids"]) == sorted([a, b])
    page.click("#details-close")
    assert page.is_hidden("#details")
    assert page.evaluate("() => explorer.state().selection") is None
    assert browser_page.errors == []


def test_clicking_an_actor_fades_all_but_its_neighbourhood(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    point = page.evaluate(NODE_POINT, "russia")
    page.mouse.click(point["x"], point["y"])
    assert page.inner_text("#details-title") == "Russia"
    details = page.text_content("#details")
    assert "Relations by partner" in details and "State" in details
    e = bundled.edges
    near = set(e.loc[e["source"] == "russia", "target"])
    near |= set(e.loc[e["target"] == "russia", "source"])
    assert set(page.evaluate(DIMMED)) == set(bundled.nodes["id"]) - near - {"russia"}
    page.click("#details-close")
    assert page.evaluate(DIMMED) == []
    page.mouse.click(point["x"], point["y"])
    assert page.evaluate(DIMMED) != []
    empty = page.evaluate(EMPTY_POINT)
    page.mouse.click(empty["x"], empty["y"])
    assert page.evaluate(DIMMED) == []
    assert page.is_hidden("#details")
    assert browser_page.errors == []


def test_notebook_iframe_draws_inline(browser_page: Any, bundled: graph.Dataset) -> None:
    page = browser_page.page
    page.set_content(notebook_html(to_html(bundled), height=500))
    frame = page.frame_locator("iframe")
    frame.locator(READY).wait_for(state="attached", timeout=30_000)
    inner = page.frames[1]
    assert inner.evaluate("() => window.nodes.length") == len(bundled.nodes)
    assert inner.evaluate("() => window.explorer.visibleLinks().length") == 28
    # a sandboxed frame has no URL to keep the view in: selecting must still work
    inner.evaluate("() => window.explorer.selectNode('iran')")
    assert inner.evaluate("() => window.explorer.state().selection.id") == "iran"
    assert browser_page.requests == [] and browser_page.errors == []


# ---------- nothing to draw ----------


def test_nothing_to_draw_says_so_in_the_canvas(
    browser_page: Any, tmp_path: Path, bundled: graph.Dataset
) -> None:
    view = bundled.filter(types=["visit"], start="2100")
    page = open_page(browser_page, write_html(view, tmp_path / "empty.html"))
    assert page.is_visible("#empty")
    assert "No actor or relation matches" in page.inner_text("#empty")
    assert "filtered:" in page.inner_text("#empty-why")
    assert not page.is_visible("#hint")
    assert page.evaluate("() => explorer.visibleLinks()") == []
    assert browser_page.errors == []


def test_filtering_everything_out_in_the_page_says_so(
    browser_page: Any, bundled_page: Path
) -> None:
    page = open_page(browser_page, bundled_page)
    assert not page.is_visible("#empty")
    page.click("#node-bulk button:text('None')")
    assert page.is_visible("#empty")
    assert "No actor or relation matches" in page.inner_text("#empty")
    assert "press Reset" in page.inner_text("#empty-why")
    assert page.evaluate("() => explorer.visibleLinks()") == []
    page.click("#reset")
    assert not page.is_visible("#empty") and page.is_visible("#hint")
    assert browser_page.errors == []


# ---------- labels ----------

# Labels are drawn by labels.js, most important actor first (at first view: by size, then
# label): explorer.labels() gives their boxes in CSS px of the canvas. A label may cover a
# smaller actor, never another label nor an actor that comes before its own.
LABEL_HITS = """
() => {
  const boxes = window.explorer.labels(), net = window.network, hits = [];
  const label = JSON.parse(document.getElementById("graph-data").textContent).nodes.label;
  const cross = (p, q) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
  for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) {
    if (cross(boxes[a], boxes[b])) hits.push([boxes[a].id, boxes[b].id]);
  }
  const shown = window.nodes.get({filter: (n) => !n.hidden});
  const before = (m, n) => m.size > n.size || (m.size === n.size &&
    (label[m.id] < label[n.id] || (label[m.id] === label[n.id] && m.id < n.id)));
  for (const l of boxes) {
    const own = shown.find((n) => n.dataId === l.id);
    for (const n of shown) {
      if (n === own || !before(n, own)) continue;
      const c = net.canvasToDOM(net.getPositions([n.id])[n.id]), r = n.size * net.getScale();
      if (cross(l, {x: c.x - r, y: c.y - r, w: 2 * r, h: 2 * r})) hits.push([l.id, n.dataId]);
    }
  }
  return hits;
}
"""


def test_no_label_covers_another_label_or_a_larger_actor(
    browser_page: Any, tmp_path: Path, bundled: graph.Dataset
) -> None:
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
        labels = page.evaluate("() => explorer.labels()")
        assert len(labels) > 0, ds.name
        assert page.evaluate(LABEL_HITS) == [], ds.name
        assert "hub" in {b["id"] for b in labels} or ds is bundled  # the hub comes first
    assert browser_page.errors == []
