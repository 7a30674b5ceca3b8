"""Streaming import: chunks (byte ranges, pieces of .gz/.zip) give the whole-file output, byte
for byte; every row is accounted for; repeats, actors and line numbers across chunks."""

from __future__ import annotations

import gzip
import itertools
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from import_whole import folder_bytes, whole_file_import
from test_import_gdelt import IRN, TJK, gdelt_row
from test_import_icews import HEADER, icews_row
from typer.testing import CliRunner

import graph.exchange.importers.stream as stream
from conftest import SHARED_EVENTS
from graph.cli import app
from graph.errors import DataError, UsageError
from graph.exchange.importers import import_gdelt, import_icews
from graph.exchange.importers.aggregate import merge, rows_aggregate
from graph.exchange.importers.chunks import chunk_bytes, plan, read_pieces
from graph.exchange.importers.edge_rows import finish
from graph.exchange.importers.seen import IdSet
from graph.exchange.importers.sources import Source, expand_sources

EVENTS = Path(__file__).parent / "data" / "events"
GDELT2 = EVENTS / "gdelt2_sample.export.CSV"
GDELT1 = EVENTS / "gdelt1_mixed.CSV"
ICEWS = EVENTS / "icews_sample.tab"
RUS = ("RUS", "RUSSIA", "RUS", "", "")
GOV = ("IRNGOV", "IRAN", "IRN", "", "GOV")
UNO = ("IGOUNOUNO", "UNITED NATIONS", "", "UNO", "IGO")
NOBODY = ("", "", "", "", "")
runner = CliRunner()


def synthetic(path: Path, rows: int, seed: int = 3, first: int = 1) -> Path:
    """GDELT 2.0 rows with repeats, bad rows, scores that cancel, several months."""
    rng = np.random.default_rng(seed)
    actors = [IRN, TJK, RUS, GOV, UNO, NOBODY]
    lines = []
    for i in range(rows):
        a1, a2 = (actors[k] for k in rng.integers(0, len(actors), 2))
        event = str(first + i if rng.random() > 0.03 else first + int(rng.integers(0, i + 1)))
        day = f"2019{int(rng.integers(9, 13)):02d}{int(rng.integers(1, 29)):02d}"
        code = ["042", "043", "190", "057", "010", "0311", "40"][int(rng.integers(0, 7))]
        score = f"{rng.choice([-1.9, 1.9, 3.4, -3.4, 0.0, 7.0, -10.0]):g}"
        line = gdelt_row(event, day, a1, a2, code, score, str(int(rng.integers(1, 9))))
        lines.append(line if rng.random() > 0.01 else line.rsplit("\t", 5)[0])  # cut short
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def same_folders(a: Path, b: Path) -> None:
    left, right = folder_bytes(a), folder_bytes(b)
    assert sorted(left) == sorted(right)
    for name in left:
        assert left[name] == right[name], name


def accounted(summary: dict[str, object] | object) -> bool:
    data = summary if isinstance(summary, dict) else summary.to_dict()  # type: ignore[attr-defined]
    parts = sum(sum(data[k].values()) for k in ("dropped", "filtered", "skipped"))
    return bool(data["rows_read"] == data["imported"] + parts)


OPTIONS = [
    {},
    {"aggregate": "month"},
    {"aggregate": "day", "link": False},
    {"countries": ["IRN"]},
    {"actors": ["cis"], "aggregate": "year"},
]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or "defaults")
@pytest.mark.parametrize(
    ("name", "paths", "rows"),
    [("gdelt", [GDELT2], 1), ("gdelt", [GDELT2, GDELT1], 3), ("icews", [ICEWS], 2)],
)
def test_chunks_give_the_whole_file_output(
    tmp_path: Path, name: str, paths: list[Path], rows: int, options: dict[str, object]
) -> None:
    whole = whole_file_import(name, paths, tmp_path / "whole", **options)
    importer = import_gdelt if name == "gdelt" else import_icews
    cut = importer(paths, tmp_path / "cut", chunk_rows=rows, **options)
    same_folders(tmp_path / "whole", tmp_path / "cut")
    assert cut.summary.consistent and accounted(cut.summary)
    assert cut.edges.astype(str).equals(whole.edges.astype(str))


@pytest.mark.skipif(not SHARED_EVENTS.is_dir(), reason="../shared/data/events not found")
@pytest.mark.parametrize("options", OPTIONS[:4], ids=lambda o: ",".join(o) or "defaults")
@pytest.mark.parametrize(
    ("name", "file"),
    [("gdelt", "gdelt2_20191024143000.export.CSV"), ("icews", "icews_events.2018.sample.tab")],
)
def test_shared_samples_in_chunks(
    tmp_path: Path, name: str, file: str, options: dict[str, object]
) -> None:
    path = SHARED_EVENTS / file
    whole_file_import(name, path, tmp_path / "whole", **options)
    importer = import_gdelt if name == "gdelt" else import_icews
    importer(path, tmp_path / "cut", chunk_rows=300, **options)
    same_folders(tmp_path / "whole", tmp_path / "cut")


def test_a_file_larger_than_the_chunk_size(tmp_path: Path) -> None:
    path = synthetic(tmp_path / "big.export.CSV", 4000)
    sources = expand_sources(path)
    assert len(plan(sources, [chunk_bytes(s, 1000) for s in sources])) == 4
    import_gdelt(path, tmp_path / "one", aggregate="month")
    four = import_gdelt(path, tmp_path / "four", aggregate="month", chunk_rows=1000)
    same_folders(tmp_path / "one", tmp_path / "four")
    whole_file_import("gdelt", path, tmp_path / "whole", aggregate="month")
    same_folders(tmp_path / "one", tmp_path / "whole")
    s = four.summary
    assert s.rows_read == 4000 and accounted(s)
    assert s.skipped["duplicate-event"] > 50  # repeats across chunks are found
    per_event = import_gdelt(path, tmp_path / "events", chunk_rows=700)
    whole_file_import("gdelt", path, tmp_path / "events-whole")
    same_folders(tmp_path / "events", tmp_path / "events-whole")
    assert len(per_event.edges) == per_event.summary.edges  # read back from edges.csv


def test_gz_and_zip_are_read_in_pieces(tmp_path: Path) -> None:
    path = synthetic(tmp_path / "day.export.CSV", 3000)
    gz = tmp_path / "day.export.CSV.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    archive = tmp_path / "day.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(path, path.name)
    source = expand_sources(gz)[0]
    assert source.gzip and len(plan([source], [chunk_bytes(source, 500)])) == 1  # one task
    pieces = list(read_pieces(source, 0, None, chunk_bytes(source, 500)))
    assert len(pieces) >= 5 and b"".join(p.data for p in pieces) == path.read_bytes()
    plain = import_gdelt(path, tmp_path / "plain", aggregate="month")
    for packed in (gz, archive):
        out = tmp_path / packed.suffix[1:]
        result = import_gdelt(packed, out, aggregate="month", chunk_rows=500)
        assert (out / "edges.csv").read_bytes() == (tmp_path / "plain" / "edges.csv").read_bytes()
        assert (out / "nodes.csv").read_bytes() == (tmp_path / "plain" / "nodes.csv").read_bytes()
        info = result.summary.files[0]
        assert info["sha256"] == plain.summary.files[0]["sha256"]
        assert info["bytes"] == path.stat().st_size and info["rows"] == 3000
        assert [(i.row, i.code) for i in result.summary.issues] == [
            (i.row, i.code) for i in plain.summary.issues
        ]


def test_mixed_gdelt_versions_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "days"
    folder.mkdir()
    (folder / "a.export.CSV").write_bytes(GDELT2.read_bytes())
    (folder / "b.CSV").write_bytes(GDELT1.read_bytes())
    (folder / ".hidden").write_text("not read")
    result = import_gdelt(folder, tmp_path / "cut", chunk_rows=2)
    whole_file_import("gdelt", folder, tmp_path / "whole")
    same_folders(tmp_path / "whole", tmp_path / "cut")
    assert [f["name"] for f in result.summary.files] == ["a.export.CSV", "b.CSV"]
    assert result.metadata.sources == ("GDELT 2.0 event export", "GDELT 1.0 event file")
    assert result.summary.rows_read == 23 and accounted(result.summary)


def test_an_actor_resolved_otherwise_in_a_chunk_reads_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        icews_row("1", ("Georgia", "Citizen", "United States"), "040", "1", ("Iran", "NA", "Iran")),
        icews_row("2", ("Iran", "NA", "Iran"), "040", "1", ("Russia", "NA", "Russian Federation")),
        icews_row("3", ("Georgia", "NA", "Georgia"), "040", "1", ("Iran", "NA", "Iran")),
    ]  # alone, the first chunk's Georgia is a person "georgia"; with the state, georgia_person
    path = tmp_path / "events.tab"
    path.write_text("\t".join(HEADER) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    passes: list[int] = []
    original = stream._pass

    def counted(*args: object, **kwargs: object) -> object:
        passes.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stream, "_pass", counted)
    result = import_icews(path, tmp_path / "cut", chunk_rows=1)
    assert len(passes) == 2
    whole_file_import("icews", path, tmp_path / "whole")
    same_folders(tmp_path / "whole", tmp_path / "cut")
    assert "georgia_person" in set(result.edges["source"])
    passes.clear()
    import_icews(ICEWS, chunk_rows=2)
    assert len(passes) == 1  # the usual case: one pass


def test_line_numbers_and_strict_across_chunks(tmp_path: Path) -> None:
    good = [gdelt_row(str(i), "20191001", IRN, TJK, "042") for i in range(1, 40)]
    path = tmp_path / "x.export.CSV"
    path.write_text("\n".join([*good, gdelt_row("99", "2019", IRN, TJK, "042")]) + "\n")
    result = import_gdelt(path, chunk_rows=5)
    assert [(i.row, i.code) for i in result.summary.issues] == [(40, "bad-date")]
    with pytest.raises(DataError) as caught:
        import_gdelt(path, tmp_path / "out", chunk_rows=5, strict=True)
    assert caught.value.report.issues[0].row == 40
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".out*"))


def test_issues_are_bounded_and_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.exchange.importers.partial as partial

    monkeypatch.setattr(partial, "MAX_ISSUES", 5)
    monkeypatch.setattr(stream, "MAX_ISSUES", 5)
    rows = [gdelt_row(str(i), "2019", IRN, TJK, "042") for i in range(1, 60)]
    path = tmp_path / "bad.export.CSV"
    path.write_text("\n".join(rows) + "\n")
    result = import_gdelt(path, tmp_path / "out", chunk_rows=4)
    data = json.loads((tmp_path / "out" / "import.json").read_text())
    assert data["issues_total"] == 59 and len(data["issues"]) == 5
    assert [i["row"] for i in data["issues"]] == [1, 2, 3, 4, 5]
    assert result.summary.skipped == {"bad-date": 59}


def test_url_input_reads_like_a_path(tmp_path: Path) -> None:
    by_path = import_gdelt(GDELT2, tmp_path / "a", aggregate="month")
    by_url = import_gdelt(GDELT2.resolve().as_uri(), tmp_path / "b", aggregate="month")
    assert (tmp_path / "a" / "edges.csv").read_bytes() == (
        tmp_path / "b" / "edges.csv"
    ).read_bytes()
    assert by_url.summary.files == by_path.summary.files


def test_in_process_import_never_imports_dask_nor_networkx(tmp_path: Path) -> None:
    # networkx (with scipy) took a fifth of a second to import: an import builds no graph
    code = (
        "import sys; from graph.exchange.importers import import_gdelt; "
        f"import_gdelt({str(GDELT2)!r}, {str(tmp_path / 'out')!r}, aggregate='month', "
        "chunk_rows=3); print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'dask', 'distributed', 'networkx'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_cli_chunk_rows_and_bad_engine_options(tmp_path: Path) -> None:
    args = ["import", "gdelt", str(GDELT2), "--aggregate", "month", "--json"]
    one = runner.invoke(app, [*args, "-o", str(tmp_path / "one")])
    cut = runner.invoke(app, [*args, "-o", str(tmp_path / "cut"), "--chunk-rows", "2"])
    assert one.exit_code == cut.exit_code == 0, cut.output
    assert json.loads(one.stdout) == json.loads(cut.stdout)
    same_folders(tmp_path / "one", tmp_path / "cut")
    both = runner.invoke(
        app, [*args, "-o", str(tmp_path / "x"), "--workers", "2", "--scheduler", "tcp://h:1"]
    )
    assert both.exit_code == 2 and "--workers" in both.stderr and "--scheduler" in both.stderr
    zero = runner.invoke(app, [*args, "-o", str(tmp_path / "y"), "--chunk-rows", "0"])
    assert zero.exit_code == 2


def test_ids_seen_as_runs() -> None:
    ids = IdSet.of(pd.Series(["1", "2", "3", "7", "0012", "12", "99999999999999999999"]))
    assert ids.runs() == [(1, 3), (7, 7), (12, 12)] and len(ids) == 7
    probe = pd.Series(["2", "4", "12", "0012", "012", "99999999999999999999"])
    assert ids.contains(probe).tolist() == [True, False, True, True, False, True]
    later = IdSet.of(pd.Series([str(i) for i in range(3, 9)]))
    assert ids.union(later).runs() == [(1, 8), (12, 12)]
    assert ids.intersection(later).runs() == [(3, 3), (7, 7)]


def test_aggregates_merge_exactly_in_any_grouping() -> None:
    rng = np.random.default_rng(5)
    n = 300
    score = rng.choice([-1.9, 1.9, 3.4, -3.4, 0.1, 0.2, -0.3, 1e-9], n)
    columns = {
        "period": rng.choice(["2019-01", "2019-02"], n),
        "source": rng.choice(["a", "b", "c"], n),
        "target": rng.choice(["a", "b"], n),
        "kind": rng.choice(["visit", "talks"], n),
        "code": rng.choice(["042", "043", "036"], n),
    }
    mentions = np.where(rng.random(n) < 0.2, np.nan, rng.integers(1, 9, n))
    ids = pd.Series(rng.permutation(n).astype(str))

    def part(at: slice) -> object:
        return rows_aggregate(
            columns["period"][at], columns["source"][at], columns["target"][at],
            columns["kind"][at], score[at], mentions[at], columns["code"][at],
            ids[at].reset_index(drop=True), np.arange(n)[at],
        )  # fmt: skip

    tables = []
    for cuts in ([0, n], [0, 7, 150, n], [0, 1, 2, 3, 299, n]):
        parts = [part(slice(a, b)) for a, b in itertools.pairwise(cuts)]
        agg = merge([merge(parts[::2]), *parts[1::2]])
        agg.citation = agg.first
        tables.append(finish(agg, "x", "month", "goldstein"))
    assert tables[0].equals(tables[1]) and tables[0].equals(tables[2])
    zero = merge([rows_aggregate(["2019"] * 3, ["a"] * 3, ["b"] * 3, ["t"] * 3,
                                 np.array([0.1, 0.2, -0.3]), np.full(3, np.nan), ["042"] * 3,
                                 pd.Series(["1", "2", "3"]), np.arange(3))])  # fmt: skip
    zero.citation = zero.first
    row = finish(zero, "x", "year", "goldstein").iloc[0]
    assert (row["goldstein"], row["sign"], row["mentions"]) == ("0", "0", "")


def test_sources_expand_folders_gz_and_refuse_empty(tmp_path: Path) -> None:
    (tmp_path / "b.tsv").write_text("1\n")
    (tmp_path / "a.tsv.gz").write_bytes(gzip.compress(b"2\n"))
    found = expand_sources(tmp_path)
    assert [(s.name, s.gzip, s.size) for s in found] == [("a.tsv.gz", True, 2), ("b.tsv", False, 2)]
    assert Source("x", tmp_path / "b.tsv", data=b"3\n").open().read() == b"3\n"
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="empty folder"):
        expand_sources(tmp_path / "empty")


def test_groups_beyond_the_bound_go_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.exchange.importers.spill as spill

    monkeypatch.setattr(spill, "SPILL_GROUPS", 25)
    path = synthetic(tmp_path / "x.export.CSV", 3000)
    whole = whole_file_import("gdelt", path, tmp_path / "whole", aggregate="day")
    import_gdelt(path, tmp_path / "cut", aggregate="day", chunk_rows=400)
    same_folders(tmp_path / "whole", tmp_path / "cut")
    in_memory = import_gdelt(path, aggregate="day", chunk_rows=400)
    assert in_memory.edges.equals(whole.edges) and len(whole.edges) > 200
