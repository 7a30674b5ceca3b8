"""``graph export``: write the graph for Gephi, Cytoscape or D3."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..atomic import check_output_folder
from ..exchange import FORMATS, export
from .common import (
    AsOfOpt,
    DatasetArg,
    EgoOpt,
    FamiliesOpt,
    ForceOpt,
    FromOpt,
    NodeTypesOpt,
    ToOpt,
    TypesOpt,
    criteria,
    handle_errors,
    load_view,
    out,
)

EPILOG = (
    "Examples: graph export --format graphml -o iran.graphml  ·  "
    "graph export data/iran_tajikistan --format csv -o copy/  ·  "
    "graph export --format json --types visit,agreement -o visits.json"
)


@handle_errors
def command(
    dataset: DatasetArg = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "graphml",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (folder for csv) to write.")
    ] = None,
    types: TypesOpt = None,
    families: FamiliesOpt = None,
    node_types: NodeTypesOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    as_of: AsOfOpt = None,
    ego: EgoOpt = None,
    force: ForceOpt = False,
) -> None:
    """Export the full graph for Gephi, Cytoscape or D3.

    One edge per relation with every attribute, as GraphML, GEXF, node-link JSON or CSV.
    """
    crit = criteria(types, families, node_types, start, end, as_of, ego)
    data = load_view(dataset, crit)
    fmt = fmt.lower()
    target = output or Path(f"{data.name}{'' if fmt == 'csv' else '.' + fmt}")
    if fmt == "csv":
        check_output_folder(target, force=force)
    export(data, fmt, target)
    out.print(
        f"wrote {target} ({fmt}: {len(data.nodes)} nodes, {len(data.edges)} edges)", markup=False
    )
