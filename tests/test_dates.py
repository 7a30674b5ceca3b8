"""Dates keep the precision they are written with."""

from __future__ import annotations

import pandas as pd
import pytest

from graph.model.dates import parse_bound, parse_dates


def test_precision_and_interval() -> None:
    parsed = parse_dates(pd.Series(["2019", "2015-12", "2021-04-05", " 2020-02 ", ""]))
    assert parsed.precision.tolist() == ["year", "month", "day", "month", ""]
    assert [str(d.date()) for d in parsed.start[:4]] == [
        "2019-01-01", "2015-12-01", "2021-04-05", "2020-02-01",
    ]  # fmt: skip
    assert [str(d.date()) for d in parsed.end[:4]] == [
        "2019-12-31", "2015-12-31", "2021-04-05", "2020-02-29",
    ]  # fmt: skip
    assert pd.isna(parsed.start.iloc[4]) and not parsed.bad.iloc[4]


@pytest.mark.parametrize(
    "text", ["2019-13-40", "2019-02-30", "19", "2019/01/01", "2019-1-5", "May 2019", "2019-00"]
)
def test_bad_dates(text: str) -> None:
    assert parse_dates(pd.Series([text])).bad.tolist() == [True]


def test_bounds() -> None:
    assert parse_bound("2019-02", upper=True) == pd.Timestamp("2019-02-28")
    assert parse_bound("2016") == pd.Timestamp("2016-01-01")
    with pytest.raises(ValueError, match="not a date"):
        parse_bound("next year")
