"""CAMEO event codes to relation types: the table in ``cameo.csv`` and a vectorized lookup.

The table is data: one row per CAMEO root (``04``) and base code (``043``), each with its label,
our relation type, ``flip`` (1 when CAMEO's Actor2 is our source: ``043`` *host a visit* becomes
a ``visit`` from the visitor to the host) and, on root rows, the QuadClass. A four-digit code
(``0431``) takes its base code's row; a code is looked up once however many events use it.

>>> mapped = map_codes(pd.Series(["043", "0431", "190", "40", "057"]))
>>> mapped[["type", "flip", "valid"]].values.tolist()
[['visit', True, True], ['visit', True, True], ['conflict', False, True], ['', False, False], \
['agreement', False, True]]
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .fields import spread

__all__ = ["CAMEO_FILE", "cameo_table", "map_codes"]

CAMEO_FILE = Path(__file__).resolve().with_name("cameo.csv")
_CODE = r"(0[1-9]|1[0-9]|20)\d{1,2}"


@lru_cache(maxsize=1)
def cameo_table() -> pd.DataFrame:
    """The CAMEO table: ``code`` (text, zeros kept), ``label``, ``type``, ``flip``, ``quad_class``.

    >>> table = cameo_table()
    >>> table.loc["040", "type"], table.loc["01", "quad_class"]
    ('talks', '1')
    """
    table = pd.read_csv(CAMEO_FILE, dtype=str, keep_default_na=False)
    table["flip"] = table["flip"] == "1"
    return table.set_index("code", drop=False)


def map_codes(codes: pd.Series) -> pd.DataFrame:
    """Look CAMEO codes up in the table, aligned with ``codes``.

    Returns ``type``, ``flip`` (bool), ``label`` (the base code's label), ``quad_class`` (from
    the root) and ``valid`` (False for text that is not a CAMEO code, such as ``40`` whose
    leading zero was lost, or a base code the table lacks).
    """
    table = cameo_table()
    factor, uniques = pd.factorize(codes.fillna(""))
    text = pd.Series(np.asarray(uniques, dtype=object), dtype=object).astype(str)
    shaped = text.str.fullmatch(_CODE).to_numpy(dtype=bool)
    base = text.str[:3]
    root = text.str[:2]
    known = shaped & base.isin(table.index).to_numpy()
    rows = table.reindex(base.where(known, "").to_numpy())
    roots = table.reindex(root.where(known, "").to_numpy())
    flip = rows["flip"].fillna(False).to_numpy(dtype=bool)
    valid = known
    return pd.DataFrame(
        {
            "type": spread(rows["type"].fillna("").to_numpy(), factor),
            "flip": flip[factor] if len(flip) else np.zeros(0, dtype=bool),
            "label": spread(rows["label"].fillna("").to_numpy(), factor),
            "quad_class": spread(roots["quad_class"].fillna("").to_numpy(), factor),
            "valid": valid[factor] if len(valid) else np.zeros(0, dtype=bool),
        }
    ).set_axis(codes.index)
