"""Filtered views: type, family, node type, sign, time window, as-of and ego network."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.errors import UsageError

NODES = pd.DataFrame(
    {
        "id": ["iran", "tajikistan", "russia", "kabiri", "irpt"],
        "label": ["Iran", "Tajikistan", "Russia", "Muhiddin Kabiri", "IRPT"],
        "type": ["state", "state", "state", "person", "party"],
    }
)
EDGES = pd.DataFrame(
    {
        "source": ["iran", "iran", "tajikistan", "russia", "kabiri", "iran", "tajikistan"],
        "target": ["tajikistan", "tajikistan", "iran", "tajikistan", "irpt", "kabiri", "russia"],
        "type": ["recognition", "dispute", "protest", "pressure", "leadership", "invitation",
                 "membership"],
        "date": ["1991", "2015-12", "2015-12", "2021", "", "2015-12", "1992-05-15"],
        "end_date": ["", "2019", "", "", "", "", "2010"],
    }
)  # fmt: skip


@pytest.fixture
def ds() -> graph.Dataset:
    return graph.from_frames(NODES, EDGES)


def _types(d: graph.Dataset) -> list[str]:
    return sorted(d.edges["type"])


def test_types_and_families(ds: graph.Dataset) -> None:
    assert _types(ds.filter(types=["dispute", "protest"])) == ["dispute", "protest"]
    assert _types(ds.filter(families=["coercion"])) == ["pressure", "protest"]
    only = ds.filter(types=["leadership"])
    assert sorted(only.nodes["id"]) == ["irpt", "kabiri"]  # actors without relations go


def test_node_types_drop_edges_to_other_types(ds: graph.Dataset) -> None:
    states = ds.filter(node_types=["state"])
    assert set(states.nodes["type"]) == {"state"}
    assert "invitation" not in _types(states) and "leadership" not in _types(states)


def test_sign(ds: graph.Dataset) -> None:
    assert _types(ds.filter(sign=-1)) == ["dispute", "pressure", "protest"]


def test_window_overlaps_intervals(ds: graph.Dataset) -> None:
    window = ds.filter(start="2017", end="2018", undated=False)
    assert _types(window) == ["dispute"]  # 2015-12..2019 overlaps 2017-2018
    assert "leadership" in _types(ds.filter(start="2017", end="2018"))  # undated kept
    assert _types(ds.filter(end="1991", undated=False)) == ["recognition"]


def test_as_of(ds: graph.Dataset) -> None:
    then = _types(ds.filter(as_of="2016", undated=False))
    assert then == ["dispute", "invitation", "protest", "recognition"]  # membership ended 2010
    assert "dispute" not in _types(ds.filter(as_of="2020", undated=False))


def test_ego(ds: graph.Dataset) -> None:
    one = ds.filter(ego="kabiri", depth=1)
    assert sorted(one.nodes["id"]) == ["iran", "irpt", "kabiri"]
    two = ds.filter(ego="kabiri", depth=2)
    assert "tajikistan" in set(two.nodes["id"]) and "russia" not in set(two.nodes["id"])
    assert two.notes == ("filtered: within 2 step(s) of kabiri",)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"types": ["visitt"]}, "did you mean 'visit'"),
        ({"node_types": ["states"]}, "did you mean 'state'"),
        ({"families": ["military"]}, "unknown relation family"),
        ({"start": "2019-13"}, "not a date"),
        ({"ego": "tajikstan"}, "did you mean 'tajikistan'"),
    ],
)
def test_bad_criteria_are_usage_errors(ds: graph.Dataset, kwargs: dict, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        ds.filter(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message", "worded"),
    [
        (
            {"start": "2020", "end": "2019"},
            "start 2020 is after end 2019; swap them",
            "--from 2020 is after --to 2019; swap them",
        ),
        (
            {"ego": "tajikstan"},
            "ego: 'tajikstan' is not a node id, label or alias (did you mean 'tajikistan'?)",
            "--ego: 'tajikstan' is not a node id, label or alias (did you mean 'tajikistan'?)",
        ),
        ({"sign": 2}, "sign must be -1, 0 or 1, not 2", "--sign must be -1, 0 or 1, not 2"),
    ],
)
def test_messages_name_python_parameters(kwargs: dict, message: str, worded: str) -> None:
    with pytest.raises(UsageError) as caught:
        graph.load().filter(**kwargs)
    assert str(caught.value) == message
    assert (
        caught.value.worded({"start": "--from", "end": "--to", "ego": "--ego", "sign": "--sign"})
        == worded
    )


def test_bad_as_of_names_its_parameter() -> None:
    with pytest.raises(UsageError, match=r"^as_of: "):
        graph.load().filter(as_of="2019-13")


# A one-month dispute in March 1985, an ongoing alliance since 1950, a 1950 visit (no end
# date: end unknown) and a membership that ended in November 2011.
TIMED = pd.DataFrame(
    {
        "source": ["iran", "iran", "iran", "tajikistan", "russia"],
        "target": ["tajikistan", "russia", "russia", "russia", "tajikistan"],
        "type": ["dispute", "cooperation", "visit", "membership", "talks"],
        "id": ["dispute", "alliance", "visit", "membership", "talks"],
        "date": ["1985-03", "1950", "1950-05-02", "1992-05-15", "2019"],
        "end_date": ["1985-03", "Ongoing", "", "2011-11-16", ""],
    }
)


@pytest.fixture
def timed() -> graph.Dataset:
    return graph.from_frames(NODES, TIMED)


def _ids(d: graph.Dataset) -> list[str]:
    return sorted(d.edges["id"])


def test_as_of_a_year_or_month_keeps_what_was_in_force_during_it(timed: graph.Dataset) -> None:
    assert "dispute" in _ids(timed.filter(as_of="1985"))
    assert "dispute" in _ids(timed.filter(as_of="1985-03"))
    assert "dispute" not in _ids(timed.filter(as_of="1985-04"))
    assert "membership" in _ids(timed.filter(as_of="2011"))  # ended 2011-11-16
    assert "membership" not in _ids(timed.filter(as_of="2011-12-31"))


def test_as_of_a_day_keeps_what_was_in_force_that_day(timed: graph.Dataset) -> None:
    assert _ids(timed.filter(as_of="1985-03-15")) == ["alliance", "dispute", "visit"]
    assert _ids(timed.filter(as_of="1985-12-31")) == ["alliance", "visit"]
    assert _ids(timed.filter(as_of=pd.Timestamp("1985-03-31 18:00"))) == [
        "alliance",
        "dispute",
        "visit",
    ]  # a Timestamp is its day
    assert _ids(timed.filter(as_of="1985-02-28")) == ["alliance", "visit"]  # not begun


def test_ongoing_is_open_ended_and_empty_is_a_point_in_windows(timed: graph.Dataset) -> None:
    # the ongoing alliance of 1950 is in force in a 1985 window, and after the data ends
    assert _ids(timed.filter(start="1985", end="1985")) == ["alliance", "dispute"]
    assert _ids(timed.filter(start="2030", end="2031")) == ["alliance"]
    assert "alliance" in _ids(timed.filter(as_of="1985-06-01"))
    # the 1950 visit (no end date) is a point in windows, still in force under as_of
    assert "visit" not in _ids(timed.filter(start="1985", end="1985"))
    assert "visit" in _ids(timed.filter(as_of="1985-06-01"))
    assert _ids(timed.filter(start="1950-05-02", end="1950-05-02")) == ["alliance", "visit"]


def test_as_of_is_described_by_its_rule(timed: graph.Dataset) -> None:
    assert timed.filter(as_of="1985").notes == ("filtered: in force at some time in 1985",)
    assert timed.filter(as_of="1985-03-15").notes == ("filtered: in force on 1985-03-15",)


def test_cli_as_of_a_year_counts_the_march_dispute(make_dataset) -> None:
    nodes = NODES.to_csv(index=False)
    folder = make_dataset(nodes, TIMED.to_csv(index=False))
    runner = CliRunner()
    year = runner.invoke(app, ["stats", str(folder), "--as-of", "1985", "--json"])
    day = runner.invoke(app, ["stats", str(folder), "--as-of", "1985-12-31", "--json"])
    assert year.exit_code == day.exit_code == 0, year.output
    year_data, day_data = json.loads(year.stdout), json.loads(day.stdout)
    assert (year_data["edges"], day_data["edges"]) == (3, 2)
    assert year_data["notes"] == ["filtered: in force at some time in 1985"]
    assert "in force" in runner.invoke(app, ["stats", "--help"]).output
