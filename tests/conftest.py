"""Shared fixtures: the bundled dataset, small dataset folders, and a real headless Chromium.

Browser tests use Debian's Chromium (``/usr/bin/chromium``) through playwright. Without it
they skip, unless ``REQUIRE_BROWSER=1`` (set by ``.ci/run``), which makes them fail.
Every request to anything but ``file:``/``data:``/``about:`` is aborted and recorded, so a
test can assert that a page made none. The explorer tests share one tab per module (``tab``,
``fresh``) and the bundled page written once per module (``pages``).
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest

import graph

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SHARED_EVENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "events"
READY = "html[data-ready='1']"  # the explorer page's mark once it has drawn
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


Probe = TypeVar("Probe", bound=PageProbe)


@contextmanager
def closed_page(chromium: Any, kind: type[Probe]) -> Iterator[Probe]:
    """A page of its own context, wrapped in ``kind``, whose network is closed.

    Only ``file:``, ``data:``, ``about:`` and ``blob:`` load; any other request is aborted and
    recorded in ``requests``, console errors and uncaught exceptions in ``errors``.
    """
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    probe = kind(context.new_page())
    page = probe.page

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


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[PageProbe]:
    """A fresh page whose network is closed: only ``file:``, ``data:`` and ``about:`` load."""
    with closed_page(chromium, PageProbe) as probe:
        yield probe


class Tab(PageProbe):
    """One tab for a module's explorer tests, with what it fetched, logged as errors and alerted."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.dialogs: list[str] = []

    def show(self, path: Path, fragment: str = "", size: tuple[int, int] = (1280, 800)) -> Any:
        """Open path (with a #fragment) afresh at this viewport and wait for the first draw."""
        self.page.set_viewport_size({"width": size[0], "height": size[1]})
        self.page.goto("about:blank")
        self.page.goto(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        self.page.wait_for_selector(READY, state="attached", timeout=30_000)
        return self.page

    def forget(self) -> None:
        """Clear what the tab has fetched, logged and alerted so far."""
        self.requests.clear()
        self.errors.clear()
        self.dialogs.clear()

    def clean(self) -> None:
        """Assert that the tab fetched, logged as errors and alerted nothing."""
        assert self.requests == [], self.requests
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs


@pytest.fixture(scope="module")
def tab(chromium: Any) -> Iterator[Tab]:
    """The explorer tests' tab, one per module: network closed, alerts dismissed and recorded,
    writes to ``document.title`` recorded in ``window.__titleWrites``."""
    from test_html_hostile import TRAP  # here, not at the top: it imports graph.render

    with closed_page(chromium, Tab) as probe:

        def dialog(d: Any) -> None:
            probe.dialogs.append(d.message)
            d.dismiss()

        probe.page.add_init_script(TRAP)
        probe.page.on("dialog", dialog)
        yield probe


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, bundled: graph.Dataset) -> dict[str, Path]:
    """The explorer tests' pages, written once per module: ``bundled``."""
    folder = tmp_path_factory.mktemp("explorer")
    return {"bundled": graph.write_html(bundled, folder / "bundled.html")}


@pytest.fixture
def fresh(tab: Tab) -> Tab:
    """The module's tab, its logs cleared, for a test that opens pages itself."""
    tab.forget()
    return tab


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under ``folder`` (hidden ones included): its mode and its bytes."""
    return {
        str(p.relative_to(folder)): (p.lstat().st_mode, p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }
