"""The report as one self-contained HTML page: inline CSS and SVG charts, nothing fetched.

Every string from the data is escaped (``html.escape``), in text and in attributes. Numbers
taken from :func:`graph.analyze.stats` carry ``data-stat`` (a dotted path into its ``to_dict()``) or
``data-node``/``data-measure`` attributes, so tests can check them against ``graph stats
--format json``. The interactive graph is :func:`graph.render.to_html` in an ``<iframe
srcdoc>``.
"""

from __future__ import annotations

from html import escape
from typing import Any

import pandas as pd

from ..analyze import MEASURES
from ..render import notebook_html, to_html
from ..text import num, plural
from .model import Report
from .svg import bar_chart, stacked_columns, trend_chart
from .svg import family_colors as _palette

__all__ = ["family_colors", "to_report_html"]

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:24px;margin:12px 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid
#ddd;padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
table{border-collapse:collapse;margin:6px 0 12px;background:#fff}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(460px,100%),1fr));
gap:12px 24px;align-items:start}
.card{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:8px 12px;
overflow-x:auto}
.muted{color:#666}.quote{font-style:italic}.neg{color:#b2182b}.pos{color:#1b7837}
dl.figures{display:grid;grid-template-columns:max-content auto;gap:2px 16px}
dl.figures dt{color:#555}dl.figures dd{margin:0;font-variant-numeric:tabular-nums}
#about p{max-width:80ch}#about ul{margin:0;padding-left:18px}
iframe{width:100%;height:640px;border:1px solid #ddd;background:#fff}
svg.chart{max-width:100%;height:auto}
@media (max-width:600px){main{padding:12px 12px 32px}dl.figures{grid-template-columns:1fr;gap:0}
dl.figures dd{margin-bottom:6px}table{display:block;max-width:100%;overflow-x:auto}}
"""


def family_colors(report: Report) -> dict[str, str]:
    """Each relation family's colour in the report's charts: a fixed, distinct colour per
    family in vocabulary family order (:func:`graph.report.svg.family_colors`), not the
    colour of any relation type, so that similar type colours never merge two families.
    """
    families = [*report.dataset.vocabulary.families, *map(str, report.by_period.columns)]
    return _palette(families)


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _stat(path: str, value: Any) -> str:
    return f'<span data-stat="{_e(path)}">{_e(num(value))}</span>'


def _table(head: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    cls = [' class="n"' if i in numeric else "" for i in range(len(head))]
    th = "".join(f"<th{cls[i]}>{_e(h)}</th>" for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(f"<td{cls[i]}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _counts(title: str, path: str, counts: dict[str, int]) -> str:
    rows = [[_e(k), _stat(f"{path}.{k}", v)] for k, v in counts.items()]
    return f'<div class="card"><h3>{_e(title)}</h3>{_table(["", "count"], rows, {1})}</div>'


def _about(report: Report) -> str:
    """What the dataset's ``dataset.toml`` says: description, sources, licence, author, date."""
    meta = report.dataset.metadata
    description = f"<p>{_e(meta.description)}</p>" if meta.description else ""
    sources = "".join(f"<li>{_e(s)}</li>" for s in meta.sources)
    facts = [
        ("Sources", f"<ul>{sources}</ul>" if sources else ""),
        ("Licence", _e(meta.licence)),
        ("Author", _e(meta.author)),
        ("Created", _e(meta.created.isoformat()) if meta.created else ""),
    ]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in facts if v)
    if not (description or items):
        return ""
    figures = f'<dl class="figures">{items}</dl>' if items else ""
    return f'<section id="about">{description}{figures}</section>'


def _summary(report: Report) -> str:
    s, g = report.stats.summary, report.stats.graph
    d, sign, comp = s.dates, s.edges_by_sign, g.components
    figures = [
        ("Actors", _stat("nodes", s.nodes)),
        ("Relations", _stat("edges", s.edges)),
        ("Linked pairs", _stat("pairs", s.pairs)),
        (
            "Dates",
            f"{_stat('dates.first', d.first)} to {_stat('dates.last', d.last)} "
            f"({_stat('dates.dated', d.dated)} dated, "
            f"{_stat('dates.undated', d.undated)} undated)",
        ),
        (
            "Cooperative / neutral / conflictual",
            " / ".join(_stat(f"edges_by_sign.{k}", v) for k, v in sign.to_dict().items()),
        ),
        ("Density (undirected)", _stat("graph.density", g.density)),
        ("Density (directed)", _stat("graph.density_directed", g.density_directed)),
        (
            "Components",
            f"{_stat('graph.components.count', comp.count)} (largest "
            f"{_stat('graph.components.largest', comp.largest)}, isolated "
            f"{_stat('graph.components.isolated', comp.isolated)})",
        ),
        ("Strongly connected components", _stat("graph.strong_components", g.strong_components)),
        ("Diameter (largest component)", _stat("graph.diameter", g.diameter)),
        (
            "Average path length (largest component)",
            _stat("graph.average_path_length", g.average_path_length),
        ),
        ("Reciprocity of directed relations", _stat("graph.reciprocity", g.reciprocity)),
        (
            "Assortativity by actor type",
            _stat("graph.assortativity_by_type", g.assortativity_by_type),
        ),
    ]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in figures)
    return (
        f'<section id="summary"><h2>Summary</h2><dl class="figures">{items}</dl>'
        f'<div class="grid">{_counts("Actors by type", "nodes_by_type", s.nodes_by_type)}'
        f"{_counts('Relations by type', 'edges_by_type', s.edges_by_type)}"
        f"{_counts('Relations by family', 'edges_by_family', s.edges_by_family)}</div>"
        "</section>"
    )


def _method(report: Report) -> str:
    m = report.stats.measures
    view = "directed" if m.directed else "undirected"
    parts = [f"Measures on the {view} aggregated graph (one link per pair), engine {_e(m.engine)}."]
    if m.sample:
        parts.append(
            f"Betweenness is estimated from {_e(m.sample)} pivot nodes "
            f"(seed {_e(m.seed)}), not exact."
        )
    if m.eigenvector == "katz":
        alpha = _stat("measures.katz_alpha", m.katz_alpha)
        parts.append(
            "Eigenvector centrality is undefined on this graph (not strongly "
            f"connected); the eigenvector column is Katz centrality (α = {alpha})."
        )
    return f'<p class="muted">{" ".join(parts)}</p>'


def _centrality(report: Report) -> str:
    cards = []
    for measure, meaning in MEASURES.items():
        leaders = report.leaders[measure]
        chart = bar_chart(
            [r["label"] for r in leaders],
            [r[measure] or 0 for r in leaders],
            title=f"Top {len(leaders)} by {measure.replace('_', ' ')}",
            fmt=num,
        )
        rows = [
            [
                str(i),
                _e(r["label"]),
                _e(r["type"]),
                f'<span data-node="{_e(r["id"])}" data-measure="{measure}">'
                f"{_e(num(r[measure]))}</span>",
            ]
            for i, r in enumerate(leaders, 1)
        ]
        cards.append(
            f'<div class="card" id="measure-{measure}"><h3>{_e(measure.replace("_", " "))}</h3>'
            f'<p class="muted">{_e(meaning)}</p>{chart}'
            f"{_table(['#', 'actor', 'type', measure], rows, {0, 3})}</div>"
        )
    return (
        f'<section id="centrality"><h2>Who is central</h2>{_method(report)}'
        f'<div class="grid">{"".join(cards)}</div></section>'
    )


def _time(report: Report) -> str:
    table = report.by_period
    if table.empty:
        return '<section id="time"><h2>Relations over time</h2><p>No dated relation.</p></section>'
    colors = family_colors(report)
    series = {c: table[c].tolist() for c in table.columns}
    chart = stacked_columns(
        table.index.tolist(),
        series,
        colors=colors,
        title=f"Relations in force per {report.options['period']}, by family",
    )
    return f'<section id="time"><h2>Relations over time</h2>{chart}</section>'


def _pair(report: Report) -> str:
    if report.pair is None:
        return ""
    labels = report.labels
    a, b = (labels.get(x, x) for x in report.pair)
    head = f'<section id="pair"><h2>{_e(a)} – {_e(b)} over time</h2>'
    note = report.pair_note
    if report.pair_timeline.empty:
        return f'{head}<p class="muted">{_e(note)}</p></section>'
    trend = report.trend
    chart = (
        f'<p class="muted">{_e(note)}</p>'
        if note
        else trend_chart(
            trend["period"].tolist(),
            trend["score"].tolist(),
            title=f"{a} – {b}: net relation (Σ weight × sign) per {report.options['period']}",
            fmt=num,
        )
    )
    rows = [
        [
            _e(r["date"]) + (f" – {_e(r['end_date'])}" if r["end_date"] else ""),
            _e(r["type"]),
            _e(labels.get(r["source"], r["source"]))
            + (" → " if r["directed"] else " – ")
            + _e(labels.get(r["target"], r["target"])),
            f'<span class="{"pos" if r["sign"] > 0 else "neg" if r["sign"] < 0 else ""}">'
            f"{r['sign']:+d}</span>",
            _e(r["description"])
            + (f'<br><span class="quote">“{_e(r["evidence"])}”</span>' if r["evidence"] else "")
            + (f'<br><span class="muted">{_e(r["citation"])}</span>' if r["citation"] else ""),
        ]
        for r in report.pair_timeline.to_dict("records")
    ]
    return (
        f"{head}{chart}"
        f"{_table(['date', 'relation', 'direction', 'sign', 'evidence'], rows, {3})}"
        "</section>"
    )


def _pairs_table(report: Report, frame: pd.DataFrame) -> str:
    labels = report.labels
    rows = [
        [
            _e(labels.get(r["source"], r["source"])),
            _e(labels.get(r["target"], r["target"])),
            str(r["relations"]),
            str(r["cooperative"]),
            str(r["conflictual"]),
            _e(num(float(r["score"]))),
        ]
        for r in frame.to_dict("records")
    ]
    return _table(["actor", "actor", "relations", "+", "−", "score"], rows, {2, 3, 4, 5})


def _signed(report: Report) -> str:
    scores, top = report.scores, report.top
    hostile = scores[scores["score"] < 0].head(top)
    friendly = (
        scores[scores["score"] > 0].sort_values("score", ascending=False, kind="stable").head(top)
    )
    bal = report.balance
    labels = report.labels
    triads = [
        [_e(labels.get(r[k], r[k])) for k in ("a", "b", "c")]
        + [f"{r['ab']:+d}", f"{r['bc']:+d}", f"{r['ac']:+d}"]
        for r in bal.unbalanced_triads.head(100).to_dict("records")
    ]
    more = len(bal.unbalanced_triads) - len(triads)
    ratio = "–" if bal.ratio is None else f"{bal.ratio:.1%}"
    return (
        '<section id="signed"><h2>Cooperation and conflict</h2>'
        '<p class="muted">Score of a pair: the sum of weight × sign of all its relations; '
        "+ and − count its cooperative and conflictual relations.</p>"
        f'<div class="grid"><div class="card"><h3>Most cooperative pairs</h3>'
        f'{_pairs_table(report, friendly)}</div><div class="card"><h3>Most hostile pairs</h3>'
        f"{_pairs_table(report, hostile)}</div></div>"
        f"<h3>Structural balance</h3><p>{plural(bal.triads, 'signed triangle')}: "
        f"{bal.balanced} balanced, {bal.unbalanced} unbalanced ({ratio} balanced). "
        "A triangle is balanced when the product of its three signs is positive.</p>"
        + (_table(["a", "b", "c", "a–b", "b–c", "a–c"], triads) if triads else "")
        + (f'<p class="muted">… and {more} more.</p>' if more > 0 else "")
        + "</section>"
    )


def _communities(report: Report) -> str:
    c = report.communities
    labels = report.labels
    rows = [
        [str(g["community"]), str(g["size"]), ", ".join(_e(labels.get(m, m)) for m in g["members"])]
        for g in c.groups()
    ]
    return (
        '<section id="communities"><h2>Blocs (communities of cooperative ties)</h2>'
        f'<p class="muted">Louvain on the cooperative relations, seed {c.seed}; modularity '
        f"{c.modularity:.3f}. Actors without a cooperative tie are in none.</p>"
        f"{_table(['community', 'size', 'members'], rows, {0, 1})}</section>"
    )


def _graph(report: Report) -> str:
    frame = notebook_html(to_html(report.dataset), height=640)
    return f'<section id="graph"><h2>The graph</h2>{frame}</section>'


def to_report_html(report: Report, *, interactive: bool = True) -> str:
    """The report as a complete, offline HTML page.

    Parameters
    ----------
    report : Report
        What :func:`graph.build_report` computed.
    interactive : bool, default True
        Embed the interactive graph (:func:`graph.render.to_html`) in an iframe.

    Returns
    -------
    str
        The page: what the dataset is (its ``dataset.toml``: description, sources, licence,
        author, date), summary, central actors, relations over time, the chosen pair's
        trend, cooperation and conflict, and blocs; it needs no network.

    See Also
    --------
    write_report : Write it to a file.
    to_report_markdown : The same report as Markdown.

    Examples
    --------
    A report on the relations in force since 2021, without the interactive graph:

    >>> report = graph.build_report(ds.filter(start="2021"), top=3)
    >>> page = graph.to_report_html(report, interactive=False)
    >>> page.startswith("<!DOCTYPE html>"), "<iframe" in page
    (True, False)
    """
    notes = "".join(f'<p class="muted">{_e(n)}</p>' for n in report.dataset.notes)
    body = (
        f"<h1>{_e(report.title)}</h1>{notes}{_about(report)}{_summary(report)}"
        f"{_centrality(report)}"
        f"{_time(report)}{_pair(report)}{_signed(report)}{_communities(report)}"
        + (_graph(report) if interactive else "")
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(report.title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}</main></body></html>\n"
    )
