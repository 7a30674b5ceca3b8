"""Reports: numbers equal ``graph stats --format json``, everything escaped, offline in Chromium,
deterministic, and the Markdown twin."""

from __future__ import annotations

import json
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from graph.analyze import MEASURES
from graph.cli import app
from graph.report import build_report, to_report_html, to_report_markdown, write_report
from graph.report.svg import bar_chart, stacked_columns, trend_chart

runner = CliRunner()
EVIL = '<script>alert("x")</script>'


class _Numbers(HTMLParser):
    """Collect the text of elements carrying data-stat or data-node/data-measure."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[dict[str, str | None], str]] = []
        self._open: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "span":
            self._open.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and ("data-stat" in self._open[-1] or "data-node" in self._open[-1]):
            self.found.append((self._open[-1], data))


def _lookup(stats: dict[str, Any], path: str) -> Any:
    value: Any = stats
    for key in path.split("."):
        value = value[key]
    return value


def _shown(value: Any) -> str:
    if value is None:
        return "–"
    return str(value)


@pytest.fixture(scope="module")
def report_html() -> str:
    return to_report_html(build_report(graph.load()))


@pytest.mark.parametrize("options", [[], ["--directed"], ["--from", "2015", "--sample", "6"]])
def test_every_number_equals_graph_stats_json(report_html: str, options: list[str]) -> None:
    result = runner.invoke(app, ["stats", "--format", "json", *options])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    nodes = {r["id"]: r for r in stats["node_measures"]}
    if options:
        ds = graph.load().filter(start="2015") if "--from" in options else graph.load()
        report_html = to_report_html(
            build_report(
                ds, directed="--directed" in options, sample=6 if "--sample" in options else None
            ),
            interactive=False,
        )
        assert ("Katz" in report_html) == ("--directed" in options)
    parser = _Numbers()
    parser.feed(report_html)
    assert len(parser.found) > 8 * 10
    seen_measures = set()
    for attrs, text in parser.found:
        if "data-node" in attrs:
            node, measure = attrs["data-node"], attrs["data-measure"]
            assert text == _shown(nodes[node][measure]), (node, measure)
            seen_measures.add(measure)
        else:
            assert text == _shown(_lookup(stats, attrs["data-stat"])), attrs["data-stat"]
    assert seen_measures == set(MEASURES)


def test_report_has_every_section(report_html: str) -> None:
    for section in ("summary", "centrality", "time", "pair", "signed", "communities", "graph"):
        assert f'<section id="{section}">' in report_html
    assert report_html.count("<svg") >= len(MEASURES) + 2
    assert "Iran – Tajikistan over time" in report_html
    assert "“But relations cooled until 2019" in report_html


def test_report_is_deterministic() -> None:
    ds = graph.load()
    assert to_report_html(build_report(ds)) == to_report_html(build_report(ds))


def test_nothing_is_fetched_from_outside(report_html: str) -> None:
    outer = report_html.split("<iframe", 1)[0]
    for marker in ("http://", "https://", "<link", "src=", "@import", "url("):
        assert marker not in outer, marker


@pytest.fixture(scope="module")
def evil_dataset(tmp_path_factory: pytest.TempPathFactory) -> graph.Dataset:
    folder = tmp_path_factory.mktemp("evil")
    nodes = f"""\
        id,label,type,description
        a,"{EVIL.replace('"', '""')}",state,"<img src=x onerror=alert(1)>"
        b,"B ""quoted"" & <b>bold</b>",state,
        c,C|pipe,person,
        """
    edges = f"""\
        source,target,type,date,description,evidence,citation
        a,b,talks,2019,"{EVIL.replace('"', '""')}","<img src=x onerror=alert(2)>",</td>
        b,c,dispute,2020,x,"a|b",y
        a,c,cooperation,2021,,,
        """
    (folder / "nodes.csv").write_text(textwrap.dedent(nodes), encoding="utf-8")
    (folder / "edges.csv").write_text(textwrap.dedent(edges), encoding="utf-8")
    return graph.load(folder)


def test_strings_from_the_data_are_escaped(evil_dataset: graph.Dataset) -> None:
    page = to_report_html(build_report(evil_dataset), interactive=False)
    assert "<script" not in page and "<img" not in page and "</td>," not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    text = to_report_markdown(build_report(evil_dataset))
    assert "<script" not in text and "<img" not in text
    assert "C\\|pipe" in text


def test_svg_charts_escape_and_scale() -> None:
    svg = bar_chart(["<a>", "b"], [2.0, 0.0], title="T & U")
    assert "&lt;a&gt;" in svg and "T &amp; U" in svg and "<a>" not in svg
    cols = stacked_columns(["2019", "2020"], {"x<y": [1, 2]}, title="t")
    assert "x&lt;y" in cols and cols.count("<rect") == 2 + 1
    trend = trend_chart(["2019", "2020"], [-1.0, 2.0], title="t")
    assert trend.count('fill="#d62728"') == 1 and trend.count('fill="#2ca02c"') == 1


@pytest.mark.browser
def test_report_opens_offline_without_errors(browser_page, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_report(build_report(graph.load()), target)
    page = browser_page.page
    page.goto(target.as_uri())
    page.locator("iframe").scroll_into_view_if_needed()
    frame = page.frame_locator("iframe")
    frame.locator("body").wait_for()
    page.wait_for_timeout(500)
    assert browser_page.requests == []
    assert browser_page.errors == []
    assert page.locator("svg.chart").count() >= len(MEASURES) + 2
    assert page.locator("#pair table tbody tr").count() == len(
        graph.analyze.timeline(graph.load(), "iran", "tajikistan")
    )


@pytest.mark.browser
def test_evil_report_runs_no_injected_script(browser_page, evil_dataset, tmp_path) -> None:
    target = tmp_path / "evil.html"
    write_report(build_report(evil_dataset), target)
    dialogs: list[str] = []
    browser_page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    browser_page.page.goto(target.as_uri())
    browser_page.page.wait_for_timeout(500)
    assert dialogs == [] and browser_page.requests == [] and browser_page.errors == []
    assert EVIL in browser_page.page.locator("#centrality").inner_text()


def test_markdown_report_has_the_same_numbers() -> None:
    report = build_report(graph.load(), top=5)
    text = to_report_markdown(report)
    assert text.startswith("# iran_tajikistan: network report")
    for measure in MEASURES:
        leader = report.leaders[measure][0]
        assert f"| 1 | {leader['label']} | {leader['type']} | {leader[measure]} |" in text
    assert f"| Density (undirected) | {report.stats['graph']['density']} |" in text


def test_write_report_is_atomic_and_checks_the_format(tmp_path: Path) -> None:
    report = build_report(graph.load(), top=3)
    write_report(report, tmp_path / "r.md", "markdown")
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == to_report_markdown(report)
    with pytest.raises(graph.UsageError, match="unknown report format"):
        write_report(report, tmp_path / "r.pdf", "pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_report_for_a_dataset_without_dates() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["talks"]})
    report = build_report(graph.from_frames(nodes, edges))
    assert report.pair is None
    page = to_report_html(report, interactive=False)
    assert "No dated relation." in page


def test_markdown_report_embeds_its_charts_as_svg_data_images() -> None:
    import base64
    import re

    text = to_report_markdown(build_report(graph.load(), top=5, pair=("iran", "tajikistan")))
    images = re.findall(r"!\[([^\]]*)\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", text)
    assert len(images) == len(MEASURES) + 2  # one per measure, relations per year, the pair
    svgs = [base64.b64decode(data).decode("utf-8") for _, data in images]
    assert all(s.startswith("<svg") and s.endswith("</svg>") for s in svgs)
    assert any("Iran – Tajikistan" in alt for alt, _ in images)
    assert "http" not in "".join(svgs).replace("http://www.w3.org/2000/svg", "")
