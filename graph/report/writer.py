"""Write a report to a file: one self-contained HTML or Markdown file, written atomically.

>>> import graph, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "report.md"
>>> write_report(graph.build_report(graph.load(), top=3), path, "markdown")
>>> path.read_text(encoding="utf-8").startswith("# ")
True
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_text
from ..errors import UsageError
from .html import to_report_html
from .markdown import to_report_markdown
from .model import FORMATS, Report

__all__ = ["write_report"]


def write_report(
    report: Report, path: str | Path, fmt: str = "html", *, interactive: bool = True
) -> None:
    """Write the report as one self-contained HTML or Markdown file, atomically.

    Parameters
    ----------
    report : Report
        What :func:`graph.build_report` computed.
    path : str or Path
        The file to write (replaced only once the whole report is written).
    fmt : {"html", "markdown"}
        The file format.
    interactive : bool
        Keep the interactive explorer one click away in the HTML report (ignored for
        Markdown); the picture of the graph is there either way.

    Raises
    ------
    UsageError
        For an unknown format.

    See Also
    --------
    to_report_html, to_report_markdown : The report as text.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "report.html"
    >>> report = graph.build_report(ds.filter(start="2021"), top=3)
    >>> graph.write_report(report, path, "html", interactive=False)
    >>> path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    if fmt == "html":
        write_text(path, to_report_html(report, interactive=interactive))
    elif fmt == "markdown":
        write_text(path, to_report_markdown(report))
    else:
        raise UsageError(f"unknown report format '{fmt}'; expected one of: {', '.join(FORMATS)}")
