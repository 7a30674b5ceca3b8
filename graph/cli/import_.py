"""``graph import gdelt`` and ``graph import icews``: event files to a dataset folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from ..atomic import check_output_folder
from .common import (
    ForceOpt,
    FromOpt,
    JsonOpt,
    ToOpt,
    TypesOpt,
    err,
    flag,
    handle_errors,
    out,
    print_json,
)

if TYPE_CHECKING:  # the importers (and pyarrow) load only when an import runs
    from ..exchange.importers import ImportResult

__all__ = ["app"]

app = typer.Typer(
    name="import",
    help="Import event data (GDELT, ICEWS) as a dataset folder.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

_SHOWN_ISSUES = 20

FilesArg = Annotated[
    list[str],
    typer.Argument(
        help="Event files, globs ('events/*.CSV', quoted) or .zip archives.", show_default=False
    ),
]
OutputDirOpt = Annotated[
    Path, typer.Option("--output", "-o", help="Dataset folder to write.", show_default=False)
]
CountriesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--countries", help="Keep events of these states and their actors (ISO3 or names: IRN,TJK)."
    ),
]
ActorsOpt = Annotated[
    list[str] | None,
    typer.Option("--actors", help="Keep events of these actors (ids, names or aliases: cis,sco)."),
]
BothOpt = Annotated[
    bool,
    flag("--both-sides", help="Require both actors to match --countries/--actors."),
]
CodesOpt = Annotated[
    list[str] | None,
    typer.Option("--codes", help="Keep CAMEO codes starting with these (04,057,19)."),
]
AggregateOpt = Annotated[
    str | None,
    typer.Option(
        "--aggregate",
        help="One edge per pair, type and period "
        "(day|month|year) with event counts, not one per event.",
    ),
]
LinkOpt = Annotated[
    bool,
    flag("--link/--no-link", help="Link each actor to its state (membership)."),
]
SelfLoopsOpt = Annotated[
    bool,
    flag("--self-loops", help="Keep events whose two actors are the same node."),
]
StrictOpt = Annotated[
    bool,
    flag("--strict", help="Fail, writing nothing, if any row cannot be parsed."),
]


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    if not enabled:
        yield None
        return
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
    out.print(
        f"imported {s.imported:,} of {s.rows_read:,} rows from {len(s.files)} file(s){where}: "
        f"{s.nodes:,} nodes, {s.edges:,} edges",
        markup=False,
    )
    out.print(f"  dropped:  {_counts(s.dropped)}", markup=False)
    out.print(f"  filtered: {_counts(s.filtered)}", markup=False)
    out.print(f"  skipped:  {_counts(s.skipped)}", markup=False)
    if s.unresolved:
        out.print(
            f"  unresolved countries (kept as their own nodes): {', '.join(s.unresolved)}",
            markup=False,
        )
    for issue in s.issues[:_SHOWN_ISSUES]:
        err.print(f"{issue.severity}: {issue}", markup=False)
    if len(s.issues) > _SHOWN_ISSUES:
        more = len(s.issues) - _SHOWN_ISSUES
        err.print(f"… {more:,} more issue(s) in import.json (or use --json)", markup=False)


def _run(
    fmt: str, files: list[str], output: Path, as_json: bool, force: bool, **options: Any
) -> None:
    """Import with the command's options; list options left out become empty tuples."""
    from ..exchange.importers import ImportOptions, import_gdelt, import_icews

    check_output_folder(output, force=force)
    importer = import_gdelt if fmt == "gdelt" else import_icews
    lists = ("countries", "actors", "codes", "types")
    values: dict[str, Any] = {k: (v or ()) if k in lists else v for k, v in options.items()}
    opts = ImportOptions(**values)
    with _progress(not as_json and err.is_terminal) as progress:
        result = importer(files, output, options=opts, progress=progress)
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
def gdelt(
    files: FilesArg,
    output: OutputDirOpt,
    countries: CountriesOpt = None,
    actors: ActorsOpt = None,
    both_sides: BothOpt = False,
    start: FromOpt = None,
    end: ToOpt = None,
    codes: CodesOpt = None,
    types: TypesOpt = None,
    min_mentions: Annotated[
        int, typer.Option("--min-mentions", min=0, help="Keep events mentioned at least N times.")
    ] = 0,
    aggregate: AggregateOpt = None,
    link: LinkOpt = True,
    self_loops: SelfLoopsOpt = False,
    strict: StrictOpt = False,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
) -> None:
    """Import GDELT event files (2.0 exports, 61 fields; 1.0 daily files, 57/58 fields)."""
    _run("gdelt", **locals())  # every parameter of this command


@app.command(
    "icews",
    epilog="Examples: graph import icews events.2018.tab -o icews  ·  "
    "graph import icews 'icews/*.tab' --countries Iran,Tajikistan --aggregate month "
    "-o iran",
)
@handle_errors
def icews(
    files: FilesArg,
    output: OutputDirOpt,
    countries: CountriesOpt = None,
    actors: ActorsOpt = None,
    both_sides: BothOpt = False,
    start: FromOpt = None,
    end: ToOpt = None,
    codes: CodesOpt = None,
    types: TypesOpt = None,
    aggregate: AggregateOpt = None,
    link: LinkOpt = True,
    self_loops: SelfLoopsOpt = False,
    strict: StrictOpt = False,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
) -> None:
    """Import ICEWS coded event files (tab-separated, a header line, 20 columns)."""
    _run("icews", **locals())  # every parameter of this command
