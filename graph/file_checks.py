"""What is at a path: whether an input can be read, and whether an output may go there.

A shared leaf for both ends of the pipeline: the loader names what it found where it expected a
file (:func:`file_kind`), and the one write path (:mod:`graph.atomic`) refuses targets it must
not replace: a symbolic link, a device, a named pipe, a socket, a folder where a file is
expected, the working folder (:func:`check_output_file`, :func:`check_output_folder`).

>>> import os, stat
>>> file_kind(os.stat(".").st_mode)
'a folder'
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from contextlib import suppress
from pathlib import Path

from .errors import UsageError

__all__ = [
    "check_output_file",
    "check_output_folder",
    "check_parents",
    "file_kind",
    "folder_target",
    "is_input_file",
    "kept_entries",
    "lstat_or_none",
    "read_input",
    "refuse_special",
]


def file_kind(mode: int) -> str:
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


def lstat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def refuse_special(shown: str, mode: int, wanted: str) -> UsageError:
    if stat.S_ISLNK(mode):
        return UsageError(
            f"{shown} is a symbolic link; give the path it points to, or a new name "
            "(outputs never replace or write through a link)"
        )
    return UsageError(
        f"{shown} is {file_kind(mode)}, not {wanted}; give a new name "
        f"(outputs replace only {wanted}s)"
    )


def check_parents(folder: Path) -> None:
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
    info = lstat_or_none(target)
    if info is None:
        check_parents(target.parent)
        return None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{shown} is a folder; give the name of a file to write")
    if not stat.S_ISREG(info.st_mode):
        raise refuse_special(shown, info.st_mode, "a regular file")
    return stat.S_IMODE(info.st_mode)


def folder_target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
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
    info = lstat_or_none(target)
    if info is None:
        check_parents(target.parent)
    elif stat.S_ISREG(info.st_mode):
        raise UsageError(f"{shown} is a file; give the name of a folder to write the dataset into")
    elif not stat.S_ISDIR(info.st_mode):
        raise refuse_special(shown, info.st_mode, "a folder")
    elif os.path.ismount(target):
        raise UsageError(f"{shown} is a mount point; give the name of a new folder inside it")
    return target, info


def kept_entries(folder: Path, owned: Collection[str]) -> list[str]:
    """The entries of an existing output folder that the new one keeps (its foreign files)."""
    kept = []
    with os.scandir(folder) as entries:
        found = [(e.name, e.stat(follow_symlinks=False).st_mode) for e in entries]
    for name, mode in found:
        if name in owned or (name.startswith(".") and name.endswith(".tmp")):
            continue  # written anew (or dropped), or a temporary file of an older write
        if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
            raise UsageError(
                f"{folder / name} is {file_kind(mode)}; an output folder is replaced whole and "
                "keeps only the files beside the dataset: choose a new folder"
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
    target, info = folder_target(path)
    if info is None:
        return
    kept = kept_entries(target, ())
    if kept and not force:
        raise UsageError(
            f"{path} already holds files; choose a new folder, or add {{force}} to write into it",
            params=("force",),
        )


def is_input_file(path: Path) -> bool:
    """True when a regular file is at ``path``, False when nothing is.

    Raises
    ------
    UsageError
        If something is at ``path`` that cannot be read as a file: a folder, a named pipe,
        a socket, a device, a symbolic link to nothing, a loop of links.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> is_input_file(folder / "nodes.csv")
    False
    >>> is_input_file(folder)
    Traceback (most recent call last):
    graph.errors.UsageError: ... is a folder, not a file
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise UsageError(
                f"{path} is a symbolic link to {path.readlink()}, which does not exist"
            ) from None
        return False
    except OSError as exc:  # a loop of links, a parent folder without permission ...
        raise UsageError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise UsageError(f"{path} is {file_kind(mode)}, not a file")
    return True


def read_input(path: Path) -> bytes | None:
    """The bytes of a regular file, or None when nothing is at ``path``.

    Raises
    ------
    UsageError
        If something is at ``path`` but cannot be read (see :func:`is_input_file`), or the
        file cannot be read (no read permission).
    """
    if not is_input_file(path):
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path} cannot be read: {exc.strerror or exc}") from None
