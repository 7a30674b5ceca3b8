"""What an import says about its output: the :class:`~graph.DatasetMetadata` of the folder.

The import writes it as ``dataset.toml``: a title with the source and the span of the
imported events, a description naming the input files, the row counts and the options used,
the sources, and as ``created`` the date of the last imported event (never the clock), so the
same input gives the same bytes.

>>> summary = ImportSummary("icews", files=[{"name": "events.tab", "rows": 3}], rows_read=3,
...                         imported=2, skipped={"bad-date": 1}, nodes=2, edges=2)
>>> meta = import_metadata(summary, ["ICEWS"], ("2018-06-01", "2018-06-02"))
>>> meta.title, meta.sources, meta.created.isoformat()
('ICEWS events, 2018-06-01 to 2018-06-02', ('ICEWS',), '2018-06-02')
>>> print(meta.description)
Imported by graph from 1 ICEWS file: events.tab (3 rows).
Rows: 3 read, 2 imported, 1 skipped (bad-date 1).
Options: the defaults (no filter, one relation per event, actors linked to their states).
Output: 2 actors, 2 relations.
Events: 2018-06-01 to 2018-06-02.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ...model.metadata import DatasetMetadata
from .options import ImportOptions
from .output import ImportSummary

__all__ = ["import_metadata"]

_NAMES = {"gdelt": "GDELT", "icews": "ICEWS"}


def _counts(label: str, counts: dict[str, int]) -> str:
    total = sum(counts.values())
    if not total:
        return ""
    parts = ", ".join(f"{k} {v:,}" for k, v in counts.items() if v)
    return f", {total:,} {label} ({parts})"


def _option(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _options(options: dict[str, Any]) -> str:
    defaults = ImportOptions().to_dict()
    changed = [f"{k} = {_option(v)}" for k, v in options.items() if defaults.get(k) != v]
    if not changed:
        return "the defaults (no filter, one relation per event, actors linked to their states)"
    return "; ".join(changed)


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first} to {last}"


def import_metadata(
    summary: ImportSummary, kinds: Sequence[str], span: tuple[str, str] | None
) -> DatasetMetadata:
    """The metadata of an import's output: what was imported and how.

    Parameters
    ----------
    summary : ImportSummary
        Where every row went, with the files and the options.
    kinds : sequence of str
        Each input file's kind, as the sources name it (``"GDELT 2.0 event export"``).
    span : (str, str) or None
        The first and last date (``YYYY-MM-DD``) of the imported events; None when no event
        was imported.

    Returns
    -------
    DatasetMetadata
        Title, description, sources and ``created`` (the last event's date).
    """
    source = _NAMES.get(summary.format, summary.format.upper())
    files = summary.files
    named = ", ".join(f"{f.get('name', '')} ({int(f.get('rows', 0)):,} rows)" for f in files)
    kind = "file" if len(files) == 1 else "files"
    rows = (
        f"Rows: {summary.rows_read:,} read, {summary.imported:,} imported"
        + _counts("filtered", summary.filtered)
        + _counts("dropped", summary.dropped)
        + _counts("skipped", summary.skipped)
    )
    sentences = [
        f"Imported by graph from {len(files)} {source} {kind}: {named}.",
        f"{rows}.",
        f"Options: {_options(summary.options)}.",
        f"Output: {summary.nodes:,} actors, {summary.edges:,} relations.",
    ]
    if span is not None:
        sentences.append(f"Events: {_span(*span)}.")
    title = f"{source} events, {_span(*span)}" if span else f"{source} events (none imported)"
    return DatasetMetadata(
        title=title,
        description="\n".join(sentences),
        sources=tuple(dict.fromkeys(k for k in kinds if k)) or (source,),
        created=dt.date.fromisoformat(span[1]) if span else None,
    )
