"""The header line of a CSV table: column names as read, normalised, and the reserved ones.

>>> normalize_header(["ID", " Label", "type"], ("id", "label", "type"))
['id', 'label', 'type']
"""

from __future__ import annotations

import csv
import difflib
import re

from ..errors import Issue
from ..issue_codes import IssueCode
from ..model.columns import LINE

__all__ = [
    "MAX_COLUMNS",
    "header_names",
    "missing_columns",
    "normalize_header",
    "reserved_columns",
    "shown_columns",
    "well_formed_header",
]


def header_names(text: str) -> list[str]:
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    return next(csv.reader([first]), [])


def normalize_header(header: list[str], known: tuple[str, ...]) -> list[str]:
    """Strip names, lowercase the known ones, and name a second ``source`` column ``citation``."""
    names: list[str] = []
    lowered = {k.lower(): k for k in known}
    has_citation = "citation" in header
    seen_source = False
    for raw in header:
        name = raw.strip()
        name = lowered.get(name.lower(), name)
        if name == "source" and seen_source and not has_citation:
            name = "citation"
        seen_source = seen_source or name == "source"
        names.append(name)
    return names


#: The most columns a table may have. Each column is checked and kept as its own pandas column
#: (about 0.2 ms each), so 100,000 columns would take 20 s and 1 GB before saying anything: a
#: wider file is one ``bad-csv`` issue instead (it is not a table of actors or relations).
MAX_COLUMNS = 10_000


def well_formed_header(
    data: bytes, required: tuple[str, ...], known: tuple[str, ...]
) -> list[str] | None:
    """Column names when the header is plainly fine (UTF-8, commas, all required, no twice)."""
    end = data.find(b"\n")
    try:
        first = (data if end < 0 else data[:end]).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        header = header_names(first)
    except csv.Error:  # a header cell over the limit: the careful reader reports it
        return None
    names = normalize_header(header, required + known)
    if len(names) <= 1 or len(names) > MAX_COLUMNS:
        return None
    if len(set(names)) < len(names) or not set(required) <= set(names):
        return None
    return names


#: What the loader keeps in the columns a user may not name (see ``reserved`` below).
_RESERVED_USE = {
    LINE: "each row's line number",
    "directed": "the direction of the relation type",
    "family": "the family of the relation type",
    "date_start": "the first day of 'date'",
    "date_end": "the last day of 'end_date' or 'date'",
    "date_precision": "the precision of 'date'",
}


def reserved_columns(
    file: str, names: list[str], reserved: tuple[str, ...], at: int | None = 1
) -> list[Issue]:
    """One ``reserved-column`` issue per column named like one the loader adds itself.

    ``at`` is the header's line (None for a Parquet file).

    Such a column would be overwritten (``family``, from the relation type) or dropped from
    the exports, so it is refused rather than lost silently.

    >>> [i.message for i in reserved_columns("edges.csv", ["source", "family"], ("family",))]
    ["column 'family' has the name of a column the loader adds (the family of the relation \
type); rename it, for example to 'user_family'"]
    """
    return [
        Issue(
            file,
            at,
            col,
            IssueCode.RESERVED_COLUMN,
            f"column '{col}' has the name of a column the loader adds "
            f"({_RESERVED_USE.get(col, 'a derived value')}); rename it, for example to "
            f"'user_{col.lstrip('_')}'",
            col,
        )
        for col in dict.fromkeys(names)
        if col in reserved
    ]


def missing_columns(
    file: str,
    names: list[str],
    header: list[str],
    required: tuple[str, ...],
    at: int | None = 1,
) -> list[Issue]:
    """One ``missing-column`` issue per required column not in ``names`` (with a did-you-mean).

    ``at`` is the header's line (None for a Parquet file: its schema has no line).

    >>> print(missing_columns("t.csv", ["id", "lable"], ["id", "lable"], ("id", "label"))[0])
    t.csv line 1, column 'label': required column 'label' is missing (did you mean 'lable'?); \
the header is: id,lable [missing-column]
    """
    present = set(names)
    issues = []
    for col in required:
        if col in present:
            continue
        close = difflib.get_close_matches(col, names, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        issues.append(
            Issue(
                file,
                at,
                col,
                IssueCode.MISSING_COLUMN,
                f"required column '{col}' is missing{hint}; the header is: {shown_columns(header)}",
            )
        )
    return issues


def shown_columns(header: list[str], most: int = 20) -> str:
    """The header as written, its first ``most`` names (a message stays one line).

    >>> shown_columns(["a", "b"]), shown_columns([str(i) for i in range(30)], 3)
    ('a,b', '0,1,2 … (30 columns)')
    """
    if len(header) <= most:
        return ",".join(header)
    return ",".join(header[:most]) + f" … ({len(header):,} columns)"
