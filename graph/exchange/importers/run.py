"""The import, step by step, shared by both formats.

read every file -> parse and check fields (skipped rows, each with an Issue) -> resolve actors
(dropped rows) -> apply the options (filtered rows) -> edges, one per event or aggregated ->
the nodes they use -> summary; then write the folder if asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ...errors import DataError, UsageError, ValidationReport
from .describe import import_metadata
from .options import ImportOptions, import_vocabulary
from .output import ImportResult, ImportSummary, write_output
from .pipeline import Parsed, aggregate_edges, decide, edge_table, link_edges, used_nodes
from .reader import Progress, Rows, Source, expand_sources

__all__ = ["Format", "run_import"]

Columns = Callable[[pd.DataFrame, pd.DataFrame], dict[str, pd.Series]]


@dataclass(frozen=True)
class Format:
    """What differs between GDELT and ICEWS."""

    name: str
    score_column: str
    read: Callable[[Source, Callable[[int], None]], Rows]
    parse: Callable[[list[Rows]], Parsed]
    columns: Columns
    has_mentions: bool = True

    def citations(self, frame: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
        """The citation of each given row."""
        return self.columns(frame, events)["citation"]


def _progress(sources: list[Source], progress: Progress | None) -> Callable[[int], None]:
    total = sum(s.size for s in sources)
    done = [0]

    def report(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(min(done[0], total), total)

    return report


def run_import(
    fmt: Format,
    paths: str | Path | Iterable[str | Path],
    output: str | Path | None,
    options: ImportOptions,
    progress: Progress | None,
) -> ImportResult:
    """Import event files of one format (see :func:`graph.exchange.importers.import_gdelt`)."""
    options = options.checked()
    if not fmt.has_mentions and options.min_mentions:
        raise UsageError(
            f"{fmt.name.upper()} events have no mention counts; drop {{min_mentions}}",
            params=("min_mentions",),
        )
    sources = expand_sources(paths)
    report = _progress(sources, progress)
    rows = [fmt.read(source, report) for source in sources]
    parsed = fmt.parse(rows)
    issues = sorted(parsed.issues, key=lambda i: (i.file, i.row or 0, i.code))
    if options.strict and issues:
        raise DataError(ValidationReport(issues))
    outcome = decide(parsed, options)
    vocabulary = import_vocabulary()
    if options.aggregate:
        undirected = {k for k, v in vocabulary.edge_types.items() if not v.directed}
        edges = aggregate_edges(
            parsed,
            outcome,
            options.aggregate,
            fmt.name,
            fmt.score_column,
            fmt.citations,
            undirected,
        )
    else:
        edges = edge_table(parsed, outcome, fmt.name, fmt.score_column, fmt.columns)
    nodes = used_nodes(parsed.catalogue, edges)
    if options.link:
        links = link_edges(nodes, fmt.name, list(edges.columns))
        edges = pd.concat([edges, links], ignore_index=True)
    dropped, filtered = outcome.counts()
    summary = ImportSummary(
        format=fmt.name,
        files=[_file_info(r) for r in rows],
        options=options.to_dict(),
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
        result.path = write_output(result, output)
    return result


def _file_info(rows: Rows) -> dict[str, Any]:
    return {
        "name": rows.source.name,
        "bytes": rows.size,
        "sha256": rows.sha256,
        "rows": len(rows.frame),
    }
