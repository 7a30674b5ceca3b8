"""Take the explorer pictures in docs/img/ (for the README and the docs), in headless Chromium.

Each picture opens a freshly written page from ``file://`` in its own browser context with
every non-``file:`` request aborted (the page must need none; one that tries fails the run),
waits for ``html[data-ready='1']``, sets the view through ``window.explorer``, frames the graph
so that the details card or drawer hides none of it, and saves a PNG:

- ``explorer.png``: the bundled dataset at 1440×900, the Iran–Tajikistan pair selected (its
  relations in date order, with their quotes);
- ``explorer-phone.png`` and ``explorer-phone-details.png``: the same page at 390×844, the graph
  alone, then Tajikistan selected (its details drawer open);
- ``explorer-window.png``: 1440×900, the time window 2016-01-01 to 2018-12-31 (the chill:
  the Iran–Tajikistan link turns conflictual);
- ``explorer-map.png``: the bundled dataset on the map layout at 1440×900.
- ``report.png``: the first screen (1280×900) of the HTML report of the bundled dataset: its
  key findings.
- ``review.png`` and ``review-phone.png``: the review page of ``graph extract`` (1440×900 and
  390×844) on the sample candidates of ``tests/review_sample.py``, two accepted, one rejected
  and one with an impossible date;
- ``explorer-icews.png``: the ICEWS sample (``../shared/data/events``) imported into a temporary
  folder and drawn with the default options, 1440×900; skipped, with a message, when the
  sample is not there.

The same data, code and Chromium give the same pictures: layouts are seeded, the scripts run
with reduced motion, and nothing is animated when framing.

    python scripts/screenshot.py [-o docs/img] [--only explorer explorer-phone ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chromium import CHROMIUM, HEADLESS, close_network

import graph
from graph.render import write_html, write_review

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVENTS = ROOT.parent / "shared" / "data" / "events"  # as in tests/conftest.py
ICEWS = SHARED_EVENTS / "icews_events.2018.sample.tab"
TITLE = "Iran–Tajikistan relations"
DESKTOP = (1440, 900)
PHONE = (390, 844)

# Frame the drawn actors in the part of the graph area that nothing covers: the zoom buttons
# (top left: the graph goes either right of them or below them), the details card (right, on a
# wide screen) or drawer (bottom, on a phone) and the hint line. Each margin of ``margins`` is
# tried for each side of the zoom buttons; of the framings within 80 % of the largest scale, the
# one that leaves the most labels wholly in the free area, less twice those partly under a
# button, card or drawer, wins (then the larger scale).
FRAME = """
({margins, maxScale, around}) => {
  const net = window.network, stage = document.getElementById("network");
  const W = stage.clientWidth, H = stage.clientHeight, box = stage.getBoundingClientRect();
  const rect = (id) => {
    const el = document.getElementById(id);
    if (!el || el.hidden || !el.getClientRects().length) return null;
    const r = el.getBoundingClientRect();
    return {left: r.left - box.left, top: r.top - box.top, right: r.right - box.left,
            bottom: r.bottom - box.top, width: r.width};
  };
  const base = {left: 0, top: 0, right: W, bottom: H};
  const card = rect("details"), hint = rect("hint"), zoom = rect("zoom");
  if (card && card.width >= box.width - 2) base.bottom = Math.min(base.bottom, card.top);
  else if (card) base.right = Math.min(base.right, card.left);
  if (hint) base.bottom = Math.min(base.bottom, hint.top);
  const covers = [card, hint, zoom, rect("layout-row")].filter((c) => c !== null);
  const sides = zoom ? [{...base, left: zoom.right + 4}, {...base, top: zoom.bottom + 4}] : [base];
  let shown = window.nodes.get({filter: (n) => !n.hidden});
  if (around !== null) {  // an actor and its partners only
    const i = window.explorer.nodeIndex(around);
    const near = new Set([i, ...net.getConnectedNodes(i)].map(Number));
    shown = shown.filter((n) => near.has(Number(n.id)));
  }
  if (!shown.length) return null;
  const at = net.getPositions(shown.map((n) => n.id));
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const n of shown) {
    const p = at[n.id], r = n.size || 10;
    x0 = Math.min(x0, p.x - r); x1 = Math.max(x1, p.x + r);
    y0 = Math.min(y0, p.y - r); y1 = Math.max(y1, p.y + r);
  }
  const place = (free, [mx, my]) => {
    const fw = free.right - free.left - 2 * mx, fh = free.bottom - free.top - 2 * my;
    const fit = Math.min(fw / Math.max(x1 - x0, 1), fh / Math.max(y1 - y0, 1), maxScale);
    const scale = Math.max(0.05, fit);  // a free area smaller than the margins: tiny, not < 0
    // the graph's middle goes to the middle of the free area
    const cx = (x0 + x1) / 2 + (W / 2 - (free.left + free.right) / 2) / scale;
    const cy = (y0 + y1) / 2 + (H / 2 - (free.top + free.bottom) / 2) / scale;
    net.moveTo({position: {x: cx, y: cy}, scale: scale, animation: false});
    net.redraw();
    const boxes = window.explorer.labels();
    const labels = boxes.filter((b) => b.x >= free.left && b.y >= free.top &&
      b.x + b.w <= free.right && b.y + b.h <= free.bottom).length;
    const covered = boxes.filter((b) => covers.some((c) => b.x < c.right && c.left < b.x + b.w &&
      b.y < c.bottom && c.top < b.y + b.h)).length;
    return {scale: scale, labels: labels, covered: covered, free: free, margin: [mx, my]};
  };
  const tried = [];
  for (const free of sides) for (const margin of margins) tried.push(place(free, margin));
  const top = Math.max(...tried.map((t) => t.scale));
  const best = tried.filter((t) => t.scale >= 0.8 * top)
    .sort((a, b) => b.labels - 2 * b.covered - (a.labels - 2 * a.covered) || b.scale - a.scale)[0];
  place(best.free, best.margin);
  return {scale: best.scale, labels: best.labels, covered: best.covered, nodes: shown.length,
          margin: best.margin};
}
"""


@dataclass
class Shot:
    """One picture: which page, at what size, and what to do before taking it."""

    name: str
    page: str  # key of the page to open (see ``main``)
    size: tuple[int, int]
    scale: float = 1.0  # device scale factor
    actions: list[tuple[str, Any]] = field(default_factory=list)  # (script, argument)
    # room (CSS px) around the outermost actors for their labels; each is tried (see FRAME)
    margins: list[tuple[int, int]] = field(
        default_factory=lambda: [(40, 30), (70, 40), (100, 50), (140, 60)]
    )
    max_scale: float = 1.6
    around: str | None = None  # frame this actor and its partners (default: every actor shown)
    explorer: bool = True  # an explorer page (wait for its first drawing, frame its actors)


PAIR = ["iran", "tajikistan"]
# The review page: accept two candidates, reject one, write an impossible date into another.
DECIDE = """
() => {
  const row = (i) => document.querySelector(`li.cand[data-row='${i}']`);
  for (const i of [0, 4]) row(i).querySelector("button.accept").click();
  row(5).querySelector("button.reject").click();
  const date = row(3).querySelector("input.date");
  date.value = "2023-13";
  date.dispatchEvent(new Event("input", {bubbles: true}));
}
"""
SHOTS = [
    Shot(
        "explorer",
        "bundled",
        DESKTOP,
        actions=[("([a, b]) => window.explorer.selectPair(a, b)", PAIR)],
    ),
    Shot("explorer-phone", "bundled", PHONE, scale=2),
    Shot(
        "explorer-phone-details",
        "bundled",
        PHONE,
        scale=2,
        actions=[("(id) => window.explorer.selectNode(id, false)", "tajikistan")],
        around="tajikistan",
    ),
    Shot(
        "explorer-window",
        "bundled",
        DESKTOP,
        actions=[
            (
                "(s) => window.explorer.setState(s)",
                {"window": {"from": "2016-01-01", "to": "2018-12-31"}},
            )
        ],
        max_scale=1.25,
    ),
    Shot("explorer-icews", "icews", DESKTOP),
    Shot("explorer-map", "map", DESKTOP, max_scale=1.0),
    Shot("report", "report", (1280, 900), explorer=False),
    Shot("review", "review", DESKTOP, explorer=False, actions=[(DECIDE, None)]),
    Shot("review-phone", "review", PHONE, scale=2, explorer=False, actions=[(DECIDE, None)]),
]


def bundled_page(folder: Path) -> Path:
    return write_html(graph.load(), folder / "iran_tajikistan.html", title=TITLE)


def map_page(folder: Path) -> Path:
    return write_html(graph.load(), folder / "map.html", title=TITLE, layout="map")


def report_page(folder: Path) -> Path:
    target = folder / "report.html"
    graph.write_report(graph.build_report(graph.load()), target)
    return target


def review(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    import review_sample

    edges = review_sample.edges()
    edges.loc[3, "citation"] = "article.txt ¶4"  # the tests' formula-like cell, not for the docs
    return write_review(folder, review_sample.nodes(), edges, "Candidates from article.txt")


def icews(folder: Path) -> Path | None:
    if not ICEWS.is_file():
        return None
    from graph.exchange.importers import import_icews

    result = import_icews(ICEWS, folder / "icews")
    return write_html(graph.load(result.path), folder / "icews.html")


def take(browser: Any, page_path: Path, shot: Shot, output: Path) -> list[str]:
    """Take one picture; return the requests the page tried to make outside ``file:``."""
    context = browser.new_context(
        viewport={"width": shot.size[0], "height": shot.size[1]},
        device_scale_factor=shot.scale,
        reduced_motion="reduce",
        is_mobile=shot.size[0] < 760,
        has_touch=shot.size[0] < 760,
        locale="en-GB",
        timezone_id="UTC",
    )
    page = context.new_page()
    blocked = close_network(page)
    page.goto(page_path.resolve().as_uri())
    if not shot.explorer:  # a report or a review page: its first screen (after the actions)
        for script, argument in shot.actions:
            page.evaluate(script, argument)
        page.wait_for_timeout(300)
        page.screenshot(path=str(output))
        context.close()
        return blocked
    page.wait_for_selector("html[data-ready='1']", state="attached", timeout=120_000)
    for script, argument in shot.actions:
        page.evaluate(script, argument)
    page.wait_for_timeout(300)  # drawers and cards have settled (motion is reduced anyway)
    frame = page.evaluate(
        FRAME, {"margins": shot.margins, "maxScale": shot.max_scale, "around": shot.around}
    )
    if frame is None:
        print(f"warning: {shot.name}: no actor is shown", file=sys.stderr)
    else:
        print(
            f"  {shot.name}: {frame['nodes']} actors, {frame['labels']} labels in view "
            f"({frame['covered']} partly covered), "
            f"scale {frame['scale']:.2f}, margin {frame['margin']}"
        )
    page.wait_for_timeout(200)
    page.screenshot(path=str(output))
    context.close()
    return blocked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--only", nargs="*", default=None, help="names of the pictures to take")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    shots = [s for s in SHOTS if args.only is None or s.name in args.only]
    makers: dict[str, Callable[[Path], Path | None]] = {
        "bundled": bundled_page,
        "icews": icews,
        "map": map_page,
        "report": report_page,
        "review": review,
    }
    failed = 0
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        pages: dict[str, Path | None] = {}
        for key in dict.fromkeys(s.page for s in shots):
            folder = Path(tmp) / key
            folder.mkdir()
            pages[key] = makers[key](folder)
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[*HEADLESS, "--font-render-hinting=none"],
        )
        for shot in shots:
            page_path = pages[shot.page]
            if page_path is None:
                print(f"skipped {shot.name}.png: {ICEWS} not found")
                continue
            output = args.output / f"{shot.name}.png"
            blocked = take(browser, page_path, shot, output)
            if blocked:
                failed += 1
                print(f"error: {shot.name}: the page tried to fetch {blocked}", file=sys.stderr)
            else:
                print(f"wrote {output}")
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
