"""``graph timeline A B``: the dated relations between two actors, with their evidence."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..analyze import pair_trend, records, timeline
from ..loading import load
from ..report.markdown import direction, markdown_table
from ..text import num, plural
from .common import DatasetArg, JsonOpt, handle_errors, out, print_json
from .stats import FormatOpt, output_format, print_csv

EPILOG = (
    "Examples: graph timeline iran tajikistan  ·  graph timeline iran tajikistan --json  ·  "
    "graph timeline iran tajikistan data/iran_tajikistan --period quarter"
)

PeriodOpt = Annotated[
    str, typer.Option("--period", help="Period of the net-relation trend: year, quarter, month.")
]


def _arrow(row: dict[str, Any]) -> str:
    return f"{row['source']} {'->' if row['directed'] else '--'} {row['target']}"


def print_timeline(rows: list[dict[str, Any]], trend: list[dict[str, Any]], title: str) -> None:
    """Each relation as a block: date, type, direction, sign; description, quote, citation."""
    out.print(f"[bold]{title}[/bold]: {plural(len(rows), 'relation')}")
    for row in rows:
        when = row["date"] or "undated"
        if row["end_date"]:
            when += f" to {row['end_date']}"
        out.print("")
        out.print(f"{when}  {row['type']}  {_arrow(row)}  (sign {row['sign']:+d})", markup=False)
        if row["description"]:
            out.print(f"  {row['description']}", markup=False)
        if row["evidence"]:
            out.print(f"  “{row['evidence']}”", markup=False)
        if row["citation"]:
            out.print(f"  — {row['citation']}", markup=False)
    if trend:
        out.print("")
        out.print("[bold]Net relation per period[/bold] (sum of weight × sign)")
        out.print(
            "  ".join(f"{r['period']}: {num(r['score'])}" for r in trend),
            markup=False,
        )


@handle_errors
def command(
    a: Annotated[str, typer.Argument(help="One actor's node id.", show_default=False)],
    b: Annotated[str, typer.Argument(help="The other actor's node id.", show_default=False)],
    dataset: DatasetArg = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    period: PeriodOpt = "year",
) -> None:
    """The dated relations between two actors, with their quotes and sources.

    Oldest first, then the net relation per period (cooperative minus conflictual weight).
    """
    chosen = output_format(fmt, as_json)
    data = load(dataset)
    rows = records(timeline(data, a, b))
    trend = records(pair_trend(data, a, b, freq=period))
    if chosen == "json":
        print_json({"pair": [a, b], "relations": rows, "trend": trend})
    elif chosen == "csv":
        print_csv(rows)
    elif chosen == "markdown":
        head = [
            "date",
            "end_date",
            "type",
            "direction",
            "sign",
            "description",
            "evidence",
            "citation",
        ]
        body = [
            [
                r["date"],
                r["end_date"],
                r["type"],
                direction(r["source"], r["target"], bool(r["directed"])),
                f"{r['sign']:+d}",
                r["description"],
                r["evidence"],
                r["citation"],
            ]
            for r in rows
        ]
        trend_rows = [[r["period"], r["relations"], num(r["score"])] for r in trend]
        out.file.write(
            f"# {a} – {b}\n\n{markdown_table(head, body, raw={3})}\n\n"
            f"{markdown_table(['period', 'relations', 'score'], trend_rows, {1, 2})}\n"
        )
    else:
        print_timeline(rows, trend, f"{a} – {b}")
