"""What every command shares: error handling, consoles, loading a filtered dataset, JSON.

The shared options live in :mod:`graph.cli.options`, the output formats in
:mod:`graph.cli.emit`.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console

from ..dataset.criteria import Criteria
from ..errors import DataError, GraphError, UsageError
from ..model.columns import (
    EDGES_FILE,
    EDGES_PARQUET,
    NODES_FILE,
    NODES_PARQUET,
    VOCABULARY_FILE,
)
from ..text import json_text
from .options import FLAGS

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "err",
    "handle_errors",
    "load_view",
    "out",
    "plain",
    "print_issues",
    "print_json",
    "say",
    "state",
]

# emoji=False: ":flag_ir:" in the data is shown as written, not as an emoji
out = Console(soft_wrap=True, highlight=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)
state: dict[str, bool] = {"debug": bool(os.environ.get("GRAPH_DEBUG"))}


def load_view(path: Path | None, crit: Criteria | None = None) -> Dataset:
    """Load a dataset and apply the filter criteria, if any."""
    from ..loading import load  # the loading stage, only when a command reads data

    dataset = load(path)
    if crit is not None and crit.active:
        dataset = dataset.filter(**crit.to_kwargs())
    return dataset


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout (no colour, no wrapping); a result object
    (a dataclass with ``to_dict()``) as its dict."""
    if dataclasses.is_dataclass(data) and hasattr(data, "to_dict"):
        data = data.to_dict()
    sys.stdout.write(json_text(data, indent=2, default=str) + "\n")  # NaN, inf: null
    sys.stdout.flush()


def say(text: str, *, stream: Console | None = None) -> None:
    """Print a line for people on ``out`` (or ``stream``): as it is, no markup, every control
    character visible (:func:`graph.text.terminal_text`: an escape sequence in the data is
    shown, never acted on). Every line the commands print that holds data goes through here
    or through :func:`plain`; JSON and CSV outputs do not (they keep the exact characters)."""
    from ..text import terminal_text

    (stream or out).print(terminal_text(text), markup=False)


def plain(value: object) -> str:
    r"""Text from the data inside rich markup, a table cell or a table title: shown as it is
    (markup escaped) with every control character visible.

    >>> print(plain("[bold]x\x1b[2J"))
    \[bold]x\x1b[2J
    """
    from rich.markup import escape

    from ..text import terminal_text

    return escape(terminal_text(str(value)))


def print_issues(error: DataError) -> None:
    """Print every issue of a failed load or import, then how many errors there were.

    The closing line names what was invalid: the dataset, or the event files of an import
    (their issues name files other than ``nodes.csv``/``edges.csv``/``vocabulary.toml``).
    """
    issues = error.report.sorted().issues
    for issue in issues:
        say(f"{issue.severity}: {issue}", stream=err)
    n = len(error.report.errors)
    dataset_files = {NODES_FILE, EDGES_FILE, NODES_PARQUET, EDGES_PARQUET, VOCABULARY_FILE}
    what = "dataset" if all(i.file in dataset_files for i in issues) else "input"
    say(f"Error: the {what} is invalid: {n} error(s) listed above.", stream=err)


F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn library errors into one message and an exit code (1 data, 2 usage).

    A usage error names parameters as their flags (``start`` as ``--from``: ``FLAGS``).

    With ``--debug`` (or ``GRAPH_DEBUG=1``) the traceback is printed as well.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except DataError as exc:
            _trace()
            print_issues(exc)
            raise typer.Exit(1) from None
        except UsageError as exc:
            _trace()
            say(f"Error: {exc.worded(FLAGS)}", stream=err)
            raise typer.Exit(2) from None
        except (GraphError, OSError) as exc:
            _trace()
            say(f"Error: {exc}", stream=err)
            raise typer.Exit(1) from None
        except Exception as exc:
            _trace()
            say(
                f"Error: unexpected {type(exc).__name__}: {exc} (run with --debug for details)",
                stream=err,
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _trace() -> None:
    if state["debug"]:
        for line in traceback.format_exc().splitlines():
            say(line, stream=err)
