"""``graph similarity``: JSON equals the library, the table for people, --actor, --top and the
exit codes."""

from __future__ import annotations

import json
import math
from pathlib import Path

from typer.testing import CliRunner

import graph
from graph.cli import app

runner = CliRunner()
TRIBES = Path(__file__).parent / "data" / "highland_tribes"


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_json_keys_and_values_equal_the_library() -> None:
    result = invoke("similarity", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["method", "pair_sign", "actors", "total", "pairs"]
    assert (data["method"], data["pair_sign"], data["actors"]) == ("s", "sum", None)
    expected = graph.similarity(graph.load())
    assert data["total"] == len(expected) == 231 and len(data["pairs"]) == 231
    assert data["pairs"] == expected.to_dict("records")


def test_structural_json_writes_undefined_values_as_null() -> None:
    data = json.loads(invoke("similarity", "--method", "structural", "--json").stdout)
    values = [p["value"] for p in data["pairs"]]
    assert values.count(None) == 122 and values[0] == 1.0
    expected = graph.similarity(graph.load(), method="structural")["value"].tolist()
    assert all(
        (v is None and math.isnan(e)) or v == e for v, e in zip(values, expected, strict=True)
    )


def test_actor_top_and_pair_sign_reach_the_library() -> None:
    args = ("--actor", "Gama", "--actor", "ove", "--top", "3", "--pair-sign", "any-negative")
    result = invoke("similarity", TRIBES, *args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ds = graph.load(TRIBES)
    ids = sorted({graph.find_node(ds, "Gama"), graph.find_node(ds, "ove")})
    expected = graph.similarity(ds, actors=ids, pair_sign="any-negative")
    assert data["actors"] == ids and data["pair_sign"] == "any-negative"
    assert data["total"] == len(expected) == 2 * 15 - 1
    assert data["pairs"] == expected.head(3).to_dict("records")


def test_the_table_for_people_uses_labels() -> None:
    result = invoke("similarity", "--actor", "iran", "--top", "2")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Signorino–Ritter S" in text and "(2 of 21 pairs)" in text
    assert "Muhiddin Kabiri" in text and "0.727" in text  # 1 − 6/22
    assert "Tajikistan" not in text.split("pairs)")[1]  # only the top two


def test_structural_table_shows_undefined_as_a_dash() -> None:
    result = invoke("similarity", "--method", "structural", "--top", "0")
    assert result.exit_code == 0, result.output
    assert "structural equivalence" in result.stdout and "–" in result.stdout


def test_bad_method_is_a_usage_error() -> None:
    result = invoke("similarity", "--method", "cosine")
    assert result.exit_code == 2
    assert "unknown --method 'cosine'; expected one of: s, structural" in result.output


def test_unknown_actor_is_a_clear_usage_error() -> None:
    result = invoke("similarity", "--actor", "tajikstan")
    assert result.exit_code == 2
    assert (
        "--actor: 'tajikstan' is not a node id, label or alias (did you mean 'tajikistan'?)"
        in result.output
    )


def test_bad_pair_sign_names_the_flag() -> None:
    result = invoke("similarity", "--pair-sign", "mean")
    assert result.exit_code == 2 and "unknown --pair-sign 'mean'" in result.output


def test_filters_apply_before_the_analysis() -> None:
    data = json.loads(invoke("similarity", "--node-types", "state", "--json").stdout)
    states = graph.load().filter(node_types=["state"])
    assert data["total"] == len(states.nodes) * (len(states.nodes) - 1) // 2
