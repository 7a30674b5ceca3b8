"""One result in the format asked for: a table for people, CSV, JSON or Markdown.

``--format table|csv|json|markdown`` (``--json`` is ``--format json``) is read by
:func:`output_format`; :func:`emit` prints a command's result in that format. JSON is the
library's result as it is (ids, every field); CSV its rows; Markdown and the table are
written for people (labels where they read better than ids).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    import pandas as pd


from ..errors import UsageError
from .common import out, print_json

__all__ = ["FORMATS", "emit", "output_format", "print_csv"]

FORMATS = ("table", "csv", "json", "markdown")

#: What CSV output is made of: a table, or rows as dicts.
Rows = Union["pd.DataFrame", Sequence[dict[str, Any]]]


# Shared by the commands with a CSV output (stats, timeline, neighbors, path, export).
def output_format(fmt: str | None, as_json: bool) -> str:
    """The chosen format; ``--json`` is ``--format json``.

    >>> output_format(None, False), output_format("CSV", False), output_format(None, True)
    ('table', 'csv', 'json')
    """
    if as_json:
        if fmt not in (None, "json"):
            raise UsageError(f"--json and --format {fmt} disagree; give one of them")
        return "json"
    fmt = (fmt or "table").lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; expected one of: {', '.join(FORMATS)}")
    return fmt


def print_csv(rows: Rows, *, excel_safe: bool = False) -> None:
    """Rows as CSV on stdout, each cell exactly as it is; with ``excel_safe``, a cell that a
    spreadsheet would run as a formula starts with ``'`` (:func:`graph.text.spreadsheet_text`).
    """
    import pandas as pd

    from ..text import spreadsheet_frame

    frame = pd.DataFrame(rows)
    if excel_safe:
        frame = spreadsheet_frame(frame)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    out.file.write(buffer.getvalue())


def emit(
    fmt: str,
    data: Any,
    *,
    rows: Callable[[], Rows],
    markdown: Callable[[], str],
    table: Callable[[], None],
    excel_safe: bool = False,
) -> None:
    """Print a result in the format ``fmt`` (from :func:`output_format`).

    Parameters
    ----------
    fmt : {"table", "csv", "json", "markdown"}
        The format.
    data : object
        The JSON output: plain data, or a result dataclass with ``to_dict()``.
    rows : callable
        Makes the CSV output (a DataFrame, or rows as dicts).
    markdown : callable
        Makes the Markdown text, written as it is.
    table : callable
        Prints the output for a terminal.
    excel_safe : bool
        CSV cells a spreadsheet would run as formulas start with ``'`` (``--excel-safe``);
        a usage error with any other format.

    Only the chosen output is made.
    """
    if excel_safe and fmt != "csv":
        raise UsageError(f"--excel-safe applies to CSV output only, not --format {fmt}")
    if fmt == "json":
        print_json(data)
    elif fmt == "csv":
        print_csv(rows(), excel_safe=excel_safe)
    elif fmt == "markdown":
        out.file.write(markdown())
    else:
        table()
