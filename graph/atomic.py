"""The one write path for outputs: every file and folder is written whole or not at all.

A file is written to a temporary sibling ``.NAME.PID-RANDOM.tmp`` in the target's folder,
flushed, fsynced and renamed over the target (:func:`os.replace`). A folder (a dataset) is
built as a temporary sibling folder and swapped in whole, then the old one is removed. On any
failure (``OSError``, ``KeyboardInterrupt`` …) the temporary file or folder is removed, and so
are the parent folders the write created: the previous output is left byte for byte. A process
killed outright (SIGKILL) leaves its temporary sibling behind; the next write to the same target
removes it (its process id no longer runs). See ``docs/security.md`` ("Writes").

A replaced file keeps its mode; a new file gets ``0o666`` less the umask, a new folder
``0o777`` less the umask. An output never replaces a symbolic link, a device, a named pipe or a
socket, nor a folder where a file is expected: those are a :class:`~graph.errors.UsageError`.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_text(target, "hello")
>>> target.read_text()
'hello'
>>> sorted(p.name for p in target.parent.iterdir())  # no temporary file left
['out.txt']
"""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import stat
import sys
from collections.abc import Collection, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .file_checks import (
    check_output_file,
    check_output_folder,
    folder_target,
    kept_entries,
    lstat_or_none,
)

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = [
    "atomic_file",
    "atomic_folder",
    "check_output_file",
    "check_output_folder",
    "write_bytes",
    "write_text",
]

#: The most bytes one low-level write passes to the system (outputs go out in chunks).
CHUNK = 1 << 16
_TEMP = re.compile(r"\.(?P<stem>.*)\.(?P<pid>\d+)-[0-9a-f]{8}\.(?P<kind>tmp|old)", re.DOTALL)


# The seams: each system call that can fail while an output is written. The fault-injection
# tests (tests/test_atomic_writes.py) replace them to fail the Nth write, fsync or rename.


def _write(fd: int, data: memoryview) -> int:
    return os.write(fd, data)


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _replace(source: Path, target: Path) -> None:
    os.replace(source, target)


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # only here: the CLI starts without it

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # pragma: no cover - glibc < 2.28 or musl
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange):
        code = ctypes.get_errno()
        if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # pragma: no cover
            return False  # a file system without the exchange: rename aside instead
        raise OSError(code, os.strerror(code), str(second))
    return True


class _Sink(io.RawIOBase):
    """The raw file under the buffered handle a writer gets: every byte goes through ``_write``."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd
        self.aborted = False

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        view = memoryview(data).cast("B")
        if self.aborted:  # the write failed: what is still buffered goes nowhere
            return len(view)
        return _write(self.fd, view[:CHUNK])


def _stem(name: str) -> str:
    return os.fsdecode(os.fsencode(name)[:100])  # room for the suffix under NAME_MAX


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{_stem(target.name)}.{os.getpid()}-{os.urandom(4).hex()}.{kind}")


def _alive(pid: int) -> bool:
    if os.name == "nt" or pid == os.getpid():  # pragma: no cover - not on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _clean_stale(target: Path) -> None:
    """Remove the temporary siblings of ``target`` left by killed processes.

    A folder set aside (``.old``) while the target is missing is put back instead.
    """
    stem = _stem(target.name)
    try:
        with os.scandir(target.parent) as entries:
            stale = [
                (Path(e.path), m["kind"], e.is_dir(follow_symlinks=False))
                for e in entries
                if (m := _TEMP.fullmatch(e.name)) and m["stem"] == stem
                if not _alive(int(m["pid"]))
            ]
    except OSError:  # an unreadable folder: nothing to clean
        return
    for path, kind, is_dir in stale:
        with suppress(OSError):
            if kind == "old" and not os.path.lexists(target):
                os.replace(path, target)
            elif is_dir:
                shutil.rmtree(path)
            else:
                path.unlink()


def _make_parents(folder: Path) -> list[Path]:
    """Create the missing folders above an output; return them, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)][::-1]
    created: list[Path] = []
    for path in missing:
        try:
            os.mkdir(path)
        except FileExistsError:
            continue
        except BaseException:
            _remove_created(created)
            raise
        created.append(path)
    return created


def _remove_created(folders: list[Path]) -> None:
    for folder in reversed(folders):
        with suppress(OSError):
            folder.rmdir()


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: not every file system can)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Open a binary handle whose bytes replace ``path`` only when the block ends without error.

    Parameters
    ----------
    path : str or path-like
        The file to write (see :func:`check_output_file` for what is refused).

    Yields
    ------
    BinaryIO
        A buffered handle on a temporary sibling of ``path``; do not close it.

    Raises
    ------
    UsageError
        If ``path`` may not be written (:func:`check_output_file`).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "data.bin"
    >>> with atomic_file(path) as handle:
    ...     _ = handle.write(b"abc")
    >>> path.read_bytes()
    b'abc'
    """
    mode = check_output_file(path)
    target = Path(path)
    created = _make_parents(target.parent)
    _clean_stale(target)
    tmp = _sibling(target, "tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(tmp, flags, 0o666 if mode is None else 0o600)  # the umask applies
    except BaseException:
        _remove_created(created)
        raise
    sink = _Sink(fd)
    handle = io.BufferedWriter(sink, CHUNK)
    done = False
    try:
        yield handle
        if not handle.closed:
            handle.flush()
        if mode is not None:
            os.chmod(tmp, mode)
        _fsync(fd)
        os.close(fd)
        fd = -1
        _replace(tmp, target)
        done = True
    finally:
        sink.aborted = True
        with suppress(Exception):
            handle.close()
        if fd >= 0:
            os.close(fd)
        if not done:
            with suppress(OSError):
                tmp.unlink()
            _remove_created(created)
    _sync_folder(target.parent)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (in chunks of :data:`CHUNK` bytes).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "b.bin"
    >>> write_bytes(path, b"\\x00\\x01")
    >>> path.read_bytes()
    b'\\x00\\x01'
    """
    view = memoryview(data)
    with atomic_file(path) as handle:
        for start in range(0, len(view), CHUNK):
            handle.write(view[start : start + CHUNK])


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, atomically.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "t.txt"
    >>> write_text(path, "ß")
    >>> path.read_bytes()
    b'\\xc3\\x9f'
    """
    write_bytes(path, text.encode("utf-8"))


def _carry(old: Path, new: Path, kept: list[str]) -> None:
    """Put the old folder's foreign files in the new one; give rewritten files their old mode."""
    for name in kept:
        if os.path.lexists(new / name):
            continue
        source = old / name
        if source.is_symlink():
            os.symlink(os.readlink(source), new / name)
            continue
        try:
            os.link(source, new / name)
        except OSError:
            shutil.copy2(source, new / name)
    for name in os.listdir(new):
        before, now = lstat_or_none(old / name), lstat_or_none(new / name)
        if before and now and stat.S_ISREG(before.st_mode) and stat.S_ISREG(now.st_mode):
            os.chmod(new / name, stat.S_IMODE(before.st_mode))


def _swap(new: Path, target: Path) -> Path:
    """Put ``new`` in place of the folder ``target``; return where the old folder now is."""
    if _exchange(new, target):
        return new
    aside = _sibling(target, "old")
    _replace(target, aside)
    try:
        _replace(new, target)
    except BaseException:
        os.replace(aside, target)
        raise
    return aside


@contextmanager
def atomic_folder(path: str | os.PathLike[str], *, owned: Collection[str] = ()) -> Iterator[Path]:
    """Yield an empty temporary folder that replaces the folder ``path`` whole when the block ends.

    The new folder is built beside ``path``, fsynced, then swapped in: on Linux in one step
    (``renameat2(RENAME_EXCHANGE)``), elsewhere by renaming the old folder aside and the new
    one in (the old one is put back if that fails). The old folder is removed afterwards. If
    the block raises, the temporary folder is removed and ``path`` is left as it was.

    Parameters
    ----------
    path : str or path-like
        The folder to write (see :func:`check_output_folder`; this function does not ask for
        ``force``).
    owned : collection of str
        The names this output writes: an old file of such a name that the new output does not
        write is dropped; every other file of the old folder is kept (hard-linked or copied).

    Yields
    ------
    pathlib.Path
        The temporary folder to write into (with :func:`atomic_file`, :func:`write_text` …).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "dataset"
    >>> with atomic_folder(folder) as tmp:
    ...     write_text(tmp / "nodes.csv", "id,label,type\\n")
    >>> sorted(p.name for p in folder.iterdir())
    ['nodes.csv']
    """
    target, before = folder_target(path)
    kept = kept_entries(target, owned) if before is not None else []
    created = _make_parents(target.parent)
    _clean_stale(target)
    tmp = _sibling(target, "tmp")
    try:
        os.mkdir(tmp, 0o777 if before is None else 0o700)  # the umask applies
    except BaseException:
        _remove_created(created)
        raise
    old: Path | None = None
    done = False
    try:
        yield tmp
        if before is not None:
            _carry(target, tmp, kept)
            os.chmod(tmp, stat.S_IMODE(before.st_mode))
        _sync_folder(tmp)
        if before is None:
            _replace(tmp, target)
        else:
            old = _swap(tmp, target)
        done = True
    finally:
        if not done:
            with suppress(OSError):
                _remove_tree(tmp)
            _remove_created(created)
    _sync_folder(target.parent)
    if old is not None:
        with suppress(OSError):  # left for the next write to remove
            _remove_tree(old)
