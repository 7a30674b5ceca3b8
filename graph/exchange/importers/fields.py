"""Field checks shared by the formats: each value checked once, every failure located.

>>> iso, bad = parse_days(pd.Series(["20191024", "2019-10-24", "20191340"]), "%Y%m%d")
>>> iso.tolist(), bad.tolist()
(['2019-10-24', '', ''], [False, True, True])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from ...errors import Issue
from ...issue_codes import IssueCode
from .reader import BadRow, Rows

BAD_CODE = (
    "{field} '{{value}}' is not a CAMEO event code (3-4 digits, 010 to 204; a code whose "
    "leading zero was lost, 40 for 040, is not read as CAMEO)"
)

__all__ = [
    "BAD_CODE",
    "Checker",
    "bad_rows_frame",
    "parse_counts",
    "parse_days",
    "parse_scores",
    "settle",
    "spread",
    "tally",
    "via_uniques",
]


def spread(
    values: Sequence[object] | np.ndarray, codes: np.ndarray, index: pd.Index | None = None
) -> pd.Series:
    """Text ``values[codes]`` as an arrow-backed string column (no per-row Python objects)."""
    table = pa.array(np.asarray(values, dtype=object), pa.large_string())
    taken = table.take(pa.array(np.asarray(codes, dtype=np.int64)))
    out = taken.to_pandas()
    return out if index is None else out.set_axis(index)


def via_uniques(values: pd.Series, func: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply ``func`` to the distinct values only and spread the result back.

    A text result comes back as an arrow-backed string column, a number as floats.
    """
    codes, uniques = pd.factorize(values.fillna(""))
    done = func(pd.Series(np.asarray(uniques, dtype=object), dtype=object))
    if done.dtype == object or pd.api.types.is_string_dtype(done.dtype):
        return spread(done.astype(object).to_numpy(), codes, values.index)
    result = done.to_numpy()
    return pd.Series(result[codes] if len(result) else [], index=values.index, dtype=result.dtype)


def parse_days(values: pd.Series, fmt: str) -> tuple[pd.Series, np.ndarray]:
    """Dates written in ``fmt`` as ``YYYY-MM-DD`` text, and a mask of the bad ones."""

    def one(uniques: pd.Series) -> pd.Series:
        shaped = uniques.str.fullmatch(r"\d{8}" if fmt == "%Y%m%d" else r"\d{4}-\d{2}-\d{2}")
        parsed = pd.to_datetime(uniques.where(shaped, ""), format=fmt, errors="coerce")
        return parsed.dt.strftime("%Y-%m-%d").fillna("")

    iso = via_uniques(values, one)
    return iso, (iso == "").to_numpy()


def parse_scores(values: pd.Series, limit: float = 10.0) -> tuple[pd.Series, pd.Series]:
    """Numbers from ``-limit`` to ``limit`` as floats, and a mask of the bad ones."""

    def one(uniques: pd.Series) -> pd.Series:
        return pd.to_numeric(uniques, errors="coerce")

    score = via_uniques(values, one).astype(float)
    bad = score.isna() | (score.abs() > limit)
    return score, bad


def parse_counts(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Whole numbers (``12``) as floats, and a mask of the bad ones."""

    def one(uniques: pd.Series) -> pd.Series:
        digits = uniques.str.fullmatch(r"\d+")
        return pd.to_numeric(uniques.where(digits, ""), errors="coerce")

    number = via_uniques(values, one).astype(float)
    return number, number.isna()


class Checker:
    """Give each row the code of the first check it fails, and collect an Issue for it.

    Codes are small integers (``0``: passed) into :attr:`names`; :meth:`counts` gives the
    number of rows per reason.
    """

    def __init__(self, frame: pd.DataFrame, files: list[str]) -> None:
        self.frame = frame
        self.files = files
        self.names: list[str] = [""]
        preset = frame["_skip"].astype(str).to_numpy()
        self.code = np.zeros(len(frame), dtype=np.int16)
        for name in sorted(set(preset) - {""}):
            self.code[preset == name] = self._index(name)
        self.issues: list[Issue] = []

    def _index(self, name: str) -> int:
        if name not in self.names:
            self.names.append(name)
        return self.names.index(name)

    def check(
        self,
        bad: pd.Series | np.ndarray,
        code: IssueCode,
        column: str,
        message: str,
        values: pd.Series,
    ) -> None:
        """Mark rows where ``bad`` is true and no earlier check failed."""
        mask = np.asarray(bad, dtype=bool) & (self.code == 0)
        if not mask.any():
            return
        self.code[mask] = self._index(code.value)
        picked = self.frame.loc[mask, ["_file", "_line"]]
        shown = values[mask].astype(str)
        self.issues += [
            Issue(self.files[int(f)], int(n), column, code, message.format(value=v), value=v)
            for f, n, v in zip(picked["_file"], picked["_line"], shown, strict=True)
        ]

    @property
    def ok(self) -> np.ndarray:
        """Rows that passed every check so far."""
        return self.code == 0

    def counts(self) -> dict[str, int]:
        """Rows per failed check, by code."""
        return tally(self.code, self.names)


def tally(codes: np.ndarray, names: list[str]) -> dict[str, int]:
    """Rows per non-zero code, by name (sorted)."""
    counts = np.bincount(codes, minlength=len(names)) if len(codes) else np.zeros(len(names))
    return {
        names[i]: int(counts[i])
        for i in sorted(range(1, len(names)), key=names.__getitem__)
        if counts[i]
    }


def bad_rows_frame(bad: list[BadRow], columns: list[str], expected: int) -> pd.DataFrame:
    """Rows with a wrong field count, as empty rows that carry their skip reason."""
    frame = pd.DataFrame({c: pd.Series([""] * len(bad), dtype=object) for c in columns})
    fields = np.array([b.fields for b in bad], dtype=np.int64)
    frame["_line"] = np.array([b.line for b in bad], dtype=np.int64)
    frame["_skip"] = np.where(
        fields < expected, IssueCode.MISSING_FIELDS.value, IssueCode.EXTRA_FIELDS.value
    )
    return frame


def settle(rows: Rows, parts: list[pd.DataFrame], columns: list[str]) -> Rows:
    """Put a file's rows in file order with ``_line`` and ``_skip``; blank lines are counted."""
    main = rows.frame
    main["_line"] = rows.lines
    main["_skip"] = ""
    blank = np.ones(len(main), dtype=bool)
    for col in columns:
        blank &= (main[col] == "").to_numpy()
    rows.blank = int(blank.sum())
    frames = [f for f in [main[~blank], *parts] if len(f)]
    if frames:
        joined = pd.concat(frames, ignore_index=True).sort_values("_line", kind="stable")
    else:
        joined = main.iloc[0:0]
    rows.frame = joined.reset_index(drop=True)
    return rows
