"""Reports: numbers equal ``graph stats --format json``, everything escaped, offline in Chromium,
deterministic, and the Markdown twin."""

from __future__ import annotations

import json
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.report import build_report, to_report_html, to_report_markdown, write_report
from graph.report.html import REPORT_MEASURES
from graph.report.wording import sig
from graph.text import markdown_text

runner = CliRunner()
EVIL = '<script>alert("x")</script>'


class _Numbers(HTMLParser):
    """Collect the attributes and text of elements carrying data-stat or data-node."""

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


def _exact(value: Any) -> str:
    """A stats value as ``data-value`` holds it."""
    return "" if value is None else str(value)


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
    assert len(parser.found) > len(nodes) * len(REPORT_MEASURES)
    seen = set()
    for attrs, text in parser.found:
        if "data-node" in attrs:
            node, measure = attrs["data-node"], attrs["data-measure"]
            value = nodes[node][measure]
            seen.add((node, measure))
        else:
            value = _lookup(stats, attrs["data-stat"])
        # the exact value of graph stats, shown at 3 significant figures
        assert attrs["data-value"] == _exact(value), attrs
        assert text == (value if isinstance(value, str) else sig(value)), attrs
    # every actor, every measure of the report's table (net degree and negative share are in
    # the JSON only)
    assert seen == {(node, m) for node in nodes for m in REPORT_MEASURES}


def test_report_has_every_section(report_html: str) -> None:
    sections = ["findings", "about", "summary", "centrality", "time", "pair", "signed"]
    sections += ["communities", "graph"]
    found = re.findall(r'<section id="([a-z]+)">', report_html)
    assert found == sections  # the findings first, then the detail
    assert report_html.count("<svg") == 3  # relations over time, the pair, the graph
    assert "Iran – Tajikistan over time" in report_html
    assert "<q>But relations cooled until 2019" in report_html


def test_report_is_deterministic() -> None:
    ds = graph.load()
    assert to_report_html(build_report(ds)) == to_report_html(build_report(ds))


def test_nothing_is_fetched_from_outside(report_html: str) -> None:
    outer = report_html.split("<iframe", 1)[0].replace('xmlns="http://www.w3.org/2000/svg"', "")
    for marker in ("http://", "https://", "<link", "src=", "@import", "<script"):
        assert marker not in outer, marker
    # url() only for the picture's own clip path and arrow heads
    assert all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", outer))


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


@pytest.mark.browser
def test_report_opens_offline_without_errors(browser_page, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_report(build_report(graph.load()), target)
    page = browser_page.page
    page.goto(target.as_uri())
    page.wait_for_timeout(300)
    assert [f.url for f in page.frames[1:]] == ["about:blank"]  # the folded explorer waits
    page.locator("details.explorer summary").click()  # one click opens it
    frame = page.frame_locator("details.explorer iframe")
    frame.locator("canvas").first.wait_for()
    page.wait_for_timeout(500)
    assert [f.url for f in page.frames[1:]] == ["about:srcdoc"]
    assert browser_page.requests == []
    assert browser_page.errors == []
    assert page.locator("svg.chart").count() == 2
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
    assert text.startswith("# Iran–Tajikistan relations: network report")
    for rank, r in enumerate(report.stats.node_records(), 1):
        label, kind = markdown_text(r["label"]), markdown_text(r["type"])
        values = " | ".join(markdown_text(sig(r[m])) for m in REPORT_MEASURES)
        assert f"| {rank} | {label} | {kind} | {values} |" in text
    assert f"| Density (undirected) | {markdown_text(sig(report.stats.graph.density))} |" in text


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
    assert len(images) == 3  # relations per year, the pair, the graph
    svgs = [base64.b64decode(data).decode("utf-8") for _, data in images]
    assert all(s.startswith("<svg") and s.strip().endswith("</svg>") for s in svgs)
    assert any("Iran – Tajikistan" in alt for alt, _ in images)
    assert "http" not in "".join(svgs).replace("http://www.w3.org/2000/svg", "")


# --- QA fixes: a pair without relation, family colours, axis labels, default pair, Markdown

SYRIA_NODES = """\
    id,label,type,description
    syria,Syria,state,Levantine state.
    russia,Russia,state,
    iran,Iran,state,
    israel,Israel,state,
    isis,ISIS,armed-group,
    arab_league,Arab League,organization,
    """
SYRIA_EDGES = """\
    source,target,type,date,end_date,weight,description,evidence,citation
    russia,syria,support,2015-09-30,,5,Intervention,"Russia began airstrikes","Reuters, https://r.example/?a=1&b=2"
    russia,isis,conflict,2015-09-30,2017-12,4,Strikes on ISIS.,Jets hit ISIS,BBC News
    iran,syria,support,2011,,4,Backing.,Credit lines,ICG
    israel,iran,conflict,2018,2023,3,Strikes on Iranian sites.,,
    syria,arab_league,membership,1945,2011,1,Founding member.,,
    russia,syria,visit,2017,,1,Putin visits.,,
    """
RED_VISIT = '[edge_types.visit]\ncolor = "#ff0000"\n'


@pytest.fixture
def syria(make_dataset) -> Path:
    return make_dataset(SYRIA_NODES, SYRIA_EDGES, name="syria")


@pytest.mark.parametrize("extra", [[], ["-f", "markdown"], ["--no-graph"]])
def test_report_for_a_pair_without_relation(syria: Path, tmp_path: Path, extra: list[str]) -> None:
    target = tmp_path / "out.html"
    result = runner.invoke(
        app, ["report", str(syria), "--pair", "russia,israel", "-o", str(target), *extra]
    )
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Russia and Israel have no relation in this dataset." in text
    assert "net relation (Σ weight × sign)" not in text  # no trend chart


def test_pair_with_only_undated_relations_has_its_timeline_but_no_chart() -> None:
    nodes = pd.DataFrame({"id": ["a", "b", "c"], "label": ["A", "B", "C"], "type": ["state"] * 3})
    edges = pd.DataFrame(
        {
            "source": ["a", "a"],
            "target": ["b", "c"],
            "type": ["talks", "talks"],
            "date": ["", "2020"],
        }
    )
    report = build_report(graph.from_frames(nodes, edges), pair=("a", "b"))
    assert (
        report.pair_note == "No relation between A and B is dated, so there is no trend to chart."
    )
    page = to_report_html(report, interactive=False)
    section = page[page.index('<section id="pair">') :].split("</section>", 1)[0]
    assert "net relation (Σ weight" not in section and section.count("<td>talks</td>") == 1
    assert "| talks | A – B |" in to_report_markdown(report)


def _fills(svg: str) -> dict[str, str]:
    """Legend of a stacked chart: series name -> fill colour."""
    import re

    return dict(
        (name, fill)
        for fill, name in re.findall(
            r'width="10" height="10" fill="([^"]+)"/><text[^>]*>([^<]+)</text>', svg
        )
    )


def test_family_colours_are_fixed_distinct_and_the_same_in_html_and_markdown(
    make_dataset,
) -> None:
    import base64
    import re

    from graph.report.html import family_colors
    from graph.report.svg import FAMILY_PALETTE

    assert len(set(FAMILY_PALETTE)) == len(FAMILY_PALETTE)
    bundled = build_report(graph.load(), top=2)
    colors = family_colors(bundled)
    families = bundled.dataset.vocabulary.families
    assert list(colors)[: len(families)] == families
    assert len(set(colors.values())) == len(colors)
    assert colors["cooperation"] != colors["economic"]
    # a dataset's own type colours do not change its families' colours
    red = graph.load(make_dataset(SYRIA_NODES, SYRIA_EDGES, extra={"vocabulary.toml": RED_VISIT}))
    assert red.vocabulary.edge_types["visit"].color == "#ff0000"
    red_colors = family_colors(build_report(red, top=2))
    assert red_colors["diplomatic"] == colors["diplomatic"] != "#ff0000"
    # the same colours in the HTML chart and the Markdown chart
    report = build_report(red, top=2)
    page = to_report_html(report, interactive=False)
    html_chart = page[page.index('<section id="time">') :].split("</svg>", 1)[0]
    text = to_report_markdown(report)
    data = re.search(r"!\[Relations in force[^\]]*\]\(data:image/svg\+xml;base64,([^)]+)\)", text)
    assert data is not None
    md_chart = base64.b64decode(data.group(1)).decode("utf-8")
    assert (
        _fills(html_chart)
        == _fills(md_chart)
        == {f: family_colors(report)[f] for f in report.by_period.columns}
    )
    columns = list(report.by_period.columns)
    assert columns == [f for f in red.vocabulary.families if f in columns]


def test_default_pair_is_the_most_active_pair_outside_membership(make_dataset) -> None:
    nodes = """\
        id,label,type,country
        usa,United States,state,
        usa_gov,United States: Government,institution,usa
        russia,Russia,state,
        """
    edges = """\
        source,target,type,date
        usa_gov,usa,membership,2019
        usa_gov,usa,talks,2019
        usa,usa_gov,talks,2019
        usa,usa_gov,pressure,2019
        usa_gov,usa,talks,2019
        usa,russia,talks,2019
        russia,usa,dispute,2019
        usa,russia,sanction,2019
        """
    report = build_report(graph.load(make_dataset(nodes, edges)), top=2)
    assert report.pair == ("usa", "russia")
    # only membership-linked pairs: fall back to them
    only = graph.load(make_dataset(nodes, edges.split("        usa,russia")[0], name="only"))
    assert build_report(only, top=2).pair == ("usa", "usa_gov")
    assert build_report(graph.load(), top=2).pair == ("iran", "tajikistan")


def test_default_pair_is_the_busiest_pair_of_states(make_dataset) -> None:
    nodes = """\
        id,label,type,country
        india,India,state,
        pakistan,Pakistan,state,
        india_citizen,Citizen (India),group,india
        india_police,Police (India),institution,india
        """
    busy = "india_citizen,india_police,dispute,2018\n" * 4
    edges = "source,target,type,date\n" + busy + "india,pakistan,talks,2018\n"
    report = build_report(graph.load(make_dataset(nodes, edges)), top=2)
    assert report.pair == ("india", "pakistan")  # not the busier citizens and police
    no_states = graph.load(make_dataset(nodes, "source,target,type,date\n" + busy, name="b"))
    assert build_report(no_states, top=2).pair == ("india_citizen", "india_police")


def test_markdown_direction_arrow_is_not_escaped(syria: Path) -> None:
    text = to_report_markdown(build_report(graph.load(syria), pair=("russia", "syria")))
    section = text.split("## Russia – Syria over time", 1)[1].split("\n## ", 1)[0]
    assert "| Russia → Syria |" in section and "&gt;" not in section
    # data text stays escaped, and a URL in it is not auto-linked
    assert "https\\://r\\.example/?a=1&amp;b=2" in section
    mutual = to_report_markdown(build_report(graph.load(syria), pair=("russia", "isis")))
    assert "| Russia – ISIS |" in mutual


def test_report_counts_use_the_singular_for_one() -> None:
    nodes = pd.DataFrame({"id": list("abc"), "label": list("ABC"), "type": ["state"] * 3})
    edges = pd.DataFrame(
        {"source": list("aab"), "target": list("bcc"), "type": ["talks", "talks", "dispute"]}
    )
    report = build_report(graph.from_frames(nodes, edges))
    assert "1 signed triangle: 0 balanced, 1 unbalanced" in to_report_markdown(report)
    assert "1 signed triangle: 0 balanced" in to_report_html(report, interactive=False)


def test_the_balance_section_gives_graph_balance_figures_and_names_the_frustrated_tie(
    tmp_path: Path,
) -> None:
    # the whole record: Iran on good terms with Tajikistan and the IRPT, which are at odds
    result = runner.invoke(app, ["balance", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["triangles"]["++-"] == 1
    assert data["frustration"]["index"] == 1
    assert data["frustration"]["frustrated"] == [
        {"source": "tajikistan", "target": "irpt", "sign": -1}
    ]
    report = build_report(graph.load())
    assert report.signed is not None and report.signed.to_dict() == data
    page = to_report_html(report, interactive=False)
    section = page[page.index('id="balance-measures"') :]
    section = section[: section.index("</details>")]
    assert "Frustration index: 1 of 15 signed ties" in section
    tie = "Tajikistan – Islamic Renaissance Party of Tajikistan (−)"
    assert f"{tie}: hostile inside a camp" in section
    assert "when the signs are shuffled over the same ties" in section
    assert "Camp 1 (11):" in section and "Camp 2 (5):" in section
    text = to_report_markdown(report)
    assert "#### Frustrated ties" in text and tie in text


def test_the_blocs_section_names_the_conflict_inside_a_bloc() -> None:
    report = build_report(graph.load())
    inside = report.communities.negative_inside
    assert len(inside) == 3 and set(inside["community"]) == {1}
    line = "Tajikistan – United Tajik Opposition (bloc 1, 1 conflictual)"
    page = to_report_html(report, interactive=False)
    section = page[page.index('<section id="communities">') :]
    assert line in section[: section.index("</section>")]
    assert line in to_report_markdown(report)
