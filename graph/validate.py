"""Check node and edge tables against the vocabulary and turn cells into typed columns.

Every check is vectorized and records an :class:`~graph.errors.Issue` per offending cell;
nothing is raised here. ``graph.dataset.load`` raises one :class:`~graph.errors.DataError`
with all of them.

Codes: ``missing-value``, ``duplicate-id``, ``unknown-type``, ``dangling-edge``,
``dangling-country``, ``bad-iso3``, ``bad-date``, ``end-before-start``, ``bad-weight``,
``bad-sign``; warnings ``isolated-node``, ``self-loop``, ``duplicate-edge``.

>>> import pandas as pd
>>> from graph.schema import load_vocabulary
>>> nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", ""], "type": ["state", "State"],
...                       "_line": [2, 3]})
>>> frame, issues = check_nodes(nodes, load_vocabulary())
>>> frame["label"].tolist(), frame["type"].tolist(), issues
(['A', 'b'], ['state', 'state'], [])
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .csvio import LINE
from .dates import parse_dates
from .errors import Issue
from .schema import EDGE_COLUMNS, NODE_COLUMNS, Vocabulary

__all__ = ["check_nodes", "check_edges", "normalize_type", "suggest"]

NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"
_SIGNS = {"1": 1, "+1": 1, "+": 1, "0": 0, "-1": -1, "-": -1, "−1": -1}


def normalize_type(values: pd.Series) -> pd.Series:
    """Lowercase type names and write spaces and underscores as hyphens.

    >>> normalize_type(pd.Series(["Armed group", "armed_group", " STATE "])).tolist()
    ['armed-group', 'armed-group', 'state']
    """
    codes, uniques = pd.factorize(values.astype(str))
    clean = pd.Index(uniques).str.strip().str.lower().str.replace(r"[\s_]+", "-", regex=True)
    return pd.Series(np.asarray(clean, dtype=object)[codes], index=values.index, dtype=object)


def suggest(value: str, candidates: Iterable[str]) -> str:
    """Return a ``" (did you mean 'x'?)"`` hint, or an empty string.

    >>> suggest("tajikstan", ["iran", "tajikistan"])
    " (did you mean 'tajikistan'?)"
    """
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    if value.lower() in lowered:
        return f" (did you mean '{lowered[value.lower()]}'?)"
    close = difflib.get_close_matches(value, pool, n=1, cutoff=0.7)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _issues(
    frame: pd.DataFrame,
    mask: pd.Series | np.ndarray,
    file: str,
    column: str | None,
    code: str,
    message: str,
    *,
    values: pd.Series | None = None,
    severity: str = "error",
    hints: dict[str, str] | None = None,
) -> list[Issue]:
    """One Issue per masked row; ``message`` is formatted with ``{value}`` and ``{hint}``."""
    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return []
    vals = (values if values is not None else frame[column])[mask].astype(str).tolist()
    lines = frame[LINE][mask].tolist()
    hints = hints or {}
    return [
        Issue(
            file,
            int(line),
            column,
            code,
            message.format(value=value, hint=hints.get(value, "")),
            value=value,
            severity=severity,  # type: ignore[arg-type]
        )
        for line, value in zip(lines, vals, strict=True)
    ]


def _with_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    frame = frame.copy()
    for col in columns:
        if col not in frame.columns:
            frame[col] = ""
    for col in frame.columns:
        if col != LINE:
            frame[col] = frame[col].astype(str).str.strip().astype(object)
    return frame


def _check_types(
    frame: pd.DataFrame, known: dict[str, object], file: str, what: str
) -> list[Issue]:
    frame["type"] = normalize_type(frame["type"])
    bad = ~frame["type"].isin(list(known)) & (frame["type"] != "")
    names = sorted(known)
    hints = {v: suggest(v, names) for v in frame.loc[bad, "type"].unique()}
    return _issues(
        frame,
        bad,
        file,
        "type",
        "unknown-type",
        f"'{{value}}' is not a known {what} type{{hint}}; expected one of: {', '.join(names)} "
        "(or add it to the dataset's vocabulary.toml)",
        hints=hints,
    )


def _check_required(frame: pd.DataFrame, columns: Iterable[str], file: str) -> list[Issue]:
    issues: list[Issue] = []
    for col in columns:
        issues += _issues(
            frame, frame[col] == "", file, col, "missing-value", f"'{col}' is empty; it is required"
        )
    return issues


def check_nodes(nodes: pd.DataFrame, vocab: Vocabulary) -> tuple[pd.DataFrame, list[Issue]]:
    """Check ``nodes.csv`` as read by :func:`graph.csvio.read_table`; return the clean table.

    Empty labels become the id; type names are normalized (``Armed group`` -> ``armed-group``);
    a ``country`` given as an ISO3 code of a state node becomes that node's id.
    """
    frame = _with_columns(nodes, NODE_COLUMNS)
    f = NODES_FILE
    issues = _check_required(frame, ("id", "type"), f)
    frame["label"] = frame["label"].where(frame["label"] != "", frame["id"])
    issues += _check_types(frame, vocab.node_types, f, "node")
    dup = frame["id"].duplicated(keep="first") & (frame["id"] != "")
    if dup.any():
        first = frame.drop_duplicates("id").set_index("id")[LINE]
        hints = {v: f" (first defined on line {first[v]})" for v in frame.loc[dup, "id"].unique()}
        issues += _issues(
            frame, dup, f, "id", "duplicate-id", "node id '{value}' is used twice{hint}", hints=hints
        )
    iso = frame["iso3"].str.upper()
    frame["iso3"] = iso
    bad_iso = (iso != "") & ~iso.str.fullmatch(r"[A-Z]{3}")
    issues += _issues(
        frame, bad_iso, f, "iso3", "bad-iso3", "'{value}' is not an ISO 3166 alpha-3 code (IRN)"
    )
    ids = set(frame["id"])
    by_iso = dict(zip(frame.loc[iso != "", "iso3"], frame.loc[iso != "", "id"], strict=True))
    country = frame["country"]
    resolved = country.map(lambda c: c if c in ids else by_iso.get(c.upper(), c))
    frame["country"] = resolved
    dangling = (resolved != "") & ~resolved.isin(ids)
    hints = {v: suggest(v, ids) for v in resolved[dangling].unique()}
    issues += _issues(
        frame,
        dangling,
        f,
        "country",
        "dangling-country",
        "'{value}' is not a node id{hint}; 'country' must be the id of a state node",
        hints=hints,
    )
    return frame, issues


def _parse_weight(frame: pd.DataFrame, f: str) -> list[Issue]:
    text = frame["weight"]
    weight = pd.to_numeric(text.where(text != "", "1"), errors="coerce")
    bad = weight.isna() | ~np.isfinite(weight.fillna(0)) | (weight < 0)
    issues = _issues(
        frame,
        bad,
        f,
        "weight",
        "bad-weight",
        "'{value}' is not a weight; expected a number >= 0 (put the polarity in 'sign')",
    )
    frame["weight"] = weight.where(~bad, 1.0).astype(float)
    return issues


def _parse_sign(frame: pd.DataFrame, vocab: Vocabulary, f: str) -> list[Issue]:
    text = frame["sign"]
    mapped = text.map(_SIGNS)
    bad = mapped.isna() & (text != "")
    issues = _issues(frame, bad, f, "sign", "bad-sign", "'{value}' is not a sign; expected -1, 0 or 1")
    default = frame["type"].map({k: v.sign for k, v in vocab.edge_types.items()}).fillna(0)
    frame["sign"] = mapped.fillna(default).astype("int8")
    return issues


def _parse_edge_dates(frame: pd.DataFrame, f: str) -> list[Issue]:
    issues: list[Issue] = []
    expected = "expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601) with a real month and day"
    start = parse_dates(frame["date"])
    end = parse_dates(frame["end_date"])
    for col, parsed in (("date", start), ("end_date", end)):
        issues += _issues(
            frame, parsed.bad, f, col, "bad-date", f"'{{value}}' is not a date; {expected}"
        )
    before = end.end.notna() & start.start.notna() & (end.end < start.start)
    issues += _issues(
        frame,
        before,
        f,
        "end_date",
        "end-before-start",
        "end_date '{value}' is before date '{hint}'; swap them or fix the typo",
        hints=dict(zip(frame.loc[before, "end_date"], frame.loc[before, "date"], strict=False)),
    )
    frame["date_start"] = start.start
    frame["date_end"] = end.end.fillna(start.end)
    frame["date_precision"] = start.precision
    return issues


def _check_endpoints(frame: pd.DataFrame, nodes: pd.DataFrame, f: str) -> list[Issue]:
    ids = pd.Index(nodes["id"])
    names = {}
    for col in ("label", "aliases"):
        for node_id, text in zip(nodes["id"], nodes[col], strict=True):
            for name in str(text).split(";"):
                if name.strip():
                    names[name.strip().lower()] = node_id
    issues: list[Issue] = []
    for col in ("source", "target"):
        bad = ~frame[col].isin(ids) & (frame[col] != "")
        hints = {}
        for value in frame.loc[bad, col].unique():
            by_name = names.get(value.lower())
            hints[value] = f" (did you mean '{by_name}'?)" if by_name else suggest(value, ids)
        issues += _issues(
            frame, bad, f, col, "dangling-edge", "'{value}' is not a node id{hint}", hints=hints
        )
    return issues


def _edge_warnings(frame: pd.DataFrame, nodes: pd.DataFrame, f: str) -> list[Issue]:
    issues = _issues(
        frame,
        (frame["source"] == frame["target"]) & (frame["source"] != ""),
        f,
        "source",
        "self-loop",
        "'{value}' has a relation with itself",
        severity="warning",
    )
    key = ["source", "target", "type", "date"]
    dup = frame.duplicated(key, keep="first")
    issues += _issues(
        frame,
        dup,
        f,
        None,
        "duplicate-edge",
        "the same source, target, type and date as an earlier row ({value})",
        values=frame["source"] + " -> " + frame["target"] + " " + frame["type"],
        severity="warning",
    )
    linked = pd.Index(frame["source"]).union(pd.Index(frame["target"]))
    isolated = ~nodes["id"].isin(linked) & (nodes["id"] != "")
    issues += _issues(
        nodes,
        isolated,
        NODES_FILE,
        "id",
        "isolated-node",
        "node '{value}' has no relation in edges.csv",
        severity="warning",
    )
    return issues


def check_edges(
    edges: pd.DataFrame, nodes: pd.DataFrame, vocab: Vocabulary
) -> tuple[pd.DataFrame, list[Issue]]:
    """Check ``edges.csv`` against the checked nodes; return the typed edge table.

    Adds ``weight`` (float, default 1), ``sign`` (int, default from the type), ``directed``
    and ``family`` (from the type), ``date_start``/``date_end`` (the interval the dates
    name) and ``date_precision``; an empty ``id`` becomes ``e<line>``.
    """
    frame = _with_columns(edges, EDGE_COLUMNS)
    f = EDGES_FILE
    issues = _check_required(frame, ("source", "target", "type"), f)
    issues += _check_types(frame, vocab.edge_types, f, "edge")
    issues += _check_endpoints(frame, nodes, f)
    issues += _parse_edge_dates(frame, f)
    issues += _parse_weight(frame, f)
    issues += _parse_sign(frame, vocab, f)
    frame["id"] = frame["id"].where(frame["id"] != "", "e" + frame[LINE].astype(str))
    dup = frame["id"].duplicated(keep="first")
    issues += _issues(frame, dup, f, "id", "duplicate-id", "edge id '{value}' is used twice")
    directed = {k: v.directed for k, v in vocab.edge_types.items()}
    family = {k: v.family for k, v in vocab.edge_types.items()}
    frame["directed"] = frame["type"].map(directed).fillna(True).astype(bool)
    frame["family"] = frame["type"].map(family).fillna("other").astype(object)
    issues += _edge_warnings(frame, nodes, f)
    return frame, issues
