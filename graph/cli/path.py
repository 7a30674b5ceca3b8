"""``graph path A B``: the shortest paths between two actors, each step with its relations."""

from __future__ import annotations

from itertools import groupby
from typing import Annotated, Any

import typer

from ..analyze import paths, records
from ..loading import load
from ..report.markdown import markdown_table
from ..text import plural
from .common import DatasetArg, JsonOpt, handle_errors, out, print_json
from .stats import DirectedOpt, FormatOpt, output_format, print_csv

EPILOG = (
    "Examples: graph path muhiddin_kabiri russia  ·  graph path iran kyrgyzstan --directed  ·  "
    "graph path iran china --json"
)

_ARROWS = {"forward": "->", "backward": "<-", "mutual": "--"}


def print_paths(rows: list[dict[str, Any]], a: str, b: str) -> None:
    """Each path as its node chain, then each step with its relations (type, date, sign)."""
    if not rows:
        out.print(f"no path between {a} and {b}", markup=False)
        return
    for number, group in groupby(rows, key=lambda r: r["path"]):
        steps = list(group)
        chain = [steps[0]["from"]]
        for step in steps:
            if step["to"] != chain[-1]:
                chain.append(step["to"])
        out.print(
            f"[bold]path {number}[/bold] ({plural(len(chain) - 1, 'step')}): " + " → ".join(chain)
        )
        for step_no, relations in groupby(steps, key=lambda r: r["step"]):
            items = list(relations)
            out.print(f"  {step_no}. {items[0]['from']} → {items[0]['to']}", markup=False)
            for r in items:
                when = r["date"] or "undated"
                if r["end_date"]:
                    when += f" to {r['end_date']}"
                out.print(
                    f"     {r['type']} ({_ARROWS[r['direction']]}, sign {r['sign']:+d}) {when}"
                    + (f": {r['description']}" if r["description"] else ""),
                    markup=False,
                )


@handle_errors
def command(
    a: Annotated[str, typer.Argument(help="Start actor's node id.", show_default=False)],
    b: Annotated[str, typer.Argument(help="End actor's node id.", show_default=False)],
    dataset: DatasetArg = None,
    directed: DirectedOpt = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many paths.")] = 10,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The shortest paths from A to B, with each step's relations (type, date, sign)."""
    chosen = output_format(fmt, as_json)
    rows = records(paths(load(dataset), a, b, directed=directed, limit=limit))
    if chosen == "json":
        print_json({"from": a, "to": b, "directed": directed, "steps": rows})
    elif chosen == "csv":
        print_csv(rows)
    elif chosen == "markdown":
        head = ["path", "step", "from", "to", "type", "date", "sign", "direction"]
        body = [[r[c] for c in head] for r in rows]
        out.file.write(markdown_table(head, body, {0, 1, 6}) + "\n")
    else:
        print_paths(rows, a, b)
