"""``graph validate``: check a dataset and list every problem."""

from __future__ import annotations

import typer

from .common import err, handle_errors, out, print_json, say
from .options import DatasetArg, JsonOpt

EPILOG = (
    "Examples: graph validate data/iran_tajikistan  ·  graph validate my_data --json  "
    "·  exit 0 valid, 1 invalid data, 2 usage or unreadable path"
)


@handle_errors
def command(
    dataset: DatasetArg = None,
    as_json: JsonOpt = False,
    max_issues: int = typer.Option(
        200, "--max-issues", help="Show at most this many issues (0: all); --json shows all."
    ),
) -> None:
    """Check a dataset: every problem with its file, line, column and how to fix it."""
    from ..loading import validate

    report = validate(dataset)
    if as_json:
        print_json(report.to_dict())
    else:
        shown = report.issues if max_issues == 0 else report.issues[:max_issues]
        for issue in shown:
            stream = err if issue.severity == "error" else out
            say(f"{issue.severity}: {issue}", stream=stream)
        if len(shown) < len(report.issues):
            out.print(f"… {len(report.issues) - len(shown)} more (--max-issues 0 shows all)")
        verdict = "valid" if report.valid else "INVALID"
        out.print(
            f"{verdict}: {len(report.errors)} error(s), {len(report.warnings)} warning(s)",
            markup=False,
        )
    raise typer.Exit(0 if report.valid else 1)
