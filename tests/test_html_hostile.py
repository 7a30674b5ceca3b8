"""The explorer page in a real headless Chromium with a hostile dataset: every text that could
be markup (labels, types, descriptions, sources, the vocabulary and metadata) is shown as text,
no script of the data runs, and clicking actors and links changes nothing of the page
(make_hostile and assert_untouched serve test_html_map.py too).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from test_html_browser import FIND_EDGE_POINT, NODE_POINT, open_page, pair_id

import graph
from graph.render import write_html

pytestmark = pytest.mark.browser


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


def make_hostile(folder: Path) -> graph.Dataset:
    """A dataset whose every string tries to run script: ids, labels, types, quotes, names."""
    folder.mkdir(parents=True)
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


@pytest.fixture
def hostile(tmp_path: Path) -> graph.Dataset:
    return make_hostile(tmp_path / f'<img src=x onerror="{ACT}">')


def assert_untouched(page: Any, probe: Any, title: str) -> None:
    """No payload ran, added an element that loads or runs something, or wrote the title."""
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
    hrefs = page.evaluate("() => [...document.querySelectorAll('a')].map((a) => a.protocol)")
    assert set(hrefs) <= {"https:", "http:"}
    assert probe.errors == []


def test_hostile_dataset_runs_no_script_and_shows_text_literally(
    browser_page: Any, tmp_path: Path, hostile: graph.Dataset
) -> None:
    assert hostile.vocabulary.node_types[NODE_TYPE].label == PAYLOAD
    path = write_html(hostile, tmp_path / "hostile.html")
    page = browser_page.page
    page.add_init_script(TRAP)
    open_page(browser_page, path)
    assert_untouched(page, browser_page, hostile.name)
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
    page.click("#details-close")
    page.wait_for_timeout(600)  # the view glides to the node (300 ms)

    point = page.evaluate(FIND_EDGE_POINT, [pair_id(hostile, PAYLOAD, "plain")])
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    details = page.text_content("#details")
    assert page.text_content("#details-title") == f"{PAYLOAD} — Plain"
    assert details.count(PAYLOAD) >= 4 and f"javascript:{ACT}" in details
    links = page.evaluate("() => [...document.querySelectorAll('#details a')].map((a) => a.href)")
    assert links == ["https://example.org/report?a=1&b=2"]

    page.evaluate("(id) => window.explorer.selectEdge(id)", "e2")
    assert EDGE_TYPE in page.text_content("#details-kind")
    assert page.evaluate("() => document.querySelectorAll('#details a').length") == 0
    page.click("#reset")
    assert_untouched(page, browser_page, hostile.name)
    assert browser_page.requests == []
