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
from typing import Any, TypeVar

import typer
from rich.console import Console

from ..dataset import Criteria, Dataset
from ..errors import DataError, GraphError, UsageError
from ..loading import load
from ..text import json_text
from .options import FLAGS

__all__ = [
    "err",
    "handle_errors",
    "load_view",
    "out",
    "print_issues",
    "print_json",
    "state",
]

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)
state: dict[str, bool] = {"debug": bool(os.environ.get("GRAPH_DEBUG"))}


def load_view(path: Path | None, crit: Criteria | None = None) -> Dataset:
    """Load a dataset and apply the filter criteria, if any."""
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


def print_issues(error: DataError) -> None:
    """Print every issue of a failed load, then how many there were."""
    for issue in error.report.sorted().issues:
        err.print(f"{issue.severity}: {issue}", markup=False)
    n = len(error.report.errors)
    err.print(f"Error: the dataset is invalid: {n} error(s) listed above.", markup=False)


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
            err.print(f"Error: {exc.worded(FLAGS)}", markup=False)
            raise typer.Exit(2) from None
        except (GraphError, OSError) as exc:
            _trace()
            err.print(f"Error: {exc}", markup=False)
            raise typer.Exit(1) from None
        except Exception as exc:
            _trace()
            err.print(
                f"Error: unexpected {type(exc).__name__}: {exc} (run with --debug for details)",
                markup=False,
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _trace() -> None:
    if state["debug"]:
        err.print(traceback.format_exc(), markup=False)
