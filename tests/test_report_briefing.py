"""The report as a briefing: the key findings on the first screen, one measures table at 3
significant figures, long-lasting relations apart, blocs with their ties, the graph as an
inline SVG (shown and printed without script), the engine stated as ``graph stats`` states
it, every new text escaped, and the page under half its former height."""

from __future__ import annotations

import base64
import json
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.report import build_report, to_report_html, to_report_markdown, write_report
from graph.report.findings import LOW_MODULARITY
from graph.report.html import REPORT_MEASURES
from graph.report.model import LASTING_YEARS
from graph.text import markdown_text

runner = CliRunner()
EVIL = '<script>alert("x")</script>'
SHARED_EVENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "events"

#: The bundled dataset's HTML report before it became a briefing: the
#: ``document.documentElement.scrollHeight`` of ``graph report -o before.html`` (eight
#: centrality panels, relations per year since 1929, the explorer in an open iframe) in
#: Chromium 156 (playwright, /usr/bin/chromium) with a 1280×900 viewport.
HEIGHT_BEFORE = 8413
#: The same for the ICEWS sample (``graph import icews icews_events.2018.sample.tab``).
ICEWS_HEIGHT_BEFORE = 18994


class _Tree(HTMLParser):
    """Elements as (tag, attributes, path of enclosing ids and classes), and texts by section."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str], tuple[str, ...]]] = []
        self._stack: list[tuple[str, str]] = []

    def _record(self, tag: str, attrs: list[tuple[str, str | None]]) -> dict[str, str]:
        found = {k: v or "" for k, v in attrs}
        self.elements.append((tag, found, tuple(m for _, m in self._stack)))
        return found

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._record(tag, attrs)  # <circle/>: no children

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = self._record(tag, attrs)
        if tag not in ("br", "img", "meta", "input"):
            mark = " ".join(filter(None, [found.get("id", ""), found.get("class", "")]))
            self._stack.append((tag, mark))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def inside(self, mark: str) -> list[tuple[str, dict[str, str]]]:
        return [(t, a) for t, a, marks in self.elements if any(mark in m.split() for m in marks)]


def _tree(page: str) -> _Tree:
    tree = _Tree()
    tree.feed(page)
    return tree


def _section(page: str, name: str) -> str:
    return page.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]


def _text(html: str) -> str:
    """The text of some HTML, on one line (inline tags leave no space)."""
    inline = re.sub(r"</?(b|q|i|span)\b[^>]*>", "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", inline).split())


@pytest.fixture(scope="module")
def bundled_report() -> graph.Report:
    return build_report(graph.load())


@pytest.fixture(scope="module")
def page(bundled_report: graph.Report) -> str:
    return to_report_html(bundled_report)


# --- the first screen: key findings


def test_the_findings_come_first_and_say_who_is_central_and_why(page: str) -> None:
    sections = re.findall(r'<section id="([a-z]+)">', page)
    assert sections[0] == "findings"
    central = _text(page.split('id="finding-central"', 1)[1].split("</div>", 1)[0])
    # PageRank and betweenness on the cooperative layer, degrees on every interaction
    assert "Iran — the main broker (betweenness 0.114) and the most influence (PageRank" in central
    assert central.index("Iran —") < central.index("Tajikistan —")
    assert (
        "Tajikistan — most ties (degree 10) and the most activity (weighted degree 30.5)" in central
    )


def test_the_findings_give_the_pairs_turning_points_with_their_quotes(
    page: str, bundled_report: graph.Report
) -> None:
    turns = bundled_report.findings.turns
    assert [(t.period, t.sign, t.type) for t in turns] == [
        ("2015", -1, "dispute"),
        ("2019", 1, "cooperation"),
    ]
    pair = _text(page.split('id="finding-pair"', 1)[1].split("</div>", 1)[0])
    assert "The pair: Iran – Tajikistan" in pair
    assert "Cooperative 1991–2014, conflictual 2015–2018, cooperative 2019–2021" in pair
    # the dispute began in December: a twelfth of 2015 by the share of the year in force
    assert "2015: turned conflictual (net -0.0849) — dispute, 2015-12: But relations" in pair
    assert "2019: turned cooperative (net +1) — cooperation, 2019: relations between" in pair


def test_the_findings_name_the_unbalanced_triangle_and_the_largest_bloc(page: str) -> None:
    balance = _text(page.split('id="finding-balance"', 1)[1].split("</div>", 1)[0])
    # over the whole record: Iran invites the IRPT, which Tajikistan bans
    assert "Unbalanced triangles 1 of 1 signed triangle is unbalanced" in balance
    assert (
        "Iran is on good terms with both Tajikistan and Islamic Renaissance Party of Tajikistan,"
        " who are at odds" in balance
    )
    blocs = _text(page.split('id="finding-blocs"', 1)[1].split("</div>", 1)[0])
    assert "Blocs 3 blocs of cooperative ties; the largest (7 actors, 7 ties)" in blocs
    assert "Modularity 0.12 is low (under 0.3)" in blocs
    # from 2019 on, no three actors are all tied by signed relations
    late = to_report_html(build_report(graph.load().filter(start="2019")))
    balance = _text(late.split('id="finding-balance"', 1)[1].split("</div>", 1)[0])
    assert "No signed triangle: no three actors are all tied by signed relations." in balance
    # the civil war years: Iran mediates with both sides
    war = to_report_html(build_report(graph.load().filter(start="1994", end="1996")))
    balance = _text(war.split('id="finding-balance"', 1)[1].split("</div>", 1)[0])
    assert "1 of 1 signed triangle is unbalanced" in balance
    assert (
        "Iran is on good terms with both Tajikistan and United Tajik Opposition, who are at odds"
        in balance
    )


def test_a_pair_without_turning_point_says_so(make_dataset: Any) -> None:
    nodes = "id,label,type\na,A,state\nb,B,state\n"
    edges = "source,target,type,date\na,b,talks,2019\na,b,talks,2020\n"
    report = build_report(graph.load(make_dataset(nodes, edges)))
    assert report.findings.turns == ()
    finding = _text(to_report_html(report, interactive=False).split('id="finding-pair"')[1])
    assert "Cooperative 2019–2020 (no turning point); net +1 in 2020" in finding


# --- the detail


def test_one_measures_table_one_row_per_actor_at_three_significant_figures(
    page: str, bundled_report: graph.Report
) -> None:
    section = _section(page, "centrality")
    assert section.count("<table") == 1
    rows = re.findall(r"<tr>(.*?)</tr>", section.split("<tbody>")[1])
    assert len(rows) == len(bundled_report.dataset.nodes) == 22
    records = bundled_report.stats.node_records()
    for row, record in zip(rows, records, strict=True):
        cells = re.findall(r'data-measure="(\w+)" data-value="([^"]*)">([^<]*)<', row)
        assert [m for m, _, _ in cells] == list(REPORT_MEASURES)  # side by side
        for measure, exact, shown in cells:
            assert exact == str(record[measure])
            digits = shown.lstrip("-").replace(".", "").lstrip("0")
            assert float(shown) == float(exact) if "." not in shown else len(digits) == 3
    first = rows[0]
    assert "Iran" in first and ">0.114<" in first and ">0.114286<" not in first
    assert '<span class="bar" aria-hidden="true"><i style="width:100%">' in first


def test_long_lasting_relations_are_left_out_of_the_chart_and_listed(
    page: str, bundled_report: graph.Report
) -> None:
    assert bundled_report.by_period.index[0] == "1991"  # not 1929: Soviet membership apart
    lasting = bundled_report.lasting
    assert lasting.iloc[0][["source", "target", "type"]].tolist() == [
        "tajikistan",
        "soviet_union",
        "membership",
    ]
    assert set(lasting["family"]) == {"membership", "cooperation", "coercion"}
    assert ((lasting["family"] == "membership") | (lasting["years"] > LASTING_YEARS)).all()
    section = _text(_section(page, "time"))
    assert f"those in force more than {LASTING_YEARS} years" in section
    assert "Tajikistan – Soviet Union: membership, 1929 to 1991-09-09 (63 years)" in section


def test_blocs_are_listed_with_members_ties_and_a_caveat(
    page: str, bundled_report: graph.Report
) -> None:
    assert bundled_report.communities.modularity < LOW_MODULARITY
    section = _text(_section(page, "communities"))
    assert "Caveat: modularity 0.124 is low" in section
    assert "Bloc 1 · 7 actors · 7 cooperative ties: Iran, Tajikistan," in section
    assert "Bloc 3 · 2 actors · 1 cooperative tie: Armed Forces of" in section


# --- the graph as an inline SVG


def test_the_html_report_draws_the_graph_inline_with_a_node_and_label_per_actor(
    page: str,
) -> None:
    tree = _tree(_section(page, "graph"))
    (svg,) = [a for t, a, _ in tree.elements if t == "svg"]
    assert "graph-picture" in svg["class"].split()
    inside = tree.inside("graph-picture")
    nodes = [a for _, a in inside if "node" in a.get("class", "").split()]
    labels = [a for t, a in inside if t == "text" and "label" in a.get("class", "").split()]
    ids = set(graph.load().nodes["id"])
    assert len(nodes) == len(labels) == len(ids)
    assert {a["data-id"] for a in nodes} == ids
    # coloured by community: the blocs' colours
    fills = {a["data-id"]: a["fill"] for a in nodes}
    assert fills["iran"] == fills["tajikistan"] != fills["iran_armed_forces"]
    assert "details" in page and 'class="explorer"' in page and "data-srcdoc=" in page


def test_without_the_explorer_the_picture_stays(bundled_report: graph.Report) -> None:
    page = to_report_html(bundled_report, interactive=False)
    assert "<iframe" not in page and '<details class="explorer"' not in page
    assert page.count('class="graph-picture"') == 1


def test_the_markdown_report_embeds_the_same_picture(bundled_report: graph.Report) -> None:
    text = to_report_markdown(bundled_report)
    assert "## Key findings" in text and text.index("## Key findings") < text.index("## Summary")
    images = dict(re.findall(r"!\[([^\]]*)\]\(data:image/svg\+xml;base64,([^)]+)\)", text))
    svg = base64.b64decode(images["The graph: actors sized by degree, coloured by bloc"])
    picture = svg.decode("utf-8")
    assert 'class="graph-picture"' in picture
    assert picture.count('class="node"') == picture.count('class="label"') == 22
    assert "- **Tajikistan** — most ties (degree 10)" in text


@pytest.mark.parametrize("layout", ["network", "map"])
def test_the_layout_reaches_the_picture(layout: str, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--layout", layout, "--no-interactive", "-o", target])
    assert result.exit_code == 0, result.output
    picture = _section(target.read_text(encoding="utf-8"), "graph")
    assert ('class="country"' in picture) == (layout == "map")
    assert "<iframe" not in picture
    assert build_report(graph.load(), layout=layout).options["layout"] == layout


def test_an_unknown_layout_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "--layout", "globe", "-o", tmp_path / "r.html"])
    assert result.exit_code == 2 and "--layout" in result.output
    with pytest.raises(graph.UsageError, match="layout"):
        build_report(graph.load(), layout="globe")


# --- the engine, stated once and as graph stats states it


@pytest.mark.parametrize("options", [[], ["--engine", "networkx"], ["--directed"]])
def test_the_engine_is_stated_once_and_as_graph_stats_states_it(
    options: list[str], tmp_path: Path
) -> None:
    stats_md = runner.invoke(app, ["stats", "--format", "markdown", *options])
    stats_json = runner.invoke(app, ["stats", "--format", "json", *options])
    assert stats_md.exit_code == stats_json.exit_code == 0
    engine = json.loads(stats_json.stdout)["measures"]["engine"]
    (line,) = [x for x in stats_md.stdout.splitlines() if "engine" in x]
    assert f"engine {engine};" in line
    target = tmp_path / "r.html"
    assert runner.invoke(app, ["report", *options, "-o", target]).exit_code == 0
    page = target.read_text(encoding="utf-8").split('<details class="explorer"')[0]
    assert len(re.findall(r"\bengine\b", _text(page))) == 1
    assert line.rstrip(".") in _text(page)  # the same words: "…: undirected view, engine …"
    text = to_report_markdown(build_report(graph.load(), directed="--directed" in options))
    if "--engine" not in options:
        assert markdown_text(line.rstrip(".")) in text


# --- hostile strings in the new parts

EVIL_NODES = f"""\
    id,label,type
    a,"{EVIL.replace('"', '""')}",state
    b,"B <b>bold</b> & *stars*",state
    c,C|pipe [x](javascript:alert(1)),person
    d,D,organization
    """
EVIL_EDGES = """\
    source,target,type,date,end_date,evidence,description
    a,b,talks,2019,,"<img src=x onerror=alert(1)>",
    a,b,dispute,2020,,"</q><script>alert(2)</script>",
    a,b,cooperation,2021,,"[x](javascript:alert(3))",
    b,c,dispute,2020,,,
    a,c,cooperation,2021,,,
    c,d,membership,1950,,,
    a,d,support,1990,2015,,"<i>long</i>"
    """


@pytest.fixture
def evil(make_dataset: Any) -> graph.Dataset:
    return graph.load(make_dataset(textwrap.dedent(EVIL_NODES), textwrap.dedent(EVIL_EDGES)))


def test_hostile_strings_are_escaped_in_findings_lasting_blocs_and_picture(
    evil: graph.Dataset,
) -> None:
    report = build_report(evil, pair=("a", "b"))
    assert [t.period for t in report.findings.turns] == ["2020", "2021"]
    assert len(report.lasting) == 2 and report.balance.unbalanced == 1
    page = to_report_html(report)
    outer, explorer = page.split('<details class="explorer"')
    for raw in ("<script", "<img", "<b>bold", "</q><script", "<i>long"):
        assert raw not in outer, raw
    findings = _section(page, "findings")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in findings
    assert "<q>&lt;/q&gt;&lt;script&gt;alert(2)&lt;/script&gt;</q>" in findings
    assert "&lt;script&gt;" in _section(page, "time")  # the long-lasting relation's actor
    assert "B &lt;b&gt;bold&lt;/b&gt; &amp; *stars*" in _section(page, "communities")
    picture = _section(outer, "graph")
    assert picture.count("&lt;script&gt;alert(") == 2  # its label and the legend
    assert "<script" not in explorer.split("data-srcdoc=", 1)[1].split('"', 1)[0]


def test_hostile_strings_stay_text_in_the_markdown_findings(evil: graph.Dataset) -> None:
    text = to_report_markdown(build_report(evil, pair=("a", "b")))
    rendered = MarkdownIt("commonmark").enable(["table"]).render(text)
    for raw in ("<script", "<img", "<b>", "<a ", 'javascript:alert(3)">', "<i>"):
        assert raw not in rendered, raw
    assert "*“\\[x\\](javascript:alert(3))”*" in text  # the turning point's quote, as text
    assert "**B &lt;b&gt;bold&lt;/b&gt; &amp; \\*stars\\***" in text


# --- in Chromium: first screen, print without script, height


def _open(chromium: Any, path: Path, *, scripts: bool = True, width: int = 1280) -> Any:
    context = chromium.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=scripts
    )
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri())
    return context, page


@pytest.mark.browser
def test_in_chromium_the_findings_fit_the_first_screen_and_print_without_script(
    chromium: Any, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    write_report(build_report(graph.load()), target)
    context, page = _open(chromium, target, scripts=False)
    try:
        box = page.locator("#findings").bounding_box()
        assert box is not None and box["y"] + box["height"] <= 900
        for name in ("Tajikistan", "Iran", "2015", "2019", "Blocs"):
            assert name in page.locator("#findings").inner_text()
        assert page.locator("svg.graph-picture .node").count() == 22
        assert page.locator("svg.graph-picture text.label").count() == 22
        assert page.locator("svg.graph-picture").bounding_box()["width"] > 900
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < HEIGHT_BEFORE / 2, height
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.skipif(not SHARED_EVENTS.exists(), reason="no shared ICEWS sample")
def test_in_chromium_the_icews_report_is_under_half_its_former_height(
    chromium: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "icews"
    sample = SHARED_EVENTS / "icews_events.2018.sample.tab"
    assert runner.invoke(app, ["import", "icews", str(sample), "-o", str(folder)]).exit_code == 0
    target = tmp_path / "icews.html"
    write_report(build_report(graph.load(folder)), target, interactive=False)
    context, page = _open(chromium, target, scripts=False)
    try:
        box = page.locator("#findings").bounding_box()
        assert box is not None and box["y"] + box["height"] <= 900
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < ICEWS_HEIGHT_BEFORE / 2, height
    finally:
        context.close()
