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

from .errors import UsageError

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


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISREG, "a file"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _refuse_special(shown: str, mode: int, wanted: str) -> UsageError:
    if stat.S_ISLNK(mode):
        return UsageError(
            f"{shown} is a symbolic link; give the path it points to, or a new name "
            "(outputs never replace or write through a link)"
        )
    return UsageError(
        f"{shown} is {_kind(mode)}, not {wanted}; give a new name (outputs replace only {wanted}s)"
    )


def _check_parents(folder: Path) -> None:
    """Refuse a path whose nearest existing ancestor is not a folder."""
    for ancestor in (folder, *folder.parents):
        if os.path.lexists(ancestor):
            if not ancestor.is_dir():
                raise UsageError(f"{ancestor} is not a folder; give a path inside a folder")
            return


def check_output_file(path: str | os.PathLike[str]) -> int | None:
    """Check that ``path`` may receive a file output; return the mode of the file it replaces.

    Parameters
    ----------
    path : str or path-like
        The file to write: a new name, or an existing regular file (replaced, keeping its mode).

    Returns
    -------
    int or None
        The permission bits of the existing file, or None for a new one.

    Raises
    ------
    UsageError
        For an empty path, a folder, a symbolic link, a device, a named pipe or a socket, or a
        path under something that is not a folder.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> check_output_file(folder / "new.html") is None
    True
    >>> check_output_file(folder)
    Traceback (most recent call last):
    ...
    graph.errors.UsageError: ... is a folder; give the name of a file to write
    """
    shown = os.fspath(path)
    if shown in ("", "."):
        raise UsageError("the output path is empty or '.'; give the name of a file to write")
    target = Path(shown)
    info = _lstat(target)
    if info is None:
        _check_parents(target.parent)
        return None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{shown} is a folder; give the name of a file to write")
    if not stat.S_ISREG(info.st_mode):
        raise _refuse_special(shown, info.st_mode, "a regular file")
    return stat.S_IMODE(info.st_mode)


def _folder_target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
    shown = os.fspath(path)
    if shown in ("", "."):
        raise UsageError("the output path is empty or '.'; give the name of a folder to write")
    target = Path(os.path.abspath(shown))
    with suppress(OSError):  # the working folder may be gone
        here = Path.cwd()
        if target == here or target in here.parents:
            raise UsageError(
                f"{shown} is the working folder or holds it; give the name of a folder to write"
            )
    info = _lstat(target)
    if info is None:
        _check_parents(target.parent)
    elif stat.S_ISREG(info.st_mode):
        raise UsageError(f"{shown} is a file; give the name of a folder to write the dataset into")
    elif not stat.S_ISDIR(info.st_mode):
        raise _refuse_special(shown, info.st_mode, "a folder")
    elif os.path.ismount(target):
        raise UsageError(f"{shown} is a mount point; give the name of a new folder inside it")
    return target, info


def _kept_entries(folder: Path, owned: Collection[str]) -> list[str]:
    """The entries of an existing output folder that the new one keeps (its foreign files)."""
    kept = []
    with os.scandir(folder) as entries:
        found = [(e.name, e.stat(follow_symlinks=False).st_mode) for e in entries]
    for name, mode in found:
        if name in owned or (name.startswith(".") and name.endswith(".tmp")):
            continue  # written anew (or dropped), or a temporary file of an older write
        if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
            raise UsageError(
                f"{folder / name} is {_kind(mode)}; an output folder is replaced whole and keeps "
                "only the files beside the dataset: choose a new folder"
            )
        kept.append(name)
    return kept


def check_output_folder(path: str | os.PathLike[str], *, force: bool = False) -> None:
    """Refuse to write a dataset where the folder swap cannot be done, or over files unasked.

    Parameters
    ----------
    path : str or path-like
        The folder to write: a new name, an empty folder, or (with ``force``) a folder that
        holds files; the dataset files in it are replaced, the other files kept.
    force : bool
        Allow a folder that already holds files.

    Raises
    ------
    UsageError
        For an empty path, the working folder, a file, a symbolic link or other special file,
        a folder holding a sub-folder or special file, or a non-empty folder without ``force``.

    Examples
    --------
    >>> import tempfile
    >>> check_output_folder(Path(tempfile.mkdtemp()) / "new")  # a new folder is fine
    """
    target, info = _folder_target(path)
    if info is None:
        return
    kept = _kept_entries(target, ())
    if kept and not force:
        raise UsageError(
            f"{path} already holds files; choose a new folder, or add {{force}} to write into it",
            params=("force",),
        )


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
        before, now = _lstat(old / name), _lstat(new / name)
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
    target, before = _folder_target(path)
    kept = _kept_entries(target, owned) if before is not None else []
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
