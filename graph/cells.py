"""Cell-level helpers shared by the node and edge checks of :mod:`graph.validate`.

Columns are factorized once (:class:`Coded`), so stripping, lookups and parsing run once per
distinct value; :func:`issues_for` turns a boolean mask into one Issue per offending row.

>>> suggest("tajikstan", ["iran", "tajikistan"])
" (did you mean 'tajikistan'?)"
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from .csvio import LINE
from .errors import Issue

__all__ = [
    "FREE_TEXT",
    "Coded",
    "as_text",
    "check_required",
    "check_types",
    "issues_for",
    "normalize_names",
    "normalize_type",
    "strip_all",
    "suggest",
    "with_columns",
]


def normalize_names(uniques: np.ndarray) -> np.ndarray:
    clean = pd.Index(uniques, dtype=object).str.strip().str.lower()
    return np.asarray(clean.str.replace(r"[\s_]+", "-", regex=True), dtype=object)


def normalize_type(values: pd.Series) -> pd.Series:
    """Lowercase type names and write spaces and underscores as hyphens.

    >>> normalize_type(pd.Series(["Armed group", "armed_group", " STATE "])).tolist()
    ['armed-group', 'armed-group', 'state']
    """
    codes, uniques = pd.factorize(values.astype(str))
    clean = normalize_names(np.asarray(uniques, dtype=object))
    return pd.Series(clean[codes], index=values.index, dtype=object)


#: Free-text columns: stripped cell by cell. Every other column is factorized first, so
#: stripping, type lookups and parsing run once per distinct value.
FREE_TEXT = frozenset({"label", "description", "evidence", "citation", "aliases", "role"})


def as_text(values: np.ndarray, index: pd.Index) -> pd.Series:
    """A column of Python strings (object dtype: no conversion to Arrow strings)."""
    return pd.Series(values, index=index, dtype=object)


def strip_all(values: np.ndarray) -> np.ndarray:
    """Strip white space from every string (a C-level loop; no per-row pandas overhead)."""
    return np.array([v.strip() for v in values.tolist()], dtype=object)


class Coded:
    """Columns as integer codes into their distinct (stripped) values."""

    def __init__(self) -> None:
        self.columns: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def add(self, name: str, values: pd.Series) -> np.ndarray:
        codes, uniques = pd.factorize(values)
        stripped = strip_all(np.asarray(uniques, dtype=object))
        self.columns[name] = (codes, stripped)
        return stripped[codes]

    def map(self, name: str, func: Callable[[np.ndarray], object]) -> np.ndarray:
        """Apply ``func`` to the distinct values of a column and spread the result to rows."""
        codes, uniques = self.columns[name]
        return np.asarray(func(uniques))[codes]


def suggest(value: str, candidates: Iterable[str]) -> str:
    """Return a ``" (did you mean 'x'?)"`` hint, or an empty string.

    >>> suggest("tajikstan", ["iran", "tajikistan"])
    " (did you mean 'tajikistan'?)"
    """
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    if value.lower() in lowered:
        return f" (did you mean '{lowered[value.lower()]}'?)"
    close = difflib.get_close_matches(value, pool, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def issues_for(
    frame: pd.DataFrame,
    mask: pd.Series | np.ndarray,
    file: str,
    column: str | None,
    code: str,
    message: str,
    *,
    values: pd.Series | None = None,
    severity: str = "error",
    hints: dict[str, str] | None = None,
) -> list[Issue]:
    """One Issue per masked row; ``message`` is formatted with ``{value}`` and ``{hint}``."""
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return []
    vals = (values if values is not None else frame[column])[mask].astype(str).tolist()
    lines = frame[LINE][mask].tolist()
    hints = hints or {}
    return [
        Issue(
            file,
            int(line),
            column,
            code,
            message.format(value=value, hint=hints.get(value, "")),
            value=value,
            severity=severity,  # type: ignore[arg-type]
        )
        for line, value in zip(lines, vals, strict=True)
    ]


def with_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> tuple[pd.DataFrame, Coded]:
    """Add missing optional columns (empty) and strip cells, as plain object strings."""
    frame = frame.copy()
    coded = Coded()
    absent = [c for c in columns if c not in frame.columns]
    for col in frame.columns:
        if col == LINE:
            continue
        values = frame[col]
        if values.dtype != object:
            values = values.astype(str).astype(object)
        if col in columns and col not in FREE_TEXT:
            frame[col] = as_text(coded.add(col, values), frame.index)
        else:
            frame[col] = as_text(strip_all(values.to_numpy(dtype=object)), frame.index)
    empty = np.full(len(frame), "", dtype=object)
    for col in absent:
        frame[col] = as_text(empty, frame.index)
        if col not in FREE_TEXT:
            coded.columns[col] = (np.zeros(len(frame), dtype=np.intp), np.array([""], dtype=object))
    return frame, coded


def check_types(
    frame: pd.DataFrame, coded: Coded, known: Mapping[str, object], file: str, what: str
) -> list[Issue]:
    frame["type"] = as_text(coded.map("type", normalize_names), frame.index)
    bad = coded.map("type", lambda u: [t not in known and t != "" for t in normalize_names(u)])
    names = sorted(known)
    hints = {v: suggest(v, names) for v in frame.loc[bad, "type"].unique()}
    return issues_for(
        frame,
        bad,
        file,
        "type",
        "unknown-type",
        f"'{{value}}' is not a known {what} type{{hint}}; expected one of: {', '.join(names)} "
        "(or add it to the dataset's vocabulary.toml)",
        hints=hints,
    )


def check_required(
    frame: pd.DataFrame, coded: Coded, columns: Iterable[str], file: str
) -> list[Issue]:
    issues: list[Issue] = []
    for col in columns:
        empty = coded.map(col, lambda u: u == "")
        issues += issues_for(
            frame, empty, file, col, "missing-value", f"'{col}' is empty; it is required"
        )
    return issues
