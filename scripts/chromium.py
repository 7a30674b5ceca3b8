"""Headless Chromium for the scripts and the benchmarks: where it is, the flags it starts with,
and a page whose network is closed.

``scripts/screenshot.py`` imports this module from its own folder; ``benchmarks/bench_html.py``
puts ``scripts/`` on ``sys.path`` first. Both open pages from ``file://`` that must need nothing
else: any other request is aborted, and its URL kept so that the caller can report it.

    blocked = close_network(page)
    page.goto(path.resolve().as_uri())
    ...
    if blocked:  # the page tried to fetch these
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["CHROMIUM", "HEADLESS", "close_network"]

#: The Chromium binary: Debian's, unless ``CHROMIUM`` in the environment names another.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: The flags every run starts it with (a script may add its own).
HEADLESS = ("--headless=new", "--no-sandbox", "--disable-gpu")
_LOCAL = ("file:", "data:", "about:", "blob:")


def close_network(page: Any) -> list[str]:
    """Abort every request of ``page`` outside ``file:``, ``data:``, ``about:`` and ``blob:``.

    Parameters
    ----------
    page : playwright.sync_api.Page
        A page that has not yet loaded what it should show.

    Returns
    -------
    list of str
        The URLs of the aborted requests, added to as the page makes them.
    """
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(_LOCAL):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return blocked
