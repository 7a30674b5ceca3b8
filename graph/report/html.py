"""The report as one self-contained HTML page, written as a briefing: the key findings first
(they fit the first screen), then the detail; inline CSS and SVG, nothing fetched.

Every string from the data is escaped (``html.escape``), in text and in attributes. Numbers
are shown at 3 significant figures; those taken from :func:`graph.analyze.stats` keep their
exact value (that of ``graph stats --format json``) in ``data-value``, with ``data-stat`` (a
dotted path into its ``to_dict()``) or ``data-node``/``data-measure``, so tests can check
them. The graph is an inline SVG picture (:func:`graph.render.picture.picture_svg`), shown
and printed without any script; the interactive explorer (:func:`graph.render.to_html`) is
one click away, in a closed ``<details>`` whose ``<iframe>`` keeps the page (escaped) in
``data-srcdoc`` until the details open (one ``ontoggle`` line, no data in it, makes it the
``srcdoc``), so the explorer loads only when asked for.
"""

from __future__ import annotations

from typing import Any

from ..analyze import MEASURES
from .briefing import Card, cards
from .html_detail import blocs_section, graph_section, pair_section, signed_section, time_section
from .htmlkit import bar, esc, family_colors, sentence_html, stat, table
from .model import Report
from .wording import clip, sig

__all__ = ["family_colors", "to_report_html"]

_CSS = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1120px;margin:0 auto;padding:8px 24px 40px}
h1{font-size:24px;margin:10px 0 2px}
h2{font-size:18px;margin:26px 0 8px;border-bottom:1px solid #ddd;padding-bottom:3px}
h3{font-size:14px;margin:0 0 6px}
p{margin:6px 0}
.lede{color:#555;margin:0 0 6px}
table{border-collapse:collapse;margin:6px 0 10px;background:#fff}
th,td{border:1px solid #e0e0e0;padding:2px 7px;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:#666}.small{font-size:12.5px}.turn{font-size:12px;font-weight:600;color:#8a5a00}.neg{color:#b2182b}.pos{color:#1b7837}
q{font-style:italic;quotes:"“" "”"}
.findings{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(480px,100%),1fr));
gap:10px 14px}
.finding{background:#fff;border:1px solid #e3e3e3;border-left:4px solid #4e79a7;
border-radius:6px;padding:8px 12px}
.finding ol,.finding ul{margin:0;padding-left:20px}.finding li{margin:2px 0}
#finding-pair{border-left-color:#1b7837}#finding-balance{border-left-color:#b2182b}
#finding-blocs{border-left-color:#b07aa1}
#about details{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:6px 12px;
margin-top:10px}
#about summary{cursor:pointer;color:#444}
#about dl{display:grid;grid-template-columns:max-content auto;gap:2px 14px;margin:6px 0}
#about dt{color:#555}#about dd{margin:0}#about ul{margin:0;padding-left:18px}
dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));
gap:3px 24px;margin:6px 0}
dl.figures div{display:flex;justify-content:space-between;gap:8px;border-bottom:1px dotted #ddd}
dl.figures dt{color:#555}dl.figures dd{margin:0;font-variant-numeric:tabular-nums;
text-align:right}
.counts{margin:4px 0}.counts b{font-weight:600;color:#444}
.scroll{max-width:100%;overflow-x:auto}
table.measures,table.wide{width:100%}table.measures{font-size:13px}
table.measures td.n{padding-left:4px;width:1%}
details.more>summary{cursor:pointer;color:#1f5f99;margin:4px 0}
.bar{display:inline-block;width:26px;height:7px;background:#e8edf3;margin-right:5px;
vertical-align:middle}
.bar i{display:block;height:100%;background:#4e79a7}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(440px,100%),1fr));
gap:4px 24px;align-items:start}.grid table{width:100%}
ul.lasting{columns:2 360px;margin:4px 0;padding-left:18px;font-size:13px}
ol.blocs{margin:4px 0;padding-left:22px}ol.blocs li{margin:3px 0}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px}
svg.chart{max-width:100%;height:auto}
svg.graph-picture{display:block;max-width:100%;height:auto;background:#fff;
border:1px solid #e3e3e3;border-radius:6px}
details.explorer{margin-top:8px}details.explorer summary{cursor:pointer;font-weight:600;
color:#1f5f99}
details.explorer iframe{width:100%;height:640px;border:1px solid #ddd;background:#fff;
margin-top:6px}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media (max-width:600px){main{padding:6px 12px 28px}h1{font-size:20px}
dl.figures{grid-template-columns:1fr}#about dl{grid-template-columns:1fr}
table{display:block;max-width:100%;overflow-x:auto}}
@media print{main{max-width:none;padding:0}.finding,tr,svg{break-inside:avoid}
details.explorer{display:none}details::details-content{content-visibility:visible;display:block}}
"""


def _card(card: Card) -> str:
    items = "".join(f"<li>{sentence_html(item)}</li>" for item in card.items)
    tag = "ol" if card.ordered else "ul"
    return (
        f'<div class="finding" id="finding-{card.key}"><h3>{sentence_html(card.heading)}</h3>'
        + (f"<p>{sentence_html(card.lead)}</p>" if card.lead else "")
        + (f"<{tag}>{items}</{tag}>" if items else "")
        + (f'<p class="muted">{esc(card.more)}</p>' if card.more else "")
        + "</div>"
    )


def _findings(report: Report) -> str:
    """The key findings (:func:`~graph.report.briefing.cards`), side by side on wide screens."""
    shown = "".join(_card(card) for card in cards(report))
    return (
        f'<section id="findings"><h2>Key findings</h2><div class="findings">{shown}</div></section>'
    )


def _lede(report: Report) -> str:
    """Under the title: actors, relations, dates; then which relations the measures count
    (layers, pair-sign rule, affiliations)."""
    s = report.stats.summary
    parts = [f"{s.nodes} actors", f"{s.edges} relations"]
    if s.dates.first:
        first, last = str(s.dates.first)[:4], str(s.dates.last)[:4]
        parts.append(first if first == last else f"{first}–{last}")
    notes = "".join(f" · {esc(n)}" for n in report.dataset.notes)
    layers = esc(report.stats.measures.layer_note())
    return (
        f'<p class="lede">{esc(" · ".join(parts))}{notes}</p>'
        f'<p class="lede layers" id="layers">{layers}</p>'
    )


def _about(report: Report) -> str:
    """What the dataset's ``dataset.toml`` says, folded: one line until opened."""
    meta = report.dataset.metadata
    sources = "".join(f"<li>{esc(s)}</li>" for s in meta.sources)
    facts = [
        ("Sources", f"<ul>{sources}</ul>" if sources else ""),
        ("Licence", esc(meta.licence)),
        ("Author", esc(meta.author)),
        ("Created", esc(meta.created.isoformat()) if meta.created else ""),
    ]
    items = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in facts if v)
    if not (meta.description or items):
        return ""
    line = clip(meta.description, 150) if meta.description else "sources, licence, author"
    description = f"<p>{esc(meta.description)}</p>" if meta.description else ""
    return (
        f'<section id="about"><details><summary><b>About the data</b> — {esc(line)}</summary>'
        f"{description}<dl>{items}</dl></details></section>"
    )


def _counts(title: str, path: str, counts: dict[str, int]) -> str:
    items = " · ".join(f"{esc(k)} {stat(f'{path}.{k}', v)}" for k, v in counts.items())
    return f'<p class="counts"><b>{esc(title)}:</b> {items}</p>'


def _summary(report: Report) -> str:
    s, g = report.stats.summary, report.stats.graph
    d, sign, comp = s.dates, s.edges_by_sign, g.components
    figures = [
        ("Actors", stat("nodes", s.nodes)),
        ("Relations", stat("edges", s.edges)),
        ("Linked pairs", stat("pairs", s.pairs)),
        (
            "Dates",
            f"{stat('dates.first', d.first)} to {stat('dates.last', d.last)}",
        ),
        ("Dated / undated", f"{stat('dates.dated', d.dated)} / {stat('dates.undated', d.undated)}"),
        (
            "Cooperative / neutral / conflictual",
            " / ".join(stat(f"edges_by_sign.{k}", v) for k, v in sign.to_dict().items()),
        ),
        ("Density (undirected)", stat("graph.density", g.density)),
        ("Density (directed)", stat("graph.density_directed", g.density_directed)),
        (
            "Components (largest, isolated)",
            f"{stat('graph.components.count', comp.count)} "
            f"({stat('graph.components.largest', comp.largest)}, "
            f"{stat('graph.components.isolated', comp.isolated)})",
        ),
        ("Strongly connected components", stat("graph.strong_components", g.strong_components)),
        ("Diameter (largest component)", stat("graph.diameter", g.diameter)),
        ("Average path length", stat("graph.average_path_length", g.average_path_length)),
        ("Reciprocity (directed)", stat("graph.reciprocity", g.reciprocity)),
        ("Assortativity by type", stat("graph.assortativity_by_type", g.assortativity_by_type)),
    ]
    items = "".join(f"<div><dt>{esc(k)}</dt><dd>{v}</dd></div>" for k, v in figures)
    return (
        f'<section id="summary"><h2>Summary</h2><dl class="figures">{items}</dl>'
        f"{_counts('Actors by type', 'nodes_by_type', s.nodes_by_type)}"
        f"{_counts('Relations by type', 'edges_by_type', s.edges_by_type)}"
        f"{_counts('Relations by family', 'edges_by_family', s.edges_by_family)}"
        "</section>"
    )


#: Column headings of the measures table.
HEADS = {
    "degree": "degree",
    "weighted_degree": "weighted",
    "positive_degree": "+",
    "negative_degree": "−",
    "pn": "PN",
    "betweenness": "betweenness",
    "closeness": "closeness",
    "eigenvector": "eigenvector",
    "pagerank": "PageRank",
}
#: The report table's measures and their meanings (in- and out-degree, net degree and
#: negative share are in ``graph stats --format json|csv``).
REPORT_MEASURES = {m: MEASURES[m] for m in HEADS}
#: A column's tooltip names the relations it counts.
_LAYER_TITLES = {
    "all": "all relations",
    "cooperative": "cooperative layer",
    "conflictual": "conflictual layer",
    "signed": "pair signs",
}
#: The measures table lists every actor up to this many, else the first this many (or
#: ``top``, if larger) by PageRank.
TABLE_ROWS = 30


def method_line(report: Report) -> str:
    """How the measures and blocs were computed: the engine, stated once, in the words of
    ``graph stats`` (:meth:`~graph.analyze.MeasureMethod.describe`)."""
    m, c = report.stats.measures, report.communities
    return (
        f"Measures on the aggregated graph (one link per pair): {m.describe()}. "
        f"Blocs: networkx Louvain on the cooperative relations, seed {c.seed}."
    )


def _measures(report: Report) -> str:
    """All actors' measures side by side, at 3 significant figures, with inline bars."""
    records = report.stats.node_records()
    shown = records[: max(TABLE_ROWS, report.top)] if len(records) > TABLE_ROWS else records
    katz = report.stats.measures.eigenvector == "katz"
    heads = {**HEADS, **({"eigenvector": "Katz"} if katz else {})}
    peaks = {m: max((float(r[m] or 0) for r in records), default=0.0) for m in REPORT_MEASURES}

    def cell(r: dict[str, Any], m: str) -> str:
        value = r[m]
        share = float(value or 0) / peaks[m] if peaks[m] > 0 else 0.0
        exact = "" if value is None else str(value)
        return (
            f'{bar(share)}<span data-node="{esc(r["id"])}" data-measure="{m}" '
            f'data-value="{esc(exact)}">{esc(sig(value))}</span>'
        )

    rows = [
        [str(i), esc(r["label"]), esc(r["type"]), *(cell(r, m) for m in REPORT_MEASURES)]
        for i, r in enumerate(shown, 1)
    ]
    numeric = {0, *range(3, 3 + len(REPORT_MEASURES))}
    layers = report.stats.measures.layers
    titles = [
        "rank by PageRank",
        "",
        "",
        *(f"{d} ({_LAYER_TITLES.get(layers.get(m, ''), '')})" for m, d in REPORT_MEASURES.items()),
    ]
    grid = table(
        ["#", "actor", "type", *(heads[m] for m in REPORT_MEASURES)],
        rows,
        numeric,
        cls="measures",
        titles=titles,
    )
    more = (
        f'<p class="muted">The first {len(shown)} of {len(records)} actors by PageRank; '
        "graph stats --format csv lists them all.</p>"
        if len(shown) < len(records)
        else ""
    )
    meanings = " · ".join(f"<b>{esc(heads[m])}</b>: {esc(d)}" for m, d in REPORT_MEASURES.items())
    return (
        '<section id="centrality"><h2>Who is central: every measure</h2>'
        f'<p class="muted">{esc(method_line(report))} '
        "Layers as stated under the title (hover a column for its own). "
        "Ranked by PageRank; bars are shares of "
        f'each column\'s largest value.</p><div class="scroll">{grid}</div>{more}'
        f'<p class="muted small">{meanings}</p></section>'
    )


def to_report_html(report: Report, *, interactive: bool = True, layout: str | None = None) -> str:
    """The report as a complete, offline HTML page.

    Parameters
    ----------
    report : Report
        What :func:`graph.build_report` computed.
    interactive : bool, default True
        Keep the interactive explorer (:func:`graph.render.to_html`) one click away, in a
        closed ``<details>``; the inline SVG picture of the graph is there either way.
    layout : {"network", "map"}, optional
        Where the picture places actors (default: the report's, ``build_report(layout=…)``).

    Returns
    -------
    str
        The page: the title and a line of counts, the key findings (central actors and
        why, the pair's arc and turning points, unbalanced triangles, blocs), what the
        dataset is (its ``dataset.toml``, folded), then the detail: summary, every actor's
        measures in one table, relations over time, the pair, cooperation and conflict,
        blocs, and the graph; it needs no network.

    See Also
    --------
    write_report : Write it to a file.
    to_report_markdown : The same report as Markdown.

    Examples
    --------
    A report on the relations in force since 2021, without the interactive explorer:

    >>> report = graph.build_report(ds.filter(start="2021"), top=3)
    >>> page = graph.to_report_html(report, interactive=False)
    >>> page.startswith("<!DOCTYPE html>"), "<iframe" in page, 'class="graph-picture"' in page
    (True, False, True)
    """
    body = (
        f"<h1>{esc(report.title)}</h1>{_lede(report)}{_findings(report)}{_about(report)}"
        f"{_summary(report)}{_measures(report)}{time_section(report)}{pair_section(report)}"
        f"{signed_section(report)}{blocs_section(report)}"
        f"{graph_section(report, interactive=interactive, layout=layout)}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(report.title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )
