"""The import as it ran before streaming: every file read whole, one parse, one decision.

A test helper (not product code): the streaming import (chunks, in-process or on Dask) must
give the same output folder, byte for byte, as this whole-file import of the same input.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from graph.exchange.importers.aggregate import reduce_events
from graph.exchange.importers.describe import import_metadata
from graph.exchange.importers.edge_rows import finish
from graph.exchange.importers.gdelt import GDELT
from graph.exchange.importers.icews import ICEWS
from graph.exchange.importers.options import ImportOptions, import_vocabulary
from graph.exchange.importers.output import ImportResult, ImportSummary, write_output
from graph.exchange.importers.pipeline import decide, edge_table, link_edges, used_nodes
from graph.exchange.importers.sources import expand_sources


def whole_file_import(
    name: str,
    paths: str | Path | Iterable[str | Path],
    output: str | Path | None = None,
    **options: object,
) -> ImportResult:
    """Import ``paths`` (format ``name``: gdelt or icews) reading every file whole."""
    fmt = GDELT if name == "gdelt" else ICEWS
    opts = ImportOptions(**options).checked()  # type: ignore[arg-type]
    sources = expand_sources(paths)
    rows = [fmt.read(s, lambda n: None, fmt.layout(s)) for s in sources]
    parsed = fmt.parse(rows)
    issues = sorted(parsed.issues, key=lambda i: (i.file, i.row or 0, i.code))
    outcome = decide(parsed, opts)
    vocabulary = import_vocabulary()
    if opts.aggregate:
        undirected = {k for k, v in vocabulary.edge_types.items() if not v.directed}
        agg = reduce_events(parsed, outcome, opts.aggregate, fmt.citations, undirected)
        edges = finish(agg, fmt.name, opts.aggregate, fmt.score_column)
    else:
        edges = edge_table(parsed, outcome, fmt.name, fmt.score_column, fmt.columns)
    nodes = used_nodes(parsed.catalogue, edges)
    if opts.link:
        links = link_edges(nodes, fmt.name, list(edges.columns))
        edges = pd.concat([edges, links], ignore_index=True)
    dropped, filtered = outcome.counts()
    summary = ImportSummary(
        format=fmt.name,
        files=[
            {"name": r.source.name, "bytes": r.size, "sha256": r.sha256, "rows": len(r.frame)}
            for r in rows
        ],
        options=opts.to_dict(),
        rows_read=len(parsed.frame),
        imported=int(outcome.kept.sum()),
        filtered=filtered,
        dropped=dropped,
        skipped=parsed.checker.counts(),
        blank_lines=sum(r.blank for r in rows),
        nodes=len(nodes),
        edges=len(edges),
        unresolved=parsed.unresolved,
        issues=issues,
    )
    dates = parsed.events["date"][outcome.kept]
    span = (str(dates.min()), str(dates.max())) if len(dates) else None
    metadata = import_metadata(summary, [r.kind for r in rows], span)
    result = ImportResult(summary, nodes, edges, vocabulary, metadata=metadata)
    if output is not None:
        result.path = write_output(result, output, table_format=opts.table_format)
    return result


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of a folder, by name, as bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
