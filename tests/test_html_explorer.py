"""The explorer page's drawing and details in a real headless Chromium, network closed.

On the bundled dataset: one link per pair and its relations, the pair panel, the link mode,
the time window, size and colour and their legend, focus depth, tooltips and relation search.
The view in the URL fragment and hostile strings are in test_html_explorer_state.py; labels,
layouts and the real samples in test_html_explorer_layout.py.

Pages share one browser tab per module (conftest's ``tab``; a page is reloaded only when a test
needs its first view or its URL); explorer.reset() puts the view back between tests.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from test_html_browser import EMPTY_POINT, FIND_EDGE_POINT, NODE_POINT, pair_id

import graph
from conftest import Tab
from graph.render import PAIR_KINDS, pair_links

pytestmark = pytest.mark.browser

DIM_NODE = "#eef0f3"  # appearance.js: a faded actor's background
UNDIMMED = f"() => nodes.get({{filter: (n) => !n.hidden && n.color.background !== '{DIM_NODE}'}})"
DATA = "() => JSON.parse(document.getElementById('graph-data').textContent)"


@pytest.fixture
def view(tab: Tab, pages: dict[str, Path]) -> Iterator[Any]:
    """The bundled page at 1280×800, reset to its first state (loaded once per module)."""
    tab.forget()
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
    assert len(kinds) == 28 and len(links) == 28
    ends = [frozenset([link["source"], link["target"]]) for link in links]
    assert len(set(ends)) == 28  # no two links for one pair
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
    assert len(order) == 20
    items = view.locator("#details .pair-list > li")
    assert items.count() == 20
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
    assert len(links) == 52 == view.evaluate("() => edges.length")
    assert sorted(r for link in links for r in link["relations"]) == sorted(bundled.edges["id"])
    assert sorted(view.evaluate("() => edges.get().map((e) => e.dataId)")) == sorted(
        bundled.edges["id"]
    )
    assert view.evaluate("() => explorer.state().links") == "relation"
    assert "52 relations" in view.inner_text("#status")
    view.click("label:has(input[name='links'][value='pair'])")
    assert len(view.evaluate("() => explorer.visibleLinks()")) == 28
    assert view.evaluate("() => edges.length") == 28


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
    rows = bundled.edges.set_index("id").loc[pair["relations"]]
    dated = rows[rows["date"] != ""]
    # in force in 2016–2018: the cooling (−) and trade at a low level (0); the undated
    # security agreements (+) show too, as undated relations do unless their box is unticked
    assert len(dated) >= 1 and (dated["sign"] <= 0).all() and (dated["sign"] == -1).any()
    assert list(rows.loc[rows["date"] == "", "type"]) == ["agreement"]
    assert pair["kind"] == "mixed"

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
    assert "mixed · 20 relations shown of 20" in text
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
