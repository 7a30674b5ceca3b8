"""``graph path A B``: the shortest paths between two actors, each step with its relations."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import groupby
from typing import Annotated, Any

import typer

from ..text import plural
from .common import handle_errors, out, plain, say
from .emit import emit, output_format
from .options import DatasetArg, DirectedOpt, ExcelSafeOpt, FormatOpt, JsonOpt

EPILOG = (
    "Examples: graph path muhiddin_kabiri russia  ·  graph path Kabiri Russia  ·  "
    "graph path iran kyrgyzstan --directed  ·  graph path iran china --json"
)

_ARROWS = {"forward": "->", "backward": "<-", "mutual": "--"}


def print_paths(rows: list[dict[str, Any]], a: str, b: str, label: Mapping[str, str]) -> None:
    """Each path as its chain of actors, then each step with its relations (type, date, sign)."""
    if not rows:
        say(f"no path between {label[a]} and {label[b]}")
        return
    for number, group in groupby(rows, key=lambda r: r["path"]):
        steps = list(group)
        chain = [steps[0]["from"]]
        for step in steps:
            if step["to"] != chain[-1]:
                chain.append(step["to"])
        names = " → ".join(plain(label[node]) for node in chain)
        out.print(f"[bold]path {number}[/bold] ({plural(len(chain) - 1, 'step')}): {names}")
        for step_no, relations in groupby(steps, key=lambda r: r["step"]):
            items = list(relations)
            where = f"{label[items[0]['from']]} → {label[items[0]['to']]}"
            say(f"  {step_no}. {where}")
            for r in items:
                when = r["date"] or "undated"
                if r["end_date"]:
                    when += f" to {r['end_date']}"
                say(
                    f"     {r['type']} ({_ARROWS[r['direction']]}, sign {r['sign']:+d}) {when}"
                    + (f": {r['description']}" if r["description"] else "")
                )


def paths_markdown(rows: list[dict[str, Any]], label: Mapping[str, str]) -> str:
    """The steps as one Markdown table, each actor by its label."""
    from ..report.markdown import markdown_table

    head = ["path", "step", "from", "to", "type", "date", "sign", "direction"]
    names = {"from", "to"}
    body = [[label[r[c]] if c in names else r[c] for c in head] for r in rows]
    return markdown_table(head, body, {0, 1, 6}) + "\n"


@handle_errors
def command(
    a: Annotated[
        str, typer.Argument(help="Start actor: its id, name or an alias.", show_default=False)
    ],
    b: Annotated[str, typer.Argument(help="End actor: id, name or alias.", show_default=False)],
    dataset: DatasetArg = None,
    directed: DirectedOpt = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many paths.")] = 10,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    excel_safe: ExcelSafeOpt = False,
) -> None:
    """The shortest paths from A to B, with each step's relations (type, date, sign)."""
    from ..analyze import paths, records
    from ..dataset import find_node, node_labels
    from ..loading import load

    chosen = output_format(fmt, as_json)
    data = load(dataset)
    a, b = find_node(data, a), find_node(data, b)
    rows = records(paths(data, a, b, directed=directed, limit=limit))
    label = node_labels(data)
    emit(
        chosen,
        {"from": a, "to": b, "directed": directed, "steps": rows},
        rows=lambda: rows,
        markdown=lambda: paths_markdown(rows, label),
        table=lambda: print_paths(rows, a, b, label),
        excel_safe=excel_safe,
    )
