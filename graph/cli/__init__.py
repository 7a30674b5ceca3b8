"""The ``graph`` command: a thin typer layer over the library.

Each command lives in its own module (``graph/cli/<command>.py``) with a ``command``
function and an ``EPILOG`` example line; this module registers them. Commands never import
each other: shared options are in :mod:`.options`, error handling and loading in
:mod:`.common`, the output formats in :mod:`.emit`.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from .._version import __version__
from . import balance as balance_cmd
from . import blocs as blocs_cmd
from . import common
from . import export as export_cmd
from . import extract as extract_cmd
from . import html as html_cmd
from . import import_ as import_cmd
from . import merge as merge_cmd
from . import neighbors as neighbors_cmd
from . import path as path_cmd
from . import report as report_cmd
from . import similarity as similarity_cmd
from . import stats as stats_cmd
from . import timeline as timeline_cmd
from . import validate as validate_cmd
from .options import flag

__all__ = ["app", "main"]

app = typer.Typer(
    name="graph",
    help="Typed, dated, sourced relation graphs for international affairs.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"graph {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: Annotated[bool, flag("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool,
        flag("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Typed, dated, sourced relation graphs for international affairs.

    Every command takes a dataset folder (nodes.csv, edges.csv); without one it uses the
    bundled Iran–Tajikistan dataset.
    """
    common.state["debug"] = debug or bool(os.environ.get("GRAPH_DEBUG"))


for _name, _module in (
    ("validate", validate_cmd),
    ("stats", stats_cmd),
    ("balance", balance_cmd),
    ("blocs", blocs_cmd),
    ("similarity", similarity_cmd),
    ("export", export_cmd),
    ("html", html_cmd),
    ("report", report_cmd),
    ("timeline", timeline_cmd),
    ("neighbors", neighbors_cmd),
    ("path", path_cmd),
    ("merge", merge_cmd),
    ("extract", extract_cmd),
):
    app.command(_name, epilog=_module.EPILOG)(_module.command)

app.add_typer(import_cmd.app, name="import")


def main() -> None:
    """Console entry point; ``--debug`` may stand anywhere on the command line."""
    argv = sys.argv[1:]
    if "--debug" in argv:
        argv = ["--debug"] + [a for a in argv if a != "--debug"]
    app(args=argv, prog_name="graph")
