"""Exceptions and validation issues: one hierarchy for the whole library.

Every problem found in input data is an :class:`Issue` (file, row, column, code, value,
message). Checks collect issues into a :class:`ValidationReport`; the boundary raises one
:class:`DataError` carrying the report. The CLI maps :class:`DataError` to exit code 1 and
:class:`UsageError` to exit code 2.

>>> issue = Issue("edges.csv", 14, "target", "dangling-edge", "'tajikstan' is not a node id",
...               value="tajikstan")
>>> str(issue)
"edges.csv line 14, column 'target': 'tajikstan' is not a node id [dangling-edge]"
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .issue_codes import CODES, IssueCode, Severity

__all__ = [
    "DataError",
    "GraphError",
    "Issue",
    "ToolError",
    "UsageError",
    "ValidationReport",
    "place_word",
]


class GraphError(Exception):
    """Base class of every error this library raises on purpose.

    Catch it to handle both bad data (:class:`DataError`) and bad arguments
    (:class:`UsageError`) in one place.

    Examples
    --------
    >>> try:
    ...     graph.load("no/such/folder")
    ... except graph.GraphError as error:
    ...     print(type(error).__name__)
    UsageError
    """


class UsageError(GraphError):
    """A wrong argument or an unreadable path (CLI exit code 2).

    A message names the parameters it is about as ``{name}`` fields, listed in ``params``:
    ``str()`` writes each as its Python name, :meth:`worded` as the caller spells it (the CLI
    as its flag), so the library never speaks of command-line flags.

    Parameters
    ----------
    message : str
        What is wrong and how to fix it; ``{name}`` stands for the parameter ``name``.
    params : sequence of str
        The parameters named in ``message``; other braces are left as written.

    Examples
    --------
    >>> error = UsageError("{start} 2020 is after {end} 2019; swap them", params=("start", "end"))
    >>> str(error)
    'start 2020 is after end 2019; swap them'
    >>> error.worded({"start": "--from", "end": "--to"})
    '--from 2020 is after --to 2019; swap them'
    """

    def __init__(self, message: str, *, params: Sequence[str] = ()) -> None:
        self.template = message
        self.params = tuple(params)
        super().__init__(self.worded({}))

    def worded(self, names: Mapping[str, str]) -> str:
        """The message with each named parameter spelled as ``names`` gives it (else its name).

        >>> UsageError("drop {min_mentions}", params=["min_mentions"]).worded({})
        'drop min_mentions'
        """
        text = self.template
        for param in self.params:
            text = text.replace("{" + param + "}", names.get(param, param))
        return text


def place_word(file: str) -> str:
    """How a place in ``file`` is named: ``row`` in a Parquet table, ``line`` in a text file.

    >>> place_word("nodes.parquet"), place_word("edges.csv")
    ('row', 'line')
    """
    return "row" if file.lower().endswith(".parquet") else "line"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in one place of one input file.

    Parameters
    ----------
    file : str
        File name as the user knows it (``edges.csv``).
    row : int or None
        1-based line in the file (the header is line 1), or for a Parquet file (a name ending
        in ``.parquet``) the 1-based row, shown as ``row N``; ``None`` for file-level problems.
    column : str or None
        Header name of the column, ``None`` when the problem is not in one column.
    code : IssueCode
        Stable kebab-case code (``dangling-edge``), for scripts and tests; one of the table
        :data:`graph.issue_codes.CODES` (a plain string is turned into its
        :class:`~graph.issue_codes.IssueCode`; one not in the table raises ``ValueError``).
    message : str
        What is wrong and how to fix it.
    value : str or None
        The offending value, as read.

    Attributes
    ----------
    severity : {"error", "warning"}
        The code's severity in the table. Warnings are shown but do not make the data invalid.

    Examples
    --------
    >>> issue = Issue("edges.csv", 14, "target", "dangling-edge",
    ...               "'tajikstan' is not a node id", value="tajikstan")
    >>> print(issue)
    edges.csv line 14, column 'target': 'tajikstan' is not a node id [dangling-edge]
    >>> issue.severity
    'error'
    """

    file: str
    row: int | None
    column: str | None
    code: IssueCode
    message: str
    value: str | None = None
    severity: Severity = field(init=False)

    def __post_init__(self) -> None:
        code = IssueCode(self.code)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "severity", CODES[code].severity)

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" {place_word(self.file)} {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """Return the issue as a plain dict (for JSON)."""
        return {**asdict(self), "code": self.code.value}


@dataclass
class ValidationReport:
    """All the issues found in a dataset, errors and warnings.

    Returned by :func:`graph.validate` and carried by :class:`DataError`.

    Parameters
    ----------
    issues : list of Issue, optional
        The problems found, in the order found (:meth:`sorted` orders them by place).

    Examples
    --------
    >>> report = ValidationReport([Issue("nodes.csv", 3, "type", "unknown-type", "bad")])
    >>> report.valid, len(report.errors), len(report.warnings)
    (False, 1, 0)
    >>> report.counts()
    {'unknown-type': 1}
    """

    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        """Issues that make the dataset invalid."""
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        """Issues shown to the user that do not make the dataset invalid."""
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def extend(self, issues: list[Issue]) -> None:
        """Add issues to the report."""
        self.issues.extend(issues)

    def sorted(self) -> ValidationReport:
        """Return a copy with issues ordered by file, row, column and code."""

        def key(i: Issue) -> tuple[str, int, str, str]:
            return (i.file, i.row or 0, i.column or "", i.code)

        return ValidationReport(sorted(self.issues, key=key))

    def counts(self) -> dict[str, int]:
        """Number of issues per code."""
        return dict(sorted(Counter(i.code.value for i in self.issues).items()))

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a plain dict: validity, counts and every issue."""
        return {
            "valid": self.valid,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "counts": self.counts(),
            "issues": [i.to_dict() for i in self.issues],
        }


class ToolError(GraphError):
    """A program a task needs (such as Chromium for pictures) is missing or failed (exit code 1).

    The message says what to install or what went wrong.

    >>> str(ToolError("pictures need Chromium"))
    'pictures need Chromium'
    """


class DataError(GraphError):
    """Input data is invalid; ``report`` holds every issue found (CLI exit code 1).

    The message lists the first three errors; ``report`` has them all.

    Parameters
    ----------
    report : ValidationReport
        Every issue found; at least one of them is an error.

    Examples
    --------
    >>> report = ValidationReport([Issue("edges.csv", 5, "date", "bad-date",
    ...                                  "'2019-13' is not a date", value="2019-13")])
    >>> try:
    ...     raise DataError(report)
    ... except DataError as error:
    ...     print(error)
    ...     print(len(error.report.errors))
    1 error(s): edges.csv line 5, column 'date': '2019-13' is not a date [bad-date]
    1
    """

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        errors = report.errors
        head = "; ".join(str(i) for i in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(f"{len(errors)} error(s): {head}{more}")
