"""``graph stats``: the dataset summary (counts, time span, density, components, hubs)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from ..summary import summarize
from .common import (
    AsOfOpt,
    DatasetArg,
    DepthOpt,
    EgoOpt,
    FamiliesOpt,
    FromOpt,
    JsonOpt,
    NodeTypesOpt,
    SignOpt,
    ToOpt,
    TypesOpt,
    criteria,
    handle_errors,
    load_view,
    out,
    print_json,
)

EPILOG = (
    "Examples: graph stats  ·  graph stats data/iran_tajikistan --json  ·  "
    "graph stats --types visit,talks --from 2019"
)


def _counts_table(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("type")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(key, str(value))
    return table


def print_summary(s: dict[str, Any]) -> None:
    """Render a summary from :func:`graph.summary.summarize` as text tables."""
    out.print(
        f"[bold]{s['name']}[/bold]: {s['nodes']} nodes, {s['edges']} relations "
        f"between {s['pairs']} pairs"
    )
    for note in s["notes"]:
        out.print(note, markup=False)
    d = s["dates"]
    span = f"{d['first']} to {d['last']}" if d["first"] else "no dates"
    out.print(f"dates: {span} ({d['dated']} dated, {d['undated']} undated)")
    c = s["components"]
    out.print(
        f"density: {s['density']:.4f} · components: {c['count']} (largest {c['largest']} nodes, "
        f"{c['isolated']} isolated)"
    )
    sign = s["edges_by_sign"]
    out.print(
        f"relations: {sign['cooperative']} cooperative, {sign['neutral']} neutral, "
        f"{sign['conflictual']} conflictual"
    )
    out.print(_counts_table("Nodes by type", s["nodes_by_type"]))
    out.print(_counts_table("Relations by type", s["edges_by_type"]))
    top = Table(title="Top nodes by number of relations", title_justify="left")
    for col in ("id", "label", "type", "relations", "partners"):
        top.add_column(col, justify="right" if col in ("relations", "partners") else "left")
    for row in s["top_nodes"]:
        top.add_row(*(str(row[k]) for k in ("id", "label", "type", "relations", "partners")))
    out.print(top)


@handle_errors
def command(
    dataset: DatasetArg = None,
    as_json: JsonOpt = False,
    top: Annotated[int, typer.Option("--top", min=1, help="How many top nodes to list.")] = 10,
    types: TypesOpt = None,
    families: FamiliesOpt = None,
    node_types: NodeTypesOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    as_of: AsOfOpt = None,
    ego: EgoOpt = None,
    depth: DepthOpt = 1,
    sign: SignOpt = None,
) -> None:
    """Summarize a dataset: nodes and relations by type, dates, density, components and the
    most connected actors."""
    crit = criteria(types, families, node_types, start, end, as_of, ego, depth, sign)
    summary = summarize(load_view(dataset, crit), top=top)
    if as_json:
        print_json(summary)
    else:
        print_summary(summary)
