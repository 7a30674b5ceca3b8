"""What a dataset says about itself: ``dataset.toml`` and :class:`DatasetMetadata`.

An optional ``dataset.toml`` in a dataset folder gives its title, a description, the
sources, the licence, the author and the date it was made. It is checked as the CSV files
are: every problem is an :class:`~graph.errors.Issue` with the file, the line and the key;
an unknown key is a warning, a value of the wrong kind an error.

>>> meta, issues = parse_metadata('title = "Iran–Tajikistan relations"\\ncreated = 2021-04-20\\n')
>>> meta.title, meta.created.year, issues
('Iran–Tajikistan relations', 2021, [])
>>> _, issues = parse_metadata('title = 42\\n')
>>> print(issues[0])
dataset.toml line 1, column 'title': must be a string (title = "…"), not an integer: 42 [bad-metadata]
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Issue
from ..file_checks import read_input
from ..issue_codes import IssueCode
from ..text import suggest
from .columns import METADATA_FILE
from .toml_lines import key_lines

__all__ = [
    "METADATA_KEYS",
    "DatasetMetadata",
    "check_metadata",
    "key_lines",
    "metadata_toml",
    "parse_metadata",
    "read_metadata",
]

#: Each key of ``dataset.toml`` and what its value must be, as messages say it.
METADATA_KEYS: Mapping[str, str] = {
    "title": 'a string (title = "…")',
    "description": 'a string (description = "…")',
    "sources": 'a list of strings (sources = ["…", "…"])',
    "licence": 'a string (licence = "CC-BY-4.0")',
    "license": 'a string (license = "CC-BY-4.0")',
    "author": 'a string (author = "…")',
    "created": "a date (created = 2021-04-20, without quotes)",
}
_TEXT_KEYS = ("title", "description", "licence", "author")


@dataclass(frozen=True)
class DatasetMetadata:
    """A dataset's title, description, sources, licence, author and date of making.

    Read from the dataset folder's optional ``dataset.toml`` by :func:`graph.load`; every
    field is optional (empty when not given). Pages, reports, notebooks and exports show
    :attr:`graph.Dataset.title`: this ``title``, or the dataset's name without one.

    Parameters
    ----------
    title : str
        What the dataset is called in page titles and report headings.
    description : str
        What it holds and how it was made, in a few sentences.
    sources : tuple of str
        Where the data comes from: citations, URLs, names of event data sets.
    licence : str
        The terms under which the data may be used (``license`` in the file also works).
    author : str
        Who made the dataset.
    created : datetime.date or None
        When the data was made (for an import: the date of its last event).

    See Also
    --------
    parse_metadata : Read and check the text of a ``dataset.toml``.

    Examples
    --------
    >>> ds.metadata.title, ds.title
    ('Iran–Tajikistan relations', 'Iran–Tajikistan relations')
    >>> graph.DatasetMetadata().empty
    True
    """

    title: str = ""
    description: str = ""
    sources: tuple[str, ...] = ()
    licence: str = ""
    author: str = ""
    created: dt.date | None = None

    @property
    def empty(self) -> bool:
        """True when no field is given."""
        return self == DatasetMetadata()

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain data (``created`` as ``YYYY-MM-DD`` or None), for JSON.

        >>> DatasetMetadata(title="T", created=dt.date(2021, 4, 20)).to_dict()["created"]
        '2021-04-20'
        """
        return {
            "title": self.title,
            "description": self.description,
            "sources": list(self.sources),
            "licence": self.licence,
            "author": self.author,
            "created": self.created.isoformat() if self.created else None,
        }


_KINDS: tuple[tuple[type, str], ...] = (
    (bool, "a boolean"),
    (int, "an integer"),
    (float, "a number"),
    (str, "a string"),
    (dt.datetime, "a date-time"),
    (dt.date, "a date"),
    (dt.time, "a time"),
    (list, "a list"),
    (dict, "a table"),
)


def _kind(value: object) -> str:
    return next((name for kind, name in _KINDS if isinstance(value, kind)), type(value).__name__)


def _shown(value: object) -> str:
    """A value as TOML writes it (strings quoted), cut to 80 characters."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = _quoted(value)
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    elif isinstance(value, list):
        text = "[" + ", ".join(_shown(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + "}"
    else:
        text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _problem(
    file: str, line: int | None, key: str, value: object, expected: str, note: str = ""
) -> Issue:
    message = f"must be {expected}, not {_kind(value)}: {_shown(value)}{note}"
    return Issue(file, line, key, IssueCode.BAD_METADATA, message, value=_shown(value))


def _text(key: str, value: object, file: str, line: int | None) -> tuple[str | None, list[Issue]]:
    if isinstance(value, str):
        return value.strip(), []
    return None, [_problem(file, line, key, value, METADATA_KEYS[key])]


def _sources(value: object, file: str, line: int | None) -> tuple[tuple[str, ...], list[Issue]]:
    if isinstance(value, str):
        note = f"; write sources = [{_quoted(value)}]"
        return (), [_problem(file, line, "sources", value, METADATA_KEYS["sources"], note)]
    if not isinstance(value, list | tuple):
        return (), [_problem(file, line, "sources", value, METADATA_KEYS["sources"])]
    issues = [
        Issue(
            file,
            line,
            "sources",
            IssueCode.BAD_METADATA,
            f"item {n} must be a string, not {_kind(item)}: {_shown(item)}",
            value=_shown(item),
        )
        for n, item in enumerate(value, start=1)
        if not isinstance(item, str)
    ]
    found = tuple(s.strip() for s in value if isinstance(s, str) and s.strip())
    return found, issues


def _created(value: object, file: str, line: int | None) -> tuple[dt.date | None, list[Issue]]:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value, []
    note = ""
    if isinstance(value, dt.datetime):
        note = f"; write the day alone: created = {value.date().isoformat()}"
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            note = f"; write it without quotes: created = {day.isoformat()}"
    return None, [_problem(file, line, "created", value, METADATA_KEYS["created"], note)]


def check_metadata(
    data: Mapping[str, Any],
    file: str = METADATA_FILE,
    lines: Mapping[str, int] | None = None,
) -> tuple[DatasetMetadata, list[Issue]]:
    """Check parsed metadata (a TOML table or a dict) and make a :class:`DatasetMetadata`.

    Parameters
    ----------
    data : mapping
        The keys and values, as :mod:`tomllib` reads them.
    file : str, default "dataset.toml"
        The file name issues give.
    lines : mapping of str to int, optional
        Each key's line in the file, for issues (``None`` rows without it).

    Returns
    -------
    DatasetMetadata
        The values that are right (a wrong one is left empty).
    list of Issue
        ``bad-metadata`` errors (a value of the wrong kind) and ``unknown-metadata-key``
        warnings, in the order of the keys.

    Examples
    --------
    >>> meta, issues = check_metadata({"title": "T", "sources": ["a", 2]}, file="metadata")
    >>> meta.sources, [str(i) for i in issues]
    (('a',), ["metadata, column 'sources': item 2 must be a string, not an integer: 2 [bad-metadata]"])
    """  # noqa: E501
    lines = lines or {}
    issues: list[Issue] = []
    fields: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key)
        line = lines.get(key)
        if key in _TEXT_KEYS or key == "license":
            name = "licence" if key == "license" else key
            text, found = _text(key, value, file, line)
            issues += found
            if text is not None and name in fields and fields[name] != text:
                message = "give 'licence' or 'license', not both with different values"
                issues.append(
                    Issue(file, line, key, IssueCode.BAD_METADATA, message, value=_shown(value))
                )
            elif text is not None:
                fields[name] = text
        elif key == "sources":
            fields["sources"], found = _sources(value, file, line)
            issues += found
        elif key == "created":
            fields["created"], found = _created(value, file, line)
            issues += found
        else:
            known = [k for k in METADATA_KEYS if k != "license"]
            message = (
                f"unknown key '{key}'{suggest(key, METADATA_KEYS)}: it is not used; "
                f"the keys are {', '.join(known)}"
            )
            issues.append(Issue(file, line, key, IssueCode.UNKNOWN_METADATA_KEY, message, key))
    return DatasetMetadata(**fields), issues


_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse_metadata(
    data: str | bytes, file: str = METADATA_FILE
) -> tuple[DatasetMetadata, list[Issue]]:
    """Read and check the text of a ``dataset.toml``.

    Parameters
    ----------
    data : str or bytes
        The file's text, or its bytes (UTF-8, a byte order mark allowed).
    file : str, default "dataset.toml"
        The file name issues give.

    Returns
    -------
    DatasetMetadata
        The values that are right (a wrong one is left empty).
    list of Issue
        Each problem with its line and key: a ``bad-metadata`` error for bytes that are not
        UTF-8, a TOML syntax error (one issue) or a value of the wrong kind, an
        ``unknown-metadata-key`` warning for a key that is not used.

    See Also
    --------
    read_metadata : Read the file of a dataset folder.

    Examples
    --------
    >>> _, issues = parse_metadata('title = "T"\\nsources = "GDELT"\\nlicense = "CC0"\\ntitel = ""\\n')
    >>> for issue in issues:
    ...     print(issue)
    dataset.toml line 2, column 'sources': must be a list of strings (sources = ["…", "…"]), not a string: "GDELT"; write sources = ["GDELT"] [bad-metadata]
    dataset.toml line 4, column 'titel': unknown key 'titel' (did you mean 'title'?): it is not used; the keys are title, description, sources, licence, author, created [unknown-metadata-key]
    >>> print(parse_metadata('title = Iran\\n')[1][0])
    dataset.toml line 1: not valid TOML: Invalid value (column 9) [bad-metadata]
    """  # noqa: E501
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            message = "bytes that are not UTF-8; save the file as UTF-8"
            return DatasetMetadata(), [Issue(file, line, None, IssueCode.BAD_METADATA, message)]
    else:
        text = data
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        whole = str(exc)
        where = _AT_LINE.search(whole)
        row: int | None = getattr(exc, "lineno", None) or (int(where[1]) if where else None)
        column: int | None = getattr(exc, "colno", None) or (int(where[2]) if where else None)
        message = _AT_LINE.sub("", str(getattr(exc, "msg", None) or whole))
        if column is not None:
            message += f" (column {column})"
        issue = Issue(file, row, None, IssueCode.BAD_METADATA, f"not valid TOML: {message}")
        return DatasetMetadata(), [issue]
    return check_metadata(table, file, key_lines(text))


def read_metadata(folder: str | Path) -> tuple[DatasetMetadata, list[Issue]]:
    """Read the ``dataset.toml`` of a dataset folder, if it has one.

    Parameters
    ----------
    folder : str or pathlib.Path
        The dataset folder.

    Returns
    -------
    DatasetMetadata
        The metadata (empty when the folder has no ``dataset.toml``).
    list of Issue
        The problems found (see :func:`parse_metadata`).

    Raises
    ------
    UsageError
        If something other than a file is at ``dataset.toml`` (a folder, a named pipe), or
        the file cannot be read.

    Examples
    --------
    >>> meta, issues = read_metadata(graph.default_dataset_path())
    >>> meta.licence[:17], issues
    ('GPL-3.0-or-later,', [])
    """
    data = read_input(Path(folder) / METADATA_FILE)
    if data is None:
        return DatasetMetadata(), []
    return parse_metadata(data)


def _quoted(text: str, multiline: bool = False) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and control characters escaped;
    ``multiline`` writes a multi-line string (three quotes) whose line breaks are kept."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n" and multiline:
            out.append(char)
        elif char in "\n\t":
            out.append("\\n" if char == "\n" else "\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:  # a lone surrogate cannot be written as UTF-8
            out.append("\ufffd")
        else:
            out.append(char)
    if multiline:
        return '"""\n' + "".join(out) + '"""'
    return '"' + "".join(out) + '"'


def metadata_toml(metadata: DatasetMetadata, comment: str = "") -> str:
    """The text of a ``dataset.toml`` holding ``metadata`` (empty fields left out).

    :func:`parse_metadata` reads it back as the same :class:`DatasetMetadata`.

    Parameters
    ----------
    metadata : DatasetMetadata
        The fields to write.
    comment : str, optional
        A first line, written as a TOML comment.

    Returns
    -------
    str
        The TOML text, ending in a newline.

    Examples
    --------
    >>> meta = DatasetMetadata(title='Say "hi"', sources=("a", "b"), created=dt.date(2021, 4, 20))
    >>> print(metadata_toml(meta), end="")
    title = "Say \\"hi\\""
    sources = ["a", "b"]
    created = 2021-04-20
    >>> parse_metadata(metadata_toml(meta)) == (meta, [])
    True
    """
    lines = [f"# {' '.join(comment.split())}"] if comment else []
    if metadata.title:
        lines.append(f"title = {_quoted(metadata.title)}")
    if metadata.description:
        multiline = "\n" in metadata.description
        lines.append(f"description = {_quoted(metadata.description, multiline)}")
    if metadata.sources:
        lines.append(f"sources = [{', '.join(_quoted(s) for s in metadata.sources)}]")
    for name in ("licence", "author"):
        if getattr(metadata, name):
            lines.append(f"{name} = {_quoted(getattr(metadata, name))}")
    if metadata.created is not None:
        lines.append(f"created = {metadata.created.isoformat()}")
    return "\n".join(lines) + "\n"
