"""The report as one Markdown file: the same sections and numbers as the HTML, as tables.

Charts are the HTML report's SVG charts, embedded as ``data:`` images, so the file stays
self-contained and offline; the interactive graph is only in the HTML report. Every text
from the data (titles, headings, notes, table cells, image alt text, evidence and citations)
is written through :func:`graph.text.markdown_text`: no data can make a link, an image, an
HTML tag or a table break; inside the SVG images it is XML-escaped.
"""

from __future__ import annotations

import base64
from typing import Any

import pandas as pd

from ..analyze import MEASURES, MeasureMethod, StatsResult
from ..text import markdown_text, num, plural
from .html import family_colors
from .model import Report
from .svg import bar_chart, stacked_columns, trend_chart

__all__ = ["direction", "markdown_table", "md_escape", "stats_markdown", "to_report_markdown"]


def md_escape(value: Any) -> str:
    """Any value as Markdown that shows it literally: :func:`graph.text.markdown_text` of
    its text.

    >>> print(md_escape("a|b <i>\\nc"), md_escape("[x](javascript:alert(1))"), md_escape(0.5))
    a\\|b &lt;i&gt; c \\[x\\](javascript:alert(1)) 0.5
    """
    return markdown_text(str(value))


def markdown_table(
    head: list[str],
    rows: list[list[Any]],
    numeric: set[int] | None = None,
    raw: set[int] | None = None,
) -> str:
    """A GitHub-flavoured Markdown table; cells are escaped.

    Parameters
    ----------
    numeric : set of int
        Columns aligned right.
    raw : set of int
        Columns whose cells are already Markdown (their data parts escaped with
        :func:`md_escape`), written as they are.

    >>> print(markdown_table(["a", "n"], [["x", 1]], {1}))
    | a | n |
    |---|--:|
    | x | 1 |
    >>> print(markdown_table(["dir"], [[md_escape("a<b") + " → c"]], raw={0}).splitlines()[-1])
    | a&lt;b → c |
    """
    numeric = numeric or set()
    raw = raw or set()
    align = ["--:" if i in numeric else "---" for i in range(len(head))]
    lines = [
        "| " + " | ".join(md_escape(h) for h in head) + " |",
        "|" + "|".join(align) + "|",
    ]
    lines += [
        "| " + " | ".join(str(c) if i in raw else md_escape(c) for i, c in enumerate(row)) + " |"
        for row in rows
    ]
    return "\n".join(lines)


def _summary(result: StatsResult) -> list[str]:
    s, g = result.summary, result.graph
    d, sign, comp = s.dates, s.edges_by_sign, g.components
    rows = [
        ["Actors", num(s.nodes)],
        ["Relations", num(s.edges)],
        ["Linked pairs", num(s.pairs)],
        ["Dates", f"{num(d.first)} to {num(d.last)} ({d.dated} dated, {d.undated} undated)"],
        [
            "Cooperative / neutral / conflictual",
            f"{sign.cooperative} / {sign.neutral} / {sign.conflictual}",
        ],
        ["Density (undirected)", num(g.density)],
        ["Density (directed)", num(g.density_directed)],
        ["Components", f"{comp.count} (largest {comp.largest}, isolated {comp.isolated})"],
        ["Strongly connected components", num(g.strong_components)],
        ["Diameter (largest component)", num(g.diameter)],
        ["Average path length (largest component)", num(g.average_path_length)],
        ["Reciprocity of directed relations", num(g.reciprocity)],
        ["Assortativity by actor type", num(g.assortativity_by_type)],
    ]
    out = ["## Summary", "", markdown_table(["figure", "value"], rows), ""]
    for title, by_type in (
        ("Actors by type", s.nodes_by_type),
        ("Relations by type", s.edges_by_type),
        ("Relations by family", s.edges_by_family),
    ):
        counts = [[k, v] for k, v in by_type.items()]
        out += [f"### {title}", "", markdown_table(["", "count"], counts, {1}), ""]
    return out


def _about(report: Report) -> list[str]:
    """What the dataset's ``dataset.toml`` says: description, sources, licence, author, date."""
    meta = report.dataset.metadata
    out = [md_escape(meta.description), ""] if meta.description else []
    if meta.sources:
        out += ["- **Sources**:", *(f"  - {md_escape(s)}" for s in meta.sources)]
    for name, value in (("Licence", meta.licence), ("Author", meta.author)):
        if value:
            out.append(f"- **{name}**: {md_escape(value)}")
    if meta.created:
        out.append(f"- **Created**: {meta.created.isoformat()}")
    return [*out, ""] if out and out[-1] else out


def _method(m: MeasureMethod) -> list[str]:
    view = "directed" if m.directed else "undirected"
    out = [f"Measures on the {view} aggregated graph (one link per pair), engine {m.engine}."]
    if m.sample:
        out.append(
            f"Betweenness is estimated from {m.sample} pivot nodes (seed {m.seed}), not exact."
        )
    if m.eigenvector == "katz":
        out.append(
            "Eigenvector centrality is undefined on this graph (not strongly connected); "
            f"the eigenvector column is Katz centrality (α = {num(m.katz_alpha)})."
        )
    return out


def direction(source: str, target: str, directed: bool) -> str:
    """A relation's direction as a Markdown table cell: ``a → b`` (directed) or ``a – b``;
    the names are escaped, the arrow is not.

    >>> print(direction("russia", "i|s", True), "/", direction("a", "b<", False))
    russia → i\\|s / a – b&lt;
    """
    return f"{md_escape(source)} {'→' if directed else '–'} {md_escape(target)}"


def _image(svg: str, alt: str) -> str:
    """An SVG chart as a Markdown image with a ``data:`` URI (no file, no request)."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"![{md_escape(alt)}](data:image/svg+xml;base64,{data})"


def _centrality(report: Report) -> list[str]:
    out = ["## Who is central", "", *_method(report.stats.measures), ""]
    for measure, meaning in MEASURES.items():
        rows = [
            [i, r["label"], r["type"], num(r[measure])]
            for i, r in enumerate(report.leaders[measure], 1)
        ]
        leaders = report.leaders[measure]
        title = f"Top {len(leaders)} by {measure.replace('_', ' ')}"
        chart = bar_chart(
            [r["label"] for r in leaders], [r[measure] or 0 for r in leaders], title=title, fmt=num
        )
        out += [
            f"### {measure.replace('_', ' ')}",
            "",
            f"*{meaning}*",
            "",
            _image(chart, title),
            "",
            markdown_table(["#", "actor", "type", measure], rows, {0, 3}),
            "",
        ]
    return out


def _time(report: Report) -> list[str]:
    table = report.by_period
    out = [f"## Relations in force per {report.options['period']}, by family", ""]
    if table.empty:
        return [*out, "No dated relation.", ""]
    rows = [
        [period, *row] for period, row in zip(table.index, table.to_numpy().tolist(), strict=True)
    ]
    title = f"Relations in force per {report.options['period']}, by family"
    chart = stacked_columns(
        table.index.tolist(),
        {c: table[c].tolist() for c in table.columns},
        colors=family_colors(report),
        title=title,
    )
    return [
        *out,
        _image(chart, title),
        "",
        markdown_table(["period", *table.columns], rows, set(range(1, len(table.columns) + 1))),
        "",
    ]


def _pair(report: Report) -> list[str]:
    if report.pair is None:
        return []
    labels = report.labels
    a, b = (labels.get(x, x) for x in report.pair)
    out = [f"## {md_escape(a)} – {md_escape(b)} over time", ""]
    note = report.pair_note
    if report.pair_timeline.empty:
        return [*out, md_escape(note), ""]
    trend = [
        [r["period"], r["relations"], r["cooperative"], r["conflictual"], num(r["score"])]
        for r in report.trend.to_dict("records")
    ]
    events = [
        [
            r["date"] + (f" – {r['end_date']}" if r["end_date"] else ""),
            r["type"],
            direction(
                labels.get(r["source"], r["source"]),
                labels.get(r["target"], r["target"]),
                bool(r["directed"]),
            ),
            f"{r['sign']:+d}",
            r["description"]
            + (f" “{r['evidence']}”" if r["evidence"] else "")
            + (f" ({r['citation']})" if r["citation"] else ""),
        ]
        for r in report.pair_timeline.to_dict("records")
    ]
    if note:
        out += [md_escape(note), ""]
    else:
        title = f"{a} – {b}: net relation (Σ weight × sign) per {report.options['period']}"
        chart = trend_chart(
            report.trend["period"].tolist(), report.trend["score"].tolist(), title=title, fmt=num
        )
        out += [
            _image(chart, title),
            "",
            markdown_table(
                ["period", "relations", "cooperative", "conflictual", "score"],
                trend,
                {1, 2, 3, 4},
            ),
            "",
        ]
    return [
        *out,
        markdown_table(["date", "relation", "direction", "sign", "evidence"], events, {3}, {2}),
        "",
    ]


def _pairs(report: Report, frame: pd.DataFrame) -> str:
    labels = report.labels
    rows = [
        [
            labels.get(r["source"], r["source"]),
            labels.get(r["target"], r["target"]),
            r["relations"],
            r["cooperative"],
            r["conflictual"],
            num(float(r["score"])),
        ]
        for r in frame.to_dict("records")
    ]
    return markdown_table(
        ["actor", "actor", "relations", "cooperative", "conflictual", "score"], rows, {2, 3, 4, 5}
    )


def _signed(report: Report) -> list[str]:
    scores, bal, labels = report.scores, report.balance, report.labels
    hostile = scores[scores["score"] < 0].head(report.top)
    friendly = scores[scores["score"] > 0].sort_values("score", ascending=False, kind="stable")
    ratio = "–" if bal.ratio is None else f"{bal.ratio:.1%}"
    out = [
        "## Cooperation and conflict",
        "",
        "Score of a pair: the sum of weight × sign of all its relations.",
        "",
        "### Most cooperative pairs",
        "",
        _pairs(report, friendly.head(report.top)),
        "",
        "### Most hostile pairs",
        "",
        _pairs(report, hostile),
        "",
        "### Structural balance",
        "",
        f"{plural(bal.triads, 'signed triangle')}: {bal.balanced} balanced, "
        f"{bal.unbalanced} unbalanced ({ratio} balanced).",
        "",
    ]
    triads = [
        [labels.get(r[k], r[k]) for k in ("a", "b", "c")]
        + [f"{r['ab']:+d}", f"{r['bc']:+d}", f"{r['ac']:+d}"]
        for r in bal.unbalanced_triads.head(100).to_dict("records")
    ]
    if triads:
        out += [markdown_table(["a", "b", "c", "a–b", "b–c", "a–c"], triads), ""]
    if len(bal.unbalanced_triads) > len(triads):
        out += [f"… and {len(bal.unbalanced_triads) - len(triads)} more.", ""]
    return out


def _communities(report: Report) -> list[str]:
    c, labels = report.communities, report.labels
    rows = [
        [g["community"], g["size"], ", ".join(labels.get(m, m) for m in g["members"])]
        for g in c.groups()
    ]
    return [
        "## Blocs (communities of cooperative ties)",
        "",
        f"Louvain on the cooperative relations, seed {c.seed}; modularity "
        f"{c.modularity:.3f}. Actors without a cooperative tie are in none.",
        "",
        markdown_table(["community", "size", "members"], rows, {0, 1}),
        "",
    ]


def to_report_markdown(report: Report) -> str:
    """The report as Markdown text, with the charts as SVG ``data:`` images.

    The interactive graph is only in the HTML report.

    Parameters
    ----------
    report : Report
        What :func:`graph.build_report` computed.

    Returns
    -------
    str
        The Markdown text: a title, the dataset's notes, what its ``dataset.toml`` says
        (description, sources, licence, author, date), then one ``##`` section each for
        the summary, central actors, relations over time, the pair's trend, cooperation and
        conflict, and blocs.

    See Also
    --------
    write_report : Write it to a file.
    to_report_html : The same report as an HTML page.

    Examples
    --------
    >>> report = graph.build_report(ds.filter(start="2021"), top=3)
    >>> text = graph.to_report_markdown(report)
    >>> print("\\n".join(text.splitlines()[:3]))
    # Iran–Tajikistan relations: network report
    <BLANKLINE>
    *filtered: from 2021 to …*
    >>> [line for line in text.splitlines() if line.startswith("## ")][:2]
    ['## Summary', '## Who is central']
    """
    lines = [f"# {md_escape(report.title)}", ""]
    lines += [f"*{md_escape(n)}*" for n in report.dataset.notes]
    lines += [
        "",
        *_about(report),
        *_summary(report.stats),
        *_centrality(report),
        *_time(report),
        *_pair(report),
        *_signed(report),
        *_communities(report),
    ]
    return "\n".join(lines).rstrip() + "\n"


def stats_markdown(result: StatsResult) -> str:
    """``graph stats`` as Markdown: the summary, figures and the node measure table.

    >>> from graph import load
    >>> from graph.analyze import stats
    >>> print(stats_markdown(stats(load(), top=2)).splitlines()[0])
    # iran_tajikistan: statistics
    """
    columns = ["id", "label", "type", *MEASURES]
    rows = [
        [r[c] if c in ("id", "label", "type") else num(r[c]) for c in columns]
        for r in result.node_records()
    ]
    lines = [f"# {md_escape(result.summary.name)}: statistics", ""]
    lines += [f"*{md_escape(n)}*" for n in result.summary.notes]
    lines += ["", *_summary(result), "## Node measures", "", *_method(result.measures), ""]
    lines += [f"- **{m}**: {md_escape(meaning)}" for m, meaning in MEASURES.items()]
    lines += ["", markdown_table(columns, rows, set(range(3, len(columns))))]
    return "\n".join(lines).rstrip() + "\n"
