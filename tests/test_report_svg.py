"""The report's SVG charts (graph/report/svg.py): escaping, empty input, readable axes."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from graph.report.svg import bar_chart, stacked_columns, trend_chart


def test_svg_charts_escape_and_scale() -> None:
    svg = bar_chart(["<a>", "b"], [2.0, 0.0], title="T & U")
    assert "&lt;a&gt;" in svg and "T &amp; U" in svg and "<a>" not in svg
    cols = stacked_columns(["2019", "2020"], {"x<y": [1, 2]}, title="t")
    assert "x&lt;y" in cols and cols.count("<rect") == 2 + 1
    trend = trend_chart(["2019", "2020"], [-1.0, 2.0], title="t")
    assert trend.count('fill="#d62728"') == 1 and trend.count('fill="#2ca02c"') == 1


@pytest.mark.parametrize(
    "svg",
    [
        lambda: bar_chart([], [], title="t"),
        lambda: stacked_columns([], {}, title="t"),
        lambda: stacked_columns([], {"x": []}, title="t"),
        lambda: stacked_columns(["2020"], {}, title="t"),
        lambda: trend_chart([], [], title="t"),
    ],
)
def test_svg_charts_are_safe_on_empty_input(svg: Any) -> None:
    text = svg()
    assert text.startswith("<svg") and text.endswith("</svg>") and "No data." in text


def _tick_labels(svg: str) -> list[tuple[float, str]]:
    return [
        (float(x), label)
        for x, label in re.findall(
            r'<text x="([\d.]+)" y="\d+" text-anchor="middle"[^>]*>([^<]+)<', svg
        )
    ]


@pytest.mark.parametrize("chart", ["stacked", "trend"])
@pytest.mark.parametrize("count", [1, 2, 12, 13, 14, 25, 40, 53, 79])
@pytest.mark.parametrize("freq", ["year", "quarter", "month"])
def test_axis_labels_never_overlap(chart: str, count: int, freq: str) -> None:
    periods = {
        "year": [str(2000 + i) for i in range(count)],
        "quarter": [f"{2000 + i // 4}Q{i % 4 + 1}" for i in range(count)],
        "month": [f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(count)],
    }[freq]
    if chart == "stacked":
        svg = stacked_columns(periods, {"x": [1] * count}, title="t")
    else:
        svg = trend_chart(periods, [1.0] * count, title="t")
    ticks = _tick_labels(svg)
    assert ticks[0][1] == periods[0] and ticks[-1][1] == periods[-1]
    width = max(len(p) for p in periods) * 6.2  # 11px system-ui: digits are ~6.1px wide
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(ticks)]
    assert all(gap >= width for gap in gaps), (gaps, width)
    assert ticks[0][0] - width / 2 >= 0 and ticks[-1][0] + width / 2 <= 720  # inside the chart
