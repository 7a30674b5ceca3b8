"""ISO 8601 dates at the precision they are known: ``2019``, ``2015-12``, ``2021-04-05``.

A date is kept as written; for filtering it also becomes an interval: the first and the last
day of the year, month or day it names. Parsing is vectorized over the unique values.

Every four-digit year is supported, ``0001`` to ``9999``: intervals are ``datetime64[us]``
(:data:`DATE_DTYPE`), whose range is far wider, never pandas' old nanosecond unit, which ends
in 1677 and 2262 and would wrap ``9999`` around to 1816.

>>> parsed = parse_dates(pd.Series(["2019", "2015-12", "2021-04-05", "", "2019-13-40"]))
>>> parsed.precision.tolist()
['year', 'month', 'day', '', '']
>>> [str(d.date()) for d in parsed.end[:3]]
['2019-12-31', '2015-12-31', '2021-04-05']
>>> parsed.bad.tolist()
[False, False, False, False, True]
>>> [iso_day(d) for d in parse_dates(pd.Series(["0800", "9999-12"])).end]
['0800-12-31', '9999-12-31']

An ``end_date`` may also be the word :data:`ONGOING` (any case): the relation is still in
force, which is not the same as an empty ``end_date`` (end unknown); see :func:`is_ongoing`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "DATE_DTYPE",
    "DATE_FORMATS",
    "ONGOING",
    "ParsedDates",
    "is_ongoing",
    "iso_day",
    "parse_bound",
    "parse_coded_dates",
    "parse_dates",
]

#: The dtype of interval bounds (``date_start``, ``date_end``): microseconds hold every
#: four-digit year (nanoseconds stop at 1677-09-21 and 2262-04-11).
DATE_DTYPE = "datetime64[us]"

#: The ``end_date`` of a relation still in force (written in any case; stored lower-case).
ONGOING = "ongoing"

#: length of the text -> (strptime format, precision name, period alias)
DATE_FORMATS: dict[int, tuple[str, str, str]] = {
    4: ("%Y", "year", "Y"),
    7: ("%Y-%m", "month", "M"),
    10: ("%Y-%m-%d", "day", "D"),
}


@dataclass
class ParsedDates:
    """Interval and precision of each date; ``bad`` marks text that is not a valid date."""

    start: pd.Series
    end: pd.Series
    precision: pd.Series
    bad: pd.Series


def _parse_unique(values: pd.Index) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n = len(values)
    start = np.full(n, np.datetime64("NaT"), dtype=DATE_DTYPE)
    end = start.copy()
    precision = np.full(n, "", dtype=object)
    bad = np.zeros(n, dtype=bool)
    text = pd.Series(values, dtype=object).astype(str)
    lengths = text.str.len().to_numpy()
    shaped = text.str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").to_numpy(dtype=bool)
    for length, (fmt, name, alias) in DATE_FORMATS.items():
        mask = shaped & (lengths == length)
        if not mask.any():
            continue
        parsed = pd.to_datetime(text[mask], format=fmt, errors="coerce")
        ok = parsed.notna().to_numpy()
        idx = np.flatnonzero(mask)
        good = idx[ok]
        first = parsed[ok]
        start[good] = first.to_numpy(dtype=DATE_DTYPE)
        last = first.dt.to_period(alias).dt.end_time.dt.normalize()
        end[good] = last.to_numpy(dtype=DATE_DTYPE)
        precision[good] = name
        bad[idx[~ok]] = True
    empty = lengths == 0
    bad |= ~shaped & ~empty
    return start, end, precision, bad


def parse_dates(values: pd.Series) -> ParsedDates:
    """Parse ISO dates of year, month or day precision; empty text is 'no date'.

    Parameters
    ----------
    values : pandas.Series of str
        Dates as written (surrounding spaces ignored).

    Returns
    -------
    ParsedDates
        ``start``/``end`` (:data:`DATE_DTYPE`, NaT when empty or bad), ``precision``
        (``year``/``month``/``day`` or empty) and ``bad``, aligned with ``values``.
    """
    codes, uniques = pd.factorize(values.fillna("").astype(str).str.strip())
    return parse_coded_dates(codes, np.asarray(uniques, dtype=object), values.index)


def parse_coded_dates(codes: np.ndarray, uniques: np.ndarray, index: pd.Index) -> ParsedDates:
    """:func:`parse_dates` for a column already factorized into ``codes`` and ``uniques``."""
    start, end, precision, bad = _parse_unique(pd.Index(uniques, dtype=object))

    return ParsedDates(
        start=pd.Series(start[codes], index=index, dtype=DATE_DTYPE, copy=False),
        end=pd.Series(end[codes], index=index, dtype=DATE_DTYPE, copy=False),
        precision=pd.Series(precision[codes], index=index, dtype=object, copy=False),
        bad=pd.Series(bad[codes], index=index, dtype=bool, copy=False),
    )


def is_ongoing(values: pd.Series | np.ndarray) -> np.ndarray:
    """Which ``end_date`` texts say "still in force": :data:`ONGOING` in any case, spaces
    around ignored.

    >>> is_ongoing(pd.Series(["ongoing", " Ongoing ", "", "2019"])).tolist()
    [True, True, False, False]
    """
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))  # once per distinct text
    words = np.array([str(u).strip().lower() == ONGOING for u in uniques] + [False])
    return words[codes]  # code -1 (a missing value) reads the final False


def parse_bound(text: str, *, upper: bool = False) -> pd.Timestamp:
    """Parse one date bound given by a user (``--from 2015``, ``--to 2019-06``).

    A lower bound is the first day of the period, an upper bound its last day.

    Raises
    ------
    ValueError
        If ``text`` is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    >>> parse_bound("2019"), parse_bound("2019-02", upper=True)
    (Timestamp('2019-01-01 00:00:00'), Timestamp('2019-02-28 00:00:00'))
    """
    parsed = parse_dates(pd.Series([text]))
    if parsed.bad.iloc[0] or parsed.precision.iloc[0] == "":
        raise ValueError(f"'{text}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")
    return pd.Timestamp(parsed.end.iloc[0] if upper else parsed.start.iloc[0])


def iso_day(value: pd.Timestamp | np.datetime64) -> str:
    """A date as ``YYYY-MM-DD``, with four digits for every year.

    ``Timestamp.strftime("%Y")`` writes the year 800 as ``800`` (the C library's habit), which
    no longer sorts or compares as text; this does not.

    >>> iso_day(pd.Timestamp("0800-02-03")), iso_day(np.datetime64("2019-10-24"))
    ('0800-02-03', '2019-10-24')
    """
    return pd.Timestamp(value).date().isoformat()
