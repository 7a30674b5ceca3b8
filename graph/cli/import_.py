"""``graph import gdelt`` and ``graph import icews``: event files to a dataset folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

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
    if len(s.issues) > _SHOWN_ISSUES:
        more = len(s.issues) - _SHOWN_ISSUES
        say(f"… {more:,} more issue(s) in import.json (or use --json)", stream=err)


def _run(
    importer: Callable[..., ImportResult],
    files: list[str],
    output: Path,
    options: ImportOptions,
    *,
    as_json: bool,
    force: bool,
) -> None:
    """Import ``files`` into ``output`` with ``options``, then print the summary."""
    check_output_folder(output, force=force)
    with _progress(not as_json and err.is_terminal) as progress:
        result = importer(files, output, options=options, progress=progress)
    if as_json:
        print_json(result.summary.to_dict())
    else:
        print_summary(result)


@app.command(
    "gdelt",
    epilog="Examples: graph import gdelt 20191024*.export.CSV.zip -o gdelt  ·  "
    "graph import gdelt 'daily/*.zip' --countries IRN,TJK --aggregate month -o iran",
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
) -> None:
    """Import GDELT event files (2.0 exports, 61 fields; 1.0 daily files, 57/58 fields)."""
    from ..exchange.importers.gdelt import import_gdelt

    _run(import_gdelt, files, output, options, as_json=as_json, force=force)


@app.command(
    "icews",
    epilog="Examples: graph import icews events.2018.tab -o icews  ·  "
    "graph import icews 'icews/*.tab' --countries Iran,Tajikistan --aggregate month "
    "-o iran",
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
) -> None:
    """Import ICEWS coded event files (tab-separated, a header line, 20 columns)."""
    from ..exchange.importers.icews import import_icews

    _run(import_icews, files, output, options, as_json=as_json, force=force)
