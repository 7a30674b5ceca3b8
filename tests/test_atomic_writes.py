"""The one write path (``graph/atomic.py``): every output is written whole or not at all.

Fault injection: each writer (html, notebook, report html and markdown, export in every
format, import, merge) writes once, then a second write is failed at its Nth low-level write,
fsync, rename or folder swap (the seams ``_write``, ``_fsync``, ``_replace`` and ``_exchange``
of :mod:`graph.atomic`), or interrupted; the previous output must be byte-identical and no
temporary file or folder left. A subprocess killed (SIGKILL) mid-write leaves the old output
whole; the temporary sibling it leaves is removed by the next write. Then the refusals (device,
named pipe, socket, symbolic link, folder, empty path) and the modes (umask, kept mode).
Each ``tests/data/hostile/write-*`` case names the test here that checks it.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import graph
from graph import atomic
from graph.cli import app
from graph.exchange.combine import merge, write_merged
from graph.exchange.formats import DATASET_FILES
from graph.exchange.importers import PROVENANCE_FILE, import_gdelt

ROOT = Path(__file__).resolve().parents[1]
EVENTS = Path(__file__).parent / "data" / "events"
HOSTILE = Path(__file__).parent / "data" / "hostile"
BUNDLED = ROOT / "data" / "iran_tajikistan"
runner = CliRunner()


def invoke(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


# The writers, each writing version 0 or a different version 1 of its output.


@cache
def _dataset(version: int) -> graph.Dataset:
    return graph.load() if version == 0 else graph.load().filter(start="2019")


@cache
def _report(version: int) -> Any:
    return graph.build_report(_dataset(version), top=3)


@dataclass(frozen=True)
class Writer:
    name: str
    folder: bool
    write: Callable[[Path, int], object]


def _import(target: Path, version: int) -> object:
    source = "gdelt1_mixed.CSV" if version == 0 else "gdelt2_sample.export.CSV"
    return import_gdelt(EVENTS / source, target)


def _merge(target: Path, version: int) -> object:
    return write_merged(merge(_dataset(version), _dataset(1 - version)), target)


def _export(fmt: str) -> Callable[[Path, int], object]:
    return lambda target, version: graph.export(_dataset(version), fmt, target)


WRITERS = [
    Writer("html", False, lambda p, v: graph.write_html(_dataset(v), p)),
    Writer("notebook", False, lambda p, v: graph.Explorer(_dataset(v)).save(p)),
    Writer("report-html", False, lambda p, v: graph.write_report(_report(v), p, "html")),
    Writer("report-md", False, lambda p, v: graph.write_report(_report(v), p, "markdown")),
    *(Writer(f"export-{f}", f == "csv", _export(f)) for f in ("graphml", "gexf", "json", "csv")),
    Writer("import-gdelt", True, _import),
    Writer("merge", True, _merge),
]


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under ``folder`` (hidden ones included): its mode and its bytes."""
    return {
        str(p.relative_to(folder)): (p.lstat().st_mode, p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def inject(monkeypatch: pytest.MonkeyPatch, seam: str, at: int, error: BaseException) -> list[int]:
    """Make call number ``at`` of ``graph.atomic.<seam>`` raise ``error`` (0: never); count."""
    original = getattr(atomic, seam)
    calls = [0]

    def seam_(*args: Any) -> Any:
        calls[0] += 1
        if calls[0] == at:
            raise error
        return original(*args)

    monkeypatch.setattr(atomic, seam, seam_)
    return calls


SEAMS = ("_write", "_fsync", "_replace", "_exchange")


@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.name)
def test_a_failed_write_leaves_the_previous_output(
    writer: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "CHUNK", 4096)  # more, smaller writes
    target = tmp_path / writer.name
    writer.write(target, 0)
    before = snapshot(tmp_path)
    with monkeypatch.context() as m:  # count the calls of a second write that succeeds
        counts = {seam: inject(m, seam, 0, OSError()) for seam in SEAMS}
        writer.write(target, 1)
    after = snapshot(tmp_path)
    assert after != before and {p.name for p in tmp_path.iterdir()} == {writer.name}
    assert counts["_write"][0] >= 1 and counts["_replace"][0] >= 1
    assert counts["_exchange"][0] == (1 if writer.folder else 0)
    writer.write(target, 0)
    assert snapshot(tmp_path) == before  # the same output again, byte for byte

    for seam, calls in counts.items():
        total = calls[0]
        for at in sorted({1, 2, (total + 1) // 2, total} & set(range(1, total + 1))):
            for error in (OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()):
                with monkeypatch.context() as m:
                    fired = inject(m, seam, at, error)
                    with pytest.raises((Exception, KeyboardInterrupt)):
                        writer.write(target, 1)
                assert fired[0] >= at, (seam, at)
                assert snapshot(tmp_path) == before, (seam, at, error)


@pytest.mark.parametrize("writer", [w for w in WRITERS if w.folder], ids=lambda w: w.name)
def test_a_folder_swap_without_exchange_puts_the_old_folder_back(
    writer: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where ``renameat2`` cannot swap: rename aside, rename in; either failing keeps the old."""
    monkeypatch.setattr(atomic, "_exchange", lambda first, second: False)
    target = tmp_path / writer.name
    writer.write(target, 0)
    before = snapshot(tmp_path)
    with monkeypatch.context() as m:
        calls = inject(m, "_replace", 0, OSError())
        writer.write(target, 1)
    assert snapshot(tmp_path) != before and {p.name for p in tmp_path.iterdir()} == {writer.name}
    writer.write(target, 0)
    for at in (calls[0] - 1, calls[0]):  # the rename aside, then the rename in
        with monkeypatch.context() as m:
            inject(m, "_replace", at, OSError(errno.EIO, "I/O error"))
            with pytest.raises(OSError):
                writer.write(target, 1)
        assert snapshot(tmp_path) == before


@pytest.mark.parametrize("writer", [WRITERS[0], WRITERS[7]], ids=lambda w: w.name)
def test_a_failed_first_write_leaves_nothing(
    writer: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject(monkeypatch, "_write", 1, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(OSError):
        writer.write(tmp_path / "new" / "deeper" / "out", 0)
    assert list(tmp_path.iterdir()) == []  # not even the parent folders it created


def test_cli_csv_export_that_fails_midway_keeps_the_old_dataset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11, point 3: new nodes.csv with old edges.csv, and a .tmp left behind."""
    folder = tmp_path / "copy"
    assert invoke("export", "--format", "csv", "--from", "2019", "-o", folder).exit_code == 0
    before = snapshot(tmp_path)
    inject(monkeypatch, "_write", 2, OSError(errno.ENOSPC, "No space left on device"))
    result = invoke("export", "--format", "csv", "-o", folder, "--force")
    assert result.exit_code == 1
    assert result.stderr == "Error: [Errno 28] No space left on device\n"
    assert snapshot(tmp_path) == before
    graph.load(folder)  # still a valid dataset


# SIGKILL: a subprocess whose Nth call of a seam signals, then sleeps until it is killed.

KILLED = """
import sys, time
from pathlib import Path
import graph.atomic as atomic
atomic.CHUNK = 4096  # small writes: the kill comes mid-file
seam, at, ready = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
original, calls = getattr(atomic, seam), [0]
def slow(*args):
    calls[0] += 1
    if calls[0] == at:
        ready.write_text("now")
        time.sleep(600)
    return original(*args)
setattr(atomic, seam, slow)
from graph.cli import app
app(sys.argv[4:])
"""


def kill_midway(tmp_path: Path, seam: str, at: int, *args: object) -> None:
    ready = tmp_path.parent / f"{tmp_path.name}.ready"
    command = [sys.executable, "-c", KILLED, seam, str(at), str(ready), *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE) as process:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        assert process.wait() == -signal.SIGKILL
    ready.unlink()


def leftovers(folder: Path, name: str) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(f".{name}.")]


@pytest.mark.parametrize(
    "command",
    [["html"], ["export", "--format", "graphml"], ["export", "--format", "csv", "--force"]],
    ids=["html", "graphml", "csv"],
)
def test_a_process_killed_mid_write_leaves_the_old_output(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"
    assert invoke(*command, "--from", "2019", "-o", target).exit_code == 0
    before = snapshot(target) if target.is_dir() else target.read_bytes()
    kill_midway(tmp_path, "_write", 2, *command, "-o", target)
    assert (snapshot(target) if target.is_dir() else target.read_bytes()) == before
    assert len(leftovers(tmp_path, "out")) == 1  # the killed process's temporary sibling
    assert invoke(*command, "-o", target).exit_code == 0  # the next write removes it
    assert leftovers(tmp_path, "out") == []


def test_a_process_killed_during_the_swap_leaves_the_new_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after the swap, before the old folder is removed: the new one is whole."""
    target = tmp_path / "out"
    assert invoke("export", "--format", "csv", "--from", "2019", "-o", target).exit_code == 0
    kill_midway(tmp_path, "_remove_tree", 1, "export", "--format", "csv", "-o", target, "--force")
    assert len(graph.load(target).edges) == len(graph.load().edges)
    (old,) = leftovers(tmp_path, "out")
    assert (tmp_path / old / "edges.csv").is_file()  # the old dataset, set aside
    assert invoke("export", "--format", "csv", "-o", target, "--force").exit_code == 0
    assert leftovers(tmp_path, "out") == []


def test_a_folder_set_aside_by_a_killed_process_is_put_back(tmp_path: Path) -> None:
    """Without ``renameat2``: killed between the renames, the old folder is restored."""
    target = tmp_path / "out"
    graph.export(graph.load(), "csv", target)
    before = snapshot(target)
    aside = tmp_path / ".out.999999999-0123abcd.old"  # a process id that does not run
    target.rename(aside)
    with pytest.raises(RuntimeError), atomic.atomic_folder(target):
        raise RuntimeError("the next write fails too")
    assert snapshot(target) == before and sorted(tmp_path.iterdir()) == [target]


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
        "edges.csv",
        "link",
        "nodes.csv",
        "notes.txt",
    ]  # stale vocabulary, import.json dropped
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


# The hostile corpus: every write-* case names the test that checks it.

CORPUS = {
    "write-disk-full": test_a_failed_write_leaves_the_previous_output,
    "write-csv-folder-half-written": test_cli_csv_export_that_fails_midway_keeps_the_old_dataset,
    "write-kill-mid-write": test_a_process_killed_mid_write_leaves_the_old_output,
    "write-device-node": test_a_file_output_never_replaces_a_special_file,
    "write-symlink": test_a_file_output_never_replaces_a_special_file,
    "write-folder-or-empty-path": test_a_file_output_refuses_a_folder_and_an_empty_path,
    "write-folder-output-special": test_a_folder_output_refuses_what_it_cannot_swap,
    "write-mode-umask": test_replaced_outputs_keep_their_mode,
}


def test_every_write_case_of_the_corpus_has_its_test() -> None:
    cases = {p.name for p in HOSTILE.iterdir() if p.is_dir() and p.name.startswith("write-")}
    assert cases == set(CORPUS)
    for case, test in CORPUS.items():
        text = (HOSTILE / case / "README.md").read_text(encoding="utf-8")
        assert text.startswith("Attack: ") and "\nExpected: " in text, case
        assert test.__name__ in text, case


def test_every_test_named_in_the_security_page_exists() -> None:
    page = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    writes = page.split("\n## Writes\n", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(?:tests/(test_\w+)\.py::)?(test_\w+)`", writes))
    assert len(named) >= 10
    for module, name in named:
        source = (ROOT / "tests" / f"{module or 'test_atomic_writes'}.py").read_text()
        assert f"def {name}(" in source, name
