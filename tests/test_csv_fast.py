"""The Arrow reader for well-formed files gives exactly what the careful reader gives."""

from __future__ import annotations

import csv
import io
import string
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.loading import csv_reader as csvio
from graph.loading.csv_fast import parse_well_formed, quotes_pair_up_per_line
from graph.loading.csv_reader import read_table

NAMES = ["source", "target", "description"]

WELL_FORMED = {
    "plain": b"source,target,description\na,b,met\nb,c,signed\n",
    "quoted commas and doubled quotes": (
        b'source,target,description\na,b,"met, then ""agreed"""\nb,c,""\n'
    ),
    "crlf and bom": b"\xef\xbb\xbfsource,target,description\r\na,b,x\r\nb,c,y\r\n",
    "old mac line ends": b"source,target,description\ra,b,x\rb,c,y\r",
    "no final newline": b"source,target,description\na,b,x\nb,c,y",
    "unicode": "source,target,description\nایران,تاجیکستان,دیدار 🇮🇷\né,ü,«quote»\n".encode(),
    "spaces and empty cells": b"source,target,description\n a , b ,  \nc,,\n",
    "space before a quote": b'source,target,description\na, "b",x\n',
    "header only": b"source,target,description\n",
    "blank lines at the end": b"source,target,description\r\na,b,x\r\n\r\n\r\n",
    "text after a closing quote": b'source,target,description\na,"b"c,"x"  \n',
    "quotes inside unquoted cells": b'source,target,description\na,b"c",d""e\n',
}

NOT_WELL_FORMED = {
    "blank line": b"source,target,description\na,b,x\n\nb,c,y\n",
    "whitespace line": b"source,target,description\na,b,x\n   \nb,c,y\n",
    "cell over two lines": b'source,target,description\na,b,"x\ny"\n',
    "unclosed quote": b'source,target,description\na,b,"x\n',
    "short row": b"source,target,description\na,b\n",
    "long row": b"source,target,description\na,b,c,d\n",
    "not utf-8": b"source,target,description\na,b,caf\xe9\n",
    "same width lines joined by a quote": b'source,target,description\na,b,"x\nc,d,y"\n',
}


def _careful(data: bytes) -> list[list[str]]:
    """What the pandas-based reader of graph.loading.csv_reader gives (the reference)."""
    text = data.decode("utf-8-sig")
    if "\r" in text and "\n" not in text:
        data = text.replace("\r", "\n").encode()
    return csvio._parse(data, NAMES).astype(str).values.tolist()


@pytest.mark.parametrize("name", sorted(WELL_FORMED))
def test_well_formed_files_read_the_same_as_the_careful_reader(name: str) -> None:
    data = WELL_FORMED[name]
    fast = parse_well_formed(data, NAMES)
    assert fast is not None
    assert fast.astype(str).values.tolist() == _careful(data)


@pytest.mark.parametrize("name", sorted(NOT_WELL_FORMED))
def test_anything_doubtful_goes_to_the_careful_reader(name: str) -> None:
    assert parse_well_formed(NOT_WELL_FORMED[name], NAMES) is None


def test_categorical_columns_hold_the_same_cells() -> None:
    data = WELL_FORMED["quoted commas and doubled quotes"]
    fast = parse_well_formed(data, NAMES, categorical=("source", "target"))
    assert fast is not None
    assert isinstance(fast["source"].dtype, pd.CategoricalDtype)
    assert fast["description"].dtype == "str"
    assert fast.astype(str).values.tolist() == _careful(data)


def test_quote_parity_is_counted_per_line() -> None:
    assert quotes_pair_up_per_line(b'a,"b"\n"c",d\n')
    assert not quotes_pair_up_per_line(b'a,"b\n",d\n')
    assert not quotes_pair_up_per_line(b'a,"b\r",d\r')


def test_rows_of_empty_cells_are_skipped_like_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"a,b\r\n1,2\r\n,\r\n , \r\n3,\r\n,,\r\n")  # as spreadsheets save them
    table = read_table(path, required=("a",))
    assert table.frame[["a", "b", "_line"]].values.tolist() == [["1", "2", 2], ["3", "", 5]]
    assert [i.code for i in table.issues] == ["extra-fields"]  # ",," is one field too many


def test_read_table_numbers_lines_the_same_on_both_paths(tmp_path: Path) -> None:
    fast = tmp_path / "fast.csv"
    fast.write_bytes(b"a,b\n1,2\n3,4\n")
    careful = tmp_path / "careful.csv"
    careful.write_bytes(b"a,b\n1,2\n\n3,4\n")  # a blank line: the careful path
    assert read_table(fast, required=("a",)).frame["_line"].tolist() == [2, 3]
    assert read_table(careful, required=("a",)).frame["_line"].tolist() == [2, 4]


def _write_folder(folder: Path, edges: bytes) -> Path:
    folder.mkdir()
    (folder / "nodes.csv").write_text("id,label,type\na,A,state\nb,B,state\nc,C,person\n")
    (folder / "edges.csv").write_bytes(edges)
    return folder


def test_a_dataset_loads_to_identical_tables_on_both_paths(tmp_path: Path) -> None:
    rows = (
        b"source,target,type,date,weight,description,note\n"
        b'a,b,visit,2019,2," met, then ""agreed"" ",x\n'
        b"b,c,dispute,2015-12,,quarrel,\n"
        b"c,a,office,,,,y\n"
    )
    fast = graph.load(_write_folder(tmp_path / "fast", rows))
    careful = graph.load(_write_folder(tmp_path / "careful", rows + b"\n\n"))
    pd.testing.assert_frame_equal(fast.edges, careful.edges)
    pd.testing.assert_frame_equal(fast.nodes, careful.nodes)
    assert fast.edges["description"].tolist() == ['met, then "agreed"', "quarrel", ""]
    assert fast.edges["id"].tolist() == ["e2", "e3", "e4"]
    text_columns = ["description", "evidence", "citation", "note", "id"]
    assert (fast.edges[text_columns].dtypes == "str").all()
    assert all(fast.edges[c].dtype == "object" for c in ("source", "target", "type", "date"))


_cell = st.text(string.ascii_letters + ' ,"\n\r;é–', max_size=6)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_cell, min_size=3, max_size=3), max_size=6),
    st.sampled_from(["\n", "\r\n"]),
)
def test_any_csv_written_by_the_csv_module_reads_back(tmp_path_factory, rows, end) -> None:
    """Whatever path reads it, the cells and their lines come back as written."""
    if end == "\n":  # the csv module quotes only the line end's characters: keep \r out
        rows = [[cell.replace("\r", "") for cell in row] for row in rows]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=end)
    writer.writerow(NAMES)
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(buffer.getvalue().encode())
    table = read_table(path, required=tuple(NAMES))
    assert table.issues == []
    kept, lines, line = [], [], 2
    for row in rows:
        if any(cell.strip() for cell in row):  # rows of empty cells are skipped like blank lines
            kept.append(row)
            lines.append(line)
        line += sum(cell.count("\n") for cell in row) + 1
    assert table.frame[NAMES].astype(str).values.tolist() == kept
    assert table.frame["_line"].tolist() == lines
    multi_line = any("\n" in c or "\r" in c for row in rows for c in row)
    blank = any(not any(c.strip() for c in row) for row in rows)  # skipped rows: careful path
    fast = parse_well_formed(path.read_bytes(), NAMES) is not None
    assert fast == (not multi_line and not blank)
