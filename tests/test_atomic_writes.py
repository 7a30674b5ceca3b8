"""The one write path (``graph/atomic.py``): every output is written whole or not at all.

Fault injection: each writer (html, notebook, report html and markdown, export in every
format, import, merge) writes once, then a second write is failed at its Nth low-level write,
fsync, rename or folder swap (the seams ``_write``, ``_fsync``, ``_replace`` and ``_exchange``
of :mod:`graph.atomic`), or interrupted; the previous output must be byte-identical and no
temporary file or folder left. A subprocess killed (SIGKILL) mid-write leaves the old output
whole; the temporary sibling it leaves is removed by the next write. The refusals and the modes
are in ``tests/test_output_targets.py``. Each ``tests/data/hostile/write-*`` case names the
test that checks it.
"""

from __future__ import annotations

import errno
import os
import re
import signal
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
from conftest import snapshot
from graph import atomic
from graph.cli import app
from graph.exchange.combine import merge, write_merged
from graph.exchange.importers import import_gdelt

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


# The hostile corpus: every write-* case names the test that checks it.

WRITE_TESTS = ("test_atomic_writes", "test_output_targets")  # the modules that test writes
CORPUS = {
    "write-disk-full": "test_a_failed_write_leaves_the_previous_output",
    "write-csv-folder-half-written": "test_cli_csv_export_that_fails_midway_keeps_the_old_dataset",
    "write-kill-mid-write": "test_a_process_killed_mid_write_leaves_the_old_output",
    "write-device-node": "test_a_file_output_never_replaces_a_special_file",
    "write-symlink": "test_a_file_output_never_replaces_a_special_file",
    "write-folder-or-empty-path": "test_a_file_output_refuses_a_folder_and_an_empty_path",
    "write-folder-output-special": "test_a_folder_output_refuses_what_it_cannot_swap",
    "write-mode-umask": "test_replaced_outputs_keep_their_mode",
}


def _defined(name: str, modules: tuple[str, ...] = WRITE_TESTS) -> bool:
    sources = ((ROOT / "tests" / f"{m}.py").read_text(encoding="utf-8") for m in modules)
    return any(f"def {name}(" in source for source in sources)


def test_every_write_case_of_the_corpus_has_its_test() -> None:
    cases = {p.name for p in HOSTILE.iterdir() if p.is_dir() and p.name.startswith("write-")}
    assert cases == set(CORPUS)
    for case, test in CORPUS.items():
        text = (HOSTILE / case / "README.md").read_text(encoding="utf-8")
        assert text.startswith("Attack: ") and "\nExpected: " in text, case
        assert test in text and _defined(test), case


def test_every_test_named_in_the_security_page_exists() -> None:
    page = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    writes = page.split("\n## Writes\n", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(?:tests/(test_\w+)\.py::)?(test_\w+)`", writes))
    assert len(named) >= 10
    for module, name in named:
        assert _defined(name, (module,) if module else WRITE_TESTS), name
