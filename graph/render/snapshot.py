"""Pictures of an explorer page taken in headless Chromium: the PNG and SVG of its buttons.

The page draws itself in a browser (vis-network needs a canvas), so the command line asks
Chromium, through playwright, to open the page file, wait until it has drawn, and call
``explorer.exportSVG()`` and ``explorer.exportPNG()`` (see ``js/picture.js``). The files are
written whole or not at all. Chromium and playwright are optional: without them
:func:`save_pictures` raises :class:`~graph.errors.ToolError` saying what to install.

>>> find_chromium(env={"GRAPH_CHROMIUM": "/no/such/chromium"}) is None
True
"""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..atomic import write_bytes, write_text
from ..errors import ToolError, UsageError

__all__ = ["CHROMIUM_NAMES", "find_chromium", "save_pictures"]

#: Program names tried, in order, when ``GRAPH_CHROMIUM`` does not name one.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_INSTALL = (
    "pictures are drawn by Chromium through playwright: install both "
    "(pip install playwright; Debian/Ubuntu: apt-get install chromium), or set GRAPH_CHROMIUM "
    "to a Chromium or Chrome executable"
)


def find_chromium(env: Mapping[str, str] | None = None) -> str | None:
    """The Chromium (or Chrome) executable to use, or None.

    ``GRAPH_CHROMIUM`` names one explicitly (None when that file does not exist); otherwise
    the first of :data:`CHROMIUM_NAMES` on the ``PATH``.
    """
    env = os.environ if env is None else env
    chosen = env.get("GRAPH_CHROMIUM", "")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def save_pictures(
    page: str | os.PathLike[str],
    *,
    png: str | os.PathLike[str] | None = None,
    svg: str | os.PathLike[str] | None = None,
    width: int = 1440,
    height: int = 900,
    scale: float = 2.0,
    timeout_s: float = 120.0,
) -> list[Path]:
    """Open an explorer page in headless Chromium and save its view as PNG and/or SVG.

    Parameters
    ----------
    page : path
        An HTML file written by :func:`graph.render.write_html`.
    png, svg : path, optional
        Where to write the pictures (at least one).
    width, height : int
        The browser window in CSS pixels; the picture is the page's drawing area in it.
    scale : float
        Pixels of the PNG per CSS pixel (2 for sharp slides).
    timeout_s : float
        How long the page may take to draw.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ToolError
        When playwright or Chromium is missing, or the page does not draw in time.

    Examples
    --------
    >>> save_pictures("page.html")
    Traceback (most recent call last):
    ...
    graph.errors.UsageError: give png, svg or both
    """
    if png is None and svg is None:
        raise UsageError("give {png}, {svg} or both", params=("png", "svg"))
    if width < 200 or height < 200:
        raise UsageError("the picture size must be at least 200×200 pixels", params=())
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise ToolError(f"playwright is not installed; {_INSTALL}") from None
    executable = find_chromium()
    if executable is None:
        raise ToolError(f"Chromium was not found; {_INSTALL}")
    url = Path(page).resolve().as_uri()

    def draw() -> tuple[str | None, str | None]:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=executable)
            try:
                view = browser.new_page(viewport={"width": width, "height": height})
                view.goto(url)
                view.wait_for_selector("html[data-ready='1']", timeout=timeout_s * 1000)
                view.wait_for_timeout(150)  # the labels' frame after the first one
                text = view.evaluate("explorer.exportSVG()") if svg is not None else None
                data = view.evaluate("s => explorer.exportPNG({scale: s})", scale) if png else None
            finally:
                browser.close()
        return text, data

    # In a thread of its own: playwright's sync API refuses to run where an event loop runs
    # (a notebook, or a program already driving a browser).
    try:
        with ThreadPoolExecutor(max_workers=1) as worker:
            text, data = worker.submit(draw).result()
    except PlaywrightError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ToolError(f"Chromium could not draw the page ({executable}): {first}") from None
    written = []
    if svg is not None and text is not None:
        write_text(svg, text)
        written.append(Path(svg))
    if png is not None and data is not None:
        write_bytes(png, base64.b64decode(data.split(",", 1)[1]))
        written.append(Path(png))
    return written
