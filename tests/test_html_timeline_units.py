"""The explorer page's time strip (#strip) in a real headless Chromium, on data that spans
months or days: its unit follows the span, for the bars, the tick labels, the play widths, the
steps, play, a click on the chart and a pair's net relation; and the ICEWS sample's two days."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from test_html_timeline import SIGNS, WINDOW, chart_box, open_page, type_date

import graph
from conftest import SHARED_EVENTS
from graph.exchange.importers import import_icews
from graph.render import write_html

pytestmark = pytest.mark.browser

ICEWS = SHARED_EVENTS / "icews_events.2018.sample.tab"

UNIT_BARS = """() => [...document.querySelectorAll('#strip rect.strip-bar')].map((r) =>
  [r.classList[1].replace('strip-bar-', ''), r.dataset.key, Number(r.dataset.count)])"""
NEXT = "#strip button[aria-label='Window one {unit} later']"


def _span_dataset(name: str, rows: list[tuple[str, str, str, str, str]]) -> graph.Dataset:
    """Actors a–e and relations given as (source, target, type, date, end_date)."""
    nodes = pd.DataFrame({"id": list("abcde"), "label": list("ABCDE"), "type": ["state"] * 5})
    edges = pd.DataFrame(rows, columns=["source", "target", "type", "date", "end_date"])
    edges.insert(0, "id", [f"r{i}" for i in range(len(rows))])
    return graph.from_frames(nodes, edges, name=name)


def _in_force_per_unit(edges: pd.DataFrame, unit: str) -> Counter[tuple[str, str]]:
    """Relations in force per day ("2021-03-01") or month ("2021-03") and sign, by brute force."""
    counts: Counter[tuple[str, str]] = Counter()
    dated = edges[edges["date_start"].notna()]
    for start, end, sign in zip(dated["date_start"], dated["date_end"], dated["sign"], strict=True):
        freq, width = ("D", 10) if unit == "day" else ("MS", 7)
        first = start if unit == "day" else start.replace(day=1)
        for when in pd.date_range(first, end, freq=freq):
            counts[SIGNS[int(sign)], when.strftime("%Y-%m-%d")[:width]] += 1
    return counts


def _bar_keys(page: Any, edges: pd.DataFrame, unit: str) -> set[str]:
    """Check that the strip counts by ``unit`` and that its bars count the relations in force,
    per unit and sign; return the bars' keys ("2021-03-01" or "2021-03")."""
    assert page.get_attribute("#strip", "data-unit") == unit
    bars = page.evaluate(UNIT_BARS)
    assert Counter({(kind, key): count for kind, key, count in bars}) == _in_force_per_unit(
        edges, unit
    )
    return {key for _, key, _ in bars}


DAY_ROWS = [
    ("a", "b", "talks", "2021-03-01", "2021-03-04"),
    ("a", "b", "dispute", "2021-03-03", ""),
    ("b", "c", "visit", "2021-03-02", "2021-03-10"),
    ("c", "d", "membership", "2021-03-05", "2021-03-07"),
    ("a", "d", "dispute", "2021-03-06", "2021-03-09"),
    ("d", "e", "talks", "2021-03-10", ""),
    ("a", "b", "talks", "2021-03-08", "2021-03-09"),
    ("a", "e", "talks", "", ""),
]
MONTH_ROWS = [
    ("a", "b", "talks", "2021-01-15", "2021-03-10"),
    ("a", "b", "dispute", "2021-03", ""),
    ("b", "c", "visit", "2021-02-20", "2021-02-21"),
    ("c", "d", "membership", "2021-04", "2021-07"),
    ("a", "d", "dispute", "2021-05-31", "2021-06-01"),
    ("d", "e", "talks", "2021-08-20", ""),
    ("a", "c", "talks", "2021-06-10", "2021-08-01"),
]


def test_a_span_of_days_counts_and_steps_by_day(browser_page: Any, tmp_path: Path) -> None:
    days = _span_dataset("ten days", DAY_ROWS)
    page = open_page(browser_page, write_html(days, tmp_path / "days.html"))
    assert page.evaluate("() => window.explorer.timeline.unit") == "day"
    assert _bar_keys(page, days.edges, "day") == {f"2021-03-{d:02}" for d in range(1, 11)}
    labels = page.locator("#strip text.strip-tick-label").all_text_contents()
    assert labels[0] == "03-01" and set(labels) <= {f"03-{d:02}" for d in range(1, 11)}
    assert page.inner_text("#strip-play-width option:first-child") == "1-day window"
    assert "per day" in page.inner_text("#strip .strip-legend")

    # ▶ and → move the window by a day, keeping its width in days
    type_date(page, "from", "2021", month="3", day="3")
    type_date(page, "to", "2021", month="3", day="4")
    page.click(NEXT.format(unit="day"))
    assert page.evaluate(WINDOW) == {"from": "2021-03-04", "to": "2021-03-05"}
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(WINDOW) == {"from": "2021-03-05", "to": "2021-03-06"}
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(WINDOW) == {"from": "2021-03-03", "to": "2021-03-04"}

    # play moves a one-day window day by day to the last day
    page.eval_on_selector("#strip", "(strip) => { strip.dataset.playMs = '30'; }")
    page.click("#strip .strip-all")
    page.select_option("#strip-play-width", "1")
    page.click("#strip .strip-play")
    page.wait_for_selector("#strip:not([data-playing])", timeout=15_000)
    assert page.evaluate(WINDOW) == {"from": "2021-03-10", "to": "2021-03-10"}

    # the pair's net relation per day
    page.evaluate("() => window.explorer.selectPair('a', 'b')")
    pair = days.edges[days.edges[["source", "target"]].apply(frozenset, axis=1) == {"a", "b"}]
    net: Counter[str] = Counter()
    for start, end, weight, sign in zip(
        pair["date_start"], pair["date_end"], pair["weight"], pair["sign"], strict=True
    ):
        for day in pd.date_range(start, end, freq="D"):
            net[day.strftime("%Y-%m-%d")] += weight * sign
    series = page.get_attribute("#strip .strip-net-line", "data-series").split()
    drawn = {key: float(value) for key, value in (item.rsplit(":", 1) for item in series)}
    assert drawn == {key: pytest.approx(value) for key, value in net.items()}
    assert browser_page.errors == []


def test_a_span_of_months_counts_and_steps_by_month(browser_page: Any, tmp_path: Path) -> None:
    months = _span_dataset("eight months", MONTH_ROWS)
    page = open_page(browser_page, write_html(months, tmp_path / "months.html"))
    assert page.evaluate("() => window.explorer.timeline.unit") == "month"
    assert _bar_keys(page, months.edges, "month") == {f"2021-{m:02}" for m in range(1, 9)}
    labels = page.locator("#strip text.strip-tick-label").all_text_contents()
    assert labels == list(pd.date_range("2021-01", periods=8, freq="MS").strftime("%b %Y"))
    assert page.inner_text("#strip-play-width option:last-child") == "10-month window"

    # ▶ moves by a month; a month's last day stays its last day
    type_date(page, "from", "2021", month="3")
    type_date(page, "to", "2021", month="4")
    assert page.evaluate(WINDOW) == {"from": "2021-03-01", "to": "2021-04-30"}
    page.click(NEXT.format(unit="month"))
    assert page.evaluate(WINDOW) == {"from": "2021-04-01", "to": "2021-05-31"}
    page.click(NEXT.format(unit="month"))
    assert page.evaluate(WINDOW) == {"from": "2021-05-01", "to": "2021-06-30"}
    page.click("#strip button[aria-label='Window one month earlier']")
    page.click("#strip button[aria-label='Window one month earlier']")
    page.click("#strip button[aria-label='Window one month earlier']")
    assert page.evaluate(WINDOW) == {"from": "2021-02-01", "to": "2021-03-31"}

    # play: a two-month window from the first month, one month a step, to the end
    page.eval_on_selector("#strip", "(strip) => { strip.dataset.playMs = '5000'; }")
    page.click("#strip .strip-all")
    page.select_option("#strip-play-width", "2")
    page.click("#strip .strip-play")
    assert page.evaluate(WINDOW) == {"from": "2021-01-15", "to": "2021-02-28"}
    page.eval_on_selector("#strip", "(strip) => { strip.dataset.playMs = '30'; }")
    page.evaluate("() => window.explorer.timeline.play(2)")
    page.wait_for_selector("#strip:not([data-playing])", timeout=15_000)
    assert page.evaluate(WINDOW) == {"from": "2021-07-01", "to": "2021-08-20"}

    # a click on the chart picks that month
    box = chart_box(page)
    x = box["left"] + 8 + (box["width"] - 16) * (3.5 / 8)  # about the middle of the 4th bar
    page.mouse.click(x, box["top"] + (box["height"] - 16) / 2)
    assert page.evaluate(WINDOW) == {"from": "2021-04-01", "to": "2021-04-30"}
    assert browser_page.errors == []


@pytest.fixture(scope="module")
def icews_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, graph.Dataset]:
    """The ICEWS sample (two days of events), imported and written as a page."""
    if not ICEWS.is_file():
        message = f"{ICEWS} not found (present in CI)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("icews")
    import_icews(ICEWS, folder / "icews")
    dataset = graph.load(folder / "icews")
    return write_html(dataset, folder / "icews.html"), dataset


def test_the_icews_sample_shows_two_day_bars(
    browser_page: Any, icews_page: tuple[Path, graph.Dataset]
) -> None:
    path, dataset = icews_page
    page = open_page(browser_page, path)
    assert _bar_keys(page, dataset.edges, "day") == {"2018-06-01", "2018-06-02"}
    labels = page.locator("#strip text.strip-tick-label").all_text_contents()
    assert labels == ["06-01", "06-02"]
    page.click("#strip button[aria-label='Window one day earlier']")  # the whole span: no move
    assert page.evaluate(WINDOW) == {"from": "2018-06-01", "to": "2018-06-02"}
    page.click("#strip .strip-play")  # a one-day window over both days
    page.wait_for_selector("#strip:not([data-playing])", timeout=15_000)
    assert page.evaluate(WINDOW) == {"from": "2018-06-02", "to": "2018-06-02"}
    assert browser_page.errors == []
