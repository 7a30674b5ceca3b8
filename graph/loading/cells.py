"""Cell-level helpers shared by the node and edge checks (:mod:`graph.loading.node_checks`,
:mod:`graph.loading.edge_checks`).

Columns are factorized once (:class:`Coded`), so stripping, lookups and parsing run once per
distinct value; :func:`issues_for` turns a boolean mask into one Issue per offending row.

>>> normalize_type(pd.Series(["Armed  group", "state"])).tolist()
['armed-group', 'state']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Issue
from ..issue_codes import IssueCode
from ..model.columns import FREE_TEXT, LINE
from ..text import normalize_names, suggest
from .csv_fast import TEXT, text_array

__all__ = [
    "TEXT",
    "Coded",
    "arrow_strings",
    "as_text",
    "check_duplicate_ids",
    "check_required",
    "check_types",
    "issues_for",
    "normalize_type",
    "strip_all",
    "strip_text",
    "text_column",
    "with_columns",
]


def normalize_type(values: pd.Series) -> pd.Series:
    """Lowercase type names and write spaces and underscores as hyphens.

    >>> normalize_type(pd.Series(["Armed group", "armed_group", " STATE "])).tolist()
    ['armed-group', 'armed-group', 'state']
    """
    codes, uniques = pd.factorize(values.astype(str))
    clean = normalize_names(np.asarray(uniques, dtype=object))
    return pd.Series(clean[codes], index=values.index, dtype=object)


def text_column(values: pa.Array | pa.ChunkedArray, index: pd.Index) -> pd.Series:
    """A ``str`` column over Arrow strings (see :func:`graph.loading.csv_fast.text_array`)."""
    return pd.Series(text_array(values), index=index, copy=False)


def strip_text(values: pd.Series) -> pa.ChunkedArray:
    """Strip white space from every cell of a column, as Arrow strings.

    >>> strip_text(pd.Series([" a", "b\u00a0", "c"], dtype="str")).to_pylist()
    ['a', 'b', 'c']
    """
    arrow = arrow_strings(values)
    if arrow is None:
        return pa.chunked_array([pa.array(strip_all(values), type=pa.string())])
    if not any(_may_have_outer_space(chunk) for chunk in arrow.chunks):
        return arrow  # nothing to strip: no copy
    return pc.utf8_trim_whitespace(arrow)


#: White space beyond ASCII (Unicode's White_Space property), as UTF-8 byte codes, and
#: lookup tables of the bytes such a code can begin or end with.
_WIDE_SPACES = np.array(
    [
        int.from_bytes(chr(c).encode(), "big")
        for c in [
            0x85,
            0xA0,
            0x1680,
            *range(0x2000, 0x200B),
            0x2028,
            0x2029,
            0x202F,
            0x205F,
            0x3000,
        ]
    ],
    dtype=np.int64,
)
_WIDE_FIRST = np.zeros(256, dtype=bool)
_WIDE_FIRST[[chr(c).encode()[0] for c in (0x85, 0x1680, 0x2000, 0x3000)]] = True
_WIDE_LAST = np.zeros(256, dtype=bool)
_WIDE_LAST[[int(code) & 0xFF for code in _WIDE_SPACES]] = True


def _byte_codes(data: np.ndarray, at: np.ndarray, width: int) -> np.ndarray:
    """The ``width`` bytes starting at each position, as one big-endian integer."""
    code = np.zeros(len(at), dtype=np.int64)
    for k in range(width):
        code = code << 8 | data[at + k]
    return code


def _may_have_outer_space(chunk: pa.Array) -> bool:
    """False only when no string of ``chunk`` starts or ends with white space.

    Reads the first and last bytes of every string from Arrow's buffers, so that a column
    with nothing to strip is not copied.

    >>> _may_have_outer_space(pa.array(["a b", "ایران", "«x»"]))
    False
    >>> _may_have_outer_space(pa.array(["a "])), _may_have_outer_space(pa.array(["\u00a0a"]))
    (True, True)
    """
    if len(chunk) == 0:
        return False
    text = pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type)
    if chunk.null_count or not text:
        return True
    _, offsets_buffer, data_buffer = chunk.buffers()
    if data_buffer is None:
        return False  # only empty strings
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    stop = chunk.offset + len(chunk) + 1
    offsets = np.frombuffer(offsets_buffer, dtype=width)[chunk.offset : stop].astype(np.int64)
    data = np.frombuffer(data_buffer, dtype=np.uint8)
    filled = offsets[1:] > offsets[:-1]
    starts, ends = offsets[:-1][filled], offsets[1:][filled]
    first, last = data[starts], data[ends - 1]
    if (first <= 0x20).any() or (last <= 0x20).any():  # ASCII white space and controls
        return True
    heads, tails = np.flatnonzero(_WIDE_FIRST[first]), np.flatnonzero(_WIDE_LAST[last])
    length = ends - starts
    for size in (2, 3):  # the UTF-8 lengths of the wide spaces
        at_start = starts[heads[length[heads] >= size]]
        at_end = ends[tails[length[tails] >= size]] - size
        for at in (at_start, at_end):
            if len(at) and np.isin(_byte_codes(data, at, size), _WIDE_SPACES).any():
                return True
    return False


def as_text(values: np.ndarray, index: pd.Index) -> pd.Series:
    """A column of Python strings (object dtype: no conversion to Arrow strings)."""
    return pd.Series(values, index=index, dtype=object, copy=False)


def arrow_strings(values: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow array behind an Arrow-backed string column (None for other columns)."""
    dtype = values.dtype
    arrow_backed = (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow") or (
        isinstance(dtype, pd.ArrowDtype) and pa.types.is_string(dtype.pyarrow_dtype)
    )
    if not arrow_backed:
        return None
    array = values.array.__arrow_array__()
    array = array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])
    return pc.fill_null(array, "")


def strip_all(values: pd.Series | np.ndarray) -> np.ndarray:
    """Strip white space from every string, as an object array of Python strings.

    Arrow-backed columns are stripped in Arrow; others in one C-level loop.

    >>> strip_all(np.array([" a ", "b"], dtype=object)).tolist()
    ['a', 'b']
    """
    if isinstance(values, pd.Series):
        arrow = arrow_strings(values)
        if arrow is not None:
            return np.asarray(pc.utf8_trim_whitespace(arrow).to_numpy(), dtype=object)
        values = values.to_numpy(dtype=object)
    return np.array([v.strip() for v in values.tolist()], dtype=object)


def _distinct(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes and distinct values of a column, computed in Arrow when it is Arrow-backed."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy().astype(np.intp)
        return codes, np.asarray(values.cat.categories, dtype=object)
    arrow = arrow_strings(values)
    if arrow is None:
        codes, uniques = pd.factorize(values)
        return codes, np.asarray(uniques, dtype=object)
    encoded = arrow.combine_chunks().dictionary_encode()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp)
    return codes, np.asarray(encoded.dictionary.to_numpy(zero_copy_only=False), dtype=object)


class Coded:
    """Columns as integer codes into their distinct (stripped) values."""

    def __init__(self) -> None:
        self.columns: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def add(self, name: str, values: pd.Series) -> np.ndarray:
        """Code a column by its distinct stripped values; return the stripped column."""
        self.columns[name] = _distinct(values)
        return self.recode(name, strip_all)  # " a" and "a" are one value once stripped

    def recode(self, name: str, func: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Replace a column's distinct values by ``func`` of them; return the new column.

        Values that ``func`` makes equal get one code.

        >>> coded = Coded()
        >>> coded.add("type", pd.Series(["Visit", "visit ", "talks"])).tolist()
        ['Visit', 'visit', 'talks']
        >>> coded.recode("type", normalize_names).tolist(), coded.columns["type"][1].tolist()
        (['visit', 'visit', 'talks'], ['visit', 'talks'])
        """
        codes, uniques = self.columns[name]
        new_codes, new_uniques = pd.factorize(np.asarray(func(uniques), dtype=object))
        if len(new_uniques) < len(uniques):  # otherwise the codes are unchanged
            codes = new_codes[codes]
        values = np.asarray(new_uniques, dtype=object)
        self.columns[name] = (codes, values)
        return values[codes]

    def map(self, name: str, func: Callable[[np.ndarray], object]) -> np.ndarray:
        """Apply ``func`` to the distinct values of a column and spread the result to rows."""
        codes, uniques = self.columns[name]
        result = np.asarray(func(uniques))
        if result.dtype.kind in "US":  # keep text as Python strings: no per-row conversion
            result = result.astype(object)
        return result[codes]


def issues_for(
    frame: pd.DataFrame,
    mask: pd.Series | np.ndarray,
    file: str,
    column: str | None,
    code: IssueCode,
    message: str,
    *,
    values: pd.Series | None = None,
    hints: dict[str, str] | None = None,
) -> list[Issue]:
    """One Issue per masked row; ``message`` is formatted with ``{value}`` and ``{hint}``.

    The severity comes with ``code`` from :data:`graph.issue_codes.CODES`.
    """
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
        )
        for line, value in zip(lines, vals, strict=True)
    ]


def with_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> tuple[pd.DataFrame, Coded]:
    """Add missing optional columns (empty) and strip every cell.

    Coded columns (ids, types, dates, numbers) become object columns of Python strings, one
    object per distinct value; free text and extra columns become ``str`` (Arrow) columns.
    """
    coded = Coded()
    out: dict[str, pd.Series] = {}
    for col in frame.columns:
        values = frame[col]
        if col == LINE:
            out[col] = values
            continue
        categorical = isinstance(values.dtype, pd.CategoricalDtype)
        if values.dtype != object and arrow_strings(values) is None and not categorical:
            values = values.astype(str).astype(object)
        if col in columns and col not in FREE_TEXT:
            out[col] = as_text(coded.add(col, values), frame.index)
        else:
            out[col] = text_column(strip_text(values), frame.index)
    for col in columns:
        if col in out:
            continue
        if col in FREE_TEXT:
            out[col] = text_column(pa.repeat("", len(frame)), frame.index)
        else:
            out[col] = as_text(np.full(len(frame), "", dtype=object), frame.index)
            coded.columns[col] = (np.zeros(len(frame), dtype=np.intp), np.array([""], object))
    return pd.DataFrame(out, index=frame.index, copy=False), coded


def check_types(
    frame: pd.DataFrame, coded: Coded, known: Mapping[str, object], file: str, what: str
) -> list[Issue]:
    frame["type"] = as_text(coded.recode("type", normalize_names), frame.index)
    bad = coded.map("type", lambda u: [t not in known and t != "" for t in u])
    names = sorted(known)
    hints = {v: suggest(v, names) for v in frame.loc[bad, "type"].unique()}
    return issues_for(
        frame,
        bad,
        file,
        "type",
        IssueCode.UNKNOWN_TYPE,
        f"'{{value}}' is not a known {what} type{{hint}}; expected one of: {', '.join(names)} "
        "(or add it to the dataset's vocabulary.toml)",
        hints=hints,
    )


def check_duplicate_ids(
    frame: pd.DataFrame, given: np.ndarray, file: str, message: str
) -> list[Issue]:
    """One ``duplicate-id`` issue per row whose (given) id an earlier row already has.

    ``message`` has ``{value}`` for the id and ``{line}`` for the line of its first row.
    """
    dup = frame["id"].duplicated(keep="first").to_numpy() & given
    if not dup.any():
        return []
    first = frame.drop_duplicates("id").set_index("id")[LINE]
    texts = {v: message.format(value=v, line=first[v]) for v in frame.loc[dup, "id"].unique()}
    return issues_for(frame, dup, file, "id", IssueCode.DUPLICATE_ID, "{hint}", hints=texts)


def check_required(
    frame: pd.DataFrame, coded: Coded, columns: Iterable[str], file: str
) -> list[Issue]:
    issues: list[Issue] = []
    for col in columns:
        empty = coded.map(col, lambda u: u == "")
        issues += issues_for(
            frame, empty, file, col, IssueCode.MISSING_VALUE, f"'{col}' is empty; it is required"
        )
    return issues
