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
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from .csvio import LINE
from .dates import parse_coded_dates
from .errors import Issue
from .schema import EDGE_COLUMNS, NODE_COLUMNS, Vocabulary

__all__ = ["check_edges", "check_nodes", "normalize_type", "suggest"]

NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"
_SIGNS = {"1": 1, "+1": 1, "+": 1, "0": 0, "-1": -1, "-": -1, "−1": -1}


def _normalize_names(uniques: np.ndarray) -> np.ndarray:
    clean = pd.Index(uniques, dtype=object).str.strip().str.lower()
    return np.asarray(clean.str.replace(r"[\s_]+", "-", regex=True), dtype=object)


def normalize_type(values: pd.Series) -> pd.Series:
    """Lowercase type names and write spaces and underscores as hyphens.

    >>> normalize_type(pd.Series(["Armed group", "armed_group", " STATE "])).tolist()
    ['armed-group', 'armed-group', 'state']
    """
    codes, uniques = pd.factorize(values.astype(str))
    clean = _normalize_names(np.asarray(uniques, dtype=object))
    return pd.Series(clean[codes], index=values.index, dtype=object)


#: Free-text columns: stripped cell by cell. Every other column is factorized first, so
#: stripping, type lookups and parsing run once per distinct value.
_FREE_TEXT = frozenset({"label", "description", "evidence", "citation", "aliases", "role"})


def _text(values: np.ndarray, index: pd.Index) -> pd.Series:
    """A column of Python strings (object dtype: no conversion to Arrow strings)."""
    return pd.Series(values, index=index, dtype=object)


def _strip(values: np.ndarray) -> np.ndarray:
    """Strip white space from every string (a C-level loop; no per-row pandas overhead)."""
    return np.array([v.strip() for v in values.tolist()], dtype=object)


class _Coded:
    """Columns as integer codes into their distinct (stripped) values."""

    def __init__(self) -> None:
        self.columns: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def add(self, name: str, values: pd.Series) -> np.ndarray:
        codes, uniques = pd.factorize(values)
        stripped = _strip(np.asarray(uniques, dtype=object))
        self.columns[name] = (codes, stripped)
        return stripped[codes]

    def map(self, name: str, func: Callable[[np.ndarray], object]) -> np.ndarray:
        """Apply ``func`` to the distinct values of a column and spread the result to rows."""
        codes, uniques = self.columns[name]
        return np.asarray(func(uniques))[codes]


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


def _with_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> tuple[pd.DataFrame, _Coded]:
    """Add missing optional columns (empty) and strip cells, as plain object strings."""
    frame = frame.copy()
    coded = _Coded()
    absent = [c for c in columns if c not in frame.columns]
    for col in frame.columns:
        if col == LINE:
            continue
        values = frame[col]
        if values.dtype != object:
            values = values.astype(str).astype(object)
        if col in columns and col not in _FREE_TEXT:
            frame[col] = _text(coded.add(col, values), frame.index)
        else:
            frame[col] = _text(_strip(values.to_numpy(dtype=object)), frame.index)
    empty = np.full(len(frame), "", dtype=object)
    for col in absent:
        frame[col] = _text(empty, frame.index)
        if col not in _FREE_TEXT:
            coded.columns[col] = (np.zeros(len(frame), dtype=np.intp), np.array([""], dtype=object))
    return frame, coded


def _check_types(
    frame: pd.DataFrame, coded: _Coded, known: Mapping[str, object], file: str, what: str
) -> list[Issue]:
    frame["type"] = _text(coded.map("type", _normalize_names), frame.index)
    bad = coded.map("type", lambda u: [t not in known and t != "" for t in _normalize_names(u)])
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


def _check_required(
    frame: pd.DataFrame, coded: _Coded, columns: Iterable[str], file: str
) -> list[Issue]:
    issues: list[Issue] = []
    for col in columns:
        empty = coded.map(col, lambda u: u == "")
        issues += _issues(
            frame, empty, file, col, "missing-value", f"'{col}' is empty; it is required"
        )
    return issues


def check_nodes(nodes: pd.DataFrame, vocab: Vocabulary) -> tuple[pd.DataFrame, list[Issue]]:
    """Check ``nodes.csv`` as read by :func:`graph.csvio.read_table`; return the clean table.

    Empty labels become the id; type names are normalized (``Armed group`` -> ``armed-group``);
    a ``country`` given as an ISO3 code of a state node becomes that node's id.
    """
    frame, coded = _with_columns(nodes, NODE_COLUMNS)
    f = NODES_FILE
    issues = _check_required(frame, coded, ("id", "type"), f)
    frame["label"] = frame["label"].where(frame["label"] != "", frame["id"])
    issues += _check_types(frame, coded, vocab.node_types, f, "node")
    dup = frame["id"].duplicated(keep="first") & (frame["id"] != "")
    if dup.any():
        first = frame.drop_duplicates("id").set_index("id")[LINE]
        hints = {v: f" (first defined on line {first[v]})" for v in frame.loc[dup, "id"].unique()}
        issues += _issues(
            frame,
            dup,
            f,
            "id",
            "duplicate-id",
            "node id '{value}' is used twice{hint}",
            hints=hints,
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


def _to_weight(uniques: np.ndarray) -> np.ndarray:
    text = pd.Series(uniques, dtype=object)
    return pd.to_numeric(text.where(text != "", "1"), errors="coerce").to_numpy(dtype=float)


def _parse_weight(frame: pd.DataFrame, coded: _Coded, f: str) -> list[Issue]:
    weight = pd.Series(coded.map("weight", _to_weight), index=frame.index)
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


def _parse_sign(frame: pd.DataFrame, coded: _Coded, vocab: Vocabulary, f: str) -> list[Issue]:
    signs = coded.map("sign", lambda u: pd.Series(u, dtype=object).map(_SIGNS).to_numpy(float))
    mapped = pd.Series(signs, index=frame.index)
    bad = mapped.isna() & coded.map("sign", lambda u: u != "")
    issues = _issues(
        frame, bad, f, "sign", "bad-sign", "'{value}' is not a sign; expected -1, 0 or 1"
    )
    default = frame["type"].map({k: v.sign for k, v in vocab.edge_types.items()}).fillna(0)
    frame["sign"] = mapped.fillna(default).astype("int8")
    return issues


def _parse_edge_dates(frame: pd.DataFrame, coded: _Coded, f: str) -> list[Issue]:
    issues: list[Issue] = []
    expected = "expected YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601) with a real month and day"
    start = parse_coded_dates(*coded.columns["date"], frame.index)
    end = parse_coded_dates(*coded.columns["end_date"], frame.index)
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
    frame["date_precision"] = _text(start.precision.to_numpy(dtype=object), frame.index)
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
    frame: pd.DataFrame, coded: _Coded, nodes: pd.DataFrame, f: str
) -> tuple[list[Issue], dict[str, np.ndarray]]:
    """Report endpoints that are not node ids; return each endpoint's node position (-1)."""
    ids = pd.Index(nodes["id"]).drop_duplicates()
    names: dict[str, str] = {}
    issues: list[Issue] = []
    positions: dict[str, np.ndarray] = {}
    for col in ("source", "target"):
        positions[col] = coded.map(col, ids.get_indexer)
        bad = (positions[col] < 0) & coded.map(col, lambda u: u != "")
        hints = {}
        if bad.any() and not names:
            names = _names_to_ids(nodes)
        for value in frame.loc[bad, col].unique():
            by_name = names.get(value.lower())
            hints[value] = f" (did you mean '{by_name}'?)" if by_name else suggest(value, ids)
        issues += _issues(
            frame, bad, f, col, "dangling-edge", "'{value}' is not a node id{hint}", hints=hints
        )
    return issues, positions


def _edge_warnings(
    frame: pd.DataFrame,
    coded: _Coded,
    nodes: pd.DataFrame,
    positions: dict[str, np.ndarray],
    f: str,
) -> list[Issue]:
    src, dst = positions["source"], positions["target"]
    issues = _issues(
        frame,
        (src == dst) & (src >= 0),
        f,
        "source",
        "self-loop",
        "'{value}' has a relation with itself",
        severity="warning",
    )
    # Exact duplicate rows: first narrow by endpoints, type and date (integer codes), then
    # compare whole rows among the few candidates.
    n = len(nodes) + 1
    type_codes = coded.columns["type"][0].astype(np.int64)
    date_codes = coded.columns["date"][0].astype(np.int64)
    key = ((src + 1) * n + (dst + 1)) * (type_codes.max(initial=0) + 1) + type_codes
    key = key * (date_codes.max(initial=0) + 1) + date_codes
    candidates = pd.Series(key).duplicated(keep=False).to_numpy()
    dup = np.zeros(len(frame), dtype=bool)
    if candidates.any():
        columns = [c for c in frame.columns if c not in (LINE, "id")]
        dup[candidates] = frame.loc[candidates, columns].duplicated(keep="first").to_numpy()
    if dup.any():
        sub = frame[dup]
        shown = pd.Series("", index=frame.index, dtype=object)
        shown[dup] = sub["source"] + " -> " + sub["target"] + " " + sub["type"]
        issues += _issues(
            frame,
            dup,
            f,
            None,
            "duplicate-edge",
            "the same relation as an earlier row ({value})",
            values=shown,
            severity="warning",
        )
    linked = np.zeros(len(nodes) + 1, dtype=bool)
    linked[src] = True
    linked[dst] = True
    isolated = ~linked[: len(nodes)] & (nodes["id"] != "").to_numpy()
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
    frame, coded = _with_columns(edges, EDGE_COLUMNS)
    f = EDGES_FILE
    issues = _check_required(frame, coded, ("source", "target", "type"), f)
    issues += _check_types(frame, coded, vocab.edge_types, f, "edge")
    more, positions = _check_endpoints(frame, coded, nodes, f)
    issues += more
    issues += _parse_edge_dates(frame, coded, f)
    issues += _parse_weight(frame, coded, f)
    issues += _parse_sign(frame, coded, vocab, f)
    given = coded.map("id", lambda u: u != "")
    if given.any():
        dup = frame["id"].duplicated(keep="first").to_numpy() & given
        issues += _issues(frame, dup, f, "id", "duplicate-id", "edge id '{value}' is used twice")
    if not given.all():
        generated = [f"e{line}" for line in frame.loc[~given, LINE].tolist()]
        frame.loc[~given, "id"] = generated
    directed = {k: v.directed for k, v in vocab.edge_types.items()}
    family = {k: v.family for k, v in vocab.edge_types.items()}
    frame["directed"] = coded.map(
        "type", lambda u: np.array([directed.get(t, True) for t in _normalize_names(u)], bool)
    )
    families = coded.map("type", lambda u: [family.get(t, "other") for t in _normalize_names(u)])
    frame["family"] = _text(families, frame.index)
    issues += _edge_warnings(frame, coded, nodes, positions, f)
    return frame, issues
