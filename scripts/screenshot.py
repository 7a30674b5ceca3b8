"""Write the bundled dataset's explorer page and take a PNG screenshot of it (for the README).

Opens the page in headless Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``) with every
non-``file:`` request aborted, selects one relation so the details card shows its evidence and
source, and saves the picture.

    python scripts/screenshot.py [--dataset DIR] [-o docs/img/explorer.png] [--edge ID]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import graph
from graph.render import write_html

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
DEFAULT_EDGE = "e01_iran_recognizes_tajikistan"
SHIFT_LEFT = """
() => {
  const net = window.network, card = document.getElementById("details").offsetWidth;
  net.fit({animation: false});
  const scale = net.getScale(), at = net.getViewPosition();
  net.moveTo({position: {x: at.x + (card / 2 + 10) / scale, y: at.y}, scale: scale});
}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=None, help="dataset folder")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "img" / "explorer.png")
    parser.add_argument("--edge", default=DEFAULT_EDGE, help="relation to show in the details")
    parser.add_argument("--title", default="Iran–Tajikistan relations", help="page title")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    dataset = graph.load(args.dataset)
    blocked: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        page_path = write_html(dataset, Path(tmp) / f"{dataset.name}.html", title=args.title)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(
                viewport={"width": args.width, "height": args.height}, device_scale_factor=1.5
            )

            def route(r: Any) -> None:
                if r.request.url.startswith(("file:", "data:", "about:", "blob:")):
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.goto(page_path.resolve().as_uri())
            page.wait_for_selector("html[data-ready='1']", state="attached", timeout=60_000)
            if args.edge in set(dataset.edges["id"]):
                page.evaluate("(id) => window.explorer.selectEdge(id)", args.edge)
                page.evaluate(SHIFT_LEFT)  # keep the graph clear of the details card
            page.wait_for_timeout(400)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output))
            browser.close()
    if blocked:
        print(f"error: the page tried to fetch {blocked}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
