"""The explorer page's behaviour in a real headless Chromium, network closed.

On the bundled dataset: one link per pair and its relations, the pair panel, the link mode,
the time window, the view in the URL fragment, size and colour, focus depth, tooltips,
relation search, labels and the layout on a phone and a laptop. On the real ICEWS and GDELT
samples (../shared/data/events): automatic actor → state links and isolated actors hidden by
default, labels, and a states-only view. And a hostile dataset's strings through tooltips, the
pair panel, the legends and the fragment.

Pages share one browser tab per module (a page is reloaded only when a test needs its first
view or its URL); explorer.reset() puts the view back between tests.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd
import pytest
from test_html_browser import (
    ACT,
    EDGE_TYPE,
    EMPTY_POINT,
    FIND_EDGE_POINT,
    NODE_POINT,
    PAYLOAD,
    READY,
    TRAP,
    assert_untouched,
    make_hostile,
    pair_id,
)

import graph
from conftest import SHARED_EVENTS, PageProbe
from graph.render import PAIR_KINDS, pair_links, write_html

pytestmark = pytest.mark.browser

GDELT = SHARED_EVENTS / "gdelt2_20191024143000.export.CSV"
ICEWS = SHARED_EVENTS / "icews_events.2018.sample.tab"
needs_samples = pytest.mark.skipif(
    not SHARED_EVENTS.is_dir() and not os.environ.get("CI"),
    reason=f"{SHARED_EVENTS} not found (present in CI)",
)
DIM_NODE = "#eef0f3"  # appearance.js: a faded actor's background
UNDIMMED = f"() => nodes.get({{filter: (n) => !n.hidden && n.color.background !== '{DIM_NODE}'}})"
SHOWN_NODES = "() => nodes.get({filter: (n) => !n.hidden}).map((n) => n.dataId).sort()"
DATA = "() => JSON.parse(document.getElementById('graph-data').textContent)"
LINK_ENDS = "() => explorer.visibleLinks().flatMap((l) => [l.source, l.target])"
# Label boxes (explorer.labels(), CSS px of the canvas) that cross each other
LABEL_CROSSINGS = """
() => {
  const b = window.explorer.labels(), hits = [];
  for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
    const p = b[i], q = b[j];
    const cross = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
    if (cross) hits.push([p.id, q.id]);
  }
  return hits;
}
"""
# The visible actors, most important first by the page's size measure
TOP_ACTORS = """
(n) => {
  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const m = data.nodes.measures[explorer.state().sizeBy];
  return nodes.get({filter: (x) => !x.hidden}).map((x) => x.id)
    .sort((a, b) => m[b] - m[a] || a - b).slice(0, n).map((i) => data.nodes.id[i]);
}
"""


class Tab(PageProbe):
    """One tab for a module's tests, with what it fetched, logged as errors and alerted."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.dialogs: list[str] = []

    def show(self, path: Path, fragment: str = "", size: tuple[int, int] = (1280, 800)) -> Any:
        """Open path (with a #fragment) afresh at this viewport and wait for the first draw."""
        self.page.set_viewport_size({"width": size[0], "height": size[1]})
        self.page.goto("about:blank")
        self.page.goto(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        self.page.wait_for_selector(READY, state="attached", timeout=30_000)
        return self.page

    def clean(self) -> None:
        assert self.requests == [], self.requests
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs


@pytest.fixture(scope="module")
def tab(chromium: Any) -> Iterator[Tab]:
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    probe = Tab(page)

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "about:", "blob:")):
            r.continue_()
        else:
            probe.requests.append(url)
            r.abort()

    def dialog(d: Any) -> None:
        probe.dialogs.append(d.message)
        d.dismiss()

    page.add_init_script(TRAP)  # records any write to document.title
    page.route("**/*", route)
    page.on("console", lambda m: probe.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: probe.errors.append(str(e)))
    page.on("dialog", dialog)
    yield probe
    context.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, bundled: graph.Dataset) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("explorer")
    return {"bundled": write_html(bundled, folder / "bundled.html")}


@pytest.fixture
def view(tab: Tab, pages: dict[str, Path]) -> Iterator[Any]:
    """The bundled page at 1280×800, reset to its first state (loaded once per module)."""
    tab.requests.clear()
    tab.errors.clear()
    tab.dialogs.clear()
    page = tab.page
    if page.url.split("#")[0] != pages["bundled"].resolve().as_uri() or page.viewport_size != {
        "width": 1280,
        "height": 800,
    }:
        tab.show(pages["bundled"])
    else:
        page.mouse.move(1, 1)
        page.evaluate("() => explorer.reset()")
    yield page
    tab.clean()


@pytest.fixture
def fresh(tab: Tab) -> Tab:
    """The module's tab, its logs cleared, for a test that opens pages itself."""
    tab.requests.clear()
    tab.errors.clear()
    tab.dialogs.clear()
    return tab


def fold(text: str) -> str:
    """As search.js folds text: no accents, lower case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def date_order(edges: pd.DataFrame) -> list[str]:
    """Relation ids in the page's date order: start, end, undated last, then file order."""
    frame = edges.assign(_row=range(len(edges)), _undated=edges["date_start"].isna())
    return list(frame.sort_values(["_undated", "date_start", "date_end", "_row"])["id"])


def between(ds: graph.Dataset, a: str, b: str) -> pd.DataFrame:
    e = ds.edges
    return e[(e["source"].isin([a, b])) & (e["target"].isin([a, b]))]


def undirected_pairs(ds: graph.Dataset) -> dict[frozenset[str], str]:
    """Each linked pair of actors and its kind, by the Python pair rule."""
    pairs = pair_links(ds)
    ends = zip(pairs["source"], pairs["target"], strict=True)
    return {frozenset(p): k for p, k in zip(ends, pairs["kind"], strict=True)}


# ---------- one link per pair ----------


def test_one_link_per_pair_carries_every_relation(view: Any, bundled: graph.Dataset) -> None:
    links = view.evaluate("() => explorer.visibleLinks()")
    kinds = undirected_pairs(bundled)
    assert len(kinds) == 25 and len(links) == 25
    ends = [frozenset([link["source"], link["target"]]) for link in links]
    assert len(set(ends)) == 25  # no two links for one pair
    assert {e: link["kind"] for e, link in zip(ends, links, strict=True)} == kinds
    relations = [r for link in links for r in link["relations"]]
    assert sorted(relations) == sorted(bundled.edges["id"])  # each relation once
    for end, link in zip(ends, links, strict=True):
        rows = between(bundled, *sorted(end))
        assert sorted(link["relations"]) == sorted(rows["id"])
    colours = view.evaluate("() => edges.get().map((e) => [e.dataId, e.color.color])")
    by_id = {pair_id(bundled, *sorted(end)): kinds[end] for end in kinds}
    assert {i: c for i, c in colours} == {i: PAIR_KINDS[k]["color"] for i, k in by_id.items()}


def test_clicking_the_iran_tajikistan_link_lists_its_relations_in_date_order(
    view: Any, bundled: graph.Dataset
) -> None:
    point = view.evaluate(FIND_EDGE_POINT, [pair_id(bundled, "iran", "tajikistan")])
    assert point is not None, "the Iran–Tajikistan link has no free point to click"
    view.mouse.click(point["x"], point["y"])
    assert view.inner_text("#details-title") == "Iran — Tajikistan"
    assert view.inner_text("#details-kind") == "Pair · mixed"
    rows = between(bundled, "iran", "tajikistan").set_index("id")
    order = date_order(rows.reset_index())
    assert len(order) == 16
    items = view.locator("#details .pair-list > li")
    assert items.count() == 16
    for n, rid in enumerate(order):
        text = items.nth(n).text_content()
        row = rows.loc[rid]
        assert row["type"] in text and row["date"] in text
        assert row["evidence"] in text and row["citation"] in text
        assert items.nth(n).locator("blockquote").text_content() == row["evidence"]
    # each entry is a button that opens that relation
    opened = view.evaluate(
        """() => [...document.querySelectorAll('#details .pair-list .rel-head')].map((_, n) => {
          explorer.selectPair('iran', 'tajikistan');
          document.querySelectorAll('#details .pair-list .rel-head')[n].click();
          return explorer.state().selection;
        })"""
    )
    assert opened == [{"kind": "relation", "id": rid} for rid in order]
    view.evaluate("() => explorer.selectPair('tajikistan', 'iran')")
    view.locator("#details .pair-list .rel-head").nth(3).click()
    assert view.inner_text("#details-kind") == f"Relation · {rows.loc[order[3], 'type']}"
    assert rows.loc[order[3], "evidence"] in view.text_content("#details")


def test_each_relation_mode_draws_one_line_per_relation(view: Any, bundled: graph.Dataset) -> None:
    view.click("label:has(input[name='links'][value='relation'])")
    assert view.is_checked("input[name='links'][value='relation']")
    links = view.evaluate("() => explorer.visibleLinks()")
    assert len(links) == 44 == view.evaluate("() => edges.length")
    assert sorted(r for link in links for r in link["relations"]) == sorted(bundled.edges["id"])
    assert sorted(view.evaluate("() => edges.get().map((e) => e.dataId)")) == sorted(
        bundled.edges["id"]
    )
    assert view.evaluate("() => explorer.state().links") == "relation"
    assert "44 relations" in view.inner_text("#status")
    view.click("label:has(input[name='links'][value='pair'])")
    assert len(view.evaluate("() => explorer.visibleLinks()")) == 25
    assert view.evaluate("() => edges.length") == 25


def test_a_window_keeps_only_the_relations_in_force(view: Any, bundled: graph.Dataset) -> None:
    ok = view.evaluate("() => explorer.setState({window: {from: '2016-01-01', to: '2018-12-31'}})")
    assert ok is True
    assert view.evaluate("() => explorer.state().window") == {
        "from": "2016-01-01",
        "to": "2018-12-31",
    }
    links = view.evaluate("() => explorer.visibleLinks()")
    shown = sorted(r for link in links for r in link["relations"])
    assert shown == sorted(bundled.filter(start="2016-01-01", end="2018-12-31").edges["id"])
    [pair] = [x for x in links if {x["source"], x["target"]} == {"iran", "tajikistan"}]
    signs = bundled.edges.set_index("id").loc[pair["relations"], "sign"]
    assert len(signs) >= 1 and (signs == -1).all()
    assert pair["kind"] == "conflictual"

    # an actor's relations: grouped by partner, partners by their first relation, in date order
    view.evaluate("() => explorer.selectNode('tajikistan')")
    e = bundled.edges
    mine = e[(e["source"] == "tajikistan") | (e["target"] == "tajikistan")]
    ordered = date_order(mine)
    partner = {
        r: (s if s != "tajikistan" else t)
        for r, s, t in zip(mine["id"], mine["source"], mine["target"], strict=True)
    }
    partners = list(dict.fromkeys(partner[r] for r in ordered))
    labels = bundled.nodes.set_index("id")["label"]
    heads = view.locator("#details .rel-list > li > button.partner").all_text_contents()
    count = {p: sum(1 for r in ordered if partner[r] == p) for p in partners}
    assert heads == [f"{labels[p]} ({count[p]})" for p in partners]
    visible = set(shown)
    rel = e.set_index("id")
    for n, p in enumerate(partners):
        lines = view.locator("#details .rel-list > li").nth(n).locator(".sub li")
        texts = lines.all_text_contents()
        mine_here = [r for r in ordered if partner[r] == p]
        assert len(texts) == len(mine_here)
        for text, r in zip(texts, mine_here, strict=True):
            assert text.startswith(rel.loc[r, "type"])
            assert (rel.loc[r, "date"] or "undated") in text
            assert ("hidden by the filters" in text) == (r not in visible)


# ---------- the view in the URL fragment ----------


def test_the_view_survives_a_reload_through_the_fragment(
    fresh: Tab, pages: dict[str, Path]
) -> None:
    page = fresh.show(pages["bundled"])
    ok = page.evaluate(
        """() => explorer.setState({
          window: {from: '2015-06-01', to: '2021-12-31'},
          filters: {hiddenRelationTypes: ['visit'], undated: false},
          links: 'relation', sizeBy: 'pagerank', colorBy: 'community',
          selection: {kind: 'pair', ids: ['tajikistan', 'iran']}})"""
    )
    assert ok is True
    state = page.evaluate("() => explorer.state()")
    assert state["selection"] == {"kind": "pair", "ids": ["iran", "tajikistan"]}
    assert state["links"] == "relation" and state["sizeBy"] == "pagerank"
    fragment = page.evaluate("() => location.hash").removeprefix("#")
    assert "pair=iran&pair=tajikistan" in fragment and "hide=visit" in fragment
    page = fresh.show(pages["bundled"], fragment)
    assert page.evaluate("() => explorer.state()") == state
    assert page.is_checked("input[name='links'][value='relation']")
    assert page.input_value("#size-by") == "pagerank"
    assert page.input_value("#color-by") == "community"
    assert page.inner_text("#details-title") == "Iran — Tajikistan"
    assert page.is_hidden("#notice")
    fresh.clean()


def test_a_malformed_fragment_is_left_out_with_a_notice(fresh: Tab, pages: dict[str, Path]) -> None:
    page = fresh.show(pages["bundled"], "from=%E0%A4%A&to=<script>alert(1)</script>&size=nope")
    assert page.is_visible("#notice")
    assert "could not be read" in page.inner_text("#notice")
    assert fresh.dialogs == []
    assert page.evaluate("() => document.scripts.length") == 3
    assert page.evaluate("() => window.__titleWrites") == []
    state = page.evaluate("() => explorer.state()")
    assert state["sizeBy"] == "degree" and state["links"] == "pair"
    first, last = state["window"]["from"], state["window"]["to"]
    assert pd.Timestamp(first) <= pd.Timestamp(last)
    assert len(page.evaluate("() => explorer.visibleLinks()")) == 25
    assert page.evaluate("() => explorer.setState(explorer.state())") is True
    fresh.clean()


# ---------- size, colour and their legend ----------


def test_size_and_colour_selects_restyle_the_actors_and_the_legend(
    view: Any, bundled: graph.Dataset
) -> None:
    look = "() => nodes.get().map((n) => [n.dataId, n.size, n.color.background])"
    before = {i: (s, c) for i, s, c in view.evaluate(look)}
    assert "actor type" in view.inner_text("#color-legend")
    view.select_option("#size-by", "pagerank")
    sized = {i: (s, c) for i, s, c in view.evaluate(look)}
    assert {i: v[0] for i, v in sized.items()} != {i: v[0] for i, v in before.items()}
    assert {i: v[1] for i, v in sized.items()} == {i: v[1] for i, v in before.items()}
    measures = view.evaluate(f"() => ({DATA})().meta.measures")
    [pagerank] = [m["label"] for m in measures if m["name"] == "pagerank"]
    assert f"Size: {pagerank}." in view.inner_text("#color-legend")

    view.select_option("#color-by", "community")
    coloured = {i: (s, c) for i, s, c in view.evaluate(look)}
    assert {i: v[1] for i, v in coloured.items()} != {i: v[1] for i, v in sized.items()}
    rows = view.locator("#color-legend li").all_text_contents()
    assert rows[0].startswith("Community 1 (") and len(rows) >= 2
    named = {n for row in rows for n in bundled.nodes["label"] if n in row}
    assert named  # the biggest members of each community are named

    view.select_option("#color-by", "sign")
    assert "Select an actor" in view.inner_text("#color-legend")
    view.evaluate("() => explorer.selectNode('tajikistan')")
    legend = view.inner_text("#color-legend")
    assert "Tajikistan" in legend
    for kind in PAIR_KINDS:
        assert f"{kind} with it" in legend
    kinds = undirected_pairs(bundled)
    colours = {i: c for i, _, c in view.evaluate(look)}
    for pair, kind in kinds.items():
        if "tajikistan" in pair and len(pair) == 2:
            (other,) = pair - {"tajikistan"}
            assert colours[other] == PAIR_KINDS[kind]["color"], other
    assert view.evaluate("() => explorer.state().colorBy") == "sign"


# ---------- focus ----------


def test_focus_depth_two_keeps_the_actors_two_steps_away(view: Any, bundled: graph.Dataset) -> None:
    point = view.evaluate(NODE_POINT, "iran")
    view.mouse.click(point["x"], point["y"])
    assert view.inner_text("#details-title") == "Iran"
    view.click("#details button[aria-label='Focus depth 2']")
    assert view.get_attribute("#details button[aria-label='Focus depth 2']", "aria-pressed") == (
        "true"
    )
    assert view.evaluate("() => explorer.state().focus") == {"depth": 2}
    neighbours: dict[str, set[str]] = {}
    for pair in undirected_pairs(bundled):
        for a in pair:
            neighbours.setdefault(a, set()).update(pair - {a})
    step1 = neighbours["iran"]
    step2 = set().union(*(neighbours[n] for n in step1)) - step1 - {"iran"}
    kept = view.evaluate(UNDIMMED)
    assert sorted(n["dataId"] for n in kept) == sorted({"iran"} | step1 | step2)
    assert step2  # depth 2 reaches further than depth 1
    labels = bundled.nodes.set_index("id")["label"]
    items = view.locator("#details ul.reach li")
    assert items.count() == len(step1 | step2)
    assert f"In focus ({len(step1 | step2)})" in view.text_content("#details")
    for n in range(items.count()):
        name = items.nth(n).locator("button").text_content()
        note = items.nth(n).locator("small").text_content()
        [actor] = [a for a in step1 | step2 if labels[a] == name]
        if actor in step1:
            assert note == "direct"
        else:
            via = note.removeprefix("step 2, through ")
            assert note.startswith("step 2, through ")
            [middle] = [a for a in step1 if labels[a] == via]
            assert actor in neighbours[middle]
    view.click("#details button[aria-label='Focus depth 1']")
    assert sorted(n["dataId"] for n in view.evaluate(UNDIMMED)) == sorted({"iran"} | step1)


# ---------- tooltips ----------


def test_tooltips_name_the_actor_and_count_a_links_relations(
    view: Any, bundled: graph.Dataset
) -> None:
    point = view.evaluate(NODE_POINT, "tajikistan")
    view.mouse.move(point["x"] - 40, point["y"] - 40)
    view.mouse.move(point["x"], point["y"], steps=4)
    view.wait_for_selector("#tooltip", state="visible")
    assert view.inner_text("#tooltip strong") == "Tajikistan"
    assert "visible relations of" in view.inner_text("#tooltip")
    empty = view.evaluate(EMPTY_POINT)
    view.mouse.move(empty["x"], empty["y"], steps=4)
    view.wait_for_selector("#tooltip", state="hidden")
    link = view.evaluate(FIND_EDGE_POINT, [pair_id(bundled, "iran", "tajikistan")])
    assert link is not None
    view.mouse.move(link["x"] + 10, link["y"] + 10)
    view.mouse.move(link["x"], link["y"], steps=4)
    view.wait_for_selector("#tooltip", state="visible")
    text = view.inner_text("#tooltip")
    assert view.inner_text("#tooltip strong") == "Iran — Tajikistan"
    assert "mixed · 16 relations shown of 16" in text
    tags = view.evaluate("() => [...document.querySelectorAll('#tooltip *')].map((e) => e.tagName)")
    assert set(tags) <= {"STRONG", "SPAN"}


TOOLTIP_LEAVE = (
    "tooltip.js hides the tooltip on vis blurNode/blurEdge only, which need a mousemove on the "
    "canvas: a pointer that leaves a node straight onto the panel, the details card or the zoom "
    "buttons leaves the tooltip shown"
)


def test_the_tooltip_goes_when_the_pointer_leaves_the_canvas(view: Any) -> None:
    point = view.evaluate(NODE_POINT, "tajikistan")
    view.mouse.move(point["x"] - 40, point["y"] - 40)
    view.mouse.move(point["x"], point["y"], steps=4)
    view.wait_for_selector("#tooltip", state="visible")
    panel = view.locator("#panel").bounding_box()
    view.mouse.move(panel["x"] + 40, panel["y"] + 200)  # one move, straight onto the panel
    view.wait_for_timeout(100)
    assert view.is_hidden("#tooltip")


# ---------- search ----------


def test_search_finds_relations_by_type_and_by_quote_words(
    view: Any, bundled: graph.Dataset
) -> None:
    e = bundled.edges
    view.fill("#search", "recognition")
    results = view.inner_text("#search-results")
    recognitions = e[e["type"] == "recognition"]
    assert f"Relations ({len(recognitions)})" in view.text_content("#search-results")
    assert results.count("Iran → Tajikistan") + results.count("Iran — Tajikistan") == 2
    view.locator("#search-results li button").filter(has_text="recognition").first.click()
    first = date_order(recognitions)[0]
    assert view.inner_text("#details-kind") == "Relation · recognition"
    assert view.evaluate("() => explorer.state().selection") == {"kind": "relation", "id": first}
    assert e.set_index("id").loc[first, "evidence"] in view.text_content("#details")

    words = "memorandum defense"
    text = (e["type"] + " " + e["description"].fillna("") + " " + e["evidence"].fillna("")).map(
        fold
    )
    hits = e[text.map(lambda t: all(w in t for w in words.split()))]
    assert 0 < len(hits) < 8
    view.fill("#search", words)
    assert f"Relations ({len(hits)})" in view.text_content("#search-results")
    buttons = view.locator("#search-results li:not(.group) button")
    assert buttons.count() == len(hits)  # no actor matches these words
    opened = []
    for n in range(buttons.count()):
        buttons.nth(n).click()
        opened.append(view.evaluate("() => explorer.state().selection.id"))
    assert opened == date_order(hits)
    assert "memorandum" in view.text_content("#details")


# ---------- labels ----------


def test_labels_do_not_overlap_and_every_actor_is_labelled_on_a_laptop(
    fresh: Tab, pages: dict[str, Path], bundled: graph.Dataset
) -> None:
    for size in ((1440, 900), (1280, 800), (390, 844)):
        page = fresh.show(pages["bundled"], size=size)
        page.wait_for_timeout(50)
        assert page.evaluate(LABEL_CROSSINGS) == [], size
        boxes = page.evaluate("() => explorer.labels()")
        canvas = page.locator("#network canvas").bounding_box()
        width, height = canvas["width"], canvas["height"]
        for b in boxes:
            assert b["x"] >= 0 and b["x"] + b["w"] <= width, (size, b)
            assert b["y"] >= 0 and b["y"] + b["h"] <= height, (size, b)
        if size == (1440, 900):
            assert sorted(b["id"] for b in boxes) == sorted(bundled.nodes["id"])
    fresh.clean()


# ---------- layout ----------


def test_on_a_phone_nothing_scrolls_sideways_and_drawers_fit(
    fresh: Tab, pages: dict[str, Path]
) -> None:
    page = fresh.show(pages["bundled"], size=(390, 844))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.is_visible("#open-panel")
    assert page.get_attribute("#open-panel", "aria-expanded") == "false"
    page.click("#open-panel")
    assert page.get_attribute("#open-panel", "aria-expanded") == "true"
    page.wait_for_timeout(300)  # the drawer slides in (0.2 s)
    panel = page.locator("#panel")
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    controls = panel.locator("input, select, button, summary")
    seen = 0
    for n in range(controls.count()):
        control = controls.nth(n)
        if not control.is_visible():
            continue
        control.evaluate("(e) => e.scrollIntoView({block: 'center'})")
        b = control.bounding_box()
        assert b is not None
        assert b["x"] >= 0 and b["x"] + b["width"] <= 390, control.evaluate("(e) => e.outerHTML")
        assert b["y"] >= 0 and b["y"] + b["height"] <= 844, control.evaluate("(e) => e.outerHTML")
        seen += 1
    assert seen >= 10
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.click("#close-panel")
    page.wait_for_timeout(300)
    assert page.get_attribute("#open-panel", "aria-expanded") == "false"

    page.evaluate("() => explorer.selectNode('tajikistan')")
    details = page.locator("#details").bounding_box()
    assert details["x"] >= 0 and details["x"] + details["width"] <= 390
    assert details["y"] > 844 / 3 and abs(details["y"] + details["height"] - 844) <= 1
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.click("#details-close")
    assert page.is_hidden("#details")
    fresh.clean()


def test_on_a_laptop_the_panel_does_not_scroll(fresh: Tab, pages: dict[str, Path]) -> None:
    page = fresh.show(pages["bundled"], size=(1440, 900))
    assert page.is_hidden("#open-panel")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1440
    sizes = page.evaluate(
        "() => [document.getElementById('panel').scrollHeight, "
        "document.getElementById('panel').clientHeight]"
    )
    assert sizes[0] <= sizes[1], sizes


SETTLED_SCALE = """
() => new Promise((resolve) => {  // the view's scale once an animation has ended
  let last = -1;
  const tick = () => {
    const now = network.getScale();
    if (now === last) resolve(now); else { last = now; setTimeout(tick, 60); }
  };
  setTimeout(tick, 60);
})
"""


def test_on_a_laptop_zoom_buttons_and_keyboard_focus_work(
    fresh: Tab, pages: dict[str, Path]
) -> None:
    page = fresh.show(pages["bundled"], size=(1440, 900))
    assert page.is_hidden("#open-panel")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1440

    scale = page.evaluate(SETTLED_SCALE)
    page.click("#zoom-in")
    assert page.evaluate(SETTLED_SCALE) == pytest.approx(scale * 1.4, rel=0.01)
    page.click("#zoom-out")
    page.evaluate(SETTLED_SCALE)
    page.click("#zoom-out")
    smaller = page.evaluate(SETTLED_SCALE)
    assert smaller == pytest.approx(scale / 1.4, rel=0.01)
    page.click("#zoom-fit")
    fitted = page.evaluate(SETTLED_SCALE)
    assert fitted > smaller * 1.2
    assert fitted == pytest.approx(scale, rel=0.01)  # back to the opening view

    # keyboard focus shows: Tab to a button and look at its outline
    page.focus("#search")
    outline = None
    for _ in range(30):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            """() => { const e = document.activeElement;
              if (e.tagName !== 'BUTTON') return null;
              const s = getComputedStyle(e);
              return [e.id || e.textContent, s.outlineStyle, s.outlineWidth]; }"""
        )
        if outline:
            break
    assert outline is not None, "no button takes the keyboard focus"
    assert outline[1] != "none" and outline[2] != "0px", outline
    fresh.clean()


# ---------- the real samples ----------


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Pages of the ICEWS and GDELT samples, imported with the library's importers."""
    if not SHARED_EVENTS.is_dir():
        pytest.skip(f"{SHARED_EVENTS} not found")
    from graph.exchange.importers import import_gdelt, import_icews

    folder = tmp_path_factory.mktemp("samples")
    import_icews(ICEWS, folder / "icews")
    import_gdelt(GDELT, folder / "gdelt")
    icews, gdelt = graph.load(folder / "icews"), graph.load(folder / "gdelt")
    return {
        "icews": write_html(icews, folder / "icews.html"),
        "icews60": write_html(icews, folder / "icews60.html", max_nodes=60),
        "icews-states": write_html(icews.filter(node_types=["state"]), folder / "icews-s.html"),
        "gdelt": write_html(gdelt, folder / "gdelt.html"),
        "gdelt-states": write_html(gdelt.filter(node_types=["state"]), folder / "gdelt-s.html"),
    }


ONLY_AUTOMATIC = """
() => {
  const auto = JSON.parse(document.getElementById('graph-data').textContent).relations;
  const isAuto = new Map(auto.id.map((id, r) => [id, auto.auto[r]]));
  return explorer.visibleLinks().filter((l) => l.relations.every((r) => isAuto.get(r))).length;
}
"""
SAMPLES = ["icews", "icews60", "icews-states", "gdelt", "gdelt-states"]


@needs_samples
@pytest.mark.parametrize("name", SAMPLES)
def test_a_sample_opens_labelled_without_overlaps_or_lone_dots(
    fresh: Tab, samples: dict[str, Path], name: str
) -> None:
    page = fresh.show(samples[name], size=(1440, 900))
    page.wait_for_timeout(50)
    state = page.evaluate("() => explorer.state().filters")
    assert state["automatic"] is False and state["isolated"] is True
    assert page.evaluate(ONLY_AUTOMATIC) == 0  # no actor → state link the importer added
    shown = page.evaluate(SHOWN_NODES)
    assert len(shown) >= 10
    assert set(shown) == set(page.evaluate(LINK_ENDS))  # every drawn actor has a drawn link
    labels = page.evaluate("() => explorer.labels()")
    assert len(labels) >= 10
    assert page.evaluate(LABEL_CROSSINGS) == []
    top = page.evaluate(TOP_ACTORS, 5)
    assert [a for a in top if a not in {b["id"] for b in labels}] == []
    fresh.clean()


@needs_samples
@pytest.mark.parametrize("name", ["icews60", "gdelt"])
def test_show_automatic_and_isolated_bring_them_back(
    fresh: Tab, samples: dict[str, Path], name: str
) -> None:
    page = fresh.show(samples[name])
    automatic = page.evaluate(f"() => ({DATA})().relations.auto.filter(Boolean).length")
    assert automatic > 0 or name == "gdelt"
    assert not page.is_checked("#show-automatic") and page.is_checked("#hide-isolated")
    shown = page.evaluate(SHOWN_NODES)
    links = len(page.evaluate("() => explorer.visibleLinks()"))
    if automatic:
        page.check("#show-automatic")
        assert page.evaluate(ONLY_AUTOMATIC) > 0
        assert len(page.evaluate("() => explorer.visibleLinks()")) > links
        assert page.evaluate("() => explorer.state().filters.automatic") is True
        page.uncheck("#show-automatic")
        assert page.evaluate(ONLY_AUTOMATIC) == 0
    else:
        assert page.is_hidden("#show-automatic")
    if len(shown) < page.evaluate("() => nodes.length"):
        page.uncheck("#hide-isolated")
        assert len(page.evaluate(SHOWN_NODES)) > len(shown)
        assert page.evaluate("() => explorer.state().filters.isolated") is False
    fresh.clean()


FIT_HIDDEN = (
    "the first view (and Reset, ⤢) fits every node, hidden ones too: the isolated actors hidden "
    "by default still take room, so the drawn graph fills a corner of the canvas"
)
VISIBLE_SPAN = """
() => {
  const ids = nodes.get({filter: (n) => !n.hidden}).map((n) => n.id);
  const at = network.getPositions(ids), dom = ids.map((i) => network.canvasToDOM(at[i]));
  const xs = dom.map((d) => d.x), ys = dom.map((d) => d.y), c = network.canvas.frame.canvas;
  const span = (v) => Math.max(...v) - Math.min(...v);
  return [span(xs) / c.clientWidth, span(ys) / c.clientHeight];
}
"""


@needs_samples
@pytest.mark.parametrize("name", ["icews-states", "gdelt-states"])
def test_a_states_only_view_fills_the_canvas(
    fresh: Tab, samples: dict[str, Path], name: str
) -> None:
    page = fresh.show(samples[name], size=(1440, 900))
    span = page.evaluate(VISIBLE_SPAN)
    assert max(span) >= 0.8, span  # fitted: the drawn actors span the width or the height
    fresh.clean()


# ---------- hostile strings ----------


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[graph.Dataset, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    ds = make_hostile(folder / f'<img src=x onerror="{ACT}">')
    return ds, write_html(ds, folder / "hostile.html")


def test_hostile_strings_stay_text_in_tooltips_panels_legends_and_fragment(
    fresh: Tab, hostile_page: tuple[graph.Dataset, Path]
) -> None:
    ds, path = hostile_page
    page = fresh.show(path)
    assert_untouched(page, fresh, ds.name)

    point = page.evaluate(NODE_POINT, PAYLOAD)
    page.mouse.move(point["x"] + 30, point["y"] + 30)
    page.mouse.move(point["x"], point["y"], steps=4)
    page.wait_for_selector("#tooltip", state="visible")
    assert page.text_content("#tooltip strong") == PAYLOAD
    tags = page.evaluate("() => [...document.querySelectorAll('#tooltip *')].map((e) => e.tagName)")
    assert set(tags) <= {"STRONG", "SPAN"}
    link = page.evaluate(FIND_EDGE_POINT, [pair_id(ds, PAYLOAD, "plain")])
    assert link is not None
    page.mouse.move(link["x"] + 10, link["y"] + 10)
    page.mouse.move(link["x"], link["y"], steps=4)
    page.wait_for_function(
        "() => document.getElementById('tooltip').textContent.includes('relations shown')"
    )
    assert page.text_content("#tooltip strong") == f"{PAYLOAD} — Plain"
    tags = page.evaluate("() => [...document.querySelectorAll('#tooltip *')].map((e) => e.tagName)")
    assert set(tags) <= {"STRONG", "SPAN"}
    page.mouse.move(1, 1)

    page.evaluate("(id) => explorer.selectPair(id, 'plain')", PAYLOAD)
    assert page.text_content("#details-title") == f"{PAYLOAD} — Plain"
    assert page.text_content("#details .pair-list").count(PAYLOAD) >= 4  # quotes, descriptions
    assert EDGE_TYPE in page.text_content("#details .pair-list")

    page.select_option("#color-by", "community")
    page.select_option("#color-by", "sign")
    page.evaluate("(id) => explorer.selectNode(id)", PAYLOAD)
    assert PAYLOAD in page.text_content("#color-legend")
    assert PAYLOAD in page.text_content("#node-types") and EDGE_TYPE in page.text_content(
        "#edge-types"
    )
    page.locator("#edge-types label").filter(has_text=EDGE_TYPE).locator("input").uncheck()
    assert page.evaluate("() => explorer.state().filters.hiddenRelationTypes") == [EDGE_TYPE]
    assert_untouched(page, fresh, ds.name)

    fragment = page.evaluate("() => location.hash").removeprefix("#")
    assert "<" not in fragment and '"' not in fragment  # encoded
    state = page.evaluate("() => explorer.state()")
    assert state["selection"] == {"kind": "node", "id": PAYLOAD}
    page = fresh.show(path, fragment)
    assert page.evaluate("() => explorer.state()") == state
    assert page.text_content("#details-title") == PAYLOAD
    assert page.is_hidden("#notice")
    assert_untouched(page, fresh, ds.name)

    # an id that is not in the data, itself a payload: left out with a notice
    page = fresh.show(path, "node=" + quote(PAYLOAD + "x", safe="") + "&hide=" + quote(ACT))
    assert page.is_visible("#notice")
    assert page.evaluate("() => explorer.state().selection") is None
    assert_untouched(page, fresh, ds.name)
    fresh.clean()
