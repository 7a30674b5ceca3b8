"""The explorer's view in the URL fragment, and hostile strings, in a real headless Chromium.

On the bundled dataset: the view survives a reload through the fragment; a malformed fragment
is left out with a notice. And a hostile dataset's strings through tooltips, the pair panel,
the legends and the fragment.

Pages share one browser tab per module (conftest's ``tab`` and ``fresh``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pandas as pd
import pytest
from test_html_browser import FIND_EDGE_POINT, NODE_POINT, pair_id
from test_html_hostile import ACT, EDGE_TYPE, PAYLOAD, assert_untouched, make_hostile

import graph
from conftest import Tab
from graph.render import write_html

pytestmark = pytest.mark.browser


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
    assert len(page.evaluate("() => explorer.visibleLinks()")) == 28
    assert page.evaluate("() => explorer.setState(explorer.state())") is True
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
