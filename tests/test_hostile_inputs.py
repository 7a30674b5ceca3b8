"""Hostile inputs to the readers (issue 11, points 8–10 and 12): cell and line sizes, event
files, reserved column names, unreadable paths, wide headers and zero weights (point 7, far
dates: test_hostile_dates.py).

Each test runs one case of the corpus ``tests/data/hostile/`` (its ``README.md`` says the attack
and the expected outcome); what git cannot hold or what is too large to keep (a folder named
``nodes.csv``, a named pipe, a 64 MiB cell, a damaged zip) is built from the case here.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.errors import DataError
from graph.exchange.importers.reader import MAX_LINE
from graph.issue_codes import CODES, IssueCode
from graph.loading import cell_limits, csv_reader
from graph.loading.cell_limits import MAX_CELL
from graph.loading.csv_reader import read_table
from graph.loading.headers import MAX_COLUMNS

HOSTILE = Path(__file__).parent / "data" / "hostile"
runner = CliRunner()


def invoke(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def run_cli(*args: object, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process: what reaches the real stderr (``Exception ignored`` …)."""
    code = "import sys; from graph.cli import main; sys.argv[0] = 'graph'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def error_lines(result: Any) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def assert_clean(text: str) -> None:
    for word in ("Traceback", "unexpected", "Exception ignored", "Fatal Python error"):
        assert word not in text, text


def copy_case(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copytree(HOSTILE / name, tmp_path / name))


# Point 8: cells over the csv module's limit (long-cell)


def test_long_multiline_cell_is_read_whole() -> None:
    nodes = graph.load(HOSTILE / "long-cell").nodes.set_index("id")
    description = str(nodes.loc["iran", "description"])
    assert len(description) > 131_072 and description.count("\n") == 1999
    assert str(nodes.loc["tajikistan", "_line"]) == "2003"
    result = invoke("validate", HOSTILE / "long-cell")
    assert result.exit_code == 0, result.output


def _write_huge_cell(folder: Path, multi_line: bool) -> None:
    folder.mkdir()
    piece = "line\n" if multi_line else "x"
    cell = piece * (MAX_CELL // len(piece) + 2)
    with (folder / "nodes.csv").open("w", encoding="utf-8") as out:
        out.write("id,label,type,description,role\niran,Iran,state,short,\n")
        out.write(f'tajikistan,Tajikistan,state,"{cell}",envoy\nrussia,Russia,state,,\n')
    (folder / "edges.csv").write_text("source,target,type\niran,tajikistan,visit\n")


def test_cell_over_the_limit_is_one_issue(tmp_path: Path) -> None:
    folder = tmp_path / "huge"
    _write_huge_cell(folder, multi_line=False)
    result = invoke("validate", folder)
    assert result.exit_code == 1, result.output
    (line,) = error_lines(result)
    assert line.startswith("error: nodes.csv line 3, column 'description': a cell is longer")
    assert line.endswith("[bad-csv]") and "64 MiB" in line
    assert_clean(result.output)
    assert "field larger than field limit" not in result.output


def test_multiline_cell_over_the_limit_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The csv module's own limit, lowered for the test (it is process-wide; put back after).
    monkeypatch.setattr(csv_reader, "MAX_CELL", 1_000)
    monkeypatch.setattr(cell_limits, "MAX_CELL", 1_000)
    previous = csv.field_size_limit(1_000)
    try:
        folder = tmp_path / "ml"
        folder.mkdir()
        cell = "line\n" * 300
        (folder / "nodes.csv").write_text(
            f'id,label,type,description\niran,Iran,state,ok\nx,X,state,"{cell}"\n'
        )
        (folder / "edges.csv").write_text("source,target,type\niran,x,visit\n")
        (issue,) = graph.validate(folder).errors
    finally:
        csv.field_size_limit(previous)
    assert (issue.code, issue.file, issue.row, issue.column) == (
        "bad-csv",
        "nodes.csv",
        3,
        "description",
    )


# Point 9: event files that broke the importer (import-faults)

EVENTS = HOSTILE / "import-faults" / "events.tab"


def test_short_row_with_latin1_bytes_is_one_skipped_row(tmp_path: Path) -> None:
    done = run_cli("import", "icews", EVENTS, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert_clean(done.stdout + done.stderr)
    assert "error: events.tab line 5: the row has 4 fields" in done.stderr
    assert "[missing-fields]" in done.stderr
    assert len(graph.load(tmp_path / "out").edges) >= 3


def _damaged_zip(tmp_path: Path, method: int) -> Path:
    path = tmp_path / f"events{method}.zip"
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        archive.write(EVENTS, "events.tab")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("events.tab")
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    data[start + info.compress_size // 2] ^= 0x55  # one byte of the (compressed) member
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_damaged_zip_is_one_bad_archive_error(tmp_path: Path, method: int) -> None:
    path = _damaged_zip(tmp_path, method)
    result = invoke("import", "icews", path, "-o", tmp_path / "out")
    assert result.exit_code == 1, result.output
    (line,) = error_lines(result)
    assert line.startswith(f"error: {path.name}!events.tab: the zip archive cannot be read")
    assert line.endswith("[bad-archive]")
    assert_clean(result.output)
    assert not (tmp_path / "out").exists()


def _long_line_file(tmp_path: Path, size: int, zipped: bool) -> Path:
    lines = EVENTS.read_bytes().splitlines(keepends=True)
    fields = lines[1].split(b"\t")
    fields[5] = b"x" * size  # the Event Text of line 3 (a copy of line 2)
    path = tmp_path / "long.tab"
    with path.open("wb") as out:
        out.writelines([lines[0], lines[1], b"\t".join(fields), *lines[2:4]])
    if not zipped:
        return path
    archive = tmp_path / "long.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(path, "long.tab")
    path.unlink()
    return archive


@pytest.mark.parametrize("zipped", [False, True], ids=["file", "zip"])
def test_line_over_the_limit_is_one_error(tmp_path: Path, zipped: bool) -> None:
    path = _long_line_file(tmp_path, MAX_LINE + 1, zipped)
    done = run_cli("import", "icews", path, "-o", tmp_path / "out")
    assert done.returncode == 1, done.stderr
    name = "long.zip!long.tab" if zipped else "long.tab"
    (line,) = [x for x in done.stderr.splitlines() if x.startswith("error:")]
    assert line.startswith(f"error: {name} line 3: the line is longer than 64 MiB")
    assert line.endswith("[line-too-long]")
    assert_clean(done.stdout + done.stderr)


def test_line_longer_than_arrows_blocks_is_read(tmp_path: Path) -> None:
    path = _long_line_file(tmp_path, 20 << 20, zipped=True)  # 2.5 blocks of 8 MiB
    done = run_cli("import", "icews", path, "-o", tmp_path / "out", "--json")
    assert done.returncode == 0, done.stderr
    assert_clean(done.stdout + done.stderr)
    summary = json.loads(done.stdout)
    assert summary["rows_read"] == 4 and summary["skipped"] == {"duplicate-event": 1}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipe_event_file_is_a_usage_error(tmp_path: Path) -> None:
    pipe = tmp_path / "events.tab"
    os.mkfifo(pipe)
    result = invoke("import", "icews", pipe, "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "is a named pipe (FIFO), not a file" in result.stderr
    assert "does not exist" not in result.output


# Point 10: columns named like the loader's own (reserved-columns)

RESERVED = HOSTILE / "reserved-columns"
EDGE_RESERVED = ["_line", "date_end", "date_precision", "date_start", "directed", "family"]


def test_reserved_columns_are_errors() -> None:
    report = graph.validate(RESERVED)
    found = [(i.code, i.file, i.row, i.column) for i in report.errors]
    assert found == [("reserved-column", "edges.csv", 1, c) for c in EDGE_RESERVED] + [
        ("reserved-column", "nodes.csv", 1, "_line")
    ]
    family = next(i for i in report.errors if i.column == "family")
    assert "rename it, for example to 'user_family'" in family.message
    result = invoke("validate", RESERVED)
    assert result.exit_code == 1 and len(error_lines(result)) == 7


def test_from_frames_refuses_reserved_columns() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"], "family": ["x"]})
    with pytest.raises(DataError) as caught:
        graph.from_frames(nodes, edges)
    assert [(i.code, i.file, i.column) for i in caught.value.report.errors] == [
        ("reserved-column", "edges.csv", "family")
    ]
    kept = graph.from_frames(nodes, edges.rename(columns={"family": "user_family"}))
    assert kept.edges["user_family"].tolist() == ["x"]


# Point 12: unreadable paths, duplicate ids, wide headers


def _unreadable(folder: Path, kind: str) -> None:
    nodes = folder / "nodes.csv"
    if kind == "folder":
        nodes.mkdir()
    elif kind == "dangling-link":
        nodes.symlink_to(folder / "gone.csv")
    else:
        os.mkfifo(nodes)


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("folder", "is a folder, not a file"),
        ("dangling-link", "is a symbolic link to"),
        ("fifo", "is a named pipe (FIFO), not a file"),
    ],
)
def test_unreadable_nodes_csv_is_a_usage_error(tmp_path: Path, kind: str, says: str) -> None:
    if kind == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    folder = copy_case("unreadable-nodes", tmp_path)
    _unreadable(folder, kind)
    result = invoke("validate", folder)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert "does not exist" not in result.stderr.replace("which does not exist", "")
    assert_clean(result.output)


def test_nodes_csv_without_read_permission_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, which reads a mode-000 file: the refusal is raised by the reader.
    folder = copy_case("unreadable-nodes", tmp_path)
    (folder / "nodes.csv").write_text("id,label,type\niran,Iran,state\n")
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "nodes.csv":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = invoke("validate", folder)
    assert result.exit_code == 2 and "cannot be read: Permission denied" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_dataset_folder_that_is_a_pipe_is_a_usage_error(tmp_path: Path) -> None:
    pipe = tmp_path / "dataset"
    os.mkfifo(pipe)
    result = invoke("validate", pipe)
    assert result.exit_code == 2 and "neither a folder nor a file" in result.stderr


def test_duplicate_id_does_not_shift_isolated_warnings() -> None:
    report = graph.validate(HOSTILE / "duplicate-id-linked")
    assert [(i.code, i.row) for i in report.errors] == [("duplicate-id", 3)]
    assert [(i.code, i.row, i.value) for i in report.warnings] == [("isolated-node", 5, "russia")]


def test_wide_header_with_duplicates_is_linear(tmp_path: Path) -> None:
    folder = copy_case("wide-header", tmp_path)
    names = [f"c{i}" for i in range(4_998)] * 2  # 9,996 + 3 columns, each extra name twice
    header = ",".join(["id", "label", "type", *names])
    (folder / "nodes.csv").write_text(header + "\na0,A,state" + ",x" * len(names) + "\n")
    code = (
        "import json, sys, graph; r = graph.validate(sys.argv[1]); "
        "print(json.dumps([r.counts(), sorted({(i.row, i.file) for i in r.errors})]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    counts, places = json.loads(done.stdout)
    assert counts == {"duplicate-column": 4_998}
    assert places == [[1, "nodes.csv"]]


def test_wide_header_of_distinct_columns_is_kept(tmp_path: Path) -> None:
    names = [f"c{i}" for i in range(MAX_COLUMNS - 3)]  # the widest table read
    path = tmp_path / "nodes.csv"
    path.write_text(",".join(["id", "label", "type", *names]) + "\na0,A,state" + ",x" * len(names))
    table = read_table(path, required=("id", "label", "type"))
    assert table.issues == [] and table.frame.shape == (1, MAX_COLUMNS + 1)  # + _line


def test_a_table_wider_than_the_limit_is_one_issue(tmp_path: Path) -> None:
    names = [f"c{i}" for i in range(100_000)]  # took 52 s and 1 GB before saying anything
    path = tmp_path / "nodes.csv"
    path.write_text(",".join(["id", "label", "type", *names]) + "\na0,A,state" + ",x" * len(names))
    (issue,) = read_table(path, required=("id", "label", "type")).issues
    assert (issue.code, issue.row) == ("bad-csv", 1)
    assert issue.message == f"100,003 columns; a table may have at most {MAX_COLUMNS:,}"


# Left-overs: zero weights (zero-weights) and the bad-weight wording


def test_zero_weights_give_zero_modularity(tmp_path: Path) -> None:
    ds = graph.load(HOSTILE / "zero-weights")
    result = graph.communities(ds)
    assert result.modularity == 0.0
    # the Russia–Iran dispute lies inside the one community (of cooperative ties)
    assert result.groups() == [
        {
            "community": 1,
            "size": 3,
            "members": ["iran", "tajikistan", "russia"],
            "negative_inside": 1,
        }
    ]
    for name in ("report.html", "report.md"):
        done = invoke("report", HOSTILE / "zero-weights", "-o", tmp_path / name)
        assert done.exit_code == 0, done.output
        assert_clean(done.output)
    assert "modularity 0.000" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_bad_weight_names_the_upper_limit() -> None:
    info = CODES[IssueCode.BAD_WEIGHT]
    assert "1e12" in info.title and "≥ 0" not in info.title and "1e12" in info.fix
