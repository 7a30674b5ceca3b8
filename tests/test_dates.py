"""Dates keep the precision they are written with."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.model.dates import DATE_DTYPE, is_ongoing, iso_day, parse_bound, parse_dates


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


def test_is_ongoing_ignores_case_and_spaces() -> None:
    values = pd.Series(["ongoing", " ONGOING ", "Ongoing", "", "2019", None, "on going"])
    assert is_ongoing(values).tolist() == [True, True, True, False, False, False, False]


NODES = "id,label,type\na,A,state\nb,B,state\n"


def test_ongoing_is_stored_lower_case_with_the_datas_last_day(make_dataset) -> None:
    edges = (
        "source,target,type,date,end_date\n"
        "a,b,cooperation,1950,Ongoing\n"
        "a,b,dispute,1985-03,1985-03\n"
        "a,b,visit,2021-04-05,\n"
        "a,b,talks,,ongoing\n"
    )
    ds = graph.load(make_dataset(NODES, edges))
    assert ds.edges["end_date"].tolist() == ["ongoing", "1985-03", "", "ongoing"]
    assert ds.edges["date_end"].dtype == DATE_DTYPE
    ends = [None if pd.isna(d) else iso_day(d) for d in ds.edges["date_end"]]
    # the alliance runs to the latest day the file names; the undated one has no interval
    assert ends == ["2021-04-05", "1985-03-31", "2021-04-05", None]


@pytest.mark.parametrize(
    ("end", "code", "message"),
    [
        ("soon", "bad-date", "'soon' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("on-going", "bad-date", "or 'ongoing' for a relation still in force"),
        ("2019-13", "bad-date", "'2019-13' is not a date"),
        ("1949", "end-before-start", "end_date '1949' is before date '1950'"),
    ],
)
def test_bad_end_dates_name_file_row_and_column(
    make_dataset, end: str, code: str, message: str
) -> None:
    edges = f"source,target,type,date,end_date\na,b,talks,2019,ongoing\na,b,talks,1950,{end}\n"
    (issue,) = graph.validate(make_dataset(NODES, edges)).errors
    assert (issue.file, issue.row, issue.column, issue.code) == ("edges.csv", 3, "end_date", code)
    assert message in issue.message


def test_ongoing_is_not_a_start_date(make_dataset) -> None:
    edges = "source,target,type,date\na,b,talks,ongoing\n"
    (issue,) = graph.validate(make_dataset(NODES, edges)).errors
    assert (issue.row, issue.column, issue.code) == (2, "date", "bad-date")


def test_ongoing_round_trips_through_export(make_dataset, tmp_path: Path) -> None:
    edges = "source,target,type,date,end_date\na,b,cooperation,1950,ONGOING\na,b,visit,2019,\n"
    ds = graph.load(make_dataset(NODES, edges))
    result = CliRunner().invoke(
        app, ["export", str(make_dataset(NODES, edges, name="src")), "--format", "csv",
              "-o", str(tmp_path / "copy")]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "a,b,cooperation,1950,ongoing" in (tmp_path / "copy" / "edges.csv").read_text()
    again = graph.load(tmp_path / "copy")
    pd.testing.assert_frame_equal(again.edges[ds.edges.columns], ds.edges)
    graph.write_dataset(again, tmp_path / "twice")
    pd.testing.assert_frame_equal(graph.load(tmp_path / "twice").edges, again.edges)
