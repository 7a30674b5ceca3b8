"""Reports: one self-contained, offline file (HTML or Markdown) about a dataset.

:func:`build_report` computes the content once (:class:`Report`); :func:`to_report_html` and
:func:`to_report_markdown` format it; :func:`write_report` writes it atomically. Numbers from
the centrality and graph figures are those of :func:`graph.analyze.stats`, so they equal
``graph stats --format json``.

>>> from graph import load
>>> html = to_report_html(build_report(load(), top=3), interactive=False)
>>> html.startswith("<!DOCTYPE html>") and "http://" not in html.split("<svg")[0]
True
"""

from __future__ import annotations

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
