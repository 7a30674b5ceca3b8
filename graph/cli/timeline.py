"""``graph timeline A B``: the dated relations between two actors, with their evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from ..text import num, plural
from .common import handle_errors, out, plain, say
from .emit import emit, output_format
from .options import DatasetArg, ExcelSafeOpt, FormatOpt, JsonOpt, PeriodOpt

EPILOG = (
    "Examples: graph timeline iran tajikistan  ·  graph timeline Iran Tajikistan --json  ·  "
    "graph timeline iran tajikistan data/iran_tajikistan --period quarter"
)

Rows = list[dict[str, Any]]


def _arrow(row: dict[str, Any], label: Mapping[str, str]) -> str:
    arrow = "->" if row["directed"] else "--"
    return f"{label[row['source']]} {arrow} {label[row['target']]}"


def print_timeline(
    rows: Rows, trend: Rows, pair: tuple[str, str], label: Mapping[str, str]
) -> None:
    """Each relation as a block: date, type, direction, sign; description, quote, citation."""
    title = f"{label[pair[0]]} – {label[pair[1]]}"
    out.print(f"[bold]{plain(title)}[/bold]: {plural(len(rows), 'relation')}")
    for row in rows:
        when = row["date"] or "undated"
        if row["end_date"]:
            when += f" to {row['end_date']}"
        out.print("")
        say(f"{when}  {row['type']}  {_arrow(row, label)}  (sign {row['sign']:+d})")
        if row["description"]:
            say(f"  {row['description']}")
        if row["evidence"]:
            say(f"  “{row['evidence']}”")
        if row["citation"]:
            say(f"  — {row['citation']}")
    if trend:
        out.print("")
        out.print("[bold]Net relation per period[/bold] (sum of weight × sign)")
        say("  ".join(f"{r['period']}: {num(r['score'])}" for r in trend))


def timeline_markdown(
    rows: Rows, trend: Rows, pair: tuple[str, str], label: Mapping[str, str]
) -> str:
    """The relations and the trend as two Markdown tables under the pair's names."""
    from ..report.markdown import direction, markdown_table, md_escape

    head = ["date", "end_date", "type", "direction", "sign", "description", "evidence", "citation"]
    body = [
        [
            r["date"],
            r["end_date"],
            r["type"],
            direction(label[r["source"]], label[r["target"]], bool(r["directed"])),
            f"{r['sign']:+d}",
            r["description"],
            r["evidence"],
            r["citation"],
        ]
        for r in rows
    ]
    trend_rows = [[r["period"], r["relations"], num(r["score"])] for r in trend]
    return (
        f"# {md_escape(label[pair[0]])} – {md_escape(label[pair[1]])}\n\n"
        f"{markdown_table(head, body, raw={3})}\n\n"
        f"{markdown_table(['period', 'relations', 'score'], trend_rows, {1, 2})}\n"
    )


@handle_errors
def command(
    a: Annotated[
        str, typer.Argument(help="One actor: its id, name or an alias.", show_default=False)
    ],
    b: Annotated[
        str, typer.Argument(help="The other actor: id, name or alias.", show_default=False)
    ],
    dataset: DatasetArg = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    excel_safe: ExcelSafeOpt = False,
    period: PeriodOpt = "year",
) -> None:
    """The dated relations between two actors, with their quotes and sources.

    Oldest first, then the net relation per period (cooperative minus conflictual weight).
    """
    from ..analyze import pair_trend, records, timeline
    from ..dataset import find_node, node_labels
    from ..loading import load

    chosen = output_format(fmt, as_json)
    data = load(dataset)
    pair = (find_node(data, a), find_node(data, b))
    rows = records(timeline(data, *pair))
    trend = records(pair_trend(data, *pair, freq=period))
    label = node_labels(data)
    emit(
        chosen,
        {"pair": list(pair), "relations": rows, "trend": trend},
        rows=lambda: rows,
        markdown=lambda: timeline_markdown(rows, trend, pair, label),
        table=lambda: print_timeline(rows, trend, pair, label),
        excel_safe=excel_safe,
    )
