"""Reports: one self-contained, offline file (HTML or Markdown) about a dataset, written as a
briefing: the key findings first (:mod:`~graph.report.findings`, :mod:`~graph.report.briefing`),
then the detail.

:func:`build_report` computes the content once (:class:`Report`); :func:`to_report_html` and
:func:`to_report_markdown` format it; :func:`write_report` writes it atomically. Numbers from
the centrality and graph figures are those of :func:`graph.analyze.stats` (``graph stats
--format json``), shown at 3 significant figures (:mod:`~graph.report.wording`).

>>> from graph import load
>>> from graph.report import build_report, to_report_html
>>> html = to_report_html(build_report(load(), top=3), interactive=False)
>>> html.startswith("<!DOCTYPE html>") and "http://" not in html.split("<svg")[0]
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .html import to_report_html
    from .markdown import to_report_markdown
    from .model import FORMATS, Report, build_report
    from .svg import trend_chart
    from .writer import write_report

__all__ = [
    "FORMATS",
    "Report",
    "build_report",
    "to_report_html",
    "to_report_markdown",
    "trend_chart",
    "write_report",
]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "FORMATS": "model",
    "Report": "model",
    "build_report": "model",
    "to_report_html": "html",
    "to_report_markdown": "markdown",
    "trend_chart": "svg",
    "write_report": "writer",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
