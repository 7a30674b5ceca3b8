"""The explorer page's layout in a real headless Chromium, network closed.

On the bundled dataset: labels that do not overlap, a phone's drawers, a laptop's panel, zoom
buttons and keyboard focus. On the real ICEWS and GDELT samples (../shared/data/events):
automatic actor → state links and isolated actors hidden by default, labels, and a
states-only view that fills the canvas.

Pages share one browser tab per module (conftest's ``tab`` and ``fresh``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_html_explorer import DATA

import graph
from conftest import SHARED_EVENTS, Tab
from graph.render import write_html

pytestmark = pytest.mark.browser

GDELT = SHARED_EVENTS / "gdelt2_20191024143000.export.CSV"
ICEWS = SHARED_EVENTS / "icews_events.2018.sample.tab"
needs_samples = pytest.mark.skipif(
    not SHARED_EVENTS.is_dir() and not os.environ.get("CI"),
    reason=f"{SHARED_EVENTS} not found (present in CI)",
)
SHOWN_NODES = "() => nodes.get({filter: (n) => !n.hidden}).map((n) => n.dataId).sort()"
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
