"""The report as one Markdown file: the same findings, sections and numbers as the HTML.

Charts and the picture of the graph are the HTML report's SVG, embedded as ``data:`` images,
so the file stays self-contained and offline; the interactive explorer is only in the HTML
report. Every text from the data (titles, headings, notes, findings, table cells, image alt
text, evidence and citations) is written through :func:`graph.text.markdown_text`: no data
can make a link, an image, an HTML tag or a table break; inside the SVG images it is
XML-escaped.
"""

from __future__ import annotations

from collections.abc import Callable

from ..analyze import MEASURES, MeasureMethod, StatsResult
from ..text import num
from .briefing import cards
from .markdown_detail import blocs_md, graph_md, measures_md, pair_md, signed_md, time_md
from .mdkit import direction, markdown_table, md_escape, md_sentence
from .model import Report
from .wording import sig

__all__ = [
    "direction",
    "markdown_table",
    "md_escape",
    "md_sentence",
    "stats_markdown",
    "to_report_markdown",
]


def _summary(result: StatsResult, fmt: Callable[[object], str] = num) -> list[str]:
    s, g = result.summary, result.graph
    d, sign, comp = s.dates, s.edges_by_sign, g.components
    rows = [
        ["Actors", fmt(s.nodes)],
        ["Relations", fmt(s.edges)],
        ["Linked pairs", fmt(s.pairs)],
        ["Dates", f"{num(d.first)} to {num(d.last)} ({d.dated} dated, {d.undated} undated)"],
        [
            "Cooperative / neutral / conflictual",
            f"{sign.cooperative} / {sign.neutral} / {sign.conflictual}",
        ],
        ["Density (undirected)", fmt(g.density)],
        ["Density (directed)", fmt(g.density_directed)],
        ["Components", f"{comp.count} (largest {comp.largest}, isolated {comp.isolated})"],
        ["Strongly connected components", fmt(g.strong_components)],
        ["Diameter (largest component)", fmt(g.diameter)],
        ["Average path length (largest component)", fmt(g.average_path_length)],
        ["Reciprocity of directed relations", fmt(g.reciprocity)],
        ["Assortativity by actor type", fmt(g.assortativity_by_type)],
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
    return [
        f"Measures on the aggregated graph (one link per pair): {m.describe()}.",
        "",
        md_escape(m.layer_note()),
    ]


def _findings(report: Report) -> list[str]:
    """The key findings (:func:`~graph.report.briefing.cards`), as the HTML report's."""
    out = ["## Key findings", ""]
    for card in cards(report):
        out += [f"**{md_sentence(card.heading)}**", ""]
        out += [md_sentence(card.lead), ""] if card.lead else []
        out += [f"- {md_sentence(item)}" for item in card.items]  # bullets: no list numbers
        out += [f"- {md_escape(card.more)}"] if card.more else []
        out += [""] if card.items or card.more else []
    return out


def to_report_markdown(report: Report, *, layout: str | None = None) -> str:
    """The report as Markdown text, with the charts and the picture of the graph as SVG
    ``data:`` images.

    The interactive explorer is only in the HTML report.

    Parameters
    ----------
    report : Report
        What :func:`graph.build_report` computed.
    layout : {"network", "map"}, optional
        Where the picture places actors (default: the report's, ``build_report(layout=…)``).

    Returns
    -------
    str
        The Markdown text: a title, the dataset's notes, the key findings (central actors
        and why, the pair's arc and turning points, unbalanced triangles, blocs), what its
        ``dataset.toml`` says (description, sources, licence, author, date), then one ``##``
        section each for the summary, every actor's measures, relations over time, the
        pair, cooperation and conflict, blocs, and the graph.

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
    >>> [line for line in text.splitlines() if line.startswith("## ")][:3]
    ['## Key findings', '## About the data', '## Summary']
    """
    lines = [f"# {md_escape(report.title)}", ""]
    lines += [f"*{md_escape(n)}*" for n in report.dataset.notes]
    about = _about(report)
    lines += [
        "",
        f"*{md_escape(report.stats.measures.layer_note())}*",
        "",
        *_findings(report),
        *(["## About the data", "", *about] if about else []),
        *_summary(report.stats, sig),
        *measures_md(report),
        *time_md(report),
        *pair_md(report),
        *signed_md(report),
        *blocs_md(report),
        *graph_md(report, layout),
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
