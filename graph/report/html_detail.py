"""The HTML report's detail sections, after the findings: relations over time, the pair,
cooperation and conflict, blocs, and the graph (inline SVG picture, explorer one click away).

Every string from the data is escaped (:func:`~graph.report.htmlkit.esc`).
"""

from __future__ import annotations

from html import escape

import pandas as pd

from ..render import to_html
from ..render.styles import COMMUNITY_COLORS
from ..text import plural
from .balance_words import balance_lines, camp_lines, frustrated_lines, inside_lines
from .findings import LOW_MODULARITY
from .htmlkit import esc, family_colors, table
from .model import LASTING_YEARS, STRUCTURAL, Report
from .svg import graph_picture, stacked_columns, trend_chart
from .wording import sig, signed

__all__ = ["blocs_section", "graph_section", "pair_section", "signed_section", "time_section"]

#: Height of the time charts (px).
CHART_HEIGHT = 190
#: The pair's relations are shown open up to this many; more are folded (open on a click,
#: and in print).
EVENTS_OPEN = 6
#: Long-lasting relations listed by name (the rest are counted).
LASTING_SHOWN = 8
#: Unbalanced triangles listed in the table (the rest are counted).
TRIADS_SHOWN = 10
#: Blocs listed, and members named per bloc (the rest are counted).
BLOCS_SHOWN = 10
MEMBERS_SHOWN = 15


def _years(years: float) -> str:
    return f" ({years:.0f} years)" if years >= 1.5 else ""


def lasting_note(report: Report) -> str:
    """What was left out of the relations-over-time chart, and the rule."""
    lasting = report.lasting
    member = int((lasting["family"] == STRUCTURAL).sum())
    return (
        f"Left out of the chart: {plural(len(lasting), 'long-lasting relation')}, those of the "
        f"{STRUCTURAL} family (memberships, offices, leadership: {member}) and those in force "
        f"more than {LASTING_YEARS} years ({len(lasting) - member}); counted in every "
        f"{report.options['period']} they span, they would hide the events."
    )


def _lasting(report: Report) -> str:
    lasting, labels = report.lasting, report.labels
    if lasting.empty:
        return ""
    items = "".join(
        f"<li>{esc(labels.get(r['source'], r['source']))} – "
        f"{esc(labels.get(r['target'], r['target']))}: {esc(r['type'])}, "
        + (
            f"{esc(r['date'])} to {esc(r['end_date'])}"
            if r["end_date"]
            else f"from {esc(r['date'])}"
        )
        + f"{_years(float(r['years']))}</li>"
        for r in lasting.head(LASTING_SHOWN).to_dict("records")
    )
    more = len(lasting) - LASTING_SHOWN
    return f'<p class="muted">{esc(lasting_note(report))}</p><ul class="lasting">{items}</ul>' + (
        f'<p class="muted">… and {more} more.</p>' if more > 0 else ""
    )


def one_period_line(report: Report) -> str:
    """The relations per family when they all fall in one period (a chart of one column
    says less than this line)."""
    table_ = report.by_period
    counts = " · ".join(f"{c} {int(table_[c].iloc[0])}" for c in table_.columns)
    return (
        f"All charted relations are in force in one {report.options['period']}, "
        f"{table_.index[0]}: {counts}."
    )


def pair_period_line(report: Report) -> str:
    """The pair's net relation when it has one period only."""
    row = report.trend.iloc[0]
    return (
        f"One {report.options['period']}, {row['period']}: net {signed(float(row['score']))} "
        f"from {plural(int(row['relations']), 'relation')}."
    )


def time_section(report: Report) -> str:
    """Relations in force per period by family, long-lasting ones apart."""
    table_, period = report.by_period, report.options["period"]
    if table_.empty:
        chart = "<p>No dated relation.</p>" if report.lasting.empty else ""
    elif len(table_) == 1:
        chart = f"<p>{esc(one_period_line(report))}</p>"
    else:
        chart = stacked_columns(
            table_.index.tolist(),
            {c: table_[c].tolist() for c in table_.columns},
            colors=family_colors(report),
            title=f"Relations in force per {period}, by family (long-lasting ones apart)",
            height=CHART_HEIGHT,
        )
    return f'<section id="time"><h2>Relations over time</h2>{chart}{_lasting(report)}</section>'


def _sign(value: int) -> str:
    cls = "pos" if value > 0 else "neg" if value < 0 else ""
    return f'<span class="{cls}">{value:+d}</span>'


def pair_section(report: Report) -> str:
    """The pair's trend chart and its relations with their evidence."""
    if report.pair is None:
        return ""
    labels = report.labels
    a, b = (labels.get(x, x) for x in report.pair)
    head = f'<section id="pair"><h2>{esc(a)} – {esc(b)} over time</h2>'
    note = report.pair_note
    if report.pair_timeline.empty:
        return f'{head}<p class="muted">{esc(note)}</p></section>'
    trend = report.trend
    chart = (
        f'<p class="muted">{esc(note)}</p>'
        if note
        else f"<p>{esc(pair_period_line(report))}</p>"
        if len(trend) == 1
        else trend_chart(
            trend["period"].tolist(),
            trend["score"].tolist(),
            title=f"{a} – {b}: net relation (Σ weight × sign) per {report.options['period']}",
            fmt=sig,
            height=CHART_HEIGHT,
        )
    )
    turns = {(t.date, t.type) for t in report.findings.turns}
    rows = [
        [
            esc(r["date"])
            + (f" – {esc(r['end_date'])}" if r["end_date"] else "")
            + (
                '<br><span class="turn">turning point</span>'
                if (r["date"], r["type"]) in turns
                else ""
            ),
            esc(r["type"]),
            esc(labels.get(r["source"], r["source"]))
            + (" → " if r["directed"] else " – ")
            + esc(labels.get(r["target"], r["target"])),
            _sign(int(r["sign"])),
            esc(r["description"])
            + (f"<br><q>{esc(r['evidence'])}</q>" if r["evidence"] else "")
            + (f'<br><span class="muted">{esc(r["citation"])}</span>' if r["citation"] else ""),
        ]
        for r in report.pair_timeline.to_dict("records")
    ]
    events = table(["date", "relation", "direction", "sign", "evidence"], rows, {3}, cls="wide")
    count = len(rows)
    return (
        f'{head}{chart}<details class="more"{" open" if count <= EVENTS_OPEN else ""}><summary>'
        f"{esc(plural(count, 'relation'))} of {esc(a)} – {esc(b)}, with their evidence and "
        f"sources</summary>{events}</details></section>"
    )


def _pairs_table(report: Report, frame: pd.DataFrame) -> str:
    labels = report.labels
    rows = [
        [
            esc(labels.get(r["source"], r["source"])),
            esc(labels.get(r["target"], r["target"])),
            str(r["relations"]),
            str(r["cooperative"]),
            str(r["conflictual"]),
            esc(sig(float(r["score"]))),
        ]
        for r in frame.to_dict("records")
    ]
    return table(["actor", "actor", "relations", "+", "−", "score"], rows, {2, 3, 4, 5})


def signed_section(report: Report) -> str:
    """Most cooperative and most hostile pairs, and structural balance."""
    scores, top = report.scores, report.top
    hostile = scores[scores["score"] < 0].head(top)
    friendly = (
        scores[scores["score"] > 0].sort_values("score", ascending=False, kind="stable").head(top)
    )
    bal, labels = report.balance, report.labels
    triads = [
        [esc(labels.get(r[k], r[k])) for k in ("a", "b", "c")]
        + [_sign(int(r["ab"])), _sign(int(r["bc"])), _sign(int(r["ac"]))]
        for r in bal.unbalanced_triads.head(TRIADS_SHOWN).to_dict("records")
    ]
    more = len(bal.unbalanced_triads) - len(triads)
    ratio = "–" if bal.ratio is None else f"{bal.ratio:.1%}"
    return (
        '<section id="signed"><h2>Cooperation and conflict</h2>'
        '<p class="muted">Score of a pair: the sum of weight × sign of all its relations; '
        "+ and − count its cooperative and conflictual relations.</p>"
        '<div class="grid"><div><h3>Most cooperative pairs</h3>'
        f"{_pairs_table(report, friendly)}</div><div><h3>Most hostile pairs</h3>"
        f"{_pairs_table(report, hostile)}</div></div>"
        f"<h3>Structural balance</h3><p>{plural(bal.triads, 'signed triangle')}: "
        f"{bal.balanced} balanced, {bal.unbalanced} unbalanced ({ratio} balanced). "
        "A triangle is balanced when the product of its three signs is positive.</p>"
        + (table(["a", "b", "c", "a–b", "b–c", "a–c"], triads, {3, 4, 5}) if triads else "")
        + (f'<p class="muted">… and {more} more.</p>' if more > 0 else "")
        + _balance_measures(report)
        + "</section>"
    )


def _balance_measures(report: Report) -> str:
    """The census against the null model, walk balance, the frustration index, the frustrated
    ties by name and the two camps (:mod:`graph.report.balance_words`)."""
    if report.signed is None:
        return ""
    sentences = "".join(f"<p>{esc(line)}</p>" for line in balance_lines(report))
    ties = "".join(f"<li>{esc(line)}</li>" for line in frustrated_lines(report))
    camps = "".join(f"<li>{esc(line)}</li>" for line in camp_lines(report))
    f = report.signed.frustration
    summary = (
        f"frustration index {f.index} of {report.signed.pairs} signed ties; the null model, "
        "walk balance, frustrated ties and the two camps"
    )
    return (
        f'<details id="balance-measures"><summary><b>Balance measures</b> — {esc(summary)}'
        f"</summary>{sentences}"
        + (f"<h3>Frustrated ties</h3><ul>{ties}</ul>" if ties else "")
        + (
            f"<h3>Two camps (the partition of the frustration index)</h3><ul>{camps}</ul>"
            if camps
            else ""
        )
        + "</details>"
    )


def blocs_section(report: Report) -> str:
    """The blocs, each with its members and cooperative ties, and its colour in the picture
    of the graph; a caveat if they are loose."""
    c, labels, blocs = report.communities, report.labels, report.findings.blocs
    items = []
    for bloc in blocs[:BLOCS_SHOWN]:
        names = ", ".join(esc(labels.get(m, m)) for m in bloc.members[:MEMBERS_SHOWN])
        extra = len(bloc.members) - MEMBERS_SHOWN
        color = COMMUNITY_COLORS[bloc.number - 1] if bloc.number <= len(COMMUNITY_COLORS) else ""
        swatch = f'<span class="swatch" style="background:{color}"></span>' if color else ""
        items.append(
            f"<li>{swatch}<b>Bloc {bloc.number}</b> · {plural(len(bloc.members), 'actor')} · "
            f"{plural(bloc.ties, 'cooperative tie')}: {names}"
            + (f" and {extra} more" if extra > 0 else "")
            + "</li>"
        )
    rest = blocs[BLOCS_SHOWN:]
    more = (
        f'<p class="muted">… and {plural(len(rest), "smaller bloc")} '
        f"({sum(len(b.members) for b in rest)} actors).</p>"
        if rest
        else ""
    )
    caveat = (
        f"<p><b>Caveat:</b> modularity {c.modularity:.3f} is low (under {LOW_MODULARITY}): "
        "these blocs are loose, with many ties between them; read them as leanings, not "
        "camps.</p>"
        if blocs and c.modularity < LOW_MODULARITY
        else ""
    )
    return (
        '<section id="communities"><h2>Blocs (communities of cooperative ties)</h2>'
        f'<p class="muted">Louvain on the cooperative relations, seed {c.seed}; modularity '
        f"{c.modularity:.3f}. Actors without a cooperative tie are in none.</p>{caveat}"
        + (f'<ol class="blocs">{"".join(items)}</ol>' if items else "<p>No bloc.</p>")
        + more
        + _inside(report)
        + "</section>"
    )


def _inside(report: Report) -> str:
    """The conflictual pairs inside a bloc: Louvain on the cooperative layer cannot see them."""
    lines = inside_lines(report)
    if not lines:
        return ""
    return f'<p class="inside"><b>Conflict inside blocs</b>: {esc(" · ".join(lines))}</p>'


#: The one line of script in the report: opening the explorer's ``<details>`` moves the
#: page from ``data-srcdoc`` into ``srcdoc``, so that the explorer loads (and lays out its
#: graph) only when asked for; Chromium does not defer a folded ``srcdoc`` frame by itself.
_OPEN_EXPLORER = (
    "var f=this.querySelector('iframe');if(this.open&&!f.srcdoc)f.srcdoc=f.dataset.srcdoc"
)


def _explorer(report: Report, layout: str) -> str:
    """The interactive explorer, folded: its ``<iframe>`` gets its page when opened."""
    page = to_html(report.dataset, color_by="community", layout=layout)
    return (
        f'<details class="explorer" ontoggle="{_OPEN_EXPLORER}">'
        "<summary>Open the interactive explorer</summary>"
        '<iframe title="Interactive explorer" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
        f'data-srcdoc="{escape(page, quote=True)}"></iframe></details>'
    )


def graph_section(report: Report, *, interactive: bool = True, layout: str | None = None) -> str:
    """The graph as an inline SVG picture (shown and printed without script), and the
    interactive explorer one click away unless ``interactive`` is False."""
    chosen = layout or str(report.options.get("layout", "network"))
    picture = graph_picture(report.dataset, layout=chosen)
    return (
        '<section id="graph"><h2>The graph</h2><p class="muted">Actors sized by degree and '
        "coloured by bloc (community of cooperative ties); one link per linked pair.</p>"
        f"{picture}{_explorer(report, chosen) if interactive else ''}</section>"
    )
