"""Parquet datasets: ``nodes.parquet``/``edges.parquet`` load as the CSV files do, are written by
``graph export --format parquet`` and ``graph import --format parquet``, and every broken file
is one clear error (exit 1) naming the file, the column and, for a cell, the row.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import graph
from conftest import SHARED_EVENTS
from graph.cli import app
from graph.errors import DataError
from graph.exchange.parquet import parquet_table, write_parquet_tables

runner = CliRunner()
ICEWS = SHARED_EVENTS / "icews_events.2018.sample.tab"
DATA = Path(__file__).resolve().parents[1] / "data" / "iran_tajikistan"
NODES = pd.DataFrame(
    {"id": ["iran", "tajikistan"], "label": ["Iran", "Tajikistan"], "type": ["state", "state"]}
)
EDGES = pd.DataFrame(
    {"source": ["iran"], "target": ["tajikistan"], "type": ["visit"], "date": ["2019-06-15"]}
)


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def folder_of(tmp_path: Path, nodes: pa.Table | pd.DataFrame, edges: pa.Table | pd.DataFrame):
    """A dataset folder with the two tables written as given (pyarrow, no conversion)."""
    folder = tmp_path / "ds"
    folder.mkdir(exist_ok=True)
    for name, table in (("nodes", nodes), ("edges", edges)):
        if isinstance(table, pd.DataFrame):
            table = pa.Table.from_pandas(table, preserve_index=False)
        pq.write_table(table, folder / f"{name}.parquet")
    return folder


def errors_of(folder: Path) -> list[str]:
    return [str(i) for i in graph.validate(folder).errors]


def assert_same_tables(csv: graph.Dataset, parquet: graph.Dataset, line_offset: int) -> None:
    """Equal tables; ``_line`` is the CSV line there and the row (line - 1 here)."""
    for a, b in ((csv.nodes, parquet.nodes), (csv.edges, parquet.edges)):
        assert (a["_line"] - line_offset).tolist() == b["_line"].tolist()
        pd.testing.assert_frame_equal(a.drop(columns="_line"), b.drop(columns="_line"))


# --- loading: equal to the CSV --------------------------------------------------------------


def test_bundled_dataset_as_parquet_loads_to_equal_tables(tmp_path: Path) -> None:
    ds = graph.load()
    graph.export(ds, "parquet", tmp_path / "pq")
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [
        "dataset.toml",
        "edges.parquet",
        "nodes.parquet",
        "vocabulary.toml",  # the bundled dataset's own types (border, dependence, balancing)
    ]
    back = graph.load(tmp_path / "pq")
    assert_same_tables(ds, back, line_offset=1)  # the bundled CSV has no blank or long line
    assert back.title == ds.title and back.report.counts() == ds.report.counts()
    assert graph.load(tmp_path / "pq" / "edges.parquet").name == "pq"  # a table's path works


def test_round_trip_of_extra_columns_empty_cells_unicode_and_hostile_text(tmp_path: Path) -> None:
    hostile = ['=HYPERLINK("http://x")', "<script>alert(1)</script>", 'a "quoted", comma']
    nodes = pd.DataFrame(
        {
            "id": ["iran", "تاجیکستان", "x"],
            "label": ["Iran ایران", "", "line\nbreak"],
            "type": ["state", "State", "person"],
            "country": ["", "", "iran"],
            "motto": hostile,  # an extra column
        }
    )
    edges = pd.DataFrame(
        {
            "id": ["", "e-2", ""],
            "source": ["iran", "تاجیکستان", "x"],
            "target": ["تاجیکستان", "iran", "iran"],
            "type": ["visit", "agreement", "office"],
            "date": ["2019", "", "2015-12"],
            "weight": ["0.125", "", "3"],
            "sign": ["", "-1", ""],
            "evidence": ["😀 «quote»", "", "\u202eRTL override"],
            "note": ["", "=1+1", "tab\there"],
        }
    )
    ds = graph.from_frames(nodes, edges, name="t")
    graph.write_dataset(ds, tmp_path / "csv")
    graph.write_dataset(ds, tmp_path / "pq", table_format="parquet")
    csv, back = graph.load(tmp_path / "csv"), graph.load(tmp_path / "pq")
    assert_same_tables(csv, back, line_offset=1)
    assert back.nodes["motto"].tolist() == hostile
    assert back.edges["weight"].tolist() == [0.125, 1.0, 3.0]
    assert back.edges["id"].tolist() == ["e2", "e-2", "e4"]  # the ids from_frames gave, kept


def test_weight_is_exact_in_parquet_where_csv_rounds(tmp_path: Path) -> None:
    edges = EDGES.assign(weight=["0.123456789"])
    ds = graph.from_frames(NODES, edges)
    graph.write_dataset(ds, tmp_path / "pq", table_format="parquet")
    assert pq.read_schema(tmp_path / "pq" / "edges.parquet").field("sign").type == pa.int8()
    assert graph.load(tmp_path / "pq").edges["weight"].item() == 0.123456789


def test_typed_columns_are_read_as_their_text(tmp_path: Path) -> None:
    edges = pa.table(
        {
            "source": ["iran", "tajikistan", "iran"],
            "target": ["tajikistan", "iran", "tajikistan"],
            "type": pa.array(["visit", "agreement", "talks"]).dictionary_encode(),
            "date": pa.array([datetime.date(2019, 6, 15), None, datetime.date(2020, 1, 2)]),
            "weight": pa.array([2, None, 5], pa.int32()),
            "sign": pa.array([None, -1, 1], pa.int64()),
            "count": pa.array([3, 4, None], pa.uint16()),
            "official": [True, False, None],
            "score": [0.5, float("nan"), 1.0],
        }
    )
    labels = pa.array(["Iran", None]).dictionary_encode()  # a pandas Categorical
    nodes = pa.table({"id": NODES["id"], "label": labels, "type": NODES["type"]})
    ds = graph.load(folder_of(tmp_path, nodes, edges))
    assert ds.nodes["label"].tolist() == ["Iran", "tajikistan"]  # empty: the id
    assert ds.edges["date"].tolist() == ["2019-06-15", "", "2020-01-02"]
    assert ds.edges["weight"].tolist() == [2.0, 1.0, 5.0]
    assert ds.edges["sign"].tolist() == [1, -1, 1]  # empty: the type's sign (visit: +1)
    assert ds.edges["count"].tolist() == ["3", "4", ""]
    assert ds.edges["official"].tolist() == ["true", "false", ""]
    assert ds.edges["score"].tolist() == ["0.5", "nan", "1"]
    assert ds.edges["id"].tolist() == ["e1", "e2", "e3"]  # e<row>, the first row is 1


def test_a_pandas_written_file_loads_and_an_unnamed_index_is_left_out(tmp_path: Path) -> None:
    ds = graph.load()
    nodes = ds.nodes.drop(columns="_line").iloc[[3, 0, 1, 2, *range(4, len(ds.nodes))]]
    edges = ds.edges[["id", "source", "target", "type", "date", "end_date", "weight", "sign"]]
    edges = edges.astype({"type": "category"})
    folder = tmp_path / "pandas"
    folder.mkdir()
    (folder / "vocabulary.toml").write_bytes((DATA / "vocabulary.toml").read_bytes())
    nodes.to_parquet(folder / "nodes.parquet")  # an index 3, 0, 1, 2 …: written as a column
    edges.to_parquet(folder / "edges.parquet")
    assert "__index_level_0__" in pq.read_schema(folder / "nodes.parquet").names
    back = graph.load(folder)
    assert list(back.nodes.columns) == list(ds.nodes.columns)
    assert back.nodes["id"].tolist() == nodes["id"].tolist()
    assert back.edges["sign"].tolist() == ds.edges["sign"].tolist()
    named = nodes.set_index("id")  # a named index is a real column: kept
    named.to_parquet(folder / "nodes.parquet")
    assert graph.load(folder).nodes["id"].tolist() == nodes["id"].tolist()


def test_one_table_in_each_format_loads(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    NODES.to_csv(folder / "nodes.csv", index=False)
    write_parquet_tables(NODES, EDGES, tmp_path / "pq")
    shutil.copy(tmp_path / "pq" / "edges.parquet", folder)
    assert graph.load(folder).edges["_line"].tolist() == [1]


# --- validation: every message names the file, the row and the column ------------------------


def test_a_bad_cell_names_the_parquet_file_row_and_column(tmp_path: Path) -> None:
    nodes = NODES.assign(type=["state", "statee"])
    edges = EDGES.assign(weight=["-2"])
    folder = folder_of(tmp_path, nodes, edges)
    errors = errors_of(folder)
    assert any(e.startswith("nodes.parquet row 2, column 'type': 'statee'") for e in errors)
    assert any(e.startswith("edges.parquet row 1, column 'weight': '-2'") for e in errors)
    result = invoke("validate", folder)
    assert result.exit_code == 1
    assert "nodes.parquet row 2, column 'type'" in result.output
    result = invoke("stats", folder)
    assert result.exit_code == 1
    assert "the dataset is invalid: 2 error(s)" in result.output


def test_duplicates_name_rows_not_lines(tmp_path: Path) -> None:
    nodes = pd.concat([NODES, NODES.iloc[[0]]], ignore_index=True)
    folder = folder_of(tmp_path, nodes, EDGES)
    report = graph.validate(folder)
    (dup,) = [str(i) for i in report.errors]
    assert dup.startswith("nodes.parquet row 3, column 'id'")
    assert "first defined on row 1" in dup
    assert report.issues[0].to_dict()["row"] == 3


def test_a_row_of_empty_cells_is_checked_not_skipped(tmp_path: Path) -> None:
    nodes = pa.table({"id": ["iran", None], "label": ["Iran", None], "type": ["state", None]})
    folder = folder_of(tmp_path, nodes, EDGES.assign(target=["iran"]))
    errors = errors_of(folder)
    assert "nodes.parquet row 2, column 'id': 'id' is empty; it is required [missing-value]" in (
        errors
    )


def test_text_that_is_not_utf8_names_its_row(tmp_path: Path) -> None:
    labels = pa.array([b"Iran", b"Taj\xffikistan"], pa.binary()).view(pa.string())
    nodes = pa.table({"id": NODES["id"], "label": labels, "type": NODES["type"]})
    errors = errors_of(folder_of(tmp_path, nodes, EDGES))
    assert errors == [
        "nodes.parquet row 2: column 'label' holds bytes that are not UTF-8 text; write it as "
        "UTF-8 [bad-parquet]"
    ]


@pytest.mark.parametrize(
    ("column", "values", "found"),
    [
        ("id", pa.array([1, 2]), "int64"),
        ("label", pa.array([[1.0], [2.0]]), "list<element: double>"),
        ("type", pa.array([b"state", b"state"]), "binary"),
        ("country", pa.array([datetime.date(2019, 1, 1)] * 2), "date32[day]"),
        ("extra", pa.array([{"a": 1}, {"a": 2}]), "struct<a: int64>"),
    ],
)
def test_a_column_of_a_wrong_type_is_one_error(
    tmp_path: Path, column: str, values: pa.Array, found: str
) -> None:
    nodes = pa.Table.from_pandas(NODES, preserve_index=False)
    if column in nodes.column_names:
        nodes = nodes.set_column(nodes.column_names.index(column), column, values)
    else:
        nodes = nodes.append_column(column, values)
    folder = folder_of(tmp_path, nodes, EDGES)
    (error,) = errors_of(folder)
    assert error.startswith(f"nodes.parquet, column '{column}': the column holds {found} values")
    assert error.endswith("[bad-column-type]")
    result = invoke("stats", folder)
    assert result.exit_code == 1 and f"column '{column}'" in result.output


@pytest.mark.parametrize(
    ("column", "values", "expected"),
    [
        ("weight", pa.array([[1.0]]), "expected text (string), integers, floats"),
        ("sign", pa.array([1.0]), "expected text (string), integers"),
        ("date", pa.array([datetime.datetime(2019, 6, 15)]), "pandas: df[col].dt.date"),
        ("id", pa.array([7]), "int64 values; expected text (string) [bad-column-type]"),
    ],
)
def test_edge_columns_enforce_their_types(
    tmp_path: Path, column: str, values: pa.Array, expected: str
) -> None:
    edges = pa.Table.from_pandas(EDGES, preserve_index=False)
    edges = edges.append_column(column, values) if column not in EDGES else edges
    if column in EDGES:
        edges = edges.set_column(edges.column_names.index(column), column, values)
    (error,) = errors_of(folder_of(tmp_path, NODES, edges))
    assert error.startswith(f"edges.parquet, column '{column}'") and expected in error


def test_a_missing_column_is_the_same_error_as_in_csv(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, NODES.rename(columns={"label": "lable"}), EDGES)
    assert errors_of(folder) == [
        "nodes.parquet, column 'label': required column 'label' is missing (did you mean "
        "'lable'?); the header is: id,lable,type [missing-column]"
    ]
    result = invoke("html", folder, "-o", tmp_path / "x.html")
    assert result.exit_code == 1 and "required column 'label' is missing" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"id,label,type\niran,Iran,state\n", "nodes.parquet: not a Parquet file: "),
        (b"", "nodes.parquet: the file is empty [empty-file]"),
        (None, "nodes.parquet: not a Parquet file: "),  # cut short: the first half of a file
    ],
)
def test_a_file_that_is_not_parquet_is_one_error(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    folder = folder_of(tmp_path, NODES, EDGES)
    path = folder / "nodes.parquet"
    path.write_bytes(content if content is not None else path.read_bytes()[:200])
    (error,) = errors_of(folder)
    assert error.startswith(expected)
    result = invoke("stats", folder)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert expected.split(":")[0] in result.output


def test_a_damaged_page_is_one_error(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, NODES, EDGES)
    path = folder / "nodes.parquet"
    data = bytearray(path.read_bytes())
    data[4:60] = b"\x00" * 56  # the first page header, after the magic bytes
    path.write_bytes(bytes(data))
    (error,) = errors_of(folder)
    assert error.startswith("nodes.parquet: the file cannot be read") and "[bad-parquet]" in error


def test_both_formats_of_one_table_is_an_error_naming_both(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, NODES, EDGES)
    EDGES.to_csv(folder / "edges.csv", index=False)
    (error,) = errors_of(folder)
    assert "both edges.csv and edges.parquet" in error and error.endswith("[duplicate-table]")
    result = invoke("stats", folder)
    assert result.exit_code == 1 and "edges.csv and edges.parquet" in result.output
    with pytest.raises(DataError, match="duplicate-table"):
        graph.load(folder)


def test_no_table_names_both_files(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, NODES, EDGES)
    (folder / "edges.parquet").unlink()
    (error,) = errors_of(folder)
    assert "edges.csv does not exist (nor does edges.parquet) [missing-file]" in error


def test_a_folder_named_like_a_table_is_a_usage_error(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, NODES, EDGES)
    (folder / "nodes.parquet").unlink()
    (folder / "nodes.parquet").mkdir()
    result = invoke("validate", folder)
    assert result.exit_code == 2 and "is a folder, not a file" in result.output


# --- writing ---------------------------------------------------------------------------------


def test_the_same_dataset_gives_the_same_bytes(tmp_path: Path) -> None:
    ds = graph.load()
    graph.export(ds, "parquet", tmp_path / "a")
    graph.export(ds, "parquet", tmp_path / "b")
    for name in ("nodes.parquet", "edges.parquet"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    metadata = pq.read_metadata(tmp_path / "a" / "edges.parquet")
    assert metadata.metadata is None  # no pandas or Arrow schema metadata
    assert metadata.row_group(0).column(0).compression == "ZSTD"


def test_parquet_table_keeps_text_that_is_not_a_number(tmp_path: Path) -> None:
    table = parquet_table(pd.DataFrame({"weight": ["1", "heavy"], "sign": ["1", "2.5"]}))
    assert table.schema.types == [pa.large_string(), pa.large_string()]
    table = parquet_table(pd.DataFrame({"weight": ["1", ""], "sign": [np.nan, 1.0]}))
    assert table.column("weight").to_pylist() == [1.0, None]
    assert table.column("sign").to_pylist() == [None, 1]


def test_export_cli_writes_parquet_and_replaces_a_csv_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke("export", "--format", "csv", "-o", out).exit_code == 0
    result = invoke("export", "--format", "parquet", "--types", "visit", "-o", out, "--force")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "dataset.toml",
        "edges.parquet",
        "nodes.parquet",
        "vocabulary.toml",
    ]
    assert set(graph.load(out).edges["type"]) == {"visit"}
    refused = invoke("export", "--format", "parquet", "--excel-safe", "-o", tmp_path / "x")
    assert refused.exit_code == 2 and "--excel-safe" in refused.output


@pytest.mark.skipif(not ICEWS.is_file(), reason="shared ICEWS sample not present")
def test_import_as_parquet_then_stats_and_html(tmp_path: Path) -> None:
    result = invoke("import", "icews", ICEWS, "--format", "parquet", "-o", tmp_path / "pq")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "pq").iterdir())
    assert names == [
        "dataset.toml",
        "edges.parquet",
        "import.json",
        "nodes.parquet",
        "vocabulary.toml",
    ]
    stats = invoke("stats", tmp_path / "pq", "--json")
    assert stats.exit_code == 0, stats.output
    page = invoke("html", tmp_path / "pq", "-o", tmp_path / "pq.html")
    assert page.exit_code == 0 and (tmp_path / "pq.html").stat().st_size > 10_000
    assert invoke("import", "icews", ICEWS, "-o", tmp_path / "csv").exit_code == 0
    assert_same_tables(graph.load(tmp_path / "csv"), graph.load(tmp_path / "pq"), 1)
    again = invoke("import", "icews", ICEWS, "-f", "parquet", "-o", tmp_path / "pq2")
    assert again.exit_code == 0
    for name in ("nodes.parquet", "edges.parquet"):
        assert (tmp_path / "pq" / name).read_bytes() == (tmp_path / "pq2" / name).read_bytes()
    bad = invoke("import", "icews", ICEWS, "--format", "xlsx", "-o", tmp_path / "x")
    assert bad.exit_code == 2 and "--format must be one of csv, parquet" in bad.output
