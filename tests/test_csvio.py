"""Reading CSV bytes: encodings, delimiters, extra fields and line numbers."""

from __future__ import annotations

from pathlib import Path

from graph.loading.csv_reader import read_table


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    return path


def test_lines_skip_blank_rows_and_follow_quoted_newlines(tmp_path: Path) -> None:
    path = _write(tmp_path, b'a,b\n1,2\n\n"x\ny",3\n4,5\n')
    table = read_table(path, required=("a", "b"))
    assert table.frame["_line"].tolist() == [2, 4, 6]
    assert table.frame["a"].tolist() == ["1", "x\ny", "4"]


def test_every_row_with_extra_fields_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, b"a,b\n1,2\n3,4,5\n6,7\n8,9,10,11\n")
    table = read_table(path, required=("a",))
    assert [(i.code, i.row, i.value) for i in table.issues] == [
        ("extra-fields", 3, "3"),
        ("extra-fields", 5, "4"),
    ]
    assert table.frame["a"].tolist() == ["1", "6"]


def test_crlf_and_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbfa,b\r\n1,2\r\n3,4\r\n")
    table = read_table(path, required=("a", "b"))
    assert table.issues == []
    assert table.frame[["a", "b", "_line"]].values.tolist() == [["1", "2", 2], ["3", "4", 3]]


def test_tab_separated_is_named(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, b"a\tb\n1\t2\n"), required=("a",))
    assert [(i.code, i.row) for i in table.issues] == [("wrong-delimiter", 1)]
    assert "tab-separated" in table.issues[0].message


def test_unclosed_quote_is_an_issue_not_a_crash(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, b'a,b\n1,"open\n2,3\n'), required=("a",))
    assert [i.code for i in table.issues] == ["bad-csv"] and not table.ok


def test_header_names_are_matched_loosely(tmp_path: Path) -> None:
    table = read_table(
        _write(tmp_path, b" ID ,Label,Type,Extra Col\nx,X,state,1\n"),
        required=("id", "label", "type"),
    )
    assert list(table.frame.columns) == ["id", "label", "type", "Extra Col", "_line"]


def test_first_row_with_extra_fields_does_not_shift_the_others(tmp_path: Path) -> None:
    path = _write(tmp_path, b"a,b,c\n1,2,Paris, France\n3,4,5\n\n6,7,8,9\n")
    table = read_table(path, required=("a",))
    assert [(i.code, i.row, i.value) for i in table.issues] == [
        ("extra-fields", 2, "4"),
        ("extra-fields", 5, "4"),
    ]
    assert table.frame[["a", "b", "c", "_line"]].values.tolist() == [["3", "4", "5", 3]]


def test_unclosed_quote_names_its_line(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, b'a,b\n1,2\n3,"open\n4,5\n'), required=("a",))
    assert [(i.code, i.row) for i in table.issues] == [("bad-csv", 3)]
