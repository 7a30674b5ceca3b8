"""Calendar periods and the relations in force in each: which periods a relation overlaps
(:func:`relation_periods`) and the share of each it was in force (:func:`period_shares`).

Periods are calendar ``year``, ``quarter`` or ``month``, numbered by a sortable code (the
year, ``year * 4 + quarter``, ``year * 12 + month``, counted from 0) and labelled ``2015``,
``2015Q4``, ``2015-12``. The rules are in :mod:`graph.analyze.temporal`.

>>> labels(np.array([2015 * 4 + 3]), "quarter").tolist()
['2015Q4']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import UsageError
from ..model.dates import is_ongoing

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["FREQUENCIES", "WEIGHTINGS", "labels", "period_shares", "relation_periods"]

FREQUENCIES: tuple[str, ...] = ("year", "quarter", "month")
WEIGHTINGS: tuple[str, ...] = ("share", "count")
_PER_YEAR = {"year": 1, "quarter": 4, "month": 12}


def _codes(dates: pd.Series, freq: str) -> np.ndarray:
    years = dates.dt.year.to_numpy(dtype=np.int64)
    if freq == "year":
        return years
    months = dates.dt.month.to_numpy(dtype=np.int64) - 1
    return years * 4 + months // 3 if freq == "quarter" else years * 12 + months


def labels(codes: np.ndarray, freq: str) -> np.ndarray:
    """The label of each period code: ``2015``, ``2015Q4`` or ``2015-12``."""
    per = _PER_YEAR[freq]
    years, rest = np.divmod(codes, per)
    text = years.astype(str).astype(object)
    if freq == "quarter":
        return text + "Q" + (rest + 1).astype(str).astype(object)
    if freq == "month":
        return text + "-" + np.char.zfill((rest + 1).astype(str), 2).astype(object)
    return text


def _check_freq(freq: str) -> None:
    if freq not in FREQUENCIES:
        raise UsageError(f"unknown period '{freq}'; expected one of: {', '.join(FREQUENCIES)}")


def relation_periods(dataset: Dataset, freq: str = "year") -> pd.DataFrame:
    """One row per (relation, period it overlaps): ``row`` (position in ``dataset.edges``),
    ``code`` (sortable period number) and ``period`` (label). Undated relations are left out.
    """
    _check_freq(freq)
    edges = dataset.edges
    dated = np.flatnonzero(edges["date_start"].notna().to_numpy())
    first = _codes(edges["date_start"].iloc[dated], freq)
    last = _codes(edges["date_end"].iloc[dated], freq)
    lengths = np.maximum(last - first + 1, 1)
    rows = np.repeat(dated, lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    codes = np.repeat(first, lengths) + offsets
    return pd.DataFrame({"row": rows, "code": codes, "period": labels(codes, freq)})


def _first_days(codes: np.ndarray, freq: str) -> np.ndarray:
    """The first day of each period code, as ``datetime64[D]``."""
    months = codes * (12 // _PER_YEAR[freq]) - 1970 * 12  # months since 1970-01
    return months.astype("datetime64[M]").astype("datetime64[D]")


def period_shares(dataset: Dataset, spans: pd.DataFrame, freq: str = "year") -> np.ndarray:
    """The share of each period (a row of :func:`relation_periods`) its relation was in force.

    - a relation with an ``end_date``: days in force in the period / days in the period, its
      dates read as intervals (``1985-03`` to ``1985-03`` is 31/365 of 1985; ``1950`` to
      ``1989`` is 1 in each of those years; ``1950-07`` to ``1951`` is 184/365 of 1950);
    - ``ongoing``: in force from its start to the end of the data's last period;
    - no ``end_date``: a point event, 1 in all, split evenly over the periods its date names
      (1 in its one period when the date is as precise as the period or more: ``2021-04``
      by year or month, but 1/12 in each month for ``2021`` by month).

    Parameters
    ----------
    dataset : Dataset
        The dataset ``spans`` was computed from.
    spans : pandas.DataFrame
        :func:`relation_periods` of ``dataset`` at ``freq``.
    freq : {"year", "quarter", "month"}, default "year"
        The length of a period.

    Returns
    -------
    numpy.ndarray
        One share in (0, 1] per row of ``spans``.

    Examples
    --------
    >>> from graph.analyze import period_shares, relation_periods
    >>> shares = period_shares(ds, relation_periods(ds))
    >>> bool(((shares > 0) & (shares <= 1)).all())
    True
    """
    _check_freq(freq)
    rows = spans["row"].to_numpy(dtype=np.int64)
    codes = spans["code"].to_numpy(dtype=np.int64)
    edges = dataset.edges
    text = edges["end_date"].to_numpy(dtype=object)[rows]
    ongoing = is_ongoing(text)
    event = (text == "") | pd.isna(text)
    p0, p1 = _first_days(codes, freq), _first_days(codes + 1, freq)
    s = edges["date_start"].to_numpy(dtype="datetime64[D]")[rows]
    e = edges["date_end"].to_numpy(dtype="datetime64[D]")[rows] + np.timedelta64(1, "D")
    e = np.where(ongoing, p1, e)
    days = (np.minimum(e, p1) - np.maximum(s, p0)).astype(np.int64)
    share = np.clip(days / (p1 - p0).astype(np.int64), 0.0, 1.0)
    periods = np.bincount(rows, minlength=len(edges))[rows]  # periods each relation spans
    return np.where(event, 1.0 / np.maximum(periods, 1), share)
