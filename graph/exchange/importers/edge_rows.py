"""The edge table of a merged aggregate: one edge per group, numbered in key order.

>>> import numpy as np, pandas as pd, pyarrow as pa
>>> from .aggregate import merge, rows_aggregate
>>> agg = merge([rows_aggregate(["2019-10"] * 3, ["iran"] * 3, ["tajikistan"] * 3,
...     ["visit"] * 3, np.array([1.9, 3.4, -5.3]), np.array([2.0, np.nan, 1.0]),
...     ["042", "043", "042"], pd.Series(["7", "5", "9"]), np.arange(3))])
>>> agg.citation = pa.array(["u5"], pa.large_string())
>>> table = finish(agg, "gdelt", "month", "goldstein")
>>> table[["id", "count", "goldstein", "sign", "cameo", "mentions", "citation"]].values.tolist()
[['gdelt-month-1', '3', '0', '0', '042;043', '3', 'u5']]
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .aggregate import KEYS, SCALE, Aggregate, text_array
from .fields import spread
from .pipeline import format_number

__all__ = ["finish"]


def _sums(scaled: np.ndarray, rest: dict[int, tuple[Fraction, Fraction]], at: int) -> np.ndarray:
    values = scaled / SCALE
    for group, parts in rest.items():
        values[group] = float(Fraction(int(scaled[group]), SCALE) + parts[at])
    return values


def _join(*parts: pa.Array | str) -> pa.Array:
    items = [pa.scalar(p, pa.large_string()) if isinstance(p, str) else p for p in parts]
    return pc.binary_join_element_wise(*items, pa.scalar("", pa.large_string()))


def finish(
    agg: Aggregate, prefix: str, period: str, score_column: str, numbered: int = 0
) -> pd.DataFrame:
    """The edge table of an aggregate: one edge per group, numbered in key order (after the
    ``numbered`` edges of earlier buckets).

    Columns: ``id`` (``<prefix>-<period>-<n>``), ``source``, ``target``, ``type``, ``date``
    (the period), ``weight``, ``sign``, ``description``, ``citation``, ``count``, ``cameo``,
    the score column, ``mentions`` and ``first_event``; all text.
    """
    n = len(agg)
    score = _sums(agg.score, agg.odd, 0)
    weight = _sums(agg.weight, agg.odd, 1)
    keys = {k: text_array(agg.labels[k]).take(pa.array(agg.codes[k], pa.int64())) for k in KEYS}
    pairs = agg.pairs
    starts = np.flatnonzero(np.r_[True, pairs[1:, 0] != pairs[:-1, 0]])[: len(pairs)]
    offsets = pa.array(np.r_[starts, len(pairs)].astype(np.int32))
    texts = text_array(agg.cameo).take(pa.array(pairs[:, 1], pa.int64()))
    cameo = pc.binary_join(pa.ListArray.from_arrays(offsets, texts.cast(pa.string())), ";")
    cameo = cameo.cast(pa.large_string())
    count = text_array(agg.count.astype(str))
    events = pa.array(np.where(agg.count == 1, " event", " events"), pa.large_string())
    mentions = format_number(agg.mentions).where(agg.mentioned > 0, "")
    columns = {
        "id": _join(
            f"{prefix}-{period}-", text_array(np.arange(numbered + 1, numbered + n + 1).astype(str))
        ),
        "source": keys["source"],
        "target": keys["target"],
        "type": keys["type"],
        "date": keys["period"],
        "weight": format_number(weight),
        "sign": spread(["-1", "0", "1"], np.sign(score).astype(np.int64) + 1),
        "description": _join(count, events, ", CAMEO ", cameo),
        "citation": agg.citation,
        "count": count,
        "cameo": cameo,
        score_column: format_number(score),
        "mentions": mentions,
        "first_event": _join(f"{prefix}-", agg.first),
    }
    return pd.DataFrame({k: _series(v) for k, v in columns.items()})


def _series(values: pa.Array | pd.Series | None) -> pd.Series:
    if values is None:
        return pd.Series([], dtype="str")
    if isinstance(values, pd.Series):
        return values.astype("str").reset_index(drop=True)
    return pd.Series(values.to_pandas(), dtype="str")
