"""``graph export``: write the graph for Gephi, Cytoscape or D3."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ..atomic import check_output_folder
from ..dataset.criteria import Criteria
from ..exchange.choices import FORMATS
from .common import handle_errors, load_view, say
from .options import DatasetArg, ExcelSafeOpt, ForceOpt, filter_options

EPILOG = (
    "Examples: graph export --format graphml -o iran.graphml  ·  "
    "graph export data/iran_tajikistan --format csv -o copy/  ·  "
    "graph export --format parquet -o tables/  ·  "
    "graph export --format json --types visit,agreement -o visits.json  ·  "
    "graph export --format dyad-year --from 2016 -o dyads.csv"
)


@handle_errors
@filter_options
def command(
    dataset: DatasetArg = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "graphml",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File (folder for csv and parquet) to write."),
    ] = None,
    *,
    filters: Criteria,
    force: ForceOpt = False,
    excel_safe: ExcelSafeOpt = False,
    layout: Annotated[
        str,
        typer.Option("--layout", help="GEXF/GraphML positions: network or map, as the page."),
    ] = "network",
    size_by: Annotated[
        str, typer.Option("--size-by", help="GEXF/GraphML node size, as the page's.")
    ] = "degree",
    seed: Annotated[int, typer.Option("--seed", help="Seed of the layout, as the page's.")] = 7,
) -> None:
    """Export the full graph for Gephi, Cytoscape or D3, or a dyad-year panel.

    One edge per relation with every attribute, as GraphML, GEXF, node-link JSON, or a
    dataset folder with CSV or Parquet tables (graph loads either); or dyad-year: one CSV
    row per pair of actors and year (--from/--to pick the years).
    """
    fmt = fmt.lower()
    panel = fmt == "dyad-year"
    # a panel's years are cut by dyad_years, which still reads the year before --from
    data = load_view(dataset, replace(filters, start=None, end=None) if panel else filters)
    suffixes = {"csv": "", "parquet": "", "dyad-year": "_dyad_years.csv"}
    target = output or Path(f"{data.name}{suffixes.get(fmt, '.' + fmt)}")
    if fmt in ("csv", "parquet"):
        check_output_folder(target, force=force)
    from ..exchange.formats import export

    export(
        data,
        fmt,
        target,
        excel_safe=excel_safe,
        seed=seed,
        size_by=size_by.lower(),
        layout=layout.lower(),
        start=filters.start if panel else None,
        end=filters.end if panel else None,
    )
    say(f"wrote {target} ({fmt}: {len(data.nodes)} nodes, {len(data.edges)} edges)")
