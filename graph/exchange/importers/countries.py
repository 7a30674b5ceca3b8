"""States and regions named by event data: CAMEO country codes and ICEWS country names.

A state's node id is the lowercase slug of its short English name (``iran``,
``united_states``), the same ids the hand-made datasets use; its ``iso3`` is set and its
official name is an alias. Names and codes go through ``country_converter`` (its own country
table); CAMEO codes that are not ISO 3166 (``ROM``, ``ZAR``, ``KOS``) and CAMEO's regional codes
(``AFR``, ``EUR``, ``WST``) come from ``places.csv``.

>>> codes = resolve_codes(pd.Index(["IRN", "TJK", "USA", "AFR", "ROM", "QQQ"]))
>>> codes[["id", "kind", "iso3"]].values.tolist()
[['iran', 'state', 'IRN'], ['tajikistan', 'state', 'TJK'], ['united_states', 'state', 'USA'], \
['africa', 'region', ''], ['romania', 'state', 'ROU'], ['qqq', 'unknown', '']]
>>> slug(pd.Series(["Côte d'Ivoire", "United States", "Foreign Affairs"])).tolist()
['cote_d_ivoire', 'united_states', 'foreign_affairs']
"""

from __future__ import annotations

import hashlib
import logging
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ...errors import UsageError

__all__ = ["DATA_DIR", "resolve_codes", "resolve_names", "slug", "state_table"]

DATA_DIR = Path(__file__).resolve().parent
_PLACE_COLUMNS = ["id", "label", "kind", "iso3", "aliases"]


def slug(values: pd.Series) -> pd.Series:
    """Lowercase ASCII slugs (``Côte d'Ivoire`` -> ``cote_d_ivoire``), computed once per value.

    A name with no Latin letters or digits gets ``actor_`` and a short hash of it.
    """
    codes, uniques = pd.factorize(values.astype(object).fillna(""))
    text = pd.Series(np.asarray(uniques, dtype=object), dtype=object).astype(str)
    folded = text.str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii")
    done = folded.str.lower().str.replace(r"[^a-z0-9]+", "_", regex=True).str.strip("_")
    out = done.to_numpy(dtype=object)
    blank = ((done == "") & (text != "")).to_numpy()
    hashed = [hashlib.sha1(t.encode("utf-8")).hexdigest()[:8] for t in text[blank]]
    out[blank] = np.array(["actor_" + h for h in hashed], dtype=object)
    return pd.Series(out[codes] if len(out) else [], index=values.index, dtype=object)


@lru_cache(maxsize=1)
def _country_data() -> pd.DataFrame:
    """country_converter's own table, read as text ("NA" is Namibia; empty cells missing)."""
    try:
        from country_converter.country_converter import COUNTRY_DATA_FILE
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise UsageError(
            "importing event data needs country_converter: pip install country-converter"
        ) from exc
    return pd.read_csv(
        COUNTRY_DATA_FILE, sep="\t", dtype=str, keep_default_na=False, na_values=[""]
    )


@lru_cache(maxsize=1)
def _converter() -> Any:
    """A converter on :func:`_country_data` (its regexes compiled: only names need it)."""
    import country_converter as coco

    return coco.CountryConverter(country_data=_country_data())


@contextmanager
def _quiet() -> Any:
    """country_converter logs every name it cannot match; the library reports them itself."""
    logger = logging.getLogger("country_converter")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


@lru_cache(maxsize=1)
def state_table() -> pd.DataFrame:
    """Every current country: ``iso3``, ``id``, ``label`` (short name) and ``official`` name."""
    data = _country_data()
    data = data[data["obsolete"].isna()] if "obsolete" in data else data
    for unique in ("name_short", "name_official", "regex"):  # as the converter keeps them
        data = data.drop_duplicates(subset=[unique], keep="last")
    table = pd.DataFrame(
        {
            "iso3": data["ISO3"].astype(str).to_numpy(),
            "label": data["name_short"].astype(str).to_numpy(),
            "official": data["name_official"].fillna("").astype(str).to_numpy(),
        }
    )
    table["id"] = slug(table["label"])
    return table.drop_duplicates("iso3").set_index("iso3", drop=False)


@lru_cache(maxsize=1)
def _places() -> pd.DataFrame:
    places = pd.read_csv(DATA_DIR / "places.csv", dtype=str, keep_default_na=False)
    places["id"] = slug(places["label"])
    return places


def _states(iso3: pd.Series) -> pd.DataFrame:
    """Rows for ISO3 codes that are countries (others left empty)."""
    states = state_table()
    found = iso3.isin(states.index)
    out = pd.DataFrame({c: "" for c in _PLACE_COLUMNS}, index=iso3.index)
    hit = states.reindex(iso3[found])
    out.loc[found, "id"] = hit["id"].to_numpy()
    out.loc[found, "label"] = hit["label"].to_numpy()
    out.loc[found, "kind"] = "state"
    out.loc[found, "iso3"] = hit["iso3"].to_numpy()
    out.loc[found, "aliases"] = np.where(
        hit["official"].to_numpy() != hit["label"].to_numpy(), hit["official"].to_numpy(), ""
    )
    return out


def resolve_codes(codes: pd.Index) -> pd.DataFrame:
    """Resolve CAMEO country codes (unique values) to places.

    Returns a table indexed by code with ``id``, ``label``, ``kind`` (``state``, ``region`` or
    ``unknown``: a code neither ISO3 nor listed, kept as its own node), ``iso3``, ``aliases``.
    """
    index = pd.Index(codes, dtype=object)
    series = pd.Series(index.astype(str).str.upper(), index=index, dtype=object)
    places = _places().set_index("code")
    listed = series.isin(places.index)
    out = _states(series.where(~listed, series.map(places["iso3"]).fillna("")))
    regions = listed & (series.map(places["kind"]) == "region")
    if regions.any():
        hit = places.reindex(series[regions])
        for col in ("id", "label", "kind", "aliases"):
            out.loc[regions, col] = hit[col].to_numpy()
    state_alias = listed & ~regions
    if state_alias.any():  # e.g. ZAR: keep CAMEO's name (Zaire) as an alias
        extra = series[state_alias].map(places["aliases"]).fillna("")
        joined = (out.loc[state_alias, "aliases"] + ";" + extra).str.strip(";")
        out.loc[state_alias, "aliases"] = joined
    unknown = out["kind"] == ""
    out.loc[unknown, "id"] = slug(series[unknown])
    out.loc[unknown, "label"] = series[unknown]
    out.loc[unknown, "kind"] = "unknown"
    return out


def resolve_names(names: pd.Index) -> pd.DataFrame:
    """Resolve country or region names (``Russian Federation``, ``Middle East``) to places.

    Same columns as :func:`resolve_codes`; a name that is the data's own spelling of a state
    (``Russian Federation`` for ``Russia``) is added to its aliases.
    """
    index = pd.Index(names, dtype=object)
    series = pd.Series(index.astype(str), index=index, dtype=object)
    places = _places()
    regions = places[places["kind"] == "region"]
    by_name: dict[str, int] = {}
    for pos, (label, aliases) in enumerate(zip(regions["label"], regions["aliases"], strict=True)):
        for name in [label, *aliases.split(";")]:
            if name:
                by_name[name.lower()] = pos
    region_pos = series.str.lower().map(by_name)
    is_region = region_pos.notna()
    iso3 = pd.Series("", index=index, dtype=object)
    todo = series[~is_region & (series != "")]
    if len(todo):
        with _quiet():
            found = _converter().convert(
                list(todo), src="regex", to="ISO3", not_found="", enforce_list=True
            )
        iso3.loc[todo.index] = np.array([f[0] if len(f) == 1 else "" for f in found], dtype=object)
    out = _states(iso3)
    if is_region.any():
        hit = regions.iloc[region_pos[is_region].astype(int).to_numpy()]
        for col in ("id", "label", "kind", "aliases"):
            out.loc[is_region, col] = hit[col].to_numpy()
    own = (out["kind"] == "state") & (series != out["label"])
    spelled = np.where(out.loc[own, "aliases"] != "", out.loc[own, "aliases"] + ";", "")
    out.loc[own, "aliases"] = spelled + series[own]
    unknown = out["kind"] == ""
    out.loc[unknown, "id"] = slug(series[unknown])
    out.loc[unknown, "label"] = series[unknown]
    out.loc[unknown, "kind"] = "unknown"
    return out
