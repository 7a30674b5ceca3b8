"""Synthetic GDELT 2.0 daily export files for benchmarks/bench_import.py.

Seeded, 61 tab-separated fields as GDELT 2.0 writes them, with GDELT's skew: actors drawn by a
power law over the ~250 countries of the importer's table (the large ones first), a quarter of
the sides empty, some with a type code but no country, bodies of states, known groups; CAMEO
codes from the importer's table weighted by root, each with its Goldstein score; 90 % of a
day's events dated that day, the rest in the month before; mention counts by a power law;
source URLs; event ids running on across the files.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["DAY_ROWS", "generate"]

DAY_ROWS = 200_000
FIRST_ID = 800_000_000
FIRST_DAY = np.datetime64("2019-01-01")
#: Share of events per CAMEO root (GDELT's mix: talk far more than fight).
ROOTS = {"01": 20, "02": 6, "03": 7, "04": 22, "05": 8, "06": 2, "07": 2, "08": 2, "09": 1,
         "10": 1.5, "11": 5, "12": 3, "13": 2, "14": 1.5, "15": 1, "16": 1, "17": 4, "18": 2,
         "19": 6, "20": 0.2}  # fmt: skip
#: Goldstein score of each root (the scale's value for its most common code).
GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0,
             "08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5,
             "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0}  # fmt: skip
#: The largest countries first (they are most of GDELT's events); the rest follow.
HEAD = [
    "USA",
    "GBR",
    "CHN",
    "RUS",
    "IND",
    "ISR",
    "FRA",
    "DEU",
    "IRN",
    "PAK",
    "AUS",
    "CAN",
    "TUR",
    "SYR",
    "JPN",
    "UKR",
    "AFG",
    "KOR",
    "PRK",
    "NGA",
    "EGY",
    "SAU",
    "IRQ",
    "MEX",
]
#: Places (FIPS code, full name, latitude, longitude) of the geography fields.
PLACES = [("US", "Washington, District of Columbia, United States", "38.8951", "-77.0364"),
          ("UK", "London, London, City of, United Kingdom", "51.5", "-0.116667"),
          ("CH", "Beijing, Beijing, China", "39.9289", "116.388"),
          ("RS", "Moscow, Moskva, Russia", "55.7522", "37.6156"),
          ("IN", "New Delhi, Delhi, India", "28.6", "77.2"),
          ("IR", "Tehran, Tehran, Iran", "35.75", "51.5148"),
          ("SY", "Damascus, Dimashq, Syria", "33.5102", "36.2913"),
          ("FR", "Paris, Ile-de-France, France", "48.8667", "2.33333")]  # fmt: skip


def _text(values: np.ndarray | pa.Array) -> pa.Array:
    if isinstance(values, pa.Array):
        return values.cast(pa.large_string())
    return pa.array(values).cast(pa.large_string())


def _s(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def _power(n: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def _actors() -> tuple[list[tuple[str, str, str, str, str]], np.ndarray]:
    """Actor descriptions (code, name, country, known group, type) and their probabilities."""
    import pandas as pd

    from graph.exchange.importers.countries import DATA_DIR, state_table

    states = state_table()
    iso = HEAD + [c for c in states["iso3"] if c not in HEAD]
    names = {c: str(states.loc[c, "label"]).upper() if c in states.index else c for c in iso}
    country_p = _power(len(iso), 1.1)
    types = pd.read_csv(DATA_DIR / "actor_types.csv", dtype=str, keep_default_na=False)["code"]
    type_p = _power(len(types), 1.3)
    orgs = pd.read_csv(DATA_DIR / "organizations.csv", dtype=str, keep_default_na=False)
    groups = [g for g in orgs["gdelt"] if g][:20]
    pool: list[tuple[str, str, str, str, str]] = [("", "", "", "", "")]
    weights = [25.0]
    for t, p in zip(types, type_p, strict=True):  # a type with no country: no identity
        pool.append((t, t, "", "", t))
        weights.append(8.0 * p)
    for c, p in zip(iso, country_p, strict=True):
        pool.append((c, names[c], c, "", ""))
        weights.append(50.0 * p)
        for t, q in zip(types, type_p, strict=True):
            pool.append((c + t, names[c], c, "", t))
            weights.append(15.0 * p * q)
    for g, p in zip(groups, _power(len(groups), 1.0), strict=True):
        pool.append(("IGO" + g, g, "", g, "IGO"))
        weights.append(2.0 * p)
    probability = np.array(weights) / sum(weights)
    return pool, probability


def _codes() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Three-digit CAMEO codes, their probabilities and Goldstein scores."""
    from graph.exchange.importers import cameo_table

    codes = [c for c in cameo_table()["code"] if len(c) == 3]
    weights, scores = [], []
    for root, share in ROOTS.items():
        mine = [c for c in codes if c.startswith(root)]
        for c, p in zip(mine, _power(len(mine), 1.2), strict=True):
            weights.append(share * p)
            offset = (int(c[2]) % 3 - 1) * 0.4 if c[2] != "0" else 0.0
            scores.append(float(np.clip(GOLDSTEIN[root] + offset, -10, 10)))
    ordered = [c for root in ROOTS for c in codes if c.startswith(root)]
    return np.array(ordered), np.array(weights) / sum(weights), np.round(scores, 1)


def write_day(path: Path, day: int, rows: int, first_id: int, seed: int) -> None:
    """Write one daily file of ``rows`` GDELT 2.0 rows."""
    rng = np.random.default_rng([seed, day])
    pool, p = _actors()
    columns = [pa.array([a[i] for a in pool], pa.large_string()) for i in range(5)]
    codes, code_p, goldstein = _codes()
    empty = pa.array([""] * rows, pa.large_string())
    fields = [empty] * 61
    fields[0] = _text(np.arange(first_id, first_id + rows))
    late = rng.random(rows) < 0.1
    offsets = np.where(late, rng.integers(1, 31, rows), 0)
    dates = (FIRST_DAY + day - offsets).astype("datetime64[D]").astype(str)
    day_text = pc.replace_substring(_text(dates), "-", "")
    fields[1] = day_text
    fields[2] = pc.utf8_slice_codeunits(day_text, 0, 6)
    fields[3] = pc.utf8_slice_codeunits(day_text, 0, 4)
    fields[4] = _text(np.round(2019 + (day - offsets) / 365.0, 4))
    for base in (5, 15):
        pick = pa.array(rng.choice(len(pool), rows, p=p))
        for offset, column in ((0, 0), (1, 1), (2, 2), (3, 3), (7, 4)):
            fields[base + offset] = columns[column].take(pick)
    pick = rng.choice(len(codes), rows, p=code_p)
    code = _text(codes[pick])
    fields[25] = pa.array(["1"] * rows, pa.large_string())
    fields[26], fields[27] = code, code
    fields[28] = pc.utf8_slice_codeunits(code, 0, 2)
    quad = np.select(
        [goldstein[pick] >= 3, goldstein[pick] >= 0, goldstein[pick] > -5], [2, 1, 3], 4
    )
    fields[29] = _text(quad)
    fields[30] = _text(goldstein[pick])
    mentions = np.minimum(rng.zipf(2.0, rows), 500)
    fields[31] = fields[33] = _text(mentions)
    fields[32] = _text(np.minimum(mentions, rng.integers(1, 5, rows)))
    fields[34] = _text(np.round(rng.normal(-2, 3, rows), 6))
    places = [pa.array([p[i] for p in PLACES], pa.large_string()) for i in range(4)]
    for base in (35, 43, 51):
        where = pa.array(rng.integers(0, len(PLACES), rows))
        fields[base] = pa.array(["4"] * rows, pa.large_string())
        fields[base + 1] = places[1].take(where)
        fields[base + 2] = places[0].take(where)
        fields[base + 5] = places[2].take(where)
        fields[base + 6] = places[3].take(where)
    fields[59] = pc.binary_join_element_wise(day_text, _s("143000"), _s(""))
    story = _text(rng.integers(10**8, 10**9, rows))
    fields[60] = pc.binary_join_element_wise(
        _s("https://news.example.org/world/story-"), story, _s("")
    )
    line = pc.binary_join_element_wise(*fields, _s("\t"))
    ended = pc.binary_join_element_wise(line, _s("\n"), _s(""))
    offsets64 = np.frombuffer(ended.buffers()[1], dtype=np.int64)
    data = ended.buffers()[2].to_pybytes()[offsets64[0] : offsets64[len(ended)]]
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def generate(folder: Path, rows: int, day_rows: int, seed: int = 7) -> list[Path]:
    """The daily files holding the first ``rows`` rows (written if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    days = []
    for day in range(-(-rows // day_rows)):
        path = folder / f"{(FIRST_DAY + day).astype(str).replace('-', '')}.export.CSV"
        if not path.exists():
            write_day(path, day, day_rows, FIRST_ID + day * day_rows, seed)
        days.append(path)
    return days
