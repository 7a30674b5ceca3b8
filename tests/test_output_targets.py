"""What an output never replaces, and the modes outputs get (:mod:`graph.file_checks`).

Refusals: a file output never replaces a device, named pipe, socket, symbolic link or folder,
nor takes an empty path; a folder output never replaces what it cannot swap whole. Each is one
line and exit 2. Modes: new outputs honour the umask, replaced ones keep their mode. The
fault-injection tests of the write path itself are in ``tests/test_atomic_writes.py``.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import graph
from conftest import snapshot
from graph import atomic
from graph.cli import app
from graph.exchange.formats import DATASET_FILES
from graph.exchange.importers import PROVENANCE_FILE, import_gdelt
from graph.model import vocabulary_toml

ROOT = Path(__file__).resolve().parents[1]
EVENTS = Path(__file__).parent / "data" / "events"
BUNDLED = ROOT / "data" / "iran_tajikistan"
runner = CliRunner()


def invoke(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


# Refusals: what an output never replaces, with one line and exit 2.

FILE_COMMANDS = {
    "html": ["html"],
    "report": ["report", "--no-graph"],
    "report-md": ["report", "--format", "markdown"],
    "export-graphml": ["export", "--format", "graphml"],
    "export-json": ["export", "--format", "json"],
}
FOLDER_COMMANDS = {
    "export-csv": ["export", "--format", "csv", "--force"],
    "import": ["import", "gdelt", EVENTS / "gdelt2_sample.export.CSV", "--force"],
    "merge": ["merge", BUNDLED, BUNDLED, "--force"],
}


def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
        except PermissionError:
            pytest.skip("creating a device node needs root")
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "symlink":
        path.with_name("real").write_text("kept")
        path.symlink_to("real")
    elif kind == "dangling":
        path.symlink_to("nowhere")


SPECIAL = {
    "fifo": "a named pipe (FIFO), not a regular file",
    "device": "a character device, not a regular file",
    "socket": "a socket, not a regular file",
    "symlink": "a symbolic link; give the path it points to",
    "dangling": "a symbolic link; give the path it points to",
}


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("command", FILE_COMMANDS.values(), ids=FILE_COMMANDS)
def test_a_file_output_never_replaces_a_special_file(
    command: list[str], kind: str, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    _special(kind, target)
    before = snapshot(tmp_path)
    result = invoke(*command, "-o", target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {target} is {SPECIAL[kind]}")
    assert result.stderr.count("\n") == 1
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", FILE_COMMANDS.values(), ids=FILE_COMMANDS)
def test_a_file_output_refuses_a_folder_and_an_empty_path(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = invoke(*command, "-o", tmp_path)
    assert folder.exit_code == 2
    assert folder.stderr == f"Error: {tmp_path} is a folder; give the name of a file to write\n"
    empty = invoke(*command, "-o", "")
    assert empty.exit_code == 2
    assert (
        empty.stderr == "Error: the output path is empty or '.'; give the name of a file to write\n"
    )
    (tmp_path / "plain").write_text("")
    under = invoke(*command, "-o", tmp_path / "plain" / "out")
    assert under.exit_code == 2 and "plain is not a folder" in under.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["plain"]


FOLDER_REFUSALS = {
    "file": "is a file; give the name of a folder",
    "fifo": "is a named pipe (FIFO), not a folder",
    "symlink": "is a symbolic link",
    "subfolder": "is a folder; an output folder is replaced whole",
}


@pytest.mark.parametrize("kind", FOLDER_REFUSALS)
@pytest.mark.parametrize("command", FOLDER_COMMANDS.values(), ids=FOLDER_COMMANDS)
def test_a_folder_output_refuses_what_it_cannot_swap(
    command: list[str], kind: str, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    if kind == "file":
        target.write_text("kept")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "real").mkdir()
        target.symlink_to("real")
    else:
        (target / "sub").mkdir(parents=True)
    before = snapshot(tmp_path)
    result = invoke(*command, "-o", target)
    assert result.exit_code == 2 and FOLDER_REFUSALS[kind] in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert snapshot(tmp_path) == before
    empty = invoke(*command, "-o", "")
    assert empty.exit_code == 2
    assert (
        empty.stderr
        == "Error: the output path is empty or '.'; give the name of a folder to write\n"
    )


def test_force_replaces_the_dataset_and_keeps_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    import_gdelt(EVENTS / "gdelt2_sample.export.CSV", folder)
    (folder / "notes.txt").write_text("mine")
    (folder / "link").symlink_to("notes.txt")
    (folder / ".edges.csv.abc123.tmp").write_text("left by an older version")
    assert PROVENANCE_FILE in DATASET_FILES and (folder / PROVENANCE_FILE).is_file()
    assert invoke("export", "--format", "csv", "-o", folder).exit_code == 2  # without --force
    assert invoke("export", "--format", "csv", "-o", folder, "--force").exit_code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "dataset.toml",
        "edges.csv",
        "link",
        "nodes.csv",
        "notes.txt",
        "vocabulary.toml",
    ]  # import.json dropped; the import's dataset.toml and vocabulary.toml replaced
    assert "Iran–Tajikistan relations" in (folder / "dataset.toml").read_text(encoding="utf-8")
    vocabulary = (folder / "vocabulary.toml").read_text(encoding="utf-8")
    assert vocabulary == vocabulary_toml(graph.load().vocabulary)  # the bundled types
    assert (folder / "notes.txt").read_text() == "mine" and os.readlink(
        folder / "link"
    ) == "notes.txt"


def test_a_stale_temporary_file_of_a_dead_process_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    dead = tmp_path / ".page.html.999999999-0123abcd.tmp"
    alive = tmp_path / f".page.html.{os.getppid()}-0123abcd.tmp"  # a running process: kept
    other = tmp_path / ".other.html.999999999-0123abcd.tmp"  # another target's: kept
    for path in (dead, alive, other):
        path.write_text("partial")
    atomic.write_text(target, "whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["page.html", alive.name, other.name]
    )


# Modes: the umask for new outputs, the old mode for replaced ones.


@pytest.fixture
def umask() -> Any:
    old = os.umask(0o027)
    yield 0o027
    os.umask(old)


def test_new_outputs_honour_the_umask(umask: int, tmp_path: Path) -> None:
    graph.write_html(graph.load(), tmp_path / "page.html")
    graph.export(graph.load(), "csv", tmp_path / "copy")
    assert stat.S_IMODE((tmp_path / "page.html").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "copy").stat().st_mode) == 0o750
    assert stat.S_IMODE((tmp_path / "copy" / "nodes.csv").stat().st_mode) == 0o640


def test_replaced_outputs_keep_their_mode(umask: int, tmp_path: Path) -> None:
    page, copy = tmp_path / "page.html", tmp_path / "copy"
    graph.write_html(graph.load(), page)
    graph.export(graph.load(), "csv", copy)
    page.chmod(0o604)
    copy.chmod(0o711)
    (copy / "nodes.csv").chmod(0o600)
    graph.write_html(graph.load().filter(start="2019"), page)
    graph.export(graph.load().filter(start="2019"), "csv", copy)
    assert stat.S_IMODE(page.stat().st_mode) == 0o604
    assert stat.S_IMODE(copy.stat().st_mode) == 0o711
    assert stat.S_IMODE((copy / "nodes.csv").stat().st_mode) == 0o600
    assert stat.S_IMODE((copy / "edges.csv").stat().st_mode) == 0o640
