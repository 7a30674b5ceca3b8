"""``graph balance``: JSON equals the library, the summary for people, the time-limit message and
exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

import graph
from graph.cli import app

runner = CliRunner()
TRIBES = Path(__file__).parent / "data" / "highland_tribes"
BROKEN = Path(__file__).parent / "data" / "broken"


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_json_equals_the_library() -> None:
    result = invoke("balance", "--json")
    assert result.exit_code == 0, result.output
    expected = graph.balance(graph.load()).to_dict()
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))


def test_json_names_the_frustrated_tie_of_the_iran_tajikistan_uto_triangle() -> None:
    # the civil war years: Iran mediates with the UTO, at war with Tajikistan
    data = json.loads(invoke("balance", "--from", "1994", "--to", "1996", "--json").stdout)
    assert data["triangles"]["++-"] == 1 and data["balanced_share"] == 0.0
    trio = {"iran", "tajikistan", "uto"}
    frustrated = data["frustration"]["frustrated"]
    assert any({tie["source"], tie["target"]} <= trio for tie in frustrated)
    assert data["frustration"]["index"] == 1 and data["frustration"]["optimal"] is True


def test_json_names_the_frustrated_tie_of_the_iran_tajikistan_irpt_triangle() -> None:
    # the whole record: Iran on good terms with Tajikistan and the IRPT, which are at odds
    data = json.loads(invoke("balance", "--json").stdout)
    assert data["triangles"] == {"+++": 0, "++-": 1, "+--": 0, "---": 0}
    assert data["frustration"]["index"] == 1 and data["frustration"]["optimal"] is True
    assert data["frustration"]["frustrated"] == [
        {"source": "tajikistan", "target": "irpt", "sign": -1}
    ]


def test_the_summary_for_people_uses_labels() -> None:
    result = invoke("balance", "--from", "1994", "--to", "1996")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "triangles: 1 (+++ 0, ++- 1, +-- 0, --- 0)" in text
    assert "balanced share (+++ and +--): 0 (0 of 1)" in text
    assert "sign-shuffle null model (1000 shuffles, seed 7)" in text
    assert "frustration index: L = 1 of 4 ties (optimal)" in text
    assert "Tajikistan — United Tajik Opposition (−)" in text
    assert "group 1 (3): Iran, Tajikistan, United Tajik Opposition" in text
    text = invoke("balance").stdout
    assert "triangles: 1 (+++ 0, ++- 1, +-- 0, --- 0)" in text
    assert "frustration index: L = 1 of 15 ties (optimal)" in text
    assert "frustrated ties:\n  Tajikistan — Islamic Renaissance Party of Tajikistan (−)\n" in text
    assert "Iran — Tajikistan: 16 cooperative, 3 conflictual → +" in text
    assert "Tajikistan — United Tajik Opposition: 1 cooperative, 1 conflictual → neutral" in text
    assert "group 1 (11): Armed Forces of Iran," in text


def test_pair_sign_samples_and_seed_reach_the_library() -> None:
    args = ("--pair-sign", "any-negative", "--samples", "50", "--seed", "3")
    data = json.loads(invoke("balance", TRIBES, *args, "--json").stdout)
    expected = graph.balance(
        graph.load(TRIBES), pair_sign="any-negative", null_samples=50, seed=3
    ).to_dict()
    assert data == json.loads(json.dumps(expected))
    assert data["frustration"]["index"] == 7 and data["pair_sign"] == "any-negative"


def test_filters_apply_before_the_analysis() -> None:
    data = json.loads(invoke("balance", "--sign", "1", "--json").stdout)
    assert data["frustration"]["index"] == 0 and data["triangles"]["++-"] == 0


def _blocs(folder: Path, n: int = 200, m: int = 1200) -> Path:
    """A dataset of three blocs (positive inside, negative between, 10 % noise)."""
    rng = np.random.default_rng(1)
    bloc = rng.choice(3, size=n, p=[0.45, 0.35, 0.2])
    pairs: dict[tuple[int, int], int] = {}
    while len(pairs) < m:
        a, b = sorted(rng.integers(0, n, size=2).tolist())
        if a != b:
            flip = rng.random() < 0.1
            pairs.setdefault((a, b), (bloc[a] == bloc[b]) != flip)
    folder.mkdir()
    nodes = "".join(f"a{i:03d},Actor {i},state\n" for i in range(n))
    (folder / "nodes.csv").write_text("id,label,type\n" + nodes, encoding="utf-8")
    edges = "".join(
        f"a{a:03d},a{b:03d},{'cooperation' if good else 'conflict'}\n"
        for (a, b), good in pairs.items()
    )
    (folder / "edges.csv").write_text("source,target,type\n" + edges, encoding="utf-8")
    return folder


def test_the_time_limit_message_gives_the_bound_and_how_to_raise_it(tmp_path: Path) -> None:
    folder = _blocs(tmp_path / "blocs")
    result = invoke("balance", folder, "--time-limit", "0.001", "--samples", "0")
    assert result.exit_code == 0, result.output
    assert "not proved optimal within the 0.001 s time limit" in result.stdout
    assert "Raise --time-limit (e.g. --time-limit 60)" in result.stdout
    assert "(best found; lower bound" in result.stdout
    quiet = invoke("balance", folder, "--time-limit", "0.001", "--samples", "0", "--json")
    assert quiet.exit_code == 0
    data = json.loads(quiet.stdout)  # the note goes to stderr: stdout stays JSON
    assert data["frustration"]["optimal"] is False
    assert 0 <= data["frustration"]["bound"] <= data["frustration"]["index"]
    assert "Note: the frustration index was not proved optimal" in quiet.stderr


def test_usage_errors_name_the_flags_and_exit_2() -> None:
    cases = {
        ("--pair-sign", "mostly"): "Error: unknown --pair-sign 'mostly'; expected one of: "
        "sum, any-negative, majority\n",
        ("--time-limit", "0"): "Error: --time-limit must be a positive number of seconds, "
        "not 0.0\n",
        ("--samples", "-1"): "Error: --samples must be 0 or more, not -1\n",
    }
    for args, message in cases.items():
        result = invoke("balance", *args)
        assert result.exit_code == 2 and result.stderr == message, result.output


def test_invalid_data_exits_1_without_a_traceback() -> None:
    result = invoke("balance", BROKEN / "bad-sign")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "bad-sign" in result.stderr


def test_help_shows_examples() -> None:
    result = invoke("balance", "--help")
    assert result.exit_code == 0 and "graph balance --pair-sign any-negative" in result.stdout
