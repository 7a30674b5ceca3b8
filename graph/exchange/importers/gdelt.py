"""GDELT event files: 2.0 exports (61 fields) and 1.0 daily files (58, or 57 without SOURCEURL).

Tab-separated, no header, no quoting. The field count of a file's first lines tells its
version; in a 1.0 file, 57- and 58-field rows may be mixed. Columns used (0-based):
0 GLOBALEVENTID, 1 SQLDATE, 5-8/15-18 Actor1/Actor2 Code, Name, CountryCode, KnownGroupCode,
12/22 Actor1/Actor2 Type1Code, 26 EventCode, 29 QuadClass, 30 GoldsteinScale,
31 NumMentions, 34 AvgTone, Actor1Geo_CountryCode (37) and Actor2Geo_CountryCode (45 in 2.0,
44 in 1.0) for ``locate_actors``, and SOURCEURL (60 in 2.0, 57 in 1.0).

>>> import tempfile, pathlib
>>> row = ["1", "20191024"] + [""] * 3 + ["IRN", "IRAN", "IRN"] + [""] * 7
>>> row += ["TJK", "TAJIKISTAN", "TJK"] + [""] * 8 + ["042", "042", "04", "1", "1.9", "3"]
>>> row += ["1", "3", "2.5"] + [""] * 24 + ["20191024143000", "https://example.org/a"]
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.export.CSV"
>>> _ = path.write_text("\\t".join(row) + "\\n")
>>> result = import_gdelt(path)
>>> result.edges[["id", "source", "target", "type", "weight", "sign"]].values.tolist()
[['gdelt-1', 'iran', 'tajikistan', 'visit', '1.9', '1']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ...errors import DataError, Issue, UsageError, ValidationReport
from ...issue_codes import IssueCode
from .actors import gdelt_actors, resolve_sides
from .cameo import map_codes
from .fields import (
    BAD_CODE,
    Checker,
    bad_rows_frame,
    parse_counts,
    parse_days,
    parse_scores,
    settle,
)
from .locate import gdelt_locatable, locate_codes
from .options import ImportOptions
from .output import ImportResult
from .pipeline import Parsed, parse_files
from .reader import Progress, Rows, Source, peek_lines, read_rows
from .run import Format, run_import

__all__ = ["GDELT_COLUMNS", "import_gdelt"]

#: Our name -> (GDELT field name, 0-based index in both versions); SOURCEURL is apart.
GDELT_COLUMNS: dict[str, tuple[str, int]] = {
    "event_id": ("GLOBALEVENTID", 0),
    "day": ("SQLDATE", 1),
    "a1_code": ("Actor1Code", 5),
    "a1_name": ("Actor1Name", 6),
    "a1_country": ("Actor1CountryCode", 7),
    "a1_group": ("Actor1KnownGroupCode", 8),
    "a1_type": ("Actor1Type1Code", 12),
    "a2_code": ("Actor2Code", 15),
    "a2_name": ("Actor2Name", 16),
    "a2_country": ("Actor2CountryCode", 17),
    "a2_group": ("Actor2KnownGroupCode", 18),
    "a2_type": ("Actor2Type1Code", 22),
    "code": ("EventCode", 26),
    "quad_class": ("QuadClass", 29),
    "score": ("GoldsteinScale", 30),
    "mentions": ("NumMentions", 31),
    "tone": ("AvgTone", 34),
}
_URL = {61: 60, 58: 57}
#: Actor1Geo_CountryCode and Actor2Geo_CountryCode (FIPS 10-4) by field count: 1.0 rows lack
#: the ADM2 codes of 2.0.
_GEO = {61: (37, 45), 58: (37, 44), 57: (37, 44)}
_NAMES = [*GDELT_COLUMNS, "a1_geo", "a2_geo", "url"]
_VERSION = {61: "GDELT 2.0 rows have 61", 58: "GDELT 1.0 rows have 57 or 58", 57: ""}


def _layout(source: Source) -> tuple[int, int | None]:
    """The main field count of a file and the alternative one it may mix in."""
    counts = Counter(line.count("\t") + 1 for line in peek_lines(source))
    common = [n for n, _ in counts.most_common() if n in (61, 58, 57)]
    if not counts:
        return 61, None
    if not common:
        seen = counts.most_common(1)[0][0]
        hint = " (an ICEWS file? use graph import icews)" if seen == 20 else ""
        message = (
            f"the rows have {seen} tab-separated fields; GDELT 2.0 export rows have 61, "
            f"GDELT 1.0 rows 57 or 58{hint}"
        )
        raise DataError(
            ValidationReport([Issue(source.name, 1, None, IssueCode.NOT_GDELT, message)])
        )
    main = common[0]
    return (61, None) if main == 61 else (main, 57 if main == 58 else 58)


def _fields(texts: list[str], width: int) -> pd.DataFrame:
    """Split rows that have ``width`` fields (vectorized) into our columns."""
    split = pc.split_pattern(pa.array(texts, pa.string()), "\t")
    data = {name: pc.list_element(split, i).to_pandas() for name, (_, i) in GDELT_COLUMNS.items()}
    for name, i in zip(("a1_geo", "a2_geo"), _GEO[width], strict=True):
        data[name] = pc.list_element(split, i).to_pandas()
    url = _URL.get(width)
    data["url"] = pc.list_element(split, url).to_pandas() if url else pd.Series([""] * len(texts))
    return pd.DataFrame(data).astype(object)


def _read(
    source: Source, report: Callable[[int], None], layout: tuple[int, int | None] | None = None
) -> Rows:
    main, alternative = layout or _layout(source)  # a piece of a file has its file's layout
    names = [f"c{i}" for i in range(main)]
    wanted = {f"c{i}": name for name, (_, i) in GDELT_COLUMNS.items()}
    wanted.update({f"c{i}": n for n, i in zip(("a1_geo", "a2_geo"), _GEO[main], strict=True)})
    if main in _URL:
        wanted[f"c{_URL[main]}"] = "url"
    rows = read_rows(
        source,
        names=names,
        include=list(wanted),
        alternative=frozenset({alternative} if alternative else ()),
        progress=report,
    )
    rows.frame = rows.frame.rename(columns=wanted)
    rows.kind = "GDELT 2.0 event export" if main == 61 else "GDELT 1.0 event file"
    if "url" not in rows.frame:
        rows.frame["url"] = ""
    parts = []
    if rows.alternative:
        alt = _fields([b.text for b in rows.alternative], alternative or 0)
        alt["_line"] = [b.line for b in rows.alternative]
        alt["_skip"] = ""
        parts.append(alt)
    if rows.bad:
        parts.append(bad_rows_frame(rows.bad, _NAMES, main))
        expected = _VERSION[61 if main == 61 else 58]
        for b in rows.bad:
            cause = "the line is cut short" if b.fields < main else "a name may contain a tab"
            code = IssueCode.MISSING_FIELDS if b.fields < main else IssueCode.EXTRA_FIELDS
            message = f"the row has {b.fields} tab-separated fields; {expected} ({cause})"
            rows.issues.append(Issue(source.name, b.line, None, code, message, str(b.fields)))
    return settle(rows, parts, list(wanted.values()))


def _check(frame: pd.DataFrame, files: list[str]) -> tuple[Checker, pd.DataFrame]:
    check = Checker(frame, files)
    check.check(
        ~frame["event_id"].str.fullmatch(r"\d+"),
        IssueCode.BAD_ID,
        "GLOBALEVENTID",
        "GLOBALEVENTID '{value}' is not a number",
        frame["event_id"],
    )
    day, bad_day = parse_days(frame["day"], "%Y%m%d")
    check.check(
        bad_day,
        IssueCode.BAD_DATE,
        "SQLDATE",
        "SQLDATE '{value}' is not a date (YYYYMMDD)",
        frame["day"],
    )
    cameo = map_codes(frame["code"])
    check.check(
        ~cameo["valid"],
        IssueCode.BAD_CODE,
        "EventCode",
        BAD_CODE.format(field="EventCode"),
        frame["code"],
    )
    score, bad_score = parse_scores(frame["score"])
    check.check(
        bad_score,
        IssueCode.BAD_SCORE,
        "GoldsteinScale",
        "GoldsteinScale '{value}' is not a number from -10 to 10",
        frame["score"],
    )
    mentions, bad_mentions = parse_counts(frame["mentions"])
    check.check(
        bad_mentions,
        IssueCode.BAD_MENTIONS,
        "NumMentions",
        "NumMentions '{value}' is not a whole number",
        frame["mentions"],
    )
    repeat = frame["event_id"].duplicated(keep="first").to_numpy() & check.ok
    if repeat.any():  # a repeat of a skipped row is not a repeat
        repeat = frame["event_id"].where(check.ok).duplicated(keep="first").to_numpy() & check.ok
    check.check(
        repeat,
        IssueCode.DUPLICATE_EVENT,
        "GLOBALEVENTID",
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
            "mentions": mentions,
        }
    )
    return check, events


Sides = tuple[np.ndarray, np.ndarray]


def _actors(
    frame: pd.DataFrame, ok: np.ndarray
) -> tuple[np.ndarray, np.ndarray, pd.DataFrame, list[str], Sides]:
    """Both sides' catalogue positions, the catalogue, the unresolved codes, and the positions
    with ``locate_actors``: an actor with a type but no country (``GOV``) placed in the state
    of its ``*Geo_CountryCode`` resolves as if coded so (``RUSGOV``: ``russia_gov``)."""
    names = ["country", "group", "type", "code"]
    sides = [frame[[f"{side}_{n}" for n in names]].set_axis(names, axis=1) for side in ("a1", "a2")]
    keys = pd.concat(sides, ignore_index=True)
    if not ok.all():  # skipped rows name no actor
        keys.loc[~np.concatenate([ok, ok])] = ""
    movable = np.zeros(len(keys), dtype=bool)
    country = np.zeros(0, dtype=object)
    locatable = np.flatnonzero(gdelt_locatable(keys).to_numpy())
    if len(locatable):  # only those rows' geography is looked up (a fifth of them or less)
        geo = pd.concat([frame["a1_geo"], frame["a2_geo"]], ignore_index=True)
        where = locate_codes(geo.iloc[locatable]).to_numpy(dtype=object)
        found = where != ""
        movable[locatable[found]] = True
        country = where[found]
    placed = keys[movable].assign(country=country)
    placed["code"] = placed["country"] + placed["code"]
    both = pd.concat([keys, placed], ignore_index=True)
    node, table, unresolved = resolve_sides(both, gdelt_actors, "actor_code", names)
    n = len(frame)
    located = node[: 2 * n].copy()
    located[movable] = node[2 * n :]
    return node[:n], node[n : 2 * n], table, unresolved, (located[:n], located[n:])


def _columns(frame: pd.DataFrame, events: pd.DataFrame) -> dict[str, pd.Series]:
    """Description, citation and the GDELT columns kept on each edge."""
    a1, a2 = frame["a1_name"], frame["a2_name"]
    return {
        "description": events["label"] + " (" + frame["code"] + "): " + a1 + " / " + a2,
        "citation": _cite(frame),
        "quad_class": frame["quad_class"],
        "mentions": frame["mentions"],
        "tone": frame["tone"],
    }


def _cite(frame: pd.DataFrame, at: np.ndarray | None = None) -> pd.Series:
    """The source URL of each row (of the rows at ``at``), else the GDELT event id."""
    url, ids = frame["url"], frame["event_id"]
    if at is not None:
        url, ids = url.iloc[at], ids.iloc[at]
    return url.where(url != "", "GDELT event " + ids)


def _parse(rows: list[Rows]) -> Parsed:
    located: list[Sides] = []

    def actors(
        frame: pd.DataFrame, ok: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, pd.DataFrame, list[str]]:
        source, target, table, unresolved, moved = _actors(frame, ok)
        located.append(moved)
        return source, target, table, unresolved

    parsed = parse_files(rows, _NAMES, _check, actors)
    parsed.located = located[0] if located else None
    return parsed


GDELT = Format(
    name="gdelt",
    score_column="goldstein",
    read=_read,
    parse=_parse,
    columns=_columns,
    layout=_layout,
    id_field=GDELT_COLUMNS["event_id"][0],
    sides=("a1_", "a2_"),
    side_names=("a1_name", "a2_name"),
    cite=_cite,
)


def import_gdelt(
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
    """Import GDELT 2.0 export or 1.0 event files into a dataset.

    Parameters
    ----------
    paths : path, glob or list of them
        Event files (``*.export.CSV``), ``.zip`` or ``.gz`` archives, folders, globs, or
        URLs that fsspec reads (``s3://``, ``https://``).
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
        If a file is not GDELT, or with ``strict`` when a row cannot be parsed.

    See Also
    --------
    import_icews : The same for ICEWS files.
    merge : Add the imported events to a hand-made dataset.

    Examples
    --------
    One GDELT 2.0 row (61 tab-separated fields): Iran visits Tajikistan on 24 October 2019.

    >>> import tempfile
    >>> from pathlib import Path
    >>> row = [""] * 61
    >>> row[0:2] = ["1001", "20191024"]                      # event id, day
    >>> row[5:8] = ["IRN", "IRAN", "IRN"]                   # Actor1 code, name, country
    >>> row[15:18] = ["TJK", "TAJIKISTAN", "TJK"]           # Actor2 code, name, country
    >>> row[26:32] = ["042", "042", "04", "1", "1.9", "3"]  # CAMEO 042 (visit) ... mentions
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "day.export.CSV").write_text("\\t".join(row) + "\\n")
    >>> result = graph.import_gdelt(folder / "day.export.CSV", folder / "out", countries=["IRN"])
    >>> result.edges[["source", "target", "type", "date"]].values.tolist()
    [['iran', 'tajikistan', 'visit', '2019-10-24']]
    >>> graph.load(folder / "out")
    <Dataset 'out': 2 nodes, 1 edges>
    """
    if options is not None and kwargs:
        raise UsageError("give either options=ImportOptions(...) or keyword options, not both")
    opts = options or ImportOptions(**kwargs)  # type: ignore[arg-type]
    return run_import(
        GDELT,
        paths,
        output,
        opts,
        progress,
        workers=workers,
        scheduler=scheduler,
        chunk_rows=chunk_rows,
    )
