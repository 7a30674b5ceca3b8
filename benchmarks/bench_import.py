"""Benchmark: ``graph import gdelt`` on 1,000,000 generated GDELT 2.0 export rows.

Synthetic data, seeded: 61 tab-separated fields per row as GDELT 2.0 writes them; actors drawn
from a pool with GDELT's mix (a quarter of the sides without any actor, some with a type
code but no country, states, bodies of states, known groups), real CAMEO codes, Goldstein
scores from -10 to 10, mention counts and source URLs.

Timed, each in a fresh process (so the peak memory is the import's own):

1. ``import``: :func:`graph.exchange.importers.import_gdelt` writing the dataset folder (read with
   pyarrow, every step vectorized, nodes.csv/edges.csv/import.json written);
2. ``baseline``: the naive way, ``csv.reader`` and a Python mapping per row (dict lookups
   for codes and countries, one edge per row written with ``csv.writer``), on the first
   ``--baseline-rows`` rows, extrapolated linearly to the full input (said in the output).

    python benchmarks/bench_import.py [--rows 1000000] [--baseline-rows 200000] [--keep DIR]

Target: the import of 1,000,000 rows in 20 s or less.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from peak import peak_rss_mib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COUNTRIES = [
    "USA",
    "GBR",
    "RUS",
    "CHN",
    "IRN",
    "TJK",
    "IND",
    "FRA",
    "DEU",
    "TUR",
    "AFG",
    "PAK",
    "UZB",
    "KAZ",
    "KGZ",
    "JPN",
    "ISR",
    "SYR",
    "UKR",
    "BLR",
    "NGA",
    "BRA",
    "AFR",
    "EUR",
]
TYPES = ["GOV", "MIL", "COP", "OPP", "BUS", "MED", "JUD", "LEG", "REB", "CVL"]
GROUPS = [
    ("IGOUNOUNO", "UNITED NATIONS", "", "UNO", "IGO"),
    ("IGOEUREEC", "EUROPEAN UNION", "EUR", "EEC", "IGO"),
    ("AFGTAL", "TALIBAN", "AFG", "TAL", ""),
]


def _pool(rng: np.random.Generator) -> tuple[list[tuple[str, ...]], np.ndarray]:
    """Actor descriptions (code, name, country, group, type) and their probabilities."""
    pool: list[tuple[str, ...]] = [("", "", "", "", "")]
    weights = [25.0]
    for t in TYPES:  # a type with no country: no identity
        pool.append((t, t.title(), "", "", t))
        weights.append(1.5)
    for c in COUNTRIES:
        pool.append((c, c.title(), c, "", ""))
        weights.append(2.0)
        for t in TYPES:
            pool.append((c + t, c.title(), c, "", t))
            weights.append(0.15)
    for g in GROUPS:
        pool.append(g)
        weights.append(0.5)
    p = np.array(weights) / sum(weights)
    return pool, p


def _text(values: np.ndarray) -> pa.Array:
    return pa.array(values.astype(str), pa.large_string())


def generate(path: Path, rows: int, seed: int = 7, chunk: int = 250_000) -> None:
    """Write ``rows`` GDELT 2.0 export rows to ``path``."""
    from graph.exchange.importers import cameo_table

    rng = np.random.default_rng(seed)
    pool, p = _pool(rng)
    codes = np.array([c for c in cameo_table()["code"] if len(c) == 3])
    with path.open("wb") as handle:
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            fields = [pa.array([""] * n, pa.large_string()) for _ in range(61)]
            fields[0] = _text(np.arange(start, start + n) + 800_000_000)
            days = np.datetime64("2019-01-01") + rng.integers(0, 365, n)
            day = _text(np.char.replace(days.astype(str), "-", ""))
            fields[1], fields[2], fields[3] = (
                day,
                pc.utf8_slice_codeunits(day, 0, 6),
                pc.utf8_slice_codeunits(day, 0, 4),
            )
            for base in (5, 15):
                pick = rng.choice(len(pool), n, p=p)
                for offset, col in ((0, 0), (1, 1), (2, 2), (3, 3), (7, 4)):
                    fields[base + offset] = _text(np.array([a[col] for a in pool])[pick])
            code = codes[rng.integers(0, len(codes), n)]
            fields[25] = _text(np.ones(n, dtype=int))
            fields[26], fields[27] = _text(code), _text(code)
            fields[28] = _text(np.char.ljust(code, 2)[:])
            fields[28] = pc.utf8_slice_codeunits(_text(code), 0, 2)
            fields[29] = _text(rng.integers(1, 5, n))
            fields[30] = _text(np.round(rng.uniform(-10, 10, n), 1))
            mentions = rng.integers(1, 60, n)
            fields[31], fields[32], fields[33] = _text(mentions), _text(mentions), _text(mentions)
            fields[34] = _text(np.round(rng.normal(-2, 3, n), 6))
            for base in (35, 43, 51):
                fields[base] = pa.array(["4"] * n, pa.large_string())
                fields[base + 1] = pa.array(["Tehran, Tehran, Iran"] * n, pa.large_string())
                fields[base + 2] = pa.array(["IR"] * n, pa.large_string())
                fields[base + 5] = pa.array(["35.75"] * n, pa.large_string())
                fields[base + 6] = pa.array(["51.5148"] * n, pa.large_string())
            fields[59] = pa.array(["20191024143000"] * n, pa.large_string())
            story = _text(rng.integers(10**8, 10**9, n))
            fields[60] = pc.binary_join_element_wise(
                pa.scalar("https://news.example.org/world/story-", pa.large_string()),
                story,
                pa.scalar("", pa.large_string()),
            )
            line = pc.binary_join_element_wise(*fields, pa.scalar("\t", pa.large_string()))
            ended = pc.binary_join_element_wise(
                line, pa.scalar("", pa.large_string()), pa.scalar("\n", pa.large_string())
            )
            offsets = np.frombuffer(ended.buffers()[1], dtype=np.int64)
            data = ended.buffers()[2].to_pybytes()
            handle.write(data[offsets[0] : offsets[len(ended)]])


def run_import(source: str, out: str) -> dict[str, object]:
    """Child process: the library import; returns seconds, peak memory and counts."""
    from graph.exchange.importers import import_gdelt

    start = time.perf_counter()
    result = import_gdelt(source, out)
    seconds = time.perf_counter() - start
    summary = result.summary
    return {
        "seconds": seconds,
        "peak_mb": peak_rss_mib(),
        "rows": summary.rows_read,
        "imported": summary.imported,
        "dropped": summary.dropped,
        "skipped": summary.skipped,
        "edges": summary.edges,
        "nodes": summary.nodes,
        "consistent": summary.consistent,
    }


def run_baseline(source: str, out: str, limit: int) -> dict[str, object]:
    """Child process: csv.reader and a Python mapping per row, the first ``limit`` rows."""
    from graph.exchange.importers import cameo_table
    from graph.exchange.importers.countries import state_table

    start = time.perf_counter()
    cameo = cameo_table()
    types = dict(zip(cameo["code"], cameo["type"], strict=True))
    flips = dict(zip(cameo["code"], cameo["flip"], strict=True))
    states = dict(zip(state_table()["iso3"], state_table()["id"], strict=True))
    count = 0
    with (
        open(source, encoding="utf-8", newline="") as handle,
        open(Path(out) / "edges.csv", "w", encoding="utf-8", newline="") as sink,
    ):
        writer = csv.writer(sink, lineterminator="\n")
        writer.writerow(["id", "source", "target", "type", "date", "weight", "sign", "citation"])
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if count >= limit:
                break
            count += 1
            if len(row) != 61:
                continue
            ends = []
            for country, kind in ((row[7], row[12]), (row[17], row[22])):
                state = states.get(country)
                ends.append(None if state is None else state + ("_" + kind.lower() if kind else ""))
            code = row[26]
            kind = types.get(code[:3])
            if None in ends or kind is None:
                continue
            if flips.get(code[:3]):
                ends.reverse()
            score = float(row[30])
            day = f"{row[1][:4]}-{row[1][4:6]}-{row[1][6:]}"
            sign = "1" if score > 0 else "-1" if score < 0 else "0"
            writer.writerow(
                [f"gdelt-{row[0]}", ends[0], ends[1], kind, day, f"{abs(score):g}", sign, row[60]]
            )
    return {
        "seconds": time.perf_counter() - start,
        "peak_mb": peak_rss_mib(),
        "rows": count,
    }


def _child(kind: str, *args: str) -> dict[str, object]:
    command = [sys.executable, __file__, "--child", kind, *args]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--baseline-rows", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, help="write the input and outputs here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "import":
            print(json.dumps(run_import(rest[0], rest[1])))
        else:
            print(json.dumps(run_baseline(rest[0], rest[1], int(rest[2]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "generated.export.CSV"
        start = time.perf_counter()
        generate(source, args.rows)
        size = source.stat().st_size / 1e6
        print(
            f"generated {args.rows:,} GDELT 2.0 rows ({size:,.0f} MB) in "
            f"{time.perf_counter() - start:.1f} s (seed 7)"
        )
        imported = _child("import", str(source), str(folder / "imported"))
        print(
            f"import:   {imported['seconds']:.2f} s, peak memory {imported['peak_mb']:,.0f} MB, "
            f"{imported['rows']:,} rows read, {imported['imported']:,} imported, "
            f"dropped {imported['dropped']}, skipped {imported['skipped']}, "
            f"{imported['edges']:,} edges, {imported['nodes']:,} nodes, "
            f"counts add up: {imported['consistent']}"
        )
        (folder / "baseline").mkdir(exist_ok=True)
        limit = min(args.baseline_rows, args.rows)
        base = _child("baseline", str(source), str(folder / "baseline"), str(limit))
        scale = args.rows / max(int(base["rows"]), 1)
        estimate = float(base["seconds"]) * scale
        note = f", extrapolated x{scale:g} from {base['rows']:,} rows" if scale != 1 else ""
        print(
            f"baseline: {estimate:.2f} s for {args.rows:,} rows (csv.reader + Python per row, "
            f"measured {base['seconds']:.2f} s{note}), peak memory {base['peak_mb']:,.0f} MB"
        )
        print(
            f"ratio:    the import is {estimate / float(imported['seconds']):.1f}x faster than "
            f"the baseline (which maps less: no actor bodies, checks, nodes or provenance)"
        )
        target = "met" if float(imported["seconds"]) <= 20 else "MISSED"
        print(f"target:   1,000,000 rows in <= 20 s: {target}")


if __name__ == "__main__":
    main()
