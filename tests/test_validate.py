"""Validation: every code, with the right file, line and column, collected in one report."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph
from graph.errors import DataError
from graph.issue_codes import CODES

BROKEN = Path(__file__).parent / "data" / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())

NODES = """\
    id,label,type,country
    iran,Iran,state,
    tajikistan,Tajikistan,state,
    rouhani,Hassan Rouhani,person,iran
    """
EDGES = """\
    source,target,type,date
    rouhani,tajikistan,visit,2019
    iran,tajikistan,dispute,2015-12
    """


def _expected(case: str) -> tuple[str, str, int | None, str | None]:
    code, file, row, column = (BROKEN / case / "expected.txt").read_text().rstrip("\n").split("\t")
    return code, file, int(row) if row else None, column or None


def test_every_error_code_has_a_broken_folder() -> None:
    codes = {_expected(c)[0] for c in CASES}
    assert codes == {
        code
        for code, info in CODES.items()
        if info.severity == "error" and "validate" in info.found_by
    }


@pytest.mark.parametrize("case", CASES)
def test_broken_folder_reports_its_one_problem(case: str) -> None:
    code, file, row, column = _expected(case)
    report = graph.validate(BROKEN / case)
    assert not report.valid
    assert [(i.code, i.file, i.row, i.column) for i in report.errors] == [(code, file, row, column)]
    with pytest.raises(DataError) as caught:
        graph.load(BROKEN / case)
    assert caught.value.report.errors == report.errors


def test_messages_name_the_value_and_a_fix() -> None:
    (issue,) = graph.validate(BROKEN / "dangling-edge").errors
    assert issue.value == "tajikstan"
    assert "did you mean 'tajikistan'" in issue.message
    (issue,) = graph.validate(BROKEN / "unknown-type").errors
    assert "did you mean 'visit'" in issue.message and issue.value == "vistit"
    (issue,) = graph.validate(BROKEN / "wrong-delimiter").errors
    assert "';'-separated" in issue.message


def test_all_problems_collected_at_once(make_dataset) -> None:
    folder = make_dataset(
        NODES + "    iran,Iran,state,\n    x,X,statee,\n",
        EDGES + "    iran,nowhere,visit,2019-02-30\n    iran,tajikistan,talks,2019\n",
    )
    report = graph.validate(folder)
    found = [(i.code, i.row, i.column) for i in report.errors]
    assert ("duplicate-id", 5, "id") in found
    assert ("unknown-type", 6, "type") in found
    assert ("dangling-edge", 4, "target") in found
    assert ("bad-date", 4, "date") in found  # February 30th does not exist
    assert len(found) == 4


def test_bom_is_accepted(make_dataset) -> None:
    folder = make_dataset(NODES, EDGES)
    nodes = folder / "nodes.csv"
    nodes.write_bytes(b"\xef\xbb\xbf" + nodes.read_bytes())
    ds = graph.load(folder)
    assert list(ds.nodes["id"]) == ["iran", "tajikistan", "rouhani"]


def test_warnings_do_not_fail(make_dataset) -> None:
    folder = make_dataset(
        NODES + "    lonely,Lonely,state,\n",
        EDGES + "    iran,iran,talks,2019\n    rouhani,tajikistan,visit,2019\n",
    )
    ds = graph.load(folder)
    warned = sorted((i.code, i.file, i.row) for i in ds.report.warnings)
    assert warned == [
        ("duplicate-edge", "edges.csv", 5),
        ("isolated-node", "nodes.csv", 5),
        ("self-loop", "edges.csv", 4),
    ]


def test_spreadsheet_rows_of_empty_cells_are_ignored(make_dataset) -> None:
    folder = make_dataset(NODES + "    ,,,\n    ,,,\n", EDGES + "    ,,,\n    ,,talks,2019\n")
    report = graph.validate(folder)
    got = sorted((i.code, i.row, i.column) for i in report.issues)
    assert got == [("missing-value", 5, "source"), ("missing-value", 5, "target")]  # no self-loop


def test_line_numbers_follow_multiline_quoted_cells(make_dataset) -> None:
    edges = (
        "source,target,type,date,evidence\n"
        'rouhani,tajikistan,visit,2019,"first line\nsecond line"\n'
        "iran,tajikistan,visit,2019-99,x\n"
    )
    folder = make_dataset(NODES, "")
    (folder / "edges.csv").write_text(edges)
    (issue,) = graph.validate(folder).errors
    assert (issue.code, issue.row) == ("bad-date", 4)


def test_types_and_labels_are_normalized(make_dataset) -> None:
    folder = make_dataset(
        "id,label,type\n a , ,State\nb,B,Armed group\n",
        "Source,Target,Type\na,b,Conflict\n",
    )
    ds = graph.load(folder)
    assert ds.nodes[["id", "label", "type"]].values.tolist() == [
        ["a", "a", "state"],
        ["b", "B", "armed-group"],
    ]
    assert ds.edges["type"].tolist() == ["conflict"]


def test_second_source_column_is_the_citation(make_dataset) -> None:
    folder = make_dataset(NODES, "source,target,type,source\niran,tajikistan,talks,Article 2021\n")
    assert graph.load(folder).edges["citation"].tolist() == ["Article 2021"]


def test_country_may_be_an_iso3_code(make_dataset) -> None:
    folder = make_dataset(
        "id,label,type,country,iso3\niran,Iran,state,,IRN\nzarif,Zarif,person,irn,\n",
        "source,target,type\nzarif,iran,office\n",
    )
    assert graph.load(folder).nodes["country"].tolist() == ["", "iran"]


def test_negative_weight_and_signs(make_dataset) -> None:
    folder = make_dataset(
        NODES,
        "source,target,type,weight,sign\niran,tajikistan,talks,-2,\n"
        "iran,tajikistan,talks,2.5,-1\niran,tajikistan,dispute,,+1\n",
    )
    (issue,) = graph.validate(folder).errors
    assert (issue.code, issue.row, issue.value) == ("bad-weight", 2, "-2")
    (folder / "edges.csv").write_text(
        "source,target,type,weight,sign\niran,tajikistan,talks,2.5,-1\n"
        "iran,tajikistan,dispute,,\niran,tajikistan,dispute,,+1\n"
    )
    edges = graph.load(folder).edges
    assert edges["weight"].tolist() == [2.5, 1.0, 1.0]
    assert edges["sign"].tolist() == [-1, -1, 1]


def test_duplicate_edge_ids_are_errors(make_dataset) -> None:
    folder = make_dataset(
        NODES, "id,source,target,type\ne1,iran,tajikistan,talks\ne1,iran,tajikistan,visit\n"
    )
    (issue,) = graph.validate(folder).errors
    assert (issue.code, issue.row, issue.column) == ("duplicate-id", 3, "id")


def test_report_as_json_dict() -> None:
    report = graph.validate(BROKEN / "bad-sign")
    data = report.to_dict()
    assert data["valid"] is False and data["errors"] == 1
    assert data["issues"][0]["code"] == "bad-sign" and data["issues"][0]["row"] == 4


@pytest.mark.parametrize(
    "nodes, edges, expected",
    [
        ("id,label,type\n,Nameless,state\nb,B,state\n", "source,target,type\nb,b,talks\n",
         ("missing-value", "nodes.csv", 2, "id")),
        ("id,label,type\na,A,state\n", "source,target,type\na,,talks\n",
         ("missing-value", "edges.csv", 2, "target")),
        ("id,label,type,iso3\na,A,state,IR\n", "source,target,type\na,a,talks\n",
         ("bad-iso3", "nodes.csv", 2, "iso3")),
        ("id,label,type,label\na,A,state,B\n", "source,target,type\na,a,talks\n",
         ("duplicate-column", "nodes.csv", 1, "label")),
        ("id,label,type\na,A,state\n", 'source,target,type\na,"a,talks\n',
         ("bad-csv", "edges.csv", 2, None)),
    ],
)  # fmt: skip
def test_other_codes(make_dataset, nodes: str, edges: str, expected: tuple) -> None:
    report = graph.validate(make_dataset(nodes, edges))
    assert [(i.code, i.file, i.row, i.column) for i in report.errors] == [expected]


def test_more_warnings_and_hints(make_dataset) -> None:
    folder = make_dataset(
        "id,label,type,country\nb,B,state,\nc,C,organization,\nd,D,person,c\n",
        "id,source,target,type\nx,b,d,talks\nx,b,c,talks\ny,bb,c,talks\n",
    )
    report = graph.validate(folder)
    warned = [(i.code, i.row, i.message) for i in report.warnings]
    assert ("country-not-state", 4, "'c' is an organization node, not a state; 'country' "
            "should name a state") in warned  # fmt: skip
    messages = {i.code: i.message for i in report.errors}
    assert messages["duplicate-id"] == "edge id 'x' is used twice (first on line 2)"
    assert "did you mean 'b'?" in messages["dangling-edge"]


def test_header_only_files_warn(make_dataset) -> None:
    report = graph.validate(make_dataset("id,label,type\n", "source,target,type\n"))
    assert report.valid
    assert sorted((i.code, i.file) for i in report.warnings) == [
        ("no-rows", "edges.csv"),
        ("no-rows", "nodes.csv"),
    ]


def test_duplicate_rows_name_the_first(make_dataset) -> None:
    folder = make_dataset(NODES, EDGES + "    iran,tajikistan,dispute,2015-12\n")
    (issue,) = graph.load(folder).report.warnings
    assert (issue.code, issue.row) == ("duplicate-edge", 4)
    assert "first on line 3" in issue.message
