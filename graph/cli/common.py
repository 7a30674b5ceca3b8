"""What every command shares: the dataset argument, filter options, error handling, output.

Options are defined once here as ``Annotated`` aliases and reused by each command module.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from ..dataset import Criteria, Dataset
from ..errors import DataError, GraphError, UsageError
from ..loading import load

__all__ = [
    "AsOfOpt",
    "DatasetArg",
    "DepthOpt",
    "EgoOpt",
    "FamiliesOpt",
    "ForceOpt",
    "FromOpt",
    "JsonOpt",
    "NodeTypesOpt",
    "OutputOpt",
    "SignOpt",
    "ToOpt",
    "TypesOpt",
    "criteria",
    "err",
    "flag",
    "handle_errors",
    "load_view",
    "out",
    "print_json",
    "state",
]

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)
state: dict[str, bool] = {"debug": bool(os.environ.get("GRAPH_DEBUG"))}

DatasetArg = Annotated[
    Path | None,
    typer.Argument(
        help="Dataset folder with nodes.csv and edges.csv (default: the bundled "
        "Iran–Tajikistan dataset).",
        show_default=False,
    ),
]


def flag(*names: str, **options: Any) -> Any:
    """A boolean option (a switch): typer shows no value placeholder such as ``<bool>``."""
    return typer.Option(*names, metavar="", **options)


JsonOpt = Annotated[bool, flag("--json", help="Print the result as JSON.")]
ForceOpt = Annotated[
    bool,
    flag("--force", help="Write into an output folder that already holds files."),
]
OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="File to write.")]


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v for value in values for v in value.split(",") if v.strip()]


TypesOpt = Annotated[
    list[str] | None,
    typer.Option("--types", help="Keep these relation types (comma-separated: visit,agreement)."),
]
FamiliesOpt = Annotated[
    list[str] | None,
    typer.Option("--families", help="Keep these relation families (diplomatic,conflict)."),
]
NodeTypesOpt = Annotated[
    list[str] | None,
    typer.Option("--node-types", help="Keep these actor types (state,person)."),
]
FromOpt = Annotated[
    str | None, typer.Option("--from", help="Keep relations on or after this date (2015, 2019-06).")
]
ToOpt = Annotated[
    str | None, typer.Option("--to", help="Keep relations on or before this date (inclusive).")
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Relations begun by this date and not ended before it."),
]
EgoOpt = Annotated[
    str | None, typer.Option("--ego", help="Keep only the actors around this node id.")
]
DepthOpt = Annotated[int, typer.Option("--depth", min=1, help="Steps from --ego.")]
SignOpt = Annotated[
    int | None,
    typer.Option(
        "--sign",
        min=-1,
        max=1,
        help="Keep only cooperative (1), neutral (0) or conflictual (-1) relations.",
    ),
]


def criteria(
    types: list[str] | None = None,
    families: list[str] | None = None,
    node_types: list[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    as_of: str | None = None,
    ego: str | None = None,
    depth: int = 1,
    sign: int | None = None,
) -> Criteria:
    """Build library filter criteria from the shared CLI options."""
    if as_of is not None and (start is not None or end is not None):
        raise UsageError("give either --as-of or --from/--to, not both")
    if depth != 1 and ego is None:
        raise UsageError("--depth needs --ego NODE")
    return Criteria(
        types=_split(types),
        families=_split(families),
        node_types=_split(node_types),
        sign=sign,
        start=start,
        end=end,
        as_of=as_of,
        ego=ego,
        depth=depth,
    )


def load_view(path: Path | None, crit: Criteria | None = None) -> Dataset:
    """Load a dataset and apply the filter criteria, if any."""
    dataset = load(path)
    if crit is not None and crit.active:
        dataset = dataset.filter(**crit.to_kwargs())
    return dataset


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout (no colour, no wrapping)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
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
            err.print(f"Error: {exc}", markup=False)
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
