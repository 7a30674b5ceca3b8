"""``graph merge``: combine two datasets (a hand-made one and an import) into a third."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..atomic import check_output_folder
from .common import handle_errors, print_json, say
from .options import ForceOpt, JsonOpt

EPILOG = (
    "Examples: graph merge data/iran_tajikistan gdelt_iran -o combined  ·  "
    "graph merge icews gdelt -o both --json"
)


@handle_errors
def command(
    first: Annotated[Path, typer.Argument(help="Dataset folder A (its ids win).")],
    second: Annotated[Path, typer.Argument(help="Dataset folder B, merged into A.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Dataset folder to write.", show_default=False)
    ],
    as_json: JsonOpt = False,
    force: ForceOpt = False,
) -> None:
    """Merge dataset B into A as a new dataset folder.

    Actors are matched by id, ISO3 or alias; vocabularies merged; edge ids kept unique.
    """
    from ..exchange.combine import merge_with_report, write_merged

    check_output_folder(output, force=force)
    dataset, report = merge_with_report(first, second)
    write_merged(dataset, output)
    if as_json:
        print_json(report.to_dict())
        return
    how = ", ".join(f"{v} by {k}" for k, v in report.matched_by.items()) or "none"
    say(
        f"{report.name}: {report.nodes:,} nodes, {report.edges:,} edges written to {output}",
    )
    say(
        f"  actors matched: {len(report.matched):,} ({how}); added: {report.added_nodes:,}",
    )
    say(f"  edge ids renamed: {len(report.renamed_edges):,}")
    if report.vocabulary_conflicts:
        say(f"  kept A's definition of: {', '.join(report.vocabulary_conflicts)}")
