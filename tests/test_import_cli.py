"""``graph import gdelt|icews``: exit codes, summary text, --json equal to the library."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.exchange.importers import import_gdelt, import_icews

EVENTS = Path(__file__).parent / "data" / "events"
GDELT2 = EVENTS / "gdelt2_sample.export.CSV"
ICEWS = EVENTS / "icews_sample.tab"
runner = CliRunner()


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_import_gdelt_writes_a_valid_dataset(tmp_path: Path) -> None:
    result = invoke("import", "gdelt", GDELT2, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "imported 8 of 16 rows from 1 file(s)" in result.stdout
    assert "dropped:  no-actor 1, no-country 1, same-actor 1" in result.stdout
    assert f"error: {GDELT2.name} line 11, column 'EventCode'" in result.stderr
    assert graph.validate(tmp_path / "out").valid


def test_json_equals_the_library(tmp_path: Path) -> None:
    args = ["--countries", "IRN,TJK", "--aggregate", "month", "--codes", "04", "--codes", "05"]
    result = invoke("import", "gdelt", GDELT2, "-o", tmp_path / "cli", "--json", *args)
    assert result.exit_code == 0, result.output
    library = import_gdelt(
        GDELT2, tmp_path / "lib", countries="IRN,TJK", aggregate="month", codes=["04", "05"]
    )
    assert json.loads(result.stdout) == json.loads(json.dumps(library.summary.to_dict()))
    for name in ("nodes.csv", "edges.csv", "import.json"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "lib" / name).read_bytes()


def test_import_icews_options(tmp_path: Path) -> None:
    result = invoke(
        "import", "icews", ICEWS, "-o", tmp_path / "out", "--no-link", "--from", "2018-06-02",
        "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    library = import_icews(ICEWS, link=False, start="2018-06-02")
    assert data == json.loads(json.dumps(library.summary.to_dict()))
    assert data["filtered"] == {"date": 2}


def test_strict_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    result = invoke("import", "gdelt", GDELT2, "-o", tmp_path / "out", "--strict")
    assert result.exit_code == 1
    assert "[bad-code]" in result.stderr
    assert not (tmp_path / "out").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (
        ["gdelt", tmp_path / "missing*.CSV", "-o", tmp_path / "o"],
        ["gdelt", GDELT2, "-o", tmp_path / "o", "--aggregate", "fortnight"],
        ["gdelt", GDELT2, "-o", tmp_path / "o", "--countries", "Narnia"],
        ["icews", ICEWS, "-o", tmp_path / "o", "--types", "vist"],
    ):
        result = invoke("import", *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("Error:")


def test_wrong_format_exits_1(tmp_path: Path) -> None:
    result = invoke("import", "icews", GDELT2, "-o", tmp_path / "o")
    assert result.exit_code == 1
    assert "missing-column" in result.stderr
    # the event files are what is invalid, not a dataset
    last = result.stderr.splitlines()[-1]
    assert last.startswith("Error: the input is invalid: ") and last.endswith("listed above.")


def test_help_lists_both_formats() -> None:
    result = invoke("import", "--help")
    assert result.exit_code == 0
    assert "gdelt" in result.stdout and "icews" in result.stdout
    assert "Examples:" in invoke("import", "gdelt", "--help").stdout


def test_library_messages_are_worded_as_flags(tmp_path: Path) -> None:
    result = invoke("import", "gdelt", GDELT2, "-o", tmp_path / "o", "--aggregate", "fortnight")
    assert (
        result.stderr
        == "Error: --aggregate must be one of day, week, month, year, not 'fortnight'\n"
    )
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("")
    result = invoke("import", "icews", ICEWS, "-o", tmp_path / "full")
    assert result.exit_code == 2
    assert result.stderr.endswith("choose a new folder, or add --force to write into it\n")
