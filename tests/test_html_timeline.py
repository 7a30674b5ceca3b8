"""The explorer page's time strip (#strip) in a real headless Chromium, on data that spans
years: bars, typed dates, step, keys, play, dragging the window, a pair's net relation, small
screens, touch, many relations and hostile labels. Spans of months and days are in
test_html_timeline_units.py."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import graph
from conftest import READY
from graph.render import write_html

pytestmark = pytest.mark.browser

WINDOW = "() => window.explorer.state().window"
BARS = """() => [...document.querySelectorAll('#strip rect.strip-bar')].map((r) =>
  [r.classList[1].replace('strip-bar-', ''), Number(r.dataset.year), Number(r.dataset.count)])"""
VISIBLE = "() => window.explorer.visibleLinks().flatMap((link) => link.relations).sort()"
PLAYING = "() => window.explorer.timeline.playing()"
SIGNS = {1: "coop", 0: "neutral", -1: "conflict"}


def open_page(probe: Any, path: Path) -> Any:
    """Open path in the probe's page and wait for the first draw."""
    page = probe.page
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(READY, state="attached", timeout=30_000)
    return page


@pytest.fixture
def bundled_page(tmp_path: Path, bundled: graph.Dataset) -> Path:
    return write_html(bundled, tmp_path / "bundled.html")


def type_date(page: Any, which: str, year: str, month: str = "", day: str = "") -> None:
    """Type a date into the strip's From or To fields (``which``) and press Enter."""
    page.fill(f"#strip-{which}-month", month)
    page.fill(f"#strip-{which}-day", day)
    page.fill(f"#strip-{which}-year", year)
    page.press(f"#strip-{which}-year", "Enter")


def _in_force_per_year(edges: pd.DataFrame) -> Counter[tuple[str, int]]:
    counts: Counter[tuple[str, int]] = Counter()
    for start, end, sign in zip(edges["date_start"], edges["date_end"], edges["sign"], strict=True):
        if pd.isna(start):
            continue
        for year in range(start.year, end.year + 1):
            counts[SIGNS[int(sign)], year] += 1
    return counts


def test_bars_count_relations_in_force_per_year_by_sign(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    bars = page.evaluate(BARS)
    assert Counter({(kind, year): count for kind, year, count in bars}) == _in_force_per_year(
        bundled.edges
    )
    assert {kind for kind, _, _ in bars} == {"coop", "neutral", "conflict"}
    labels = page.locator("#strip text.strip-year").all_text_contents()
    assert len(labels) >= 5 and all(label.isdigit() for label in labels)
    steps = {int(b) - int(a) for a, b in pairwise(labels)}
    assert len(steps) == 1 and steps <= {5, 10, 20}

    # the bars follow the type filters (not the window): without "cooperation" relations
    page.locator("#edge-types label").filter(has_text="cooperation").locator("input").uncheck()
    type_date(page, "from", "2020")
    kept = bundled.edges[bundled.edges["type"] != "cooperation"]
    bars = page.evaluate(BARS)
    assert Counter({(k, y): c for k, y, c in bars}) == _in_force_per_year(kept)
    assert browser_page.errors == []


def test_typed_dates_set_the_window_and_hide_relations_outside_it(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    assert page.evaluate(WINDOW) == {"from": "1929-01-01", "to": "2025-01-31"}
    type_date(page, "from", "2016")
    type_date(page, "to", "2018")
    assert page.evaluate(WINDOW) == {"from": "2016-01-01", "to": "2018-12-31"}
    assert page.get_attribute("#strip", "data-from") == "2016-01-01"
    e = bundled.edges
    inside = e["date_start"].isna() | (
        (e["date_start"] <= pd.Timestamp("2018-12-31"))
        & (e["date_end"] >= pd.Timestamp("2016-01-01"))
    )
    assert 0 < inside.sum() < len(e)
    assert page.evaluate(VISIBLE) == sorted(e.loc[inside, "id"])
    # the fields show the shortest form that reads back the same day
    values = [page.input_value(f"#strip-to-{part}") for part in ("year", "month", "day")]
    assert values == ["2018", "", ""]

    type_date(page, "to", "2018", month="2")
    assert page.evaluate(WINDOW) == {"from": "2016-01-01", "to": "2018-02-28"}
    type_date(page, "from", "2016", month="2", day="29")
    assert page.evaluate(WINDOW) == {"from": "2016-02-29", "to": "2018-02-28"}
    # a From after To moves To to the end of that year
    type_date(page, "from", "2020")
    assert page.evaluate(WINDOW) == {"from": "2020-01-01", "to": "2020-12-31"}

    # invalid input is ignored and marked, never thrown
    for month, day in (("13", ""), ("2", "30"), ("", "5")):
        type_date(page, "to", "2021", month=month, day=day)
        assert page.evaluate(WINDOW) == {"from": "2020-01-01", "to": "2020-12-31"}
        bad = "month" if month == "13" else "day"
        assert page.get_attribute(f"#strip-to-{bad}", "aria-invalid") == "true"
    type_date(page, "to", "12345")
    assert page.get_attribute("#strip-to-year", "aria-invalid") == "true"
    type_date(page, "to", "")
    assert page.get_attribute("#strip-to-year", "aria-invalid") == "true"
    assert page.evaluate(WINDOW) == {"from": "2020-01-01", "to": "2020-12-31"}
    type_date(page, "to", "2021")
    assert page.evaluate(WINDOW) == {"from": "2020-01-01", "to": "2021-12-31"}
    assert page.locator("#strip [aria-invalid]").count() == 0
    # years outside the data are clamped to its span
    type_date(page, "from", "1800")
    assert page.evaluate(WINDOW)["from"] == "1929-01-01"
    page.click("#strip .strip-all")
    assert page.evaluate(WINDOW) == {"from": "1929-01-01", "to": "2025-01-31"}
    assert browser_page.errors == []


def test_step_buttons_and_arrow_keys_move_the_window_by_a_year(
    browser_page: Any, bundled_page: Path
) -> None:
    page = open_page(browser_page, bundled_page)
    type_date(page, "from", "2016")
    type_date(page, "to", "2018")
    page.click("#strip button[aria-label='Window one year later']")
    assert page.evaluate(WINDOW) == {"from": "2017-01-01", "to": "2019-12-31"}
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(WINDOW) == {"from": "2016-01-01", "to": "2018-12-31"}
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(WINDOW) == {"from": "2017-01-01", "to": "2019-12-31"}
    # not while typing, nor with a modifier key
    page.focus("#strip-from-year")
    page.keyboard.press("ArrowLeft")
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("Shift+ArrowLeft")
    assert page.evaluate(WINDOW) == {"from": "2017-01-01", "to": "2019-12-31"}
    # at either end the window stops, keeping its width
    type_date(page, "to", "2025", month="1")
    page.click("#strip button[aria-label='Window one year later']")
    assert page.evaluate(WINDOW) == {"from": "2017-01-01", "to": "2025-01-31"}
    page.click("#strip .strip-all")
    page.click("#strip button[aria-label='Window one year earlier']")
    assert page.evaluate(WINDOW) == {"from": "1929-01-01", "to": "2025-01-31"}
    assert browser_page.errors == []


def test_play_moves_a_window_of_the_chosen_width_and_stops_at_the_end(
    browser_page: Any, bundled_page: Path
) -> None:
    page = open_page(browser_page, bundled_page)
    page.eval_on_selector("#strip", "(strip) => { strip.dataset.playMs = '2000'; }")
    page.select_option("#strip-play-width", "10")
    page.click("#strip .strip-play")
    assert page.evaluate(PLAYING) and page.inner_text("#strip .strip-play") == "Pause"
    assert page.evaluate(WINDOW) == {"from": "1929-01-01", "to": "1938-12-31"}
    page.eval_on_selector("#strip", "(strip) => { strip.dataset.playMs = '30'; }")
    page.wait_for_function("() => window.explorer.state().window.from > '1935'")
    window = page.evaluate(WINDOW)
    assert int(window["to"][:4]) - int(window["from"][:4]) == 9
    page.wait_for_selector("#strip:not([data-playing])", timeout=15_000)
    assert page.evaluate(WINDOW) == {"from": "2016-01-01", "to": "2025-01-31"}
    assert not page.evaluate(PLAYING) and page.inner_text("#strip .strip-play") == "Play"

    # pause, then play again resumes from the window's year; a step stops it
    type_date(page, "from", "2000")
    type_date(page, "to", "2000")
    page.eval_on_selector("#strip", "(strip) => { strip.dataset.playMs = '5000'; }")
    page.select_option("#strip-play-width", "2")
    page.click("#strip .strip-play")
    assert page.evaluate(WINDOW) == {"from": "2000-01-01", "to": "2001-12-31"}
    page.click("#strip .strip-play")
    assert not page.evaluate(PLAYING)
    page.evaluate("() => window.explorer.timeline.play(1)")
    assert page.evaluate(WINDOW) == {"from": "2000-01-01", "to": "2000-12-31"}
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("ArrowRight")
    assert not page.evaluate(PLAYING)
    assert page.evaluate(WINDOW) == {"from": "2001-01-01", "to": "2001-12-31"}
    assert browser_page.errors == []


def chart_box(page: Any) -> dict[str, float]:
    """The strip chart's box, in page pixels."""
    return page.evaluate(
        """() => { const r = document.querySelector('#strip svg').getBoundingClientRect();
        return {left: r.left, top: r.top, width: r.width, height: r.height}; }"""
    )


def _x_of(box: dict[str, float], iso: str) -> float:
    """The page's x of the start of a day, by the strip's scale (whole years, 8 px pads)."""
    start, end = pd.Timestamp("1929-01-01"), pd.Timestamp("2026-01-01")
    fraction = (pd.Timestamp(iso) - start) / (end - start)
    return box["left"] + 8 + fraction * (box["width"] - 16)


def test_dragging_moves_resizes_and_draws_the_window(browser_page: Any, bundled_page: Path) -> None:
    page = open_page(browser_page, bundled_page)
    type_date(page, "from", "2000")
    type_date(page, "to", "2004")
    box = chart_box(page)
    mid_y = box["top"] + (box["height"] - 16) / 2
    per_year = (box["width"] - 16) / 97

    # move: grab the middle, drag by about ten years
    x = _x_of(box, "2002-07-01")
    page.mouse.move(x, mid_y)
    page.mouse.down()
    page.mouse.move(x + 5 * per_year, mid_y, steps=4)
    page.mouse.move(x + 10 * per_year, mid_y, steps=4)
    assert page.evaluate(WINDOW)["from"][:4] in {"2009", "2010", "2011"}  # live while dragging
    page.mouse.up()
    window = page.evaluate(WINDOW)
    moved = pd.Timestamp(window["to"]) - pd.Timestamp(window["from"])
    assert window["from"][:4] in {"2009", "2010", "2011"} and abs(moved.days - 1826) <= 1

    # resize: drag the left edge to about 1990
    x = _x_of(box, window["from"])
    page.mouse.move(x, mid_y)
    page.mouse.down()
    page.mouse.move(_x_of(box, "1990-01-01"), mid_y, steps=5)
    page.mouse.up()
    resized = page.evaluate(WINDOW)
    assert resized["from"][:4] in {"1989", "1990"} and resized["to"] == window["to"]

    # draw a new window on the chart outside the current one
    page.mouse.move(_x_of(box, "1940-01-01"), mid_y)
    page.mouse.down()
    page.mouse.move(_x_of(box, "1960-01-01"), mid_y, steps=6)
    page.mouse.up()
    drawn = page.evaluate(WINDOW)
    assert drawn["from"][:4] in {"1939", "1940"} and drawn["to"][:4] in {"1959", "1960"}
    assert page.input_value("#strip-from-year") == drawn["from"][:4]

    # a click (no drag) on the chart picks that year
    page.mouse.click(_x_of(box, "1975-06-01"), mid_y)
    assert page.evaluate(WINDOW) == {"from": "1975-01-01", "to": "1975-12-31"}
    assert browser_page.errors == []


def test_pair_selection_draws_its_net_relation_per_year(
    browser_page: Any, bundled_page: Path, bundled: graph.Dataset
) -> None:
    page = open_page(browser_page, bundled_page)
    assert not page.is_visible("#strip .strip-net-caption")
    page.evaluate("() => window.explorer.selectPair('iran', 'tajikistan')")
    caption = page.inner_text("#strip .strip-net-caption")
    assert caption == "Net relation: Iran — Tajikistan"
    e = bundled.edges
    pair = e[e[["source", "target"]].apply(frozenset, axis=1) == frozenset({"iran", "tajikistan"})]
    net: Counter[int] = Counter()
    for start, end, weight, sign in zip(
        pair["date_start"], pair["date_end"], pair["weight"], pair["sign"], strict=True
    ):
        if not pd.isna(start):
            for year in range(start.year, end.year + 1):
                net[year] += weight * sign
    series = page.get_attribute("#strip .strip-net-line", "data-series").split()
    drawn = {int(y): float(v) for y, v in (item.split(":") for item in series)}
    assert drawn == {year: pytest.approx(value) for year, value in net.items()}
    page.evaluate("() => window.explorer.clearSelection()")
    assert not page.is_visible("#strip .strip-net-caption")
    assert page.locator("#strip .strip-net-line").count() == 0
    assert browser_page.errors == []


HOSTILE = '<img src=x onerror="window.__pwned=1">'


def test_hostile_pair_labels_are_text_only(browser_page: Any, make_dataset: Any) -> None:
    folder = make_dataset(
        f'id,label,type\na,"{HOSTILE.replace(chr(34), chr(34) * 2)}",state\n'
        "b,</script><script>window.__pwned=2</script>,state\n",
        "source,target,type,date,end_date\na,b,talks,2019,2021\na,b,dispute,2020-03,\n",
    )
    path = write_html(graph.load(folder), folder / "hostile.html")
    page = open_page(browser_page, path)
    page.evaluate("() => window.explorer.selectPair('a', 'b')")
    caption = page.text_content("#strip .strip-net-caption")
    assert caption == f"Net relation: {HOSTILE} — </script><script>window.__pwned=2</script>"
    assert page.evaluate("() => document.querySelectorAll('#strip *').length") > 10
    assert page.evaluate("() => document.querySelectorAll('img, #strip script').length") == 0
    assert page.evaluate("() => window.__pwned") is None
    assert browser_page.errors == []


def test_undated_relations_only_say_so(browser_page: Any, make_dataset: Any) -> None:
    folder = make_dataset(
        "id,label,type\na,A,state\nb,B,state\n", "source,target,type\na,b,talks\n"
    )
    page = open_page(browser_page, write_html(graph.load(folder), folder / "undated.html"))
    assert page.inner_text("#strip") == "No dated relations."
    assert page.locator("#strip input, #strip button, #strip select, #strip svg").count() == 0
    page.keyboard.press("ArrowRight")
    page.evaluate("() => window.explorer.timeline.step(1)")
    page.evaluate("() => window.explorer.timeline.play(5)")
    assert page.evaluate(PLAYING) is False
    assert page.evaluate(WINDOW) is None
    assert browser_page.errors == []


@pytest.mark.parametrize("size", [(390, 844), (1440, 900)])
def test_strip_fits_the_screen_with_touch_sized_controls(
    browser_page: Any, bundled_page: Path, size: tuple[int, int]
) -> None:
    page = browser_page.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_page(browser_page, bundled_page)
    fit = page.evaluate(
        """() => { const s = document.getElementById('strip');
        return [document.documentElement.scrollWidth, s.scrollWidth, s.clientWidth]; }"""
    )
    assert fit[0] <= size[0] and fit[1] <= fit[2]
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('#strip input, #strip button, #strip select')]
        .map((el) => { const r = el.getBoundingClientRect();
          return [el.id || el.className, r.left, r.right, r.width, r.height]; })"""
    )
    assert len(boxes) == 11
    for name, left, right, width, height in boxes:
        assert left >= 0 and right <= size[0], name
        assert width >= 32 and height >= 32, name
    strip = page.evaluate(
        "() => { const r = document.getElementById('strip').getBoundingClientRect();"
        " return [r.top, r.bottom, r.height]; }"
    )
    assert strip[1] <= size[1] and strip[2] <= (200 if size[0] < 500 else 140)
    chart = chart_box(page)
    assert 60 <= chart["height"] <= 80
    page.focus("#strip-from-year")
    outline = page.eval_on_selector(
        "#strip .strip-play",
        "(b) => { b.focus(); const s = getComputedStyle(b);"
        " return [s.outlineStyle, s.outlineWidth]; }",
    )
    assert outline == ["solid", "2px"]
    assert browser_page.errors == []


def test_strip_redraws_fifteen_thousand_relations_quickly(
    browser_page: Any, make_dataset: Any
) -> None:
    nodes = "id,label,type\n" + "".join(f"n{i},Actor {i},state\n" for i in range(300))
    types = ["talks", "dispute", "membership"]
    rows = [
        f"n{r % 300},n{(r * 7 + 1) % 300},{types[r % 3]},{1920 + r % 100},{1920 + r % 100 + r % 9}"
        for r in range(15_000)
    ]
    folder = make_dataset(nodes, "source,target,type,date,end_date\n" + "\n".join(rows))
    page = open_page(browser_page, write_html(graph.load(folder), folder / "big.html"))
    assert len(page.evaluate(BARS)) >= 250
    # the best of three rounds of ten redraws, so that a busy machine does not decide it
    took = page.evaluate(
        """() => Math.min(...[0, 1, 2].map(() => { const t = performance.now();
        for (let i = 0; i < 10; i++) window.explorer.timeline.redraw();
        return (performance.now() - t) / 10; }))"""
    )
    assert took < 50
    assert browser_page.errors == []


def test_touch_draws_and_moves_the_window(chromium: Any, bundled_page: Path) -> None:
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(bundled_page.resolve().as_uri())
        page.wait_for_selector(READY, state="attached", timeout=30_000)
        box = chart_box(page)
        y = box["top"] + (box["height"] - 16) / 2
        cdp = context.new_cdp_session(page)

        def swipe(x0: float, x1: float) -> None:
            points = [x0 + (x1 - x0) * i / 8 for i in range(9)]
            for kind, x in [("touchStart", x0)] + [("touchMove", x) for x in points[1:]]:
                cdp.send(
                    "Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y}]}
                )
            cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

        # on the whole span a swipe draws a new window; inside a window it moves it
        swipe(_x_of(box, "1950-01-01"), _x_of(box, "1980-01-01"))
        drawn = page.evaluate(WINDOW)
        assert drawn["from"][:4] in {"1949", "1950"} and drawn["to"][:4] in {"1979", "1980"}
        swipe(_x_of(box, "1965-01-01"), _x_of(box, "1975-01-01"))
        moved = page.evaluate(WINDOW)
        assert moved["from"][:4] in {"1959", "1960", "1961"} and moved["from"] != drawn["from"]
        assert errors == []
    finally:
        context.close()
