"""Notebook display: each result object shows as a small HTML table, every string escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

import graph
from graph import (
    Communities,
    GraphFigures,
    ImportSummary,
    MergeReport,
    StatsResult,
    Summary,
    TriadBalance,
)

BAD = "<script>x&y</script>"
ESCAPED = "&lt;script&gt;x&amp;y&lt;/script&gt;"


class _Cells(HTMLParser):
    """Table cells as (header, value) text pairs, and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.rows: dict[str, str] = {}
        self._th: str | None = None
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "th":
            self._th = data
        elif self._in == "td" and self._th is not None:
            self.rows[self._th] = self.rows.get(self._th, "") + data


def _cells(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    assert "table" in parser.tags and "script" not in parser.tags
    return parser


@pytest.fixture(scope="module")
def dataset() -> graph.Dataset:
    nodes = pd.DataFrame({"id": list("abc"), "label": list("ABC"), "type": ["state"] * 3})
    edges = pd.DataFrame(
        {
            "source": list("aab"),
            "target": list("bcc"),
            "type": ["cooperation", "cooperation", "conflict"],
            "date": ["2019", "2020", ""],
        }
    )
    return graph.from_frames(nodes, edges, name=BAD)


def test_summary(dataset: graph.Dataset) -> None:
    summary = graph.summarize(dataset)
    assert isinstance(summary, Summary)
    html = summary._repr_html_()
    assert ESCAPED in html and BAD not in html
    rows = _cells(html).rows
    assert rows["actors"] == "3" and rows["relations"] == "3"
    assert rows["dates"] == "2019-01-01 to 2020-12-31 (2 dated, 1 undated)"
    assert rows["cooperative / neutral / conflictual"] == "2 / 0 / 1"
    assert rows["components"] == "1 (largest 3, isolated 0)"


def test_graph_figures(dataset: graph.Dataset) -> None:
    figures = graph.graph_figures(dataset)
    assert isinstance(figures, GraphFigures)
    rows = _cells(figures._repr_html_()).rows
    assert rows["density (undirected / directed)"] == "1.0 / 1.0"
    assert rows["diameter (largest component)"] == "1"
    assert rows["reciprocity of directed relations"] == "–"


def test_stats_result(dataset: graph.Dataset) -> None:
    result = graph.stats(dataset)
    assert isinstance(result, StatsResult)
    html = result._repr_html_()
    assert ESCAPED in html and BAD not in html
    assert "Node measures (undirected view" in html and "<th>pagerank</th>" in html
    assert html.count("<table") == 3


def test_communities() -> None:
    table = pd.DataFrame(
        {
            "id": [BAD, "b", "c"],
            "label": ["A", "B", "C"],
            "type": ["state"] * 3,
            "community": pd.array([1, 1, pd.NA], dtype="Int64"),
        }
    )
    html = Communities(table, modularity=0.25, seed=3, resolution=1.0)._repr_html_()
    assert BAD not in html
    rows = _cells(html).rows
    assert rows["community 1 (2)"] == f"{BAD}, b"  # the parser unescapes
    assert rows["modularity"] == "0.250" and rows["seed"] == "3"
    assert "communities" in graph.communities(graph.load())._repr_html_()


def test_triad_balance() -> None:
    triads = pd.DataFrame(
        {"a": [BAD] * 12, "b": ["b"] * 12, "c": ["c"] * 12, "ab": 1, "bc": 1, "ac": -1}
    )
    html = TriadBalance(balanced=2, unbalanced=12, unbalanced_triads=triads)._repr_html_()
    assert BAD not in html
    rows = _cells(html).rows
    assert rows["signed triangles"] == "14" and rows["balanced share"] == "14.3%"
    assert rows["unbalanced triangles"].startswith(f"{BAD} – b – c, ")
    assert rows["unbalanced triangles"].endswith("… 2 more")
    empty = TriadBalance(0, 0, triads.iloc[:0])._repr_html_()
    assert _cells(empty).rows["balanced share"] == "–"


def test_merge_report() -> None:
    report = MergeReport(
        name=BAD,
        matched={"IR": "iran", "x<y": "a&b"},
        matched_by={"iso3": 1, "alias": 1},
        added_nodes=2,
        vocabulary_conflicts=[BAD],
        nodes=4,
        edges=5,
    )
    html = report._repr_html_()
    assert BAD not in html and ESCAPED in html
    rows = _cells(html).rows
    assert rows["matched"] == "IR → iran, x<y → a&b"
    assert rows["matched by"] == "iso3 1, alias 1"
    assert rows["renamed edges"] == "–" and rows["vocabulary conflicts"] == BAD
    _, real = graph.merge_with_report(graph.load(), graph.load())
    assert _cells(real._repr_html_()).rows["added nodes"] == "0"


def test_import_summary() -> None:
    summary = ImportSummary(
        format="gdelt",
        files=[{"name": BAD, "bytes": 10}],
        rows_read=4,
        imported=2,
        dropped={"no-actor": 1},
        skipped={"bad-date": 1},
        notes=[BAD],
        nodes=3,
        edges=2,
    )
    html = summary._repr_html_()
    assert BAD not in html and ESCAPED in html
    rows = _cells(html).rows
    assert rows["files"] == BAD and rows["counts add up"] == "yes"
    assert rows["dropped"] == "no-actor 1" and rows["filtered"] == "–"
