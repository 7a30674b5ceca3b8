"""``graph neighbors NODE``: the actors within K steps, with their ties to NODE."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table

from ..text import num, plural
from .common import handle_errors, out, plain
from .emit import emit, output_format
from .options import DatasetArg, ExcelSafeOpt, FormatOpt, JsonOpt

EPILOG = (
    "Examples: graph neighbors iran  ·  graph neighbors tajikistan --depth 2  ·  "
    'graph neighbors "Shir Ali Mirza"  ·  graph neighbors iran data/iran_tajikistan --json'
)

COLUMNS = ("id", "label", "type", "distance", "relations", "score", "types")
#: The table for people: each actor by its label.
SHOWN = ("label", "type", "distance", "relations", "score", "types")
NUMERIC = ("distance", "relations", "score")
WRAPPED = ("label", "types")


def print_neighbors(rows: list[dict[str, Any]], title: str) -> None:
    """The actors as a table: label, type, distance, relations, score and relation types."""
    table = Table(title=plain(title), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for col in SHOWN:  # names and type lists wrap; no header or number is cut short
        table.add_column(
            col,
            justify="right" if col in NUMERIC else "left",
            no_wrap=col not in WRAPPED,
            min_width=len(col),
            overflow="fold",
        )
    for r in rows:
        cells = (num(r[c]) if c in NUMERIC else str(r[c]).replace(",", ", ") for c in SHOWN)
        table.add_row(*(plain(c) for c in cells))
    out.print(table)


def _markdown(rows: list[dict[str, Any]]) -> str:
    from ..report.markdown import markdown_table  # the report stage, only when asked for

    return markdown_table(list(COLUMNS), [[r[c] for c in COLUMNS] for r in rows], {3, 4, 5}) + "\n"


@handle_errors
def command(
    node: Annotated[
        str, typer.Argument(help="The actor: its id, name or an alias.", show_default=False)
    ],
    dataset: DatasetArg = None,
    depth: Annotated[int, typer.Option("--depth", "-k", min=1, help="Steps from NODE.")] = 1,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    excel_safe: ExcelSafeOpt = False,
) -> None:
    """The actors within --depth steps of NODE, with their ties to it.

    Distance, and for direct partners the number of relations, their net score
    (weight × sign) and relation types.
    """
    import pandas as pd

    from ..analyze import neighbors, records
    from ..dataset import find_node, node_labels
    from ..loading import load

    chosen = output_format(fmt, as_json)
    data = load(dataset)
    node = find_node(data, node)
    rows = records(neighbors(data, node, depth=depth))
    name = node_labels(data)[node]
    emit(
        chosen,
        {"node": node, "depth": depth, "neighbors": rows},
        rows=lambda: pd.DataFrame(rows, columns=list(COLUMNS)),
        markdown=lambda: _markdown(rows),
        table=lambda: print_neighbors(
            rows, f"{plural(len(rows), 'actor')} within {plural(depth, 'step')} of {name}"
        ),
        excel_safe=excel_safe,
    )
