"""Shared fixtures: the bundled dataset, small dataset folders, and a real headless Chromium.

Browser tests use Debian's Chromium (``/usr/bin/chromium``) through playwright. Without it
they skip, unless ``REQUIRE_BROWSER=1`` (set by ``.ci/run``), which makes them fail.
Every request to anything but ``file:``/``data:``/``about:`` is aborted and recorded, so a
test can assert that a page made none.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import graph

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SHARED_EVENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "events"
_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def bundled() -> graph.Dataset:
    """The bundled Iran–Tajikistan dataset."""
    return graph.load()


@pytest.fixture
def make_dataset(tmp_path: Path) -> Callable[..., Path]:
    """Write a dataset folder from inline CSV text and return its path."""

    def make(nodes: str, edges: str, name: str = "ds", extra: dict[str, str] | None = None) -> Path:
        folder = tmp_path / name
        folder.mkdir(parents=True, exist_ok=True)
        files = {"nodes.csv": nodes, "edges.csv": edges, **(extra or {})}
        for filename, text in files.items():
            (folder / filename).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (session-wide)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=_FLAGS)
        yield browser
        browser.close()


class PageProbe:
    """A playwright page plus what it tried to fetch and what it logged as errors."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[PageProbe]:
    """A fresh page whose network is closed: only ``file:``, ``data:`` and ``about:`` load."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    probe = PageProbe(page)

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "about:", "blob:")):
            r.continue_()
        else:
            probe.requests.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: probe.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: probe.errors.append(str(e)))
    yield probe
    context.close()


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under ``folder`` (hidden ones included): its mode and its bytes."""
    return {
        str(p.relative_to(folder)): (p.lstat().st_mode, p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }
