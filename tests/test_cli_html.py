"""``graph html``: writes the explorer page; shared filters; exit codes; --open."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.render import to_html

BROKEN = Path(__file__).parent / "data" / "broken"
runner = CliRunner()


def invoke(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def page_data(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    block = text.split('<script type="application/json" id="graph-data">', 1)[1]
    return json.loads(block.split("</script>", 1)[0])


def test_writes_the_bundled_page(tmp_path: Path, bundled: graph.Dataset) -> None:
    target = tmp_path / "out" / "iran.html"
    result = invoke("html", "-o", target)
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stdout and "22 of 22 actors" in result.stdout
    assert target.read_text(encoding="utf-8") == to_html(bundled)


def test_same_command_same_bytes(tmp_path: Path) -> None:
    for name in ("a.html", "b.html"):
        assert invoke("html", "--aggregate", "-o", tmp_path / name).exit_code == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_default_output_is_named_after_the_dataset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("html")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "iran_tajikistan.html").is_file()


def test_shared_filters_and_options(tmp_path: Path, bundled: graph.Dataset) -> None:
    target = tmp_path / "view.html"
    result = invoke(
        "html", "-o", target, "--types", "visit,talks", "--from", "2010", "--links", "relation",
        "--size-by", "pagerank", "--color-by", "community", "--title", "Talks <2010>",
        "--seed", "3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = page_data(target)
    view = bundled.filter(types=["visit", "talks"], start="2010")
    assert sorted(data["nodes"]["id"]) == sorted(view.nodes["id"])
    assert data["meta"]["relations"] == len(view.edges)
    assert data["meta"]["links"] == "relation" and data["meta"]["sizeBy"] == "pagerank"
    assert data["meta"]["colorBy"] == "community"
    assert data["meta"]["title"] == "Talks <2010>"
    assert "<title>Talks &lt;2010&gt;</title>" in target.read_text(encoding="utf-8")
    assert any(note.startswith("filtered:") for note in data["meta"]["notes"])


def test_ego_and_max_nodes(tmp_path: Path, bundled: graph.Dataset) -> None:
    target = tmp_path / "ego.html"
    result = invoke("html", "-o", target, "--ego", "iran", "--depth", "1", "--max-nodes", "4")
    assert result.exit_code == 0, result.output
    assert "4 of" in result.stdout
    data = page_data(target)
    assert len(data["nodes"]["id"]) == 4
    assert any("most connected" in note for note in data["meta"]["notes"])


def test_max_nodes_message_counts_the_relations_drawn(
    tmp_path: Path, bundled: graph.Dataset
) -> None:
    target = tmp_path / "top.html"
    result = invoke("html", "-o", target, "--max-nodes", "4")
    assert result.exit_code == 0, result.output
    meta = page_data(target)["meta"]
    drawn, total = meta["relations"], len(bundled.edges)
    assert drawn < total
    assert f"(4 of {len(bundled.nodes)} actors, {drawn} of {total} relations)" in result.stdout
    assert f"({drawn:,} of {total:,} relations)" in " ".join(meta["notes"])  # the page agrees


@pytest.mark.parametrize(
    "args",
    [
        ["--types", "visit", "--from", "2100"],
        ["--node-types", "person", "--types", "membership", "--sign", "-1"],
    ],
)
def test_nothing_to_draw_warns_but_writes_the_page(tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "empty.html"
    result = invoke("html", "-o", target, *args)
    assert result.exit_code == 0, result.output
    warning = "warning: nothing to draw: no actor or relation matches the filters"
    assert warning in result.stderr
    assert "warning" not in result.stdout
    data = page_data(target)
    assert data["nodes"]["id"] == [] and data["relations"]["id"] == []


def test_an_empty_dataset_warns(tmp_path: Path, make_dataset: Any) -> None:
    folder = make_dataset("id,label,type\n", "id,source,target,type\n", name="none")
    result = invoke("html", folder, "-o", tmp_path / "none.html")
    assert result.exit_code == 0, result.output
    assert "warning: nothing to draw: the dataset is empty" in result.stderr
    assert (tmp_path / "none.html").is_file()


def test_a_page_with_actors_does_not_warn(tmp_path: Path) -> None:
    result = invoke("html", "-o", tmp_path / "x.html", "--types", "visit")
    assert result.exit_code == 0 and "warning" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--size-by", "closeness"], "unknown --size-by 'closeness'"),
        (["--links", "both"], "unknown --links 'both'; expected one of: pair, relation"),
        (["--color-by", "rainbow"], "unknown --color-by"),
        (["--as-of", "2019", "--from", "2018"], "either --as-of or --from/--to"),
        (["--ego", "tajikstan"], "did you mean 'tajikistan'"),
        (["--types", "visits"], "unknown relation type"),
        (["--max-nodes", "0"], "max-nodes"),
    ],
)
def test_bad_arguments_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke("html", "-o", tmp_path / "x.html", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "x.html").exists()


def test_invalid_dataset_exits_1(tmp_path: Path) -> None:
    result = invoke("html", BROKEN / "dangling-edge", "-o", tmp_path / "x.html")
    assert result.exit_code == 1
    assert "dangling-edge" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_open_calls_the_web_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("graph.cli.html.webbrowser.open", opened.append)
    target = tmp_path / "page.html"
    assert invoke("html", "-o", target, "--open").exit_code == 0
    assert opened == [target.resolve().as_uri()]
    assert invoke("html", "-o", target).exit_code == 0
    assert len(opened) == 1


def test_help_shows_examples() -> None:
    result = invoke("html", "--help")
    assert result.exit_code == 0
    assert "graph html -o iran.html --open" in result.stdout
    for option in ("--size-by", "--color-by", "--links", "--max-nodes", "--ego", "--as-of"):
        assert option in result.stdout
    assert "--physics" not in result.stdout  # hidden: kept so old scripts still run


def test_old_flags_still_run(tmp_path: Path) -> None:
    target = tmp_path / "old.html"
    result = invoke("html", "-o", target, "--aggregate", "--physics")
    assert result.exit_code == 0, result.output
    assert page_data(target)["meta"]["links"] == "pair"
    assert "--physics is no longer used" in result.stderr
