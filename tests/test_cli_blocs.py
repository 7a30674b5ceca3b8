"""``graph blocs``: JSON equals the library, the summary names the blocs and the violating ties,
options reach the library, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import graph
from graph.cli import app

runner = CliRunner()
TRIBES = Path(__file__).parent / "data" / "highland_tribes"


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_json_equals_the_library_with_the_documented_keys() -> None:
    # the civil war years, whose Iran–Tajikistan–UTO triangle is unbalanced
    result = invoke("blocs", "--from", "1994", "--to", "1996", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(data) == [
        "alpha", "blocs", "criterion", "k", "negative_inside", "pair_sign",
        "positive_between", "restarts", "seed", "violations",
    ]  # fmt: skip
    expected = graph.signed_blocs(graph.load().filter(start="1994", end="1996"), 3).to_dict()
    assert data == json.loads(json.dumps(expected))
    assert data["k"] == 3 and data["criterion"] == 0.5
    assert data["violations"] == [
        {"source": "iran", "target": "tajikistan", "sign": 1, "kind": "positive between"}
    ]


def test_options_reach_the_library() -> None:
    args = ("--k", "2", "--alpha", "0.25", "--pair-sign", "majority", "--restarts", "5")
    data = json.loads(invoke("blocs", TRIBES, *args, "--seed", "3", "--json").stdout)
    expected = graph.signed_blocs(
        graph.load(TRIBES), 2, alpha=0.25, pair_sign="majority", restarts=5, seed=3
    ).to_dict()
    assert data == json.loads(json.dumps(expected))
    assert (data["k"], data["alpha"], data["restarts"], data["seed"]) == (2, 0.25, 5, 3)


def test_the_summary_names_the_tribes_blocs_and_violations() -> None:
    result = invoke("blocs", TRIBES, "--k", "3")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "criterion α·N + (1 − α)·P = 1 (α = 0.5): N = 0 negative inside, P = 2" in text
    assert "bloc 1 (7): Ove, Alika, Gahuk, Masil, Ukudz, Geham, Asaro" in text
    assert "bloc 2 (5): Nagam, Notoh, Kohik, Uheto, Seuve" in text
    assert "bloc 3 (4): Gavev, Kotun, Nagad, Gama" in text
    assert "Masil — Uheto (+, positive between)" in text


def test_the_summary_uses_labels_and_lists_the_violating_tie() -> None:
    text = invoke("blocs", "--from", "1994", "--to", "1996", "--k", "2").stdout
    assert "Iran — United Tajik Opposition (+, positive between)" in text
    assert "bloc 1 (2): Iran, Tajikistan" in text
    text = invoke("blocs", "--k", "2").stdout
    assert "bloc 1 (10): Iran, Tajikistan, United Tajik Opposition," in text
    assert "N = 0 negative inside, P = 1 positive between" in text
    assert "Iran — Islamic Renaissance Party of Tajikistan (+, positive between)" in text


def test_filters_apply_before_the_analysis() -> None:
    data = json.loads(invoke("blocs", "--sign", "1", "--k", "2", "--json").stdout)
    assert data["criterion"] == 0 and data["violations"] == []


def test_bad_k_alpha_or_pair_sign_exit_2() -> None:
    for args in (("--k", "0"), ("--alpha", "2"), ("--restarts", "0"), ("--pair-sign", "x")):
        result = invoke("blocs", *args)
        assert result.exit_code == 2, (args, result.output)
        assert "Error:" in result.stderr
    assert "must be 1 or more, not 0" in invoke("blocs", "--k", "0").stderr
