"""The one table of issue codes: every code an :class:`~graph.errors.Issue` can carry.

Each code is a member of :class:`IssueCode` (its value is the stable kebab-case string that
reports, ``--json`` output and scripts see) and has one row in :data:`CODES`: its severity,
which commands find it, what is wrong and how to fix it. The severity of an issue is taken
from here, never given where the issue is made; ``docs/format.md`` holds
:func:`markdown_table` between ``<!-- codes:start -->`` and ``<!-- codes:end -->`` (a test
checks that the two agree).

This module is a leaf: it imports nothing from the package.

>>> IssueCode.DANGLING_EDGE == "dangling-edge", CODES[IssueCode.DANGLING_EDGE].severity
(True, 'error')
>>> CODES[IssueCode("isolated-node")].severity
'warning'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Literal

__all__ = ["CODES", "CodeInfo", "IssueCode", "Severity", "Stage", "markdown_table"]

Severity = Literal["error", "warning"]
Stage = Literal["validate", "import"]


class IssueCode(StrEnum):
    """Stable code of a problem in input data; the value is what reports show."""

    MISSING_FILE = "missing-file"
    EMPTY_FILE = "empty-file"
    MISSING_COLUMN = "missing-column"
    DUPLICATE_COLUMN = "duplicate-column"
    RESERVED_COLUMN = "reserved-column"
    BAD_ENCODING = "bad-encoding"
    WRONG_DELIMITER = "wrong-delimiter"
    BAD_CSV = "bad-csv"
    EXTRA_FIELDS = "extra-fields"
    BAD_PARQUET = "bad-parquet"
    BAD_COLUMN_TYPE = "bad-column-type"
    DUPLICATE_TABLE = "duplicate-table"
    MISSING_VALUE = "missing-value"
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_TYPE = "unknown-type"
    DANGLING_EDGE = "dangling-edge"
    DANGLING_COUNTRY = "dangling-country"
    BAD_ISO3 = "bad-iso3"
    BAD_DATE = "bad-date"
    END_BEFORE_START = "end-before-start"
    BAD_WEIGHT = "bad-weight"
    BAD_SIGN = "bad-sign"
    BAD_VOCABULARY = "bad-vocabulary"
    BAD_METADATA = "bad-metadata"
    ISOLATED_NODE = "isolated-node"
    SELF_LOOP = "self-loop"
    DUPLICATE_EDGE = "duplicate-edge"
    COUNTRY_NOT_STATE = "country-not-state"
    NO_ROWS = "no-rows"
    UNKNOWN_METADATA_KEY = "unknown-metadata-key"
    NOT_GDELT = "not-gdelt"
    MISSING_FIELDS = "missing-fields"
    BAD_ID = "bad-id"
    BAD_CODE = "bad-code"
    BAD_SCORE = "bad-score"
    BAD_MENTIONS = "bad-mentions"
    DUPLICATE_EVENT = "duplicate-event"
    LINE_TOO_LONG = "line-too-long"
    BAD_ARCHIVE = "bad-archive"


@dataclass(frozen=True)
class CodeInfo:
    """One row of the table of codes.

    Parameters
    ----------
    severity : {"error", "warning"}
        Warnings are shown but do not make the data invalid.
    found_by : tuple of {"validate", "import"}
        The commands that report the code: ``validate`` (and everything that loads a
        dataset) and ``import`` (GDELT and ICEWS files, where an error skips the row).
    title : str
        What is wrong, in a few words (markdown).
    fix : str
        How to fix it (markdown).
    """

    severity: Severity
    found_by: tuple[Stage, ...]
    title: str
    fix: str


_V: tuple[Stage, ...] = ("validate",)
_I: tuple[Stage, ...] = ("import",)
_VI: tuple[Stage, ...] = ("validate", "import")

#: Every code, in the order the documentation lists them.
CODES: Mapping[IssueCode, CodeInfo] = MappingProxyType(
    {
        IssueCode.MISSING_FILE: CodeInfo(
            "error", _V,
            "`nodes.csv` or `edges.csv` (or its `.parquet`) is not in the folder",
            "Create the file with its header row, or name the right folder.",
        ),
        IssueCode.EMPTY_FILE: CodeInfo(
            "error", _V,
            "the file has no content",
            "Write the header row (`id,label,type`, `source,target,type`) and the rows.",
        ),
        IssueCode.MISSING_COLUMN: CodeInfo(
            "error", _VI,
            "a required column is not in the header (with a did-you-mean)",
            "Add the column or correct its name; a GDELT file needs `graph import gdelt`.",
        ),
        IssueCode.DUPLICATE_COLUMN: CodeInfo(
            "error", _V,
            "a column name appears twice",
            "Rename or remove one of the two columns.",
        ),
        IssueCode.RESERVED_COLUMN: CodeInfo(
            "error", _V,
            "a column has a name the loader uses itself (`_line`; in `edges.csv` also "
            "`directed`, `family`, `date_start`, `date_end`, `date_precision`)",
            "Rename the column (`family` to `user_family`, for example).",
        ),
        IssueCode.BAD_ENCODING: CodeInfo(
            "error", _V,
            "bytes that are not UTF-8 (the line is given)",
            "Save the file as UTF-8 (`iconv -f latin1 -t utf-8 in.csv > out.csv`).",
        ),
        IssueCode.WRONG_DELIMITER: CodeInfo(
            "error", _V,
            "the file is `;`-, tab- or `|`-separated",
            "Save the file with commas as separators.",
        ),
        IssueCode.BAD_CSV: CodeInfo(
            "error", _V,
            "an unclosed quote, or a cell over 64 MiB, makes the file unreadable",
            'Close the quote, or double a quote inside a cell (`""`); split a huge cell.',
        ),
        IssueCode.EXTRA_FIELDS: CodeInfo(
            "error", _VI,
            "a row has more cells than the header (or than the event format has)",
            "Quote cells that contain commas; in event files a tab inside a name causes it.",
        ),
        IssueCode.BAD_PARQUET: CodeInfo(
            "error", _V,
            "a `.parquet` table is not a Parquet file, is cut short or damaged, or holds "
            "text that is not UTF-8 (the row is given)",
            "Write the table again (`graph export --format parquet`, pandas `to_parquet`).",
        ),
        IssueCode.BAD_COLUMN_TYPE: CodeInfo(
            "error", _V,
            "a Parquet column has a type its column may not have (`id` as integers, a list)",
            "Write the column as text; `weight` and `sign` may be numbers, `date` and "
            "`end_date` dates (docs/format.md, Parquet tables).",
        ),
        IssueCode.DUPLICATE_TABLE: CodeInfo(
            "error", _V,
            "the folder holds a table twice: `nodes.csv` and `nodes.parquet` (or the edges)",
            "Keep one of the two files; the loader does not choose between them.",
        ),
        IssueCode.MISSING_VALUE: CodeInfo(
            "error", _V,
            "a required cell is empty",
            "Fill in `id` and `type` (nodes), `source`, `target` and `type` (edges).",
        ),
        IssueCode.DUPLICATE_ID: CodeInfo(
            "error", _V,
            "a node id (or an edge id) is used twice",
            "Give each row its own id, or merge the two rows; the first line is named.",
        ),
        IssueCode.UNKNOWN_TYPE: CodeInfo(
            "error", _V,
            "a node or relation type not in the vocabulary (with a did-you-mean)",
            "Correct the spelling, or add the type to the dataset's `vocabulary.toml`.",
        ),
        IssueCode.DANGLING_EDGE: CodeInfo(
            "error", _V,
            "`source`/`target` is not a node id (did-you-mean by id, label or alias)",
            "Use the node's id (not its label), or add the node to `nodes.csv`.",
        ),
        IssueCode.DANGLING_COUNTRY: CodeInfo(
            "error", _V,
            "`country` is not a node id",
            "Use the id or ISO3 code of a state node, or add that state to `nodes.csv`.",
        ),
        IssueCode.BAD_ISO3: CodeInfo(
            "error", _V,
            "`iso3` is not three letters",
            "Write the ISO 3166-1 alpha-3 code (`IRN`), or leave the cell empty.",
        ),
        IssueCode.BAD_DATE: CodeInfo(
            "error", _VI,
            "not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (event files: their own layout), or an "
            "impossible date (`2019-13-40`)",
            "Write ISO 8601 at the precision known: `2019`, `2015-12`, `2021-04-05`.",
        ),
        IssueCode.END_BEFORE_START: CodeInfo(
            "error", _V,
            "`end_date` is before `date`",
            "Swap the two dates, or correct the typo.",
        ),
        IssueCode.BAD_WEIGHT: CodeInfo(
            "error", _V,
            "`weight` is not a number from 0 to 10¹² (`1e12`)",
            "Write a number from 0 to 1e12 (empty means 1; rescale larger ones); put the "
            "polarity in `sign`.",
        ),
        IssueCode.BAD_SIGN: CodeInfo(
            "error", _V,
            "`sign` is not -1, 0 or 1",
            "Write -1, 0 or 1, or leave it empty for the type's default sign.",
        ),
        IssueCode.BAD_VOCABULARY: CodeInfo(
            "error", _V,
            "`vocabulary.toml` is not valid TOML or has fields of the wrong kind",
            "Correct the file; the fields and their kinds are under *Your own types*.",
        ),
        IssueCode.BAD_METADATA: CodeInfo(
            "error", _V,
            "`dataset.toml` is not valid TOML or UTF-8, or a key has a value of the wrong "
            "kind (the line and key are given)",
            "Write strings for `title`, `description`, `licence`, `author`, a list of strings "
            "for `sources`, a date without quotes for `created` (`2021-04-20`).",
        ),
        IssueCode.ISOLATED_NODE: CodeInfo(
            "warning", _V,
            "a node with no relation",
            "Add its relations, or remove the node if it is not wanted.",
        ),
        IssueCode.SELF_LOOP: CodeInfo(
            "warning", _V,
            "a relation from an actor to itself",
            "Correct `source` or `target` if it is a mistake.",
        ),
        IssueCode.DUPLICATE_EDGE: CodeInfo(
            "warning", _V,
            "a row identical to an earlier one, whose line is named",
            "Remove the repeat, or tell the two apart (date, description).",
        ),
        IssueCode.COUNTRY_NOT_STATE: CodeInfo(
            "warning", _V,
            "`country` names an organization, a person … rather than a state",
            "Point `country` at a state; tie other actors by a relation (`membership`).",
        ),
        IssueCode.NO_ROWS: CodeInfo(
            "warning", _V,
            "a file with a header and no rows",
            "Add rows, or check that the right file was given.",
        ),
        IssueCode.UNKNOWN_METADATA_KEY: CodeInfo(
            "warning", _V,
            "`dataset.toml` has a key that is not used (with a did-you-mean)",
            "Correct the spelling, or remove the key; the keys are under *Dataset metadata*.",
        ),
        IssueCode.NOT_GDELT: CodeInfo(
            "error", _I,
            "the rows do not have a GDELT field count (57, 58 or 61)",
            "Check the file; an ICEWS file needs `graph import icews`.",
        ),
        IssueCode.MISSING_FIELDS: CodeInfo(
            "error", _I,
            "an event row has fewer fields than the format (a line cut short)",
            "Download the file again; the row is skipped (`--strict` fails instead).",
        ),
        IssueCode.BAD_ID: CodeInfo(
            "error", _I,
            "an event id is not a number",
            "Check the file; the row is skipped (`--strict` fails instead).",
        ),
        IssueCode.BAD_CODE: CodeInfo(
            "error", _I,
            "an event code is not CAMEO (3–4 digits, 010 to 204)",
            "Keep codes as text (`040`, not `40`); the row is skipped.",
        ),
        IssueCode.BAD_SCORE: CodeInfo(
            "error", _I,
            "a Goldstein score or intensity is not a number from -10 to 10",
            "Check the file; the row is skipped (`--strict` fails instead).",
        ),
        IssueCode.BAD_MENTIONS: CodeInfo(
            "error", _I,
            "`NumMentions` is not a whole number",
            "Check the file; the row is skipped (`--strict` fails instead).",
        ),
        IssueCode.DUPLICATE_EVENT: CodeInfo(
            "error", _I,
            "an event id seen earlier in the input (overlapping files)",
            "Nothing, when files overlap: the repeat is skipped.",
        ),
        IssueCode.LINE_TOO_LONG: CodeInfo(
            "error", _I,
            "a line of an event file is over 64 MiB (event rows are under a few KiB)",
            "Check that the file is an event file and is complete; the import stops.",
        ),
        IssueCode.BAD_ARCHIVE: CodeInfo(
            "error", _I,
            "a zip archive is damaged (bad checksum, cut short) or encrypted",
            "Download the archive again (`unzip -t` tests it); the import stops.",
        ),
    }
)  # fmt: skip


def _cell(text: str) -> str:
    """Text for a markdown table cell: a ``|`` would end the cell, even inside backticks."""
    return text.replace("|", "\\|")


def markdown_table() -> str:
    """The table of codes as markdown, as ``docs/format.md`` shows it.

    Returns
    -------
    str
        A header, a rule and one row per code (``code``, severity, the commands that find
        it, what is wrong, how to fix it), each line ending in a newline.

    Examples
    --------
    >>> print(markdown_table().splitlines()[2])
    | `missing-file` | error | validate | `nodes.csv` or `edges.csv` (or its `.parquet`) is not in the folder | Create the file with its header row, or name the right folder. |
    """  # noqa: E501
    lines = [
        "| code | severity | found by | what is wrong | how to fix it |",
        "|---|---|---|---|---|",
    ]
    for code, info in CODES.items():
        cells = [f"`{code}`", info.severity, ", ".join(info.found_by), info.title, info.fix]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
