"""``graph report``: one self-contained, offline HTML (or Markdown) report of a dataset."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..dataset.criteria import Criteria
from ..errors import UsageError
from ..render.choices import LAYOUTS
from .common import handle_errors, load_view, say
from .options import (
    AffiliationsOpt,
    DatasetArg,
    DirectedOpt,
    EngineOpt,
    LayerOpt,
    PairSignOpt,
    PeriodOpt,
    SampleOpt,
    SeedOpt,
    filter_options,
    flag,
)

EPILOG = (
    "Examples: graph report -o report.html  ·  graph report --format markdown -o report.md  ·  "
    "graph report data/iran_tajikistan --from 2015 --pair iran,tajikistan -o recent.html  ·  "
    "graph report --pair Iran,Russia -o iran-russia.html  ·  graph report --layout map -o map.html"
)


@handle_errors
@filter_options
def command(
    dataset: DatasetArg = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: <dataset>-report.html/.md)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="html or markdown.")] = "html",
    top: Annotated[int, typer.Option("--top", min=1, help="Rows per top-N table.")] = 10,
    pair: Annotated[
        str | None,
        typer.Option(
            "--pair",
            help="Two actors (a,b: ids, names or aliases) whose trend is charted (default: "
            "the pair of states with most relations, leaving out membership relations and the "
            "pairs they join; any two actors when no two states are related).",
        ),
    ] = None,
    period: PeriodOpt = "year",
    layout: Annotated[
        str,
        typer.Option(
            "--layout",
            help=f"Where the picture of the graph places actors: {', '.join(LAYOUTS)}.",
        ),
    ] = "network",
    no_interactive: Annotated[
        bool,
        flag(
            "--no-interactive",
            "--no-graph",
            help="Leave out the interactive explorer (smaller file); the picture stays.",
        ),
    ] = False,
    directed: DirectedOpt = False,
    engine: EngineOpt = "auto",
    sample: SampleOpt = None,
    seed: SeedOpt = 0,
    layer: LayerOpt = None,
    affiliations: AffiliationsOpt = "drop",
    pair_sign: PairSignOpt = "sum",
    *,
    filters: Criteria,
) -> None:
    """Write a report: one self-contained, offline HTML (or Markdown) file.

    Key findings first (who is central and why, a pair's turning points, unbalanced
    triangles, blocs), then the summary, every actor's measures in one table, relations per
    year, the pair's trend and timeline, cooperation and conflict, blocs, and a picture of
    the graph with the interactive explorer one click away. Its numbers are those of graph
    stats --format json, at 3 significant figures.
    """
    from ..report import FORMATS, build_report, write_report

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format '{fmt}'; expected one of: {', '.join(FORMATS)}")
    chosen_pair = None
    if pair is not None:
        parts = [p.strip() for p in pair.split(",") if p.strip()]
        if len(parts) != 2:
            raise UsageError(f"--pair needs two actors separated by a comma, not '{pair}'")
        chosen_pair = (parts[0], parts[1])
    data = load_view(dataset, filters)
    report = build_report(
        data,
        top=top,
        directed=directed,
        engine=engine,
        sample=sample,
        seed=seed,
        pair=chosen_pair,
        freq=period,
        layout=layout.lower(),
        layer=layer,
        affiliations=affiliations,
        pair_sign=pair_sign,
    )
    target = output or Path(f"{data.name}-report.{'html' if fmt == 'html' else 'md'}")
    write_report(report, target, fmt, interactive=not no_interactive)
    say(
        f"wrote {target} ({fmt} report: {len(data.nodes)} actors, {len(data.edges)} relations)",
    )
