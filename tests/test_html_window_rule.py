"""One time rule in Python and in the page: the relations a window shows are those
``Dataset.filter(start=, end=)`` keeps, in both link modes, including month and year ends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import graph
from graph.render import write_html

pytestmark = pytest.mark.browser

READY = "html[data-ready='1']"
SHOWN = "() => explorer.visibleLinks().flatMap((link) => link.relations).sort()"
WINDOWS = [
    ("1929-01-01", "2025-01-31"),
    ("2016-01-01", "2018-12-31"),
    ("2015-12-01", "2018-12-31"),  # the 1997–2015 cooperation ends on 2015-12-31: in force
    ("2015-12-31", "2015-12-31"),
    ("2019-06-30", "2019-07-01"),
    ("2021-10-01", "2021-10-31"),
]


@pytest.fixture
def page(browser_page: Any, tmp_path: Path, bundled: graph.Dataset) -> Any:
    path = write_html(bundled, tmp_path / "rule.html")
    browser_page.page.goto(path.resolve().as_uri())
    browser_page.page.wait_for_selector(READY, state="attached", timeout=30_000)
    return browser_page.page


@pytest.mark.parametrize("links", ["pair", "relation"])
def test_the_page_and_the_library_keep_the_same_relations(
    page: Any, bundled: graph.Dataset, links: str
) -> None:
    for start, end in WINDOWS:
        ok = page.evaluate(
            "(s) => explorer.setState(s)",
            {"window": {"from": start, "to": end}, "links": links, "filters": {"undated": False}},
        )
        assert ok
        expected = sorted(bundled.filter(start=start, end=end, undated=False).edges["id"])
        assert page.evaluate(SHOWN) == expected, (start, end)
        assert page.evaluate("() => explorer.state().window") == {"from": start, "to": end}


def test_undated_relations_follow_their_box(page: Any, bundled: graph.Dataset) -> None:
    page.evaluate("() => explorer.setState({window: {from: '2016-01-01', to: '2018-12-31'}})")
    undated = set(bundled.edges.loc[bundled.edges["date_start"].isna(), "id"])
    assert undated and undated <= set(page.evaluate(SHOWN))
    page.click("#show-undated")
    assert not undated & set(page.evaluate(SHOWN))
