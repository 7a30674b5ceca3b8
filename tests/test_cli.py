"""The CLI: exit codes, messages, --json equal to the library, --debug, and --help examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.cli.options import FLAGS

BROKEN = Path(__file__).parent / "data" / "broken"
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_validate_bundled_exits_0() -> None:
    result = invoke("validate", graph.default_dataset_path())
    assert result.exit_code == 0, result.output
    assert "valid: 0 error(s)" in result.stdout


@pytest.mark.parametrize("case", sorted(p.name for p in BROKEN.iterdir() if p.is_dir()))
def test_validate_broken_exits_1_with_one_line_per_problem(case: str) -> None:
    code, file, row, column = (BROKEN / case / "expected.txt").read_text().strip("\n").split("\t")
    result = invoke("validate", BROKEN / case)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1
    where = (
        f"error: {file}"
        + (f" line {row}" if row else "")
        + (f", column '{column}'" if column else "")
    )
    assert lines[0].startswith(where + ":") and lines[0].endswith(f"[{code}]")
    assert "Traceback" not in result.output


def test_validate_json_equals_library() -> None:
    result = invoke("validate", BROKEN / "dangling-edge", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == graph.validate(BROKEN / "dangling-edge").to_dict()


def test_missing_path_exits_2(tmp_path: Path) -> None:
    for command in ("validate", "stats", "export"):
        result = invoke(command, tmp_path / "nowhere")
        assert result.exit_code == 2, command
        assert "does not exist" in result.stderr and "Traceback" not in result.output


def test_usage_errors_exit_2() -> None:
    assert invoke("stats", "--types", "visitt").exit_code == 2
    assert invoke("stats", "--from", "2019-13").exit_code == 2
    assert invoke("stats", "--top", "zero").exit_code == 2
    assert invoke("nosuchcommand").exit_code == 2


def test_debug_shows_traceback() -> None:
    plain = invoke("stats", BROKEN / "bad-date")
    debug = invoke("--debug", "stats", BROKEN / "bad-date")
    assert plain.exit_code == debug.exit_code == 1
    assert "Traceback" not in plain.output and "Traceback" in debug.stderr


def test_stats_without_argument_summarizes_the_bundled_dataset() -> None:
    result = invoke("stats")
    assert result.exit_code == 0, result.output
    ds = graph.load()
    assert f"{len(ds.nodes)} nodes, {len(ds.edges)} relations" in result.stdout
    assert "Relations by type" in result.stdout and "tajikistan" in result.stdout


def test_stats_json_equals_library() -> None:
    result = invoke("stats", "--json", "--types", "visit,talks,agreement")
    assert result.exit_code == 0
    filtered = graph.load().filter(types=["visit", "talks", "agreement"])
    expected = graph.summarize(filtered).to_dict()
    data = json.loads(result.stdout)
    assert {k: data[k] for k in expected} == json.loads(json.dumps(expected))


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_writes_file(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = invoke("export", "--format", fmt, "-o", target)
    assert result.exit_code == 0, result.output
    assert target.exists() and f"wrote {target}" in result.stdout


def test_failed_export_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.graphml"
    result = invoke("export", BROKEN / "bad-sign", "-o", target)
    assert result.exit_code == 1 and not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_every_command_help_shows_an_example() -> None:
    for name, command in ((c.name, c) for c in app.registered_commands):
        result = invoke(name or command.callback.__name__, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout, name
        assert f"graph {name}" in result.stdout, name


def test_dataset_outputs_never_overwrite_a_folder_silently(tmp_path: Path) -> None:
    target = tmp_path / "copy"
    assert invoke("export", "--format", "csv", "-o", target).exit_code == 0
    again = invoke("export", "--format", "csv", "-o", target)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert invoke("export", "--format", "csv", "-o", target, "--force").exit_code == 0
    folder = invoke("export", "--format", "json", "-o", target)
    assert folder.exit_code == 2 and "is a folder" in folder.stderr


def test_filtered_csv_export_with_custom_types_validates(make_dataset, tmp_path: Path) -> None:
    folder = make_dataset(
        "id,label,type,country\nsyria,Syria,state,\nlebanon,Lebanon,state,\n"
        "hezbollah,Hezbollah,militia,lebanon\n",
        "source,target,type\nhezbollah,syria,airstrike\nlebanon,syria,talks\n",
        extra={"vocabulary.toml": "[node_types.militia]\n[edge_types.airstrike]\nsign = -1\n"},
    )
    out = tmp_path / "air"
    result = invoke("export", folder, "--types", "airstrike", "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    copy = graph.load(out)  # types travel in vocabulary.toml; lebanon filtered out: no country
    assert copy.nodes.set_index("id").loc["hezbollah", "country"] == ""
    assert copy.vocabulary.edge_types["airstrike"].sign == -1


def test_reversed_window_and_depth_without_ego_are_usage_errors() -> None:
    result = invoke("stats", "--from", "2020", "--to", "2019")
    assert result.stderr == "Error: --from 2020 is after --to 2019; swap them\n"
    assert result.exit_code == 2
    assert invoke("stats", "--depth", "2").exit_code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("stats", "--from", "2019-13"), "Error: --from: "),
        (("stats", "--as-of", "x"), "Error: --as-of: "),
        (
            ("html", "--ego", "tajikstan"),
            "Error: --ego: 'tajikstan' is not a node id, label or alias "
            "(did you mean 'tajikistan'?)\n",
        ),
        (("stats", "--as-of", "2019", "--from", "2018"), "Error: give either --as-of or"),
    ],
)
def test_library_messages_name_the_flags(args: tuple[str, ...], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and result.stderr.startswith(message)


def test_every_worded_parameter_is_a_real_flag() -> None:
    import typer.main

    flags = {
        name
        for group in (app, *(g.typer_instance for g in app.registered_groups))
        for command in typer.main.get_command(group).commands.values()
        for sub in getattr(command, "commands", {"": command}).values()
        for param in sub.params
        for name in param.opts
    }
    assert set(FLAGS.values()) <= flags


@pytest.mark.parametrize("command", ["stats", "html", "report", "export"])
def test_the_filter_options_are_the_same_everywhere(command: str) -> None:
    text = " ".join(invoke(command, "--help").stdout.split())
    for option in ("--types", "--families", "--node-types", "--from", "--to", "--as-of"):
        assert option in text, (command, option)
    for option in ("--ego", "--depth", "--sign"):
        assert option in text, (command, option)


def test_ego_takes_a_name_and_export_the_depth(tmp_path: Path) -> None:
    by_name = invoke("stats", "--json", "--ego", "Muhiddin Kabiri", "--depth", "2")
    by_id = invoke("stats", "--json", "--ego", "muhiddin_kabiri", "--depth", "2")
    assert by_name.exit_code == 0 and by_name.stdout == by_id.stdout
    target = tmp_path / "ego.json"
    result = invoke("export", "--format", "json", "--ego", "Kabiri", "--depth", "2", "-o", target)
    assert result.exit_code == 0, result.output
    nodes = {n["id"] for n in json.loads(target.read_text(encoding="utf-8"))["nodes"]}
    assert nodes == set(graph.load().filter(ego="muhiddin_kabiri", depth=2).nodes["id"])


def test_dot_dataset_takes_the_folder_name(monkeypatch) -> None:
    monkeypatch.chdir(graph.default_dataset_path())
    result = invoke("stats", ".", "--json")
    assert json.loads(result.stdout)["name"] == "iran_tajikistan"
