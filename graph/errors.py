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
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "DataError",
    "GraphError",
    "Issue",
    "UsageError",
    "ValidationReport",
]

Severity = Literal["error", "warning"]


class GraphError(Exception):
    """Base class of every error this library raises on purpose."""


class UsageError(GraphError):
    """A wrong argument or an unreadable path (CLI exit code 2)."""


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in one place of one input file.

    Parameters
    ----------
    file : str
        File name as the user knows it (``edges.csv``).
    row : int or None
        1-based line in the file (the header is line 1); ``None`` for file-level problems.
    column : str or None
        Header name of the column, ``None`` when the problem is not in one column.
    code : str
        Stable kebab-case code (``dangling-edge``), for scripts and tests.
    message : str
        What is wrong and how to fix it.
    value : str or None
        The offending value, as read.
    severity : {"error", "warning"}
        Warnings are shown but do not make the data invalid.
    """

    file: str
    row: int | None
    column: str | None
    code: str
    message: str
    value: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" line {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        return f"{where}: {self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """Return the issue as a plain dict (for JSON)."""
        return asdict(self)


@dataclass
class ValidationReport:
    """All the issues found in a dataset, errors and warnings.

    >>> report = ValidationReport([Issue("nodes.csv", 3, "type", "unknown-type", "bad")])
    >>> report.valid, len(report.errors), len(report.warnings)
    (False, 1, 0)
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
        return dict(sorted(Counter(i.code for i in self.issues).items()))

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a plain dict: validity, counts and every issue."""
        return {
            "valid": self.valid,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "counts": self.counts(),
            "issues": [i.to_dict() for i in self.issues],
        }


class DataError(GraphError):
    """Input data is invalid; ``report`` holds every issue found (CLI exit code 1)."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        errors = report.errors
        head = "; ".join(str(i) for i in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(f"{len(errors)} error(s): {head}{more}")
