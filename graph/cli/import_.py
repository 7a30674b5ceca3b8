"""``graph import gdelt`` and ``graph import icews``: event files to a dataset folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..atomic import check_output_folder
from ..exchange.importers.options import ImportOptions

if TYPE_CHECKING:
    from ..exchange.importers.output import ImportResult

from .common import err, handle_errors, print_json, say
from .options import FilesArg, ForceOpt, JsonOpt, OutputDirOpt, import_options

__all__ = ["app"]

app = typer.Typer(
    name="import",
    help="Import event data (GDELT, ICEWS) as a dataset folder.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

_SHOWN_ISSUES = 20

TableFormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="Tables of the output folder: csv (nodes.csv, edges.csv) or parquet "
        "(nodes.parquet, edges.parquet).",
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        min=1,
        help="Run the chunks on a Dask cluster of N worker processes started on this machine "
        "(pip install 'graph-explorer[scale]'); same output, byte for byte.",
        show_default=False,
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        envvar="DASK_SCHEDULER_ADDRESS",
        help="Run the chunks on a running Dask cluster (tcp://host:8786) whose workers see "
        "the files or URLs (docs/scale.md).",
        show_default=False,
    ),
]
ChunkRowsOpt = Annotated[
    int | None,
    typer.Option(
        "--chunk-rows",
        min=1,
        help="Rows read at a time (default 250,000, at most 64 MiB): memory follows it, "
        "not the size of the input.",
        show_default=False,
    ),
]


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (
        TextColumn("importing"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("read", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v:,}" for k, v in counts.items()) or "none"


def print_summary(result: ImportResult) -> None:
    """Print where every row went, then the first issues."""
    s = result.summary
    where = f" into {result.path}" if result.path else ""
    say(
        f"imported {s.imported:,} of {s.rows_read:,} rows from {len(s.files)} file(s){where}: "
        f"{s.nodes:,} nodes, {s.edges:,} edges",
    )
    say(f"  dropped:  {_counts(s.dropped)}")
    say(f"  filtered: {_counts(s.filtered)}")
    say(f"  skipped:  {_counts(s.skipped)}")
    if s.unresolved:
        say(
            f"  unresolved countries (kept as their own nodes): {', '.join(s.unresolved)}",
        )
    for issue in s.issues[:_SHOWN_ISSUES]:
        say(f"{issue.severity}: {issue}", stream=err)
    found = len(s.issues) if s.issues_total is None else s.issues_total
    if found > _SHOWN_ISSUES:
        more = found - _SHOWN_ISSUES
        say(f"… {more:,} more issue(s) in import.json (or use --json)", stream=err)


def _run(
    importer: Callable[..., ImportResult],
    files: list[str],
    output: Path,
    options: ImportOptions,
    *,
    as_json: bool,
    force: bool,
    table_format: str = "csv",
    engine: dict[str, Any] | None = None,
) -> None:
    """Import ``files`` into ``output`` with ``options``, then print the summary.

    ``engine``: where the chunks run and how large they are (``workers``, ``scheduler``,
    ``chunk_rows``).
    """
    options = replace(options, table_format=table_format)
    check_output_folder(output, force=force)
    with _progress(not as_json and err.is_terminal) as progress:
        result = importer(files, output, options=options, progress=progress, **(engine or {}))
    if as_json:
        print_json(result.summary.to_dict())
    else:
        print_summary(result)


@app.command(
    "gdelt",
    epilog="Examples: graph import gdelt 20191024*.export.CSV.zip -o gdelt  ·  "
    "graph import gdelt 'daily/*.zip' --countries IRN,TJK --aggregate month -o iran  ·  "
    "graph import gdelt daily/ --aggregate month --workers 4 -o gdelt",
)
@handle_errors
@import_options(mentions=True)
def gdelt(
    files: FilesArg,
    output: OutputDirOpt,
    *,
    options: ImportOptions,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
    table_format: TableFormatOpt = "csv",
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    chunk_rows: ChunkRowsOpt = None,
) -> None:
    """Import GDELT event files (2.0 exports, 61 fields; 1.0 daily files, 57/58 fields)."""
    from ..exchange.importers.gdelt import import_gdelt

    _run(
        import_gdelt,
        files,
        output,
        options,
        as_json=as_json,
        force=force,
        table_format=table_format,
        engine={"workers": workers, "scheduler": scheduler, "chunk_rows": chunk_rows},
    )


@app.command(
    "icews",
    epilog="Examples: graph import icews events.2018.tab -o icews  ·  "
    "graph import icews 'icews/*.tab' --countries Iran,Tajikistan --aggregate month "
    "-o iran  ·  graph import icews events.2018.tab --format parquet -o icews",
)
@handle_errors
@import_options(mentions=False)
def icews(
    files: FilesArg,
    output: OutputDirOpt,
    *,
    options: ImportOptions,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
    table_format: TableFormatOpt = "csv",
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    chunk_rows: ChunkRowsOpt = None,
) -> None:
    """Import ICEWS coded event files (tab-separated, a header line, 20 columns)."""
    from ..exchange.importers.icews import import_icews

    _run(
        import_icews,
        files,
        output,
        options,
        as_json=as_json,
        force=force,
        table_format=table_format,
        engine={"workers": workers, "scheduler": scheduler, "chunk_rows": chunk_rows},
    )
