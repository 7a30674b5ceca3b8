"""The Markdown report's detail sections: every actor's measures, relations over time, the
pair, cooperation and conflict, blocs, and the picture of the graph; as the HTML report's.

Every text from the data goes through :func:`~graph.report.mdkit.md_escape`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..text import plural
from .balance_words import balance_lines, camp_lines, frustrated_lines, inside_lines
from .findings import LOW_MODULARITY
from .html import HEADS, REPORT_MEASURES, TABLE_ROWS, method_line
from .html_detail import (
    BLOCS_SHOWN,
    CHART_HEIGHT,
    LASTING_SHOWN,
    MEMBERS_SHOWN,
    TRIADS_SHOWN,
    lasting_note,
    one_period_line,
    pair_period_line,
)
from .htmlkit import family_colors
from .mdkit import direction, image, markdown_table, md_escape
from .model import Report
from .svg import graph_picture, stacked_columns, trend_chart
from .wording import sig

__all__ = ["blocs_md", "graph_md", "measures_md", "pair_md", "signed_md", "time_md"]


def measures_md(report: Report) -> list[str]:
    """Every actor's measures in one table, at 3 significant figures."""
    records = report.stats.node_records()
    shown = records[: max(TABLE_ROWS, report.top)] if len(records) > TABLE_ROWS else records
    heads = {
        **HEADS,
        **({"eigenvector": "Katz"} if report.stats.measures.eigenvector == "katz" else {}),
    }
    rows = [
        [i, r["label"], r["type"], *(sig(r[m]) for m in REPORT_MEASURES)]
        for i, r in enumerate(shown, 1)
    ]
    out = [
        "## Who is central: every measure",
        "",
        f"{md_escape(method_line(report))} Ranked by PageRank.",
        "",
        markdown_table(
            ["#", "actor", "type", *(heads[m] for m in REPORT_MEASURES)],
            rows,
            {0, *range(3, 3 + len(REPORT_MEASURES))},
        ),
        "",
    ]
    if len(shown) < len(records):
        out += [
            f"The first {len(shown)} of {len(records)} actors by PageRank; graph stats "
            "--format csv lists them all.",
            "",
        ]
    out += [f"- **{md_escape(heads[m])}**: {md_escape(d)}" for m, d in REPORT_MEASURES.items()]
    return [*out, ""]


def time_md(report: Report) -> list[str]:
    """Relations in force per period by family (chart), long-lasting ones listed apart."""
    table, period = report.by_period, report.options["period"]
    out = ["## Relations over time", ""]
    if table.empty and report.lasting.empty:
        return [*out, "No dated relation.", ""]
    if len(table) == 1:
        out += [md_escape(one_period_line(report)), ""]
    elif not table.empty:
        title = f"Relations in force per {period}, by family (long-lasting ones apart)"
        chart = stacked_columns(
            table.index.tolist(),
            {c: table[c].tolist() for c in table.columns},
            colors=family_colors(report),
            title=title,
            height=CHART_HEIGHT,
        )
        out += [image(chart, title), ""]
    lasting, labels = report.lasting, report.labels
    if lasting.empty:
        return out
    out += [md_escape(lasting_note(report)), ""]
    for r in lasting.head(LASTING_SHOWN).to_dict("records"):
        span = f"{r['date']} to {r['end_date']}" if r["end_date"] else f"from {r['date']}"
        years = f" ({float(r['years']):.0f} years)" if float(r["years"]) >= 1.5 else ""
        pair = direction(
            labels.get(r["source"], r["source"]), labels.get(r["target"], r["target"]), False
        )
        out.append(f"- {pair}: {md_escape(r['type'])}, {md_escape(span)}{years}")
    if len(lasting) > LASTING_SHOWN:
        out.append(f"- … and {len(lasting) - LASTING_SHOWN} more")
    return [*out, ""]


def pair_md(report: Report) -> list[str]:
    """The pair's trend chart and its relations with their evidence."""
    if report.pair is None:
        return []
    labels = report.labels
    a, b = (labels.get(x, x) for x in report.pair)
    out = [f"## {md_escape(a)} – {md_escape(b)} over time", ""]
    note = report.pair_note
    if report.pair_timeline.empty:
        return [*out, md_escape(note), ""]
    if note:
        out += [md_escape(note), ""]
    elif len(report.trend) == 1:
        out += [md_escape(pair_period_line(report)), ""]
    else:
        title = f"{a} – {b}: net relation (Σ weight × sign) per {report.options['period']}"
        chart = trend_chart(
            report.trend["period"].tolist(),
            report.trend["score"].tolist(),
            title=title,
            fmt=sig,
            height=CHART_HEIGHT,
        )
        out += [image(chart, title), ""]
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
    return [
        *out,
        markdown_table(["date", "relation", "direction", "sign", "evidence"], events, {3}, {2}),
        "",
    ]


def _pairs(report: Report, frame: pd.DataFrame) -> str:
    labels = report.labels
    rows: list[list[Any]] = [
        [
            labels.get(r["source"], r["source"]),
            labels.get(r["target"], r["target"]),
            r["relations"],
            r["cooperative"],
            r["conflictual"],
            sig(float(r["score"])),
        ]
        for r in frame.to_dict("records")
    ]
    return markdown_table(
        ["actor", "actor", "relations", "cooperative", "conflictual", "score"], rows, {2, 3, 4, 5}
    )


def signed_md(report: Report) -> list[str]:
    """Most cooperative and most hostile pairs, and structural balance."""
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
        for r in bal.unbalanced_triads.head(TRIADS_SHOWN).to_dict("records")
    ]
    if triads:
        out += [markdown_table(["a", "b", "c", "a–b", "b–c", "a–c"], triads), ""]
    if len(bal.unbalanced_triads) > len(triads):
        out += [f"… and {len(bal.unbalanced_triads) - len(triads)} more.", ""]
    if report.signed is not None:
        out += [md_escape(line) + "\n" for line in balance_lines(report)]
        ties = frustrated_lines(report)
        if ties:
            out += ["#### Frustrated ties", "", *(f"- {md_escape(t)}" for t in ties), ""]
        camps = camp_lines(report)
        if camps:
            out += ["#### Two camps (the partition of the frustration index)", ""]
            out += [*(f"- {md_escape(c)}" for c in camps), ""]
    return out


def blocs_md(report: Report) -> list[str]:
    """The blocs, each with its members and cooperative ties; a caveat if they are loose."""
    c, labels, blocs = report.communities, report.labels, report.findings.blocs
    out = [
        "## Blocs (communities of cooperative ties)",
        "",
        f"Louvain on the cooperative relations, seed {c.seed}; modularity "
        f"{c.modularity:.3f}. Actors without a cooperative tie are in none.",
        "",
    ]
    if blocs and c.modularity < LOW_MODULARITY:
        out += [
            f"**Caveat:** modularity {c.modularity:.3f} is low (under {LOW_MODULARITY}): these "
            "blocs are loose, with many ties between them; read them as leanings, not camps.",
            "",
        ]
    for bloc in blocs[:BLOCS_SHOWN]:
        names = ", ".join(md_escape(labels.get(m, m)) for m in bloc.members[:MEMBERS_SHOWN])
        extra = len(bloc.members) - MEMBERS_SHOWN
        out.append(
            f"- **Bloc {bloc.number}** · {plural(len(bloc.members), 'actor')} · "
            f"{plural(bloc.ties, 'cooperative tie')}: {names}"
            + (f" and {extra} more" if extra > 0 else "")
        )
    rest = blocs[BLOCS_SHOWN:]
    if rest:
        out.append(
            f"- … and {plural(len(rest), 'smaller bloc')} "
            f"({sum(len(b.members) for b in rest)} actors)"
        )
    inside = inside_lines(report)
    if inside:
        out += [
            "",
            "Conflict inside blocs (Louvain reads only cooperative ties, so a bloc may hold "
            "rivals):",
            "",
            *(f"- {md_escape(line)}" for line in inside),
        ]
    return [*out, ""] if blocs else [*out, "No bloc.", ""]


def graph_md(report: Report, layout: str | None = None) -> list[str]:
    """The picture of the graph (the HTML report's SVG) as a ``data:`` image."""
    chosen = layout or str(report.options.get("layout", "network"))
    alt = "The graph: actors sized by degree, coloured by bloc"
    return [
        "## The graph",
        "",
        image(graph_picture(report.dataset, layout=chosen), alt),
        "",
        "The interactive explorer is in the HTML report.",
        "",
    ]
