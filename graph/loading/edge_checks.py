"""Check ``edges.csv`` against the checked nodes and the vocabulary (see :mod:`graph.loading`).

Endpoints, types, dates, weights and signs are checked on the distinct values of each
column; warnings cover self-loops, duplicate rows and isolated nodes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Issue, place_word
from ..issue_codes import IssueCode
from ..model.columns import EDGE_COLUMNS, EDGES_FILE, LINE, NODES_FILE
from ..model.dates import ONGOING, is_ongoing, parse_coded_dates
from ..model.vocabulary import Vocabulary
from ..text import suggest
from .cells import (
    Coded,
    as_text,
    check_duplicate_ids,
    check_required,
    check_types,
    issues_for,
    text_column,
    with_columns,
)

__all__ = ["check_edges"]

_SIGNS = {"1": 1, "+1": 1, "+": 1, "0": 0, "-1": -1, "-": -1, "−1": -1}
# The largest weight: sums over millions of relations stay far from overflow (docs/format.md).
_MAX_WEIGHT = 1e12


def _to_weight(uniques: np.ndarray) -> np.ndarray:
    text = pd.Series(uniques, dtype=object)
    return pd.to_numeric(text.where(text != "", "1"), errors="coerce").to_numpy(dtype=float)


def _parse_weight(frame: pd.DataFrame, coded: Coded, vocab: Vocabulary, f: str) -> list[Issue]:
    weight = pd.Series(coded.map("weight", _to_weight), index=frame.index, copy=False)
    bad = weight.isna() | (weight < 0)
    huge = ~bad & (weight > _MAX_WEIGHT)  # infinity included
    issues = issues_for(
        frame,
        bad,
        f,
        "weight",
        IssueCode.BAD_WEIGHT,
        "'{value}' is not a weight; expected a number >= 0 (put the polarity in 'sign')",
    )
    issues += issues_for(
        frame,
        huge,
        f,
        "weight",
        IssueCode.BAD_WEIGHT,
        "'{value}' is too large a weight; expected a number from 0 to 1e12 (rescale the column)",
    )
    frame["weight"] = weight.where(~(bad | huge), 1.0).astype(float)
    typed = {k: v.weight for k, v in vocab.edge_types.items() if v.weight != 1.0}
    if typed:  # an empty cell takes its type's weight from the vocabulary
        empty = coded.map("weight", lambda u: u == "")
        default = coded.map("type", lambda u: np.array([typed.get(t, 1.0) for t in u], float))
        frame["weight"] = np.where(empty, default, frame["weight"].to_numpy())
    return issues


def _parse_sign(frame: pd.DataFrame, coded: Coded, vocab: Vocabulary, f: str) -> list[Issue]:
    signs = coded.map("sign", lambda u: np.array([_SIGNS.get(v, np.nan) for v in u], float))
    bad = np.isnan(signs) & coded.map("sign", lambda u: u != "")
    issues = issues_for(
        frame, bad, f, "sign", IssueCode.BAD_SIGN, "'{value}' is not a sign; expected -1, 0 or 1"
    )
    by_type = {k: v.sign for k, v in vocab.edge_types.items()}
    default = coded.map("type", lambda u: [by_type.get(t, 0) for t in u])  # names normalized
    frame["sign"] = np.where(np.isnan(signs), default, signs).astype("int8")
    return issues


def _parse_edge_dates(frame: pd.DataFrame, coded: Coded, f: str) -> list[Issue]:
    """``date_start``/``date_end``/``date_precision`` from ``date`` and ``end_date``.

    ``end_date`` :data:`~graph.model.dates.ONGOING` (any case, stored lower-case) is a relation
    still in force: its ``date_end`` is the last day of the latest date in the file (the
    data's horizon), and the time filters read it as open-ended.
    """
    expected = "expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601) with a real month and day"
    message = f"'{{value}}' is not a date; {expected}"
    start = parse_coded_dates(*coded.columns["date"], frame.index)
    issues = issues_for(frame, start.bad, f, "date", IssueCode.BAD_DATE, message)
    last_day = start.end
    if not (coded.columns["end_date"][1] == "").all():  # some end dates are given
        words = coded.recode("end_date", lambda u: np.where(is_ongoing(u), ONGOING, u))
        frame["end_date"] = as_text(words, frame.index)
        codes, uniques = coded.columns["end_date"]
        ongoing = (uniques == ONGOING)[codes]
        end = parse_coded_dates(codes, np.where(uniques == ONGOING, "", uniques), frame.index)
        issues += issues_for(
            frame,
            end.bad,
            f,
            "end_date",
            IssueCode.BAD_DATE,
            f"{message}, or '{ONGOING}' for a relation still in force",
        )
        before = end.end.notna() & start.start.notna() & (end.end < start.start)
        issues += issues_for(
            frame,
            before,
            f,
            "end_date",
            IssueCode.END_BEFORE_START,
            "end_date '{value}' is before date '{hint}'; swap them or fix the typo",
            hints=dict(zip(frame.loc[before, "end_date"], frame.loc[before, "date"], strict=False)),
        )
        last_day = end.end.fillna(start.end)
        if ongoing.any():
            horizon = pd.concat([start.end, end.end]).max()  # the latest day named
            last_day = last_day.mask(ongoing & start.start.notna().to_numpy(), horizon)
    frame["date_start"] = start.start
    frame["date_end"] = last_day
    frame["date_precision"] = as_text(start.precision.to_numpy(dtype=object), frame.index)
    return issues


def _names_to_ids(nodes: pd.DataFrame) -> dict[str, str]:
    """Lowercased labels and aliases -> node id, for did-you-mean hints."""
    names: dict[str, str] = {}
    for col in ("label", "aliases"):
        for node_id, text in zip(nodes["id"], nodes[col], strict=True):
            for name in str(text).split(";"):
                if name.strip():
                    names[name.strip().lower()] = node_id
    return names


def _check_endpoints(
    frame: pd.DataFrame, coded: Coded, nodes: pd.DataFrame, f: str
) -> tuple[list[Issue], dict[str, np.ndarray]]:
    """Report endpoints that are not node ids; return each endpoint's node row (-1).

    A duplicated id points to its first row (``duplicate-id`` names the others).
    """
    first_rows = np.flatnonzero(~nodes["id"].duplicated().to_numpy())
    ids = pd.Index(nodes["id"].to_numpy()[first_rows])
    names: dict[str, str] = {}
    issues: list[Issue] = []
    positions: dict[str, np.ndarray] = {}
    for col in ("source", "target"):
        found = np.asarray(coded.map(col, ids.get_indexer), dtype=np.int64)
        positions[col] = np.full(len(found), -1, dtype=np.int64)
        positions[col][found >= 0] = first_rows[found[found >= 0]]
        bad = (positions[col] < 0) & coded.map(col, lambda u: u != "")
        hints = {}
        if bad.any() and not names:
            names = _names_to_ids(nodes)
        for value in frame.loc[bad, col].unique():
            by_name = names.get(value.lower())
            hints[value] = f" (did you mean '{by_name}'?)" if by_name else suggest(value, ids)
        issues += issues_for(
            frame,
            bad,
            f,
            col,
            IssueCode.DANGLING_EDGE,
            "'{value}' is not a node id{hint}",
            hints=hints,
        )
    return issues, positions


def _combine_keys(key: np.ndarray, codes: np.ndarray, size: int) -> np.ndarray:
    """One int64 key per row for (key, code), renumbering ``key`` first if it could overflow.

    >>> _combine_keys(np.array([0, 1, 1]), np.array([1, 0, 1]), 2).tolist()
    [1, 2, 3]
    """
    size = max(size, 1)
    if len(key) and int(key.max()) >= np.iinfo(np.int64).max // size:
        key = pd.factorize(key)[0]
    return key.astype(np.int64) * size + codes


def _duplicate_rows(frame: pd.DataFrame, coded: Coded, key: np.ndarray, f: str) -> list[Issue]:
    """Warn about rows equal to an earlier row.

    Rows are narrowed first by one integer key (``key`` numbers the endpoint pair; the codes of
    type and dates are folded in), then by the parsed weight, and only the few candidates
    left are compared whole.
    """
    for col in ("type", "date", "end_date"):
        codes, uniques = coded.columns[col]
        key = _combine_keys(key, codes, len(uniques))
    candidates = pd.Series(key).duplicated(keep=False).to_numpy(copy=True)
    positions = np.flatnonzero(candidates)
    weights = pd.factorize(frame["weight"].to_numpy()[positions])  # parsed: 1 == 1.0
    key = _combine_keys(key[positions], weights[0], len(weights[1]))
    candidates[positions] = pd.Series(key).duplicated(keep=False).to_numpy()
    if not candidates.any():
        return []
    columns = [c for c in frame.columns if c not in (LINE, "id")]
    rows = frame.loc[candidates, [*columns, LINE]]
    rows = rows[rows.duplicated(columns, keep=False).to_numpy()]
    dup = rows.duplicated(columns, keep="first").to_numpy()
    first = rows.groupby(columns, sort=False, dropna=False)[LINE].transform("min")[dup]
    rows = rows[dup]
    shown = (
        rows["source"] + " -> " + rows["target"] + " " + rows["type"]
        + f", first on {place_word(f)} " + first.astype(str)
    )  # fmt: skip
    return issues_for(
        rows,
        np.ones(len(rows), dtype=bool),
        f,
        None,
        IssueCode.DUPLICATE_EDGE,
        "the same relation as an earlier row ({value})",
        values=shown,
    )


def _edge_warnings(
    frame: pd.DataFrame,
    coded: Coded,
    nodes: pd.DataFrame,
    positions: dict[str, np.ndarray],
    files: tuple[str, str],
) -> list[Issue]:
    nodes_file, f = files
    src, dst = positions["source"], positions["target"]
    issues = issues_for(
        frame,
        (src == dst) & (src >= 0) & (frame["source"] != "").to_numpy(),
        f,
        "source",
        IssueCode.SELF_LOOP,
        "'{value}' has a relation with itself",
    )
    issues += _duplicate_rows(frame, coded, key=(src + 1) * (len(nodes) + 1) + (dst + 1), f=f)
    linked = np.zeros(len(nodes) + 1, dtype=bool)
    linked[src] = True
    linked[dst] = True
    # a repeated id (a duplicate-id error) is linked when its first row is
    linked_ids = nodes["id"].to_numpy()[linked[: len(nodes)]]
    isolated = ~nodes["id"].isin(linked_ids).to_numpy() & (nodes["id"] != "").to_numpy()
    issues += issues_for(
        nodes,
        isolated,
        nodes_file,
        "id",
        IssueCode.ISOLATED_NODE,
        f"node '{{value}}' has no relation in {f}",
    )
    return issues


def _edge_ids(frame: pd.DataFrame, given: np.ndarray) -> pa.Array:
    """The ``id`` column with ``e<line>`` where it is empty, built in Arrow."""
    if given.all():
        return pa.array(frame["id"].to_numpy(dtype=object), type=pa.string())
    lines = pc.cast(pa.array(frame[LINE].to_numpy()), pa.string())
    generated = pc.binary_join_element_wise("e", lines, "")
    if not given.any():
        return generated
    ids = pa.array(frame["id"].to_numpy(dtype=object), type=pa.string())
    return pc.if_else(pa.array(given), ids, generated)


def check_edges(
    edges: pd.DataFrame,
    nodes: pd.DataFrame,
    vocab: Vocabulary,
    *,
    files: tuple[str, str] = (NODES_FILE, EDGES_FILE),
) -> tuple[pd.DataFrame, list[Issue]]:
    """Check ``edges.csv`` against the checked nodes; return the typed edge table.

    Adds ``weight`` (float, default 1), ``sign`` (int, default from the type), ``directed``
    and ``family`` (from the type), ``date_start``/``date_end`` (the interval the dates
    name) and ``date_precision``; an empty ``id`` becomes ``e<line>`` (``e<row>`` in a
    Parquet table). ``files`` names the node and edge tables in issues.
    """
    frame, coded = with_columns(edges, EDGE_COLUMNS)
    f = files[1]
    issues = check_required(frame, coded, ("source", "target", "type"), f)
    issues += check_types(frame, coded, vocab.edge_types, f, "edge")
    more, positions = _check_endpoints(frame, coded, nodes, f)
    issues += more
    issues += _parse_edge_dates(frame, coded, f)
    issues += _parse_weight(frame, coded, vocab, f)
    issues += _parse_sign(frame, coded, vocab, f)
    given = coded.map("id", lambda u: u != "")
    if given.any():
        message = f"edge id '{{value}}' is used twice (first on {place_word(f)} {{line}})"
        issues += check_duplicate_ids(frame, given, f, message)
    frame["id"] = text_column(_edge_ids(frame, given), frame.index)
    directed = {k: v.directed for k, v in vocab.edge_types.items()}
    family = {k: v.family for k, v in vocab.edge_types.items()}
    frame["directed"] = coded.map(
        "type", lambda u: np.array([directed.get(t, True) for t in u], bool)
    )
    families = coded.map("type", lambda u: [family.get(t, "other") for t in u])
    frame["family"] = as_text(families, frame.index)
    issues += _edge_warnings(frame, coded, nodes, positions, files)
    if frame.empty:
        issues.append(Issue(f, None, None, IssueCode.NO_ROWS, "the file has a header but no rows"))
    return frame, issues
