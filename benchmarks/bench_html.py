"""Benchmark: write and draw the explorer page of a 5,000-node / 15,000-edge graph.

Synthetic data, seeded, built with ``graph.from_frames``: 5,000 actors in 60 communities
(most relations inside one), power-law activity, twelve relation types, dates at year, month
and day precision (5 % undated), a description and an evidence quote on every relation.

Measured in the same run:

- ours: ``graph.render.write_html`` (layout computed in Python, physics off);
- baseline: pyvis 0.3.2 ``Network.from_nx`` + ``write_html`` with ``cdn_resources="in_line"``
  (its own template and default physics), on ``dataset.to_networkx()``.

"Draw" is the time from navigation start to vis-network's first ``afterDrawing`` event, in
headless Chromium (``/usr/bin/chromium``) with every non-``file:`` request aborted, as when the
page is opened with no network. The hook is installed by an init script, the same for both
pages. A page that has not drawn within ``--draw-timeout`` seconds is reported as such.

    python benchmarks/bench_html.py [--nodes 5000] [--edges 15000] [--draw-timeout 60]

Targets on the 2-core development machine: write <= 2 s (layout <= 1 s), draw <= 3 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_WAIT_POLICY", "passive")

import numpy as np
import pandas as pd

import graph
from graph.render import positions, write_html

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TYPES = [
    "visit",
    "talks",
    "agreement",
    "cooperation",
    "aid",
    "trade",
    "membership",
    "pressure",
    "protest",
    "dispute",
    "threat",
    "conflict",
]
HOOK = """
(() => {
  // vis-network's UMD build does `window.vis = window.vis || {}`, then sets vis.Network.
  const wrap = (Network) => {
    const Hooked = function (...args) {
      const net = new Network(...args);
      net.once("afterDrawing", () => { window.__firstDraw = performance.now(); });
      return net;
    };
    Hooked.prototype = Network.prototype;
    return Hooked;
  };
  let real;
  Object.defineProperty(window, "vis", {
    configurable: true,
    get() { return real; },
    set(v) {
      real = v;
      let network = v.Network ? wrap(v.Network) : undefined;
      Object.defineProperty(v, "Network", {
        configurable: true, enumerable: true,
        get() { return network; },
        set(n) { network = wrap(n); },
      });
    },
  });
})();
"""


def synthetic(nodes: int, edges: int, seed: int = 7) -> graph.Dataset:
    """A seeded dataset with community structure and power-law activity."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"n{i:05d}" for i in range(nodes)], dtype=object)
    kinds = rng.choice(
        ["state", "person", "organization", "party", "group"],
        size=nodes,
        p=[0.15, 0.45, 0.2, 0.1, 0.1],
    )
    node_frame = pd.DataFrame(
        {"id": ids, "label": [f"Actor {i}" for i in range(nodes)], "type": kinds}
    )
    community = rng.integers(0, 60, size=nodes)
    activity = rng.pareto(1.5, size=nodes) + 1
    p = activity / activity.sum()
    src = rng.choice(nodes, size=edges, p=p)
    inside = rng.random(edges) < 0.85
    members = pd.Series(np.arange(nodes)).groupby(community).agg(list)
    dst = rng.choice(nodes, size=edges, p=p)
    picks = [members[community[s]][rng.integers(len(members[community[s]]))] for s in src[inside]]
    dst[inside] = picks
    dst = np.where(dst == src, (dst + 1) % nodes, dst)
    years = rng.integers(1990, 2025, size=edges).astype(str)
    months = np.char.zfill(rng.integers(1, 13, size=edges).astype(str), 2)
    days = np.char.zfill(rng.integers(1, 29, size=edges).astype(str), 2)
    precision = rng.integers(0, 3, size=edges)
    dates = np.where(
        precision == 0,
        years,
        np.where(
            precision == 1,
            np.char.add(np.char.add(years, "-"), months),
            np.char.add(np.char.add(np.char.add(np.char.add(years, "-"), months), "-"), days),
        ),
    ).astype(object)
    dates[rng.random(edges) < 0.05] = ""
    edge_frame = pd.DataFrame(
        {
            "id": [f"r{i:06d}" for i in range(edges)],
            "source": ids[src],
            "target": ids[dst],
            "type": rng.choice(TYPES, size=edges),
            "date": dates,
            "description": [f"Relation {i} between two actors." for i in range(edges)],
            "evidence": [f"Quoted sentence number {i} from the source." for i in range(edges)],
            "citation": "Synthetic source, https://example.org/report",
        }
    )
    return graph.from_frames(node_frame, edge_frame, name="synthetic")


def time_layout(ds: graph.Dataset) -> float:
    index = pd.Index(ds.nodes["id"])
    sources = index.get_indexer(pd.Index(ds.edges["source"]))
    targets = index.get_indexer(pd.Index(ds.edges["target"]))
    start = time.perf_counter()
    positions(len(index), sources, targets)
    return time.perf_counter() - start


def time_ours(ds: graph.Dataset, path: Path) -> float:
    start = time.perf_counter()
    write_html(ds, path)
    return time.perf_counter() - start


def time_pyvis(ds: graph.Dataset, path: Path) -> float:
    from pyvis.network import Network

    G = ds.to_networkx()
    for _, _, attrs in G.edges(data=True):
        del attrs["directed"]  # pyvis's Edge() takes `directed` as its own argument
    start = time.perf_counter()
    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(G)
    net.write_html(str(path), notebook=False)
    return time.perf_counter() - start


def draw_time(browser: Any, path: Path, timeout: float) -> tuple[float | None, list[str]]:
    """Milliseconds to the first drawn frame (None if none within ``timeout``), and requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:", "about:", "blob:")):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.add_init_script(HOOK)
    try:
        page.goto(path.resolve().as_uri(), wait_until="commit", timeout=timeout * 1000)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            # page.evaluate is not subject to the page's CSP (wait_for_function would be)
            value = page.evaluate("window.__firstDraw")
            if value is not None:
                return float(value), blocked
            page.wait_for_timeout(50)
        return None, blocked
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--draw-timeout", type=float, default=60.0)
    args = parser.parse_args()

    ds = synthetic(args.nodes, args.edges)
    print(f"graph: {len(ds.nodes):,} nodes, {len(ds.edges):,} edges (seeded)")
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, base_path = Path(tmp) / "ours.html", Path(tmp) / "pyvis.html"
        ours_write = time_ours(ds, ours_path)
        base_write = time_pyvis(ds, base_path)
        print(f"write  ours  {ours_write:7.2f} s  ({ours_path.stat().st_size / 1e6:.1f} MB)")
        print(f"layout ours  {time_layout(ds):7.2f} s  (part of the write)")
        print(f"write  pyvis {base_write:7.2f} s  ({base_path.stat().st_size / 1e6:.1f} MB)")
        print(f"write  ratio pyvis/ours: {base_write / ours_write:.1f}x")
        if not Path(CHROMIUM).exists():
            print(f"{CHROMIUM} not found: no draw times")
            sys.exit(0)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu"]
            )
            ours_draw, ours_req = draw_time(browser, ours_path, args.draw_timeout)
            base_draw, base_req = draw_time(browser, base_path, args.draw_timeout)
            browser.close()

    def show(ms: float | None) -> str:
        return f"{ms / 1000:7.2f} s" if ms is not None else f"none within {args.draw_timeout:.0f} s"

    print(f"draw   ours  {show(ours_draw)}  (blocked requests: {len(ours_req)})")
    print(
        f"draw   pyvis {show(base_draw)}  (blocked requests: {len(base_req)}: "
        f"{', '.join(sorted(set(base_req)))[:200]})"
    )
    if ours_draw is not None and base_draw is not None:
        print(f"draw   ratio pyvis/ours: {base_draw / ours_draw:.1f}x")
    total_ours = ours_write + (ours_draw or 0) / 1000
    print(
        f"targets: write <= 2 s: {'ok' if ours_write <= 2 else 'MISSED'}; "
        f"draw <= 3 s: {'ok' if ours_draw is not None and ours_draw <= 3000 else 'MISSED'}; "
        f"write+draw ours {total_ours:.2f} s"
    )


if __name__ == "__main__":
    main()
