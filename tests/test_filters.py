"""Filtered views: type, family, node type, sign, time window, as-of and ego network."""

from __future__ import annotations

import pandas as pd
import pytest

import graph
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
