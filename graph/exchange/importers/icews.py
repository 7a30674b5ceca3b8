"""ICEWS coded event files: tab-separated, a header line, 20 columns.

Columns used, by header name: Event ID, Event Date (``YYYY-MM-DD``), Source Name, Source
Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors,
Target Country, Story ID, Sentence Number, Publisher. ``NA`` is ICEWS's empty cell.

>>> import tempfile, pathlib
>>> header = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
...           "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
...           "Target Country", "Story ID", "Sentence Number", "Publisher"]
>>> row = ["7", "2018-06-01", "Iran", "NA", "Iran", "Consult", "040", "1", "Tajikistan", "NA",
...        "Tajikistan", "42", "1", "IRNA"]
>>> path = pathlib.Path(tempfile.mkdtemp()) / "events.tab"
>>> _ = path.write_text("\\t".join(header) + "\\n" + "\\t".join(row) + "\\n")
>>> result = import_icews(path, link=False)
>>> result.edges[["id", "source", "target", "type", "citation"]].values.tolist()
[['icews-7', 'iran', 'tajikistan', 'talks', 'IRNA, ICEWS story 42, sentence 1']]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ...errors import DataError, Issue, UsageError, ValidationReport
from ...issue_codes import IssueCode
from .actors import icews_actors, resolve_sides
from .cameo import map_codes
from .fields import BAD_CODE, Checker, bad_rows_frame, parse_days, parse_scores, settle
from .options import ImportOptions
from .output import ImportResult
from .pipeline import Parsed, parse_files
from .reader import Progress, Rows, Source, peek_lines, read_rows
from .run import Format, run_import

__all__ = ["ICEWS_COLUMNS", "import_icews"]

#: Our name -> ICEWS header name.
ICEWS_COLUMNS: dict[str, str] = {
    "event_id": "Event ID",
    "day": "Event Date",
    "s_name": "Source Name",
    "s_sectors": "Source Sectors",
    "s_country": "Source Country",
    "text": "Event Text",
    "code": "CAMEO Code",
    "score": "Intensity",
    "t_name": "Target Name",
    "t_sectors": "Target Sectors",
    "t_country": "Target Country",
    "story": "Story ID",
    "sentence": "Sentence Number",
    "publisher": "Publisher",
}
_OPTIONAL = {"text"}


def _header(source: Source) -> list[str]:
    lines = peek_lines(source, 1)
    header = [h.strip().lstrip("\ufeff") for h in lines[0].split("\t")] if lines else []
    missing = [ICEWS_COLUMNS[k] for k in ICEWS_COLUMNS if k not in _OPTIONAL]
    missing = [m for m in missing if m not in header]
    if missing:
        hint = " (a GDELT file? use graph import gdelt)" if len(header) in (57, 58, 61) else ""
        issues = [
            Issue(
                source.name,
                1,
                m,
                IssueCode.MISSING_COLUMN,
                f"ICEWS column '{m}' is missing from the header line{hint}",
            )
            for m in missing
        ]
        raise DataError(ValidationReport(issues))
    return header


def _read(source: Source, report: Callable[[int], None], header: list[str] | None = None) -> Rows:
    header = header or _header(source)  # a piece of a file has its file's header
    names = [f"c{i}" for i in range(len(header))]
    wanted = {f"c{header.index(v)}": k for k, v in ICEWS_COLUMNS.items() if v in header}
    rows = read_rows(source, names=names, include=list(wanted), progress=report)
    rows.frame = rows.frame.rename(columns=wanted)
    rows.kind = "ICEWS"
    body = (rows.lines > 1) | (source.offset > 0)  # the header line, in the file's first piece
    rows.frame = rows.frame[body].reset_index(drop=True)
    rows.lines = rows.lines[body]
    for name in ICEWS_COLUMNS:
        if name not in rows.frame:
            rows.frame[name] = ""
    parts = []
    if rows.bad:
        parts.append(bad_rows_frame(rows.bad, list(ICEWS_COLUMNS), len(header)))
        for b in rows.bad:
            cause = "the line is cut short" if b.fields < len(header) else "a value has a tab"
            code = IssueCode.MISSING_FIELDS if b.fields < len(header) else IssueCode.EXTRA_FIELDS
            message = f"the row has {b.fields} fields but the header has {len(header)} ({cause})"
            rows.issues.append(Issue(source.name, b.line, None, code, message, str(b.fields)))
    return settle(rows, parts, list(wanted.values()))


def _check(frame: pd.DataFrame, files: list[str]) -> tuple[Checker, pd.DataFrame]:
    check = Checker(frame, files)
    check.check(
        ~frame["event_id"].str.fullmatch(r"\d+"),
        IssueCode.BAD_ID,
        "Event ID",
        "Event ID '{value}' is not a number",
        frame["event_id"],
    )
    day, bad_day = parse_days(frame["day"], "%Y-%m-%d")
    check.check(
        bad_day,
        IssueCode.BAD_DATE,
        "Event Date",
        "Event Date '{value}' is not a date (YYYY-MM-DD)",
        frame["day"],
    )
    cameo = map_codes(frame["code"])
    check.check(
        ~cameo["valid"],
        IssueCode.BAD_CODE,
        "CAMEO Code",
        BAD_CODE.format(field="CAMEO Code"),
        frame["code"],
    )
    score, bad_score = parse_scores(frame["score"])
    check.check(
        bad_score,
        IssueCode.BAD_SCORE,
        "Intensity",
        "Intensity '{value}' is not a number from -10 to 10",
        frame["score"],
    )
    repeat = frame["event_id"].where(check.ok).duplicated(keep="first").to_numpy() & check.ok
    check.check(
        repeat,
        IssueCode.DUPLICATE_EVENT,
        "Event ID",
        "event {value} appears earlier in the input; the repeat is skipped",
        frame["event_id"],
    )
    events = pd.DataFrame(
        {
            "event_id": frame["event_id"],
            "date": day,
            "code": frame["code"],
            "type": cameo["type"],
            "flip": cameo["flip"],
            "label": cameo["label"],
            "quad": cameo["quad_class"],
            "score": score,
            "mentions": np.nan,
        }
    )
    return check, events


def _actors(
    frame: pd.DataFrame, ok: np.ndarray
) -> tuple[np.ndarray, np.ndarray, pd.DataFrame, list[str]]:
    names = ["name", "sectors", "country"]
    sides = [frame[[f"{side}_{n}" for n in names]].set_axis(names, axis=1) for side in ("s", "t")]
    keys = pd.concat(sides, ignore_index=True)
    if not ok.all():  # skipped rows name no actor
        keys.loc[~np.concatenate([ok, ok])] = ""
    node, table, unresolved = resolve_sides(keys, icews_actors, "sectors", ["name", "country"])
    n = len(frame)
    return node[:n], node[n:], table, unresolved


def _columns(frame: pd.DataFrame, events: pd.DataFrame) -> dict[str, pd.Series]:
    """Description, citation and the ICEWS columns kept on each edge."""
    text = frame["text"].where(frame["text"] != "", events["label"])
    return {
        "description": text
        + " ("
        + frame["code"]
        + "): "
        + frame["s_name"]
        + " / "
        + frame["t_name"],
        "citation": frame["publisher"]
        + ", ICEWS story "
        + frame["story"]
        + ", sentence "
        + frame["sentence"],
        "story_id": frame["story"],
        "sentence": frame["sentence"],
        "publisher": frame["publisher"],
    }


def _parse(rows: list[Rows]) -> Parsed:
    return parse_files(rows, ICEWS_COLUMNS, _check, _actors)


ICEWS = Format(
    name="icews",
    score_column="intensity",
    read=_read,
    parse=_parse,
    columns=_columns,
    has_mentions=False,
    layout=_header,
    id_field=ICEWS_COLUMNS["event_id"],
    sides=("s_", "t_"),
)


def import_icews(
    paths: str | Path | Iterable[str | Path],
    output: str | Path | None = None,
    *,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
    scheduler: Any = None,
    chunk_rows: int | None = None,
    **kwargs: object,
) -> ImportResult:
    """Import ICEWS event files (``.tab``, ``.tsv``, zipped or not) into a dataset.

    Works as :func:`graph.import_gdelt`; ``min_mentions`` and ``locate_actors`` do not apply
    (ICEWS has no mention counts, and its actors have their country). The ``Intensity`` is the
    signed score.

    Parameters
    ----------
    paths : path, glob or list of them
        Event files with ICEWS's header line (``.tab``, ``.tsv``), ``.zip`` or ``.gz``
        archives, folders, globs, or URLs that fsspec reads.
    output : path, optional
        Folder to write (``nodes.csv``, ``edges.csv``, ``vocabulary.toml``, ``import.json``).
    options : ImportOptions, optional
        Filters and output shape; keyword arguments (``countries=["IRN"]``) work too.
    progress : callable, optional
        Called as ``progress(bytes_read, bytes_total)`` while reading.
    workers : int, optional
        Run the chunks on a Dask cluster of this many worker processes started on this
        machine for the import (``pip install 'graph-explorer[scale]'``; docs/scale.md).
    scheduler : str or distributed.Client, optional
        Run the chunks on a running Dask cluster (``tcp://host:8786``, or a client such as
        dask-gateway's ``cluster.get_client()``), whose workers see the input paths or URLs.
        Without ``workers`` or ``scheduler`` the import runs in this process; the output is
        the same byte for byte.
    chunk_rows : int, optional
        Rows per chunk (default 250,000, at most 64 MiB): memory grows with it, not with
        the input.
    **kwargs
        The fields of :class:`ImportOptions` as keywords (``countries=["IRN"]``,
        ``start="2019"``), instead of ``options``.

    Returns
    -------
    ImportResult
        The tables, the vocabulary and the :class:`ImportSummary`.

    Raises
    ------
    UsageError
        For a missing file or a bad option.
    DataError
        If a header lacks an ICEWS column, or with ``strict`` when a row cannot be parsed.

    See Also
    --------
    import_gdelt : The same for GDELT files.

    Examples
    --------
    A tab-separated file with ICEWS's header and two events:

    >>> import tempfile
    >>> from pathlib import Path
    >>> header = ["Event ID", "Event Date", "Source Name", "Source Sectors",
    ...           "Source Country", "CAMEO Code", "Intensity", "Target Name",
    ...           "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    ...           "Publisher"]
    >>> visit = ["1", "2019-06-15", "Iran", "", "Iran", "042", "1.9",
    ...          "Tajikistan", "", "Tajikistan", "7", "1", "IRNA"]
    >>> deal = ["2", "2019-06-15", "Tajikistan", "", "Tajikistan", "057", "8.0",
    ...         "Iran", "", "Iran", "7", "2", "IRNA"]
    >>> path = Path(tempfile.mkdtemp()) / "events.tab"
    >>> _ = path.write_text("\\n".join("\\t".join(r) for r in (header, visit, deal)) + "\\n")
    >>> result = graph.import_icews(path)
    >>> result.edges[["source", "target", "type"]].values.tolist()
    [['iran', 'tajikistan', 'visit'], ['tajikistan', 'iran', 'agreement']]
    """
    if options is not None and kwargs:
        raise UsageError("give either options=ImportOptions(...) or keyword options, not both")
    opts = options or ImportOptions(**kwargs)  # type: ignore[arg-type]
    if opts.locate_actors:
        raise UsageError(
            "ICEWS actors have their country; {locate_actors} is for GDELT",
            params=("locate_actors",),
        )
    return run_import(
        ICEWS,
        paths,
        output,
        opts,
        progress,
        workers=workers,
        scheduler=scheduler,
        chunk_rows=chunk_rows,
    )
