"""The map layout in Chromium: states where they are on the world map, the outline aligned with
them under zoom and pan, the switch between layouts (controls, state, URL fragment), the map
in the SVG picture, and a hostile dataset on the map.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from test_html_hostile import PAYLOAD, assert_untouched, make_hostile
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.errors import UsageError
from graph.render import to_html, write_html

pytestmark = pytest.mark.browser

POSITIONS = (
    "() => { const p = network.getPositions(); const out = {};"
    " for (const k in p) out[nodes.get(Number(k)).dataId] = [p[k].x, p[k].y]; return out; }"
)
# Each drawn state with an outline: its node on the screen and its country's outline box.
ALIGNED = """
() => {
  const out = [];
  for (const n of nodes.get({filter: (n) => !n.hidden})) {
    const i = n.id, iso3 = explorer.state && window.__iso3[n.dataId];
    if (!iso3) continue;
    const box = explorer.countryBox(iso3);
    if (!box) continue;
    const p = network.canvasToDOM(network.getPositions([i])[i]);
    out.push([n.dataId, p.x, p.y, box.x0, box.y0, box.x1, box.y1]);
  }
  return out;
}
"""


@pytest.fixture(scope="module")
def map_page(tmp_path_factory: pytest.TempPathFactory, bundled: graph.Dataset) -> Path:
    folder = tmp_path_factory.mktemp("map")
    return write_html(bundled, folder / "map.html", layout="map")


def positions(page: Any) -> dict[str, list[float]]:
    return page.evaluate(POSITIONS)


def assert_aligned(page: Any, bundled: graph.Dataset) -> int:
    iso3 = dict(zip(bundled.nodes["id"], bundled.nodes["iso3"].fillna(""), strict=True))
    page.evaluate("(codes) => { window.__iso3 = codes; }", {k: v for k, v in iso3.items() if v})
    rows = page.evaluate(ALIGNED)
    for name, x, y, x0, y0, x1, y1 in rows:
        assert x0 <= x <= x1 and y0 <= y <= y1, (name, x, y, (x0, y0, x1, y1))
    return len(rows)


def test_states_sit_where_they_are_on_the_map(
    tab: Any, map_page: Path, bundled: graph.Dataset
) -> None:
    page = tab.show(map_page, size=(1440, 900))
    assert page.evaluate("explorer.state().layout") == "map"
    xy = positions(page)
    iran, tajikistan, russia, afghanistan = (
        xy[k] for k in ("iran", "tajikistan", "russia", "afghanistan")
    )
    assert tajikistan[0] > iran[0]  # east (x grows eastwards)
    assert russia[1] < iran[1] and russia[1] < tajikistan[1]  # north (y grows southwards)
    assert afghanistan[0] > iran[0] and afghanistan[1] > iran[1]  # south-east of Iran
    assert xy["china"][0] > tajikistan[0]
    # people sit by their country; organizations beside the map, east of every state
    assert abs(xy["hassan_rouhani"][0] - iran[0]) < 120
    states = [xy[k] for k in ("iran", "tajikistan", "russia", "afghanistan", "china")]
    assert xy["sco"][0] > max(s[0] for s in states)
    tab.clean()  # the outline is in the page: no request


def test_outline_stays_aligned_with_the_states_after_zoom_and_pan(
    tab: Any, map_page: Path, bundled: graph.Dataset
) -> None:
    page = tab.show(map_page, size=(1440, 900))
    assert assert_aligned(page, bundled) >= 6  # Iran, Tajikistan, Afghanistan, Russia …
    page.evaluate(
        "() => { const i = explorer.nodeIndex('tajikistan'); network.moveTo("
        "{scale: network.getScale() * 3, position: network.getPositions([i])[i]}); }"
    )
    page.wait_for_timeout(100)
    assert assert_aligned(page, bundled) >= 2
    page.mouse.move(700, 450)
    page.mouse.wheel(0, 400)  # zoom out with the wheel
    page.wait_for_timeout(100)
    assert assert_aligned(page, bundled) >= 6
    tab.clean()


def test_switching_layouts_keeps_state_and_fragment(
    tab: Any, pages: dict[str, Path], bundled: graph.Dataset
) -> None:
    page = tab.show(pages["bundled"], size=(1440, 900))
    assert page.evaluate("explorer.state().layout") == "network"
    before = positions(page)
    assert page.is_visible("#layout-row")
    page.check("input[name='layout'][value='map']")
    after = positions(page)
    assert after["tajikistan"][0] > after["iran"][0]
    assert after != before
    assert "layout=map" in page.evaluate("location.hash")
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_selector("html[data-ready='1']", state="attached")
    assert page.evaluate("explorer.state().layout") == "map"
    assert positions(page) == after
    assert page.is_checked("input[name='layout'][value='map']")
    assert page.evaluate("explorer.setState({layout: 'network'})") is True
    assert positions(page) == before
    assert page.evaluate("explorer.setState({layout: 'globe'})") is False
    page.evaluate("explorer.setState({layout: 'map'})")
    page.evaluate("explorer.reset()")
    assert page.evaluate("explorer.state().layout") == "network"
    assert positions(page) == before
    tab.clean()


def test_map_picture_has_the_outline(tab: Any, map_page: Path) -> None:
    page = tab.show(map_page, size=(1440, 900))
    root = ET.fromstring(page.evaluate("explorer.exportSVG()"))
    countries = [e.get("data-iso3") for e in root.iter() if e.get("class") == "country"]
    assert {"IRN", "TJK", "AFG"} <= set(countries)
    nodes = [e for e in root.iter() if e.get("class") == "node"]
    assert len(nodes) == len(page.evaluate("() => nodes.get({filter: (n) => !n.hidden})"))
    tab.clean()


def test_dataset_without_states_has_no_map(tab: Any, tmp_path: Path) -> None:
    hostile = make_hostile(tmp_path / "plain")
    with pytest.raises(UsageError, match="map layout needs states with an ISO3 code"):
        to_html(hostile, layout="map")
    page = tab.show(write_html(hostile, tmp_path / "page.html"))
    assert not page.is_visible("#layout-row")
    assert page.evaluate("explorer.setState({layout: 'map'})") is False
    result = CliRunner().invoke(app, ["html", str(hostile.path), "--layout", "map", "-o",
                                      str(tmp_path / "no.html")])  # fmt: skip
    assert result.exit_code == 2
    assert "--layout" not in result.output or "ISO3" in result.output
    assert not (tmp_path / "no.html").exists()
    tab.clean()


def test_hostile_dataset_on_the_map_runs_no_script(tab: Any, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    make_hostile(folder)
    nodes = pd.read_csv(folder / "nodes.csv", dtype=str, keep_default_na=False)
    nodes["iso3"] = ["IRN", "", ""]  # the payload is a state on the map; "plain" lives in it
    nodes.to_csv(folder / "nodes.csv", index=False)
    hostile = graph.load(folder)
    page = tab.show(write_html(hostile, tmp_path / "map.html", layout="map"))
    assert page.evaluate("explorer.state().layout") == "map"
    xy = positions(page)
    assert abs(xy["plain"][0] - xy[PAYLOAD][0]) < 120  # beside its (hostile) country
    root = ET.fromstring(page.evaluate("explorer.exportSVG()"))
    assert PAYLOAD in [e.text for e in root.iter() if e.get("class") == "label"]
    assert_untouched(page, tab, hostile.name)
    tab.clean()


OVERLAYS = """
() => {
  const stage = document.getElementById("network").getBoundingClientRect();
  return ["zoom", "layout-row", "details"].map((id) => document.getElementById(id))
    .filter((el) => el && !el.hidden).map((el) => {
      const b = el.getBoundingClientRect(), x = stage.left, y = stage.top;
      return [el.id, b.left - x, b.top - y, b.right - x, b.bottom - y];
    });
}
"""


@pytest.mark.parametrize("size", [(1440, 900), (390, 844)])
def test_no_label_hides_under_the_controls_over_the_graph(
    tab: Any, map_page: Path, size: tuple[int, int]
) -> None:
    page = tab.show(map_page, size=size)
    page.evaluate("explorer.selectNode('tajikistan')")  # the details card opens
    if size[0] > 760:  # labels reach the edges (on a phone the drawer covers the lower half)
        page.evaluate("network.moveTo({scale: network.getScale() * 2})")
    page.wait_for_timeout(150)
    overlays = page.evaluate(OVERLAYS)
    assert {o[0] for o in overlays} >= {"zoom", "layout-row", "details"}
    labels = page.evaluate("explorer.labels()")
    assert labels
    for box in labels:
        for name, x0, y0, x1, y1 in overlays:
            apart = box["x"] + box["w"] <= x0 or x1 <= box["x"] or box["y"] + box["h"] <= y0
            assert apart or y1 <= box["y"], (box["id"], name)
    tab.clean()
