"""``graph neighbors NODE``: the actors within K steps, with their ties to NODE."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
import typer
from rich import box
from rich.table import Table

from ..analyze import neighbors, records
from ..loading import load
from ..report.markdown import markdown_table
from ..text import num, plural
from .common import DatasetArg, JsonOpt, handle_errors, out, print_json
from .stats import FormatOpt, output_format, print_csv

EPILOG = (
    "Examples: graph neighbors iran  ·  graph neighbors tajikistan --depth 2  ·  "
    "graph neighbors iran data/iran_tajikistan --json"
)

COLUMNS = ("id", "label", "type", "distance", "relations", "score", "types")


@handle_errors
def command(
    node: Annotated[str, typer.Argument(help="The actor's node id.", show_default=False)],
    dataset: DatasetArg = None,
    depth: Annotated[int, typer.Option("--depth", "-k", min=1, help="Steps from NODE.")] = 1,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The actors within --depth steps of NODE, with their ties to it.

    Distance, and for direct partners the number of relations, their net score
    (weight × sign) and relation types.
    """
    chosen = output_format(fmt, as_json)
    rows = records(neighbors(load(dataset), node, depth=depth))
    if chosen == "json":
        print_json({"node": node, "depth": depth, "neighbors": rows})
    elif chosen == "csv":
        print_csv(pd.DataFrame(rows, columns=list(COLUMNS)))
    elif chosen == "markdown":
        body = [[r[c] for c in COLUMNS] for r in rows]
        out.file.write(markdown_table(list(COLUMNS), body, {3, 4, 5}) + "\n")
    else:
        table = Table(
            title=f"{plural(len(rows), 'actor')} within {plural(depth, 'step')} of {node}",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        shown = ("id", "type", "distance", "relations", "score", "types")
        numeric = ("distance", "relations", "score")
        for col in shown:
            table.add_column(
                col,
                justify="right" if col in numeric else "left",
                no_wrap=col != "types",
                overflow="fold",
            )
        for r in rows:
            cells = (num(r[c]) if c in numeric else str(r[c]).replace(",", ", ") for c in shown)
            table.add_row(*cells)
        out.print(table)
