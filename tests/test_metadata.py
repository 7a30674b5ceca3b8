"""Dataset metadata (``dataset.toml``): loading, the title fallback, validation with lines,
writing it back, imports. Where the title is shown (pages, reports, notebooks, exports, all
escaped) is in test_metadata_shown.py; finding each key's line in test_toml_lines.py."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.errors import DataError, UsageError
from graph.model.metadata import (
    DatasetMetadata,
    metadata_toml,
    parse_metadata,
    read_metadata,
)

EVENTS = Path(__file__).parent / "data" / "events"
ICEWS = EVENTS / "icews_sample.tab"
GDELT2 = EVENTS / "gdelt2_sample.export.CSV"
runner = CliRunner()

NODES = """\
    id,label,type
    iran,Iran,state
    tajikistan,Tajikistan,state
    """
EDGES = """\
    source,target,type,date
    iran,tajikistan,visit,2019
    """
GOOD = """\
    # about the data
    title = "Two states"
    description = \"\"\"
    One visit.
    x = 1 is not a key here.\"\"\"
    sources = ["A", "B"]
    license = "CC0-1.0"
    author = "Me"
    created = 2021-04-20
    """


@pytest.fixture
def folder(make_dataset: Callable[..., Path]) -> Callable[[str], Path]:
    """A small dataset folder with the given ``dataset.toml`` text (dedented)."""

    def make(toml: str) -> Path:
        return make_dataset(NODES, EDGES, extra={"dataset.toml": toml})

    return make


def _found(report: graph.ValidationReport) -> list[tuple[str, str, int | None, str | None]]:
    return [(i.code.value, i.file, i.row, i.column) for i in report.issues]


# Loading


def test_bundled_dataset_has_its_metadata(bundled: graph.Dataset) -> None:
    meta = bundled.metadata
    assert meta.title == bundled.title == "Iran–Tajikistan relations"
    assert "Farzad Ramezani Bonesh" in meta.description and "2021" in meta.description
    assert len(meta.sources) == 2 and meta.sources[0].startswith("Farzad Ramezani Bonesh")
    assert meta.licence.startswith("GPL-3.0-or-later") and meta.author
    assert meta.created == dt.date(2026, 11, 29)
    assert bundled.report.issues == [] and bundled.name == "iran_tajikistan"


def test_every_key_is_read(folder: Callable[[str], Path]) -> None:
    ds = graph.load(folder(GOOD))
    assert ds.metadata == DatasetMetadata(
        title="Two states",
        description="One visit.\nx = 1 is not a key here.",
        sources=("A", "B"),
        licence="CC0-1.0",  # "license" is read as "licence"
        author="Me",
        created=dt.date(2021, 4, 20),
    )
    assert ds.report.issues == []


def test_without_the_file_the_title_is_the_name(make_dataset: Callable[..., Path]) -> None:
    ds = graph.load(make_dataset(NODES, EDGES, name="my_folder"))
    assert ds.metadata.empty and ds.metadata == DatasetMetadata()
    assert ds.title == ds.name == "my_folder"


def test_an_empty_title_falls_back_to_the_name(folder: Callable[[str], Path]) -> None:
    ds = graph.load(folder('title = "   "\nauthor = "Me"\n'))
    assert ds.metadata.title == "" and ds.title == "ds" and ds.metadata.author == "Me"


def test_from_frames_takes_metadata_or_a_mapping() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"]})
    assert graph.from_frames(nodes, edges, name="n").title == "n"
    meta = DatasetMetadata(title="T", sources=("S",))
    assert graph.from_frames(nodes, edges, metadata=meta).metadata is meta
    ds = graph.from_frames(nodes, edges, metadata={"title": "T", "created": dt.date(2020, 1, 2)})
    assert (ds.title, ds.metadata.created) == ("T", dt.date(2020, 1, 2))
    with pytest.raises(DataError) as caught:
        graph.from_frames(nodes, edges, metadata={"title": 3, "sources": "S", "colour": "red"})
    found = [(i.code.value, i.file, i.row, i.column) for i in caught.value.report.issues]
    assert found == [  # sorted by file, line, column
        ("unknown-metadata-key", "metadata", None, "colour"),
        ("bad-metadata", "metadata", None, "sources"),
        ("bad-metadata", "metadata", None, "title"),
    ]


def test_views_keep_the_metadata(bundled: graph.Dataset) -> None:
    meta = bundled.metadata
    assert bundled.filter(types=["visit"]).metadata is meta
    assert bundled.filter(start="2019", sign=1).title == "Iran–Tajikistan relations"
    assert bundled.with_tables(bundled.nodes, bundled.edges.head(3)).metadata is meta
    view, note = graph.render.data.limit_nodes(bundled, 5)
    assert note and view.metadata is meta


def test_merge_names_both_and_keeps_both_sources(bundled: graph.Dataset) -> None:
    nodes = pd.DataFrame({"id": ["IR"], "label": ["Iran"], "type": ["state"], "iso3": ["IRN"]})
    edges = pd.DataFrame({"source": ["IR"], "target": ["IR"], "type": ["talks"]})
    news = graph.from_frames(nodes, edges, name="news", metadata={"sources": ["News", "X"]})
    merged = graph.merge(bundled, news)
    assert merged.title == merged.name == "iran_tajikistan+news"
    assert merged.metadata.sources == (*bundled.metadata.sources, "News", "X")
    assert "news merged into Iran–Tajikistan relations" in merged.metadata.description
    plain = graph.from_frames(nodes, edges, name="plain")
    assert graph.merge(plain, plain, name="m").metadata.empty


# Validation: every problem with its file, line, key, value and what was expected

CASES = [
    ("title = 42\n", 1, "title", "42", 'must be a string (title = "…"), not an integer: 42'),
    ('title = "T"\ndescription = ["a"]\n', 2, "description", '["a"]', "not a list"),
    ('# a list\nsources = "ICEWS"\n', 2, "sources", '"ICEWS"', 'write sources = ["ICEWS"]'),
    ('sources = ["a", 3]\n', 1, "sources", "3", "item 2 must be a string, not an integer: 3"),
    ("sources = 3.5\n", 1, "sources", "3.5", "must be a list of strings"),
    ("licence = true\n", 1, "licence", "true", "must be a string"),
    ("license = 1\n", 1, "license", "1", "not an integer"),
    ('author = {name = "x"}\n', 1, "author", '{name = "x"}', "not a table"),
    ('created = "2021-04-20"\n', 1, "created", '"2021-04-20"', "without quotes: created ="),
    ("created = 2021-04-20T10:00:00\n", 1, "created", "2021-04-20T10:00:00", "day alone"),
    ("created = 2021\n", 1, "created", "2021", "must be a date (created = 2021-04-20"),
    ("created = 10:30:00\n", 1, "created", "10:30:00", "not a time"),
    ('licence = "A"\nlicense = "B"\n', 2, "license", '"B"', "'licence' or 'license', not both"),
]


@pytest.mark.parametrize(("text", "line", "key", "value", "message"), CASES)
def test_a_wrong_value_is_an_error_with_its_line_and_key(
    folder: Callable[[str], Path], text: str, line: int, key: str, value: str, message: str
) -> None:
    report = graph.validate(folder(text))
    (issue,) = report.errors
    assert (issue.code, issue.file, issue.row, issue.column) == (
        "bad-metadata",
        "dataset.toml",
        line,
        key,
    )
    assert issue.value == value and message in issue.message, issue.message
    assert str(issue).startswith(f"dataset.toml line {line}, column '{key}': ")
    with pytest.raises(DataError):
        graph.load(folder(text))


def test_unknown_keys_are_warnings_with_their_lines(folder: Callable[[str], Path]) -> None:
    text = 'titel = "T"\n\n"odd key" = 1\ncolour.name = "red"\n[extra]\ntitle = "inside"\n'
    ds = graph.load(folder(text))  # warnings only: it loads
    assert _found(ds.report) == [
        ("unknown-metadata-key", "dataset.toml", 1, "titel"),
        ("unknown-metadata-key", "dataset.toml", 3, "odd key"),
        ("unknown-metadata-key", "dataset.toml", 4, "colour"),
        ("unknown-metadata-key", "dataset.toml", 5, "extra"),
    ]
    assert all(i.severity == "warning" for i in ds.report.issues)
    assert "did you mean 'title'?" in ds.report.issues[0].message
    assert ds.title == "ds"  # the misspelt title is not used


def test_lines_count_multi_line_values(folder: Callable[[str], Path]) -> None:
    text = textwrap.dedent(
        """\
        description = '''
        title = 1
        '''
        sources = [
          "a",   # a comment ] with a bracket
          "b\\"]",
        ]
        author = \"\"\"x
        y = 2\"\"\"\"\"
        created = "soon"
        """
    )
    report = graph.validate(folder(text))
    assert _found(report) == [("bad-metadata", "dataset.toml", 10, "created")]
    assert graph.load(folder(text.replace('"soon"', "2020-01-01"))).metadata.author == 'x\ny = 2""'


def test_a_toml_syntax_error_is_one_error_with_its_line(folder: Callable[[str], Path]) -> None:
    report = graph.validate(folder('title = "T"\n\nsources = ["a",\nauthor = "x"\n'))
    (issue,) = report.issues
    assert (issue.code, issue.file, issue.row, issue.column) == (
        "bad-metadata",
        "dataset.toml",
        4,
        None,
    )
    assert issue.message.startswith("not valid TOML: ") and "(column" in issue.message


def test_bytes_that_are_not_utf8_are_an_error_with_their_line(
    folder: Callable[[str], Path],
) -> None:
    path = folder('title = "T"\n') / "dataset.toml"
    path.write_bytes(b'title = "T"\nauthor = "Caf\xe9"\n')
    (issue,) = graph.validate(path.parent).issues
    assert (issue.code, issue.row) == ("bad-metadata", 2) and "UTF-8" in issue.message


def test_a_utf8_bom_is_accepted(folder: Callable[[str], Path]) -> None:
    path = folder('title = "T"\n') / "dataset.toml"
    path.write_bytes(b'\xef\xbb\xbftitle = "T"\n')
    assert graph.load(path.parent).title == "T"


def test_metadata_problems_are_collected_with_the_csv_ones(
    make_dataset: Callable[..., Path],
) -> None:
    bad_edges = EDGES + "    iran,tajikstan,talks,2019\n"
    folder = make_dataset(NODES, bad_edges, extra={"dataset.toml": "created = 1\ntitel = 2\n"})
    assert _found(graph.validate(folder)) == [
        ("bad-metadata", "dataset.toml", 1, "created"),
        ("unknown-metadata-key", "dataset.toml", 2, "titel"),
        ("dangling-edge", "edges.csv", 3, "target"),
    ]
    extra = {"dataset.toml": "created = 1\n", "vocabulary.toml": "[edge_types.x]\nsign = 5\n"}
    folder = make_dataset(NODES, EDGES, name="v", extra=extra)
    assert [i.code.value for i in graph.validate(folder).issues] == [
        "bad-metadata",
        "bad-vocabulary",
    ]


def test_something_else_than_a_file_is_a_usage_error(make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(NODES, EDGES)
    (folder / "dataset.toml").mkdir()
    with pytest.raises(UsageError, match=r"dataset\.toml is a folder, not a file"):
        graph.validate(folder)
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 2


def test_cli_validate_exit_codes_and_lines(folder: Callable[[str], Path]) -> None:
    bad = runner.invoke(app, ["validate", str(folder('title = "T"\ncreated = "2021"\n'))])
    assert bad.exit_code == 1
    (line,) = [x for x in bad.stderr.splitlines() if x.startswith("error:")]
    assert line.startswith("error: dataset.toml line 2, column 'created': must be a date")
    assert line.endswith("[bad-metadata]")
    warned = runner.invoke(app, ["validate", str(folder('title = "T"\nowner = "me"\n'))])
    assert warned.exit_code == 0, warned.output
    assert "dataset.toml line 2, column 'owner'" in warned.output
    as_json = runner.invoke(app, ["validate", "--json", str(folder("title = 1\n"))])
    data = json.loads(as_json.stdout)
    assert as_json.exit_code == 1 and data["counts"] == {"bad-metadata": 1}
    assert data["issues"][0]["row"] == 1 and data["issues"][0]["column"] == "title"


# Parsing and writing


def test_written_metadata_reads_back() -> None:
    meta = DatasetMetadata(
        title='Say "hi" \\ there',
        description='Line one.\nLine "two" with \'\'\' and """ inside.',
        sources=("a, b", 'c "d"'),
        licence="CC-BY-4.0",
        author="Тест",
        created=dt.date(1991, 9, 9),
    )
    text = metadata_toml(meta, comment="written\nby a test")
    assert text.startswith("# written by a test\ntitle = ")
    assert parse_metadata(text) == (meta, [])
    assert metadata_toml(DatasetMetadata()) == "\n"


@given(
    st.text().map(str.strip),
    st.text().map(str.strip),
    st.lists(st.text().map(str.strip).filter(bool), max_size=3),
    st.dates(),
)
def test_any_text_round_trips(title: str, description: str, sources: list, day: dt.date) -> None:
    def clean(text: str) -> str:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text).strip()

    meta = DatasetMetadata(title, description, tuple(sources), created=day)
    expected = DatasetMetadata(
        clean(title),
        clean(description),
        tuple(clean(s) for s in sources if clean(s)),
        created=day,
    )
    assert parse_metadata(metadata_toml(meta).encode("utf-8")) == (expected, [])


def test_read_metadata_of_a_folder_without_the_file(tmp_path: Path) -> None:
    assert read_metadata(tmp_path) == (DatasetMetadata(), [])


# Writing dataset folders


def test_export_csv_writes_the_metadata_back(bundled: graph.Dataset, tmp_path: Path) -> None:
    graph.export(bundled.filter(types=["visit"]), "csv", tmp_path / "visits")
    copy = graph.load(tmp_path / "visits")
    assert copy.metadata == bundled.metadata and copy.title == "Iran–Tajikistan relations"


def test_export_csv_of_a_dataset_without_metadata_drops_a_stale_file(
    folder: Callable[[str], Path], make_dataset: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    graph.write_dataset(graph.load(folder(GOOD)), out)
    assert graph.load(out).metadata.licence == "CC0-1.0"
    text = (out / "dataset.toml").read_text(encoding="utf-8")
    assert "licence = " in text and "license" not in text
    graph.write_dataset(graph.load(make_dataset(NODES, EDGES, name="bare")), out)
    assert not (out / "dataset.toml").exists()


def test_import_writes_what_was_imported_and_how(tmp_path: Path) -> None:
    result = graph.import_icews(ICEWS, tmp_path / "a", aggregate="day", countries=["IRN"])
    again = graph.import_icews(ICEWS, tmp_path / "b", aggregate="day", countries=["IRN"])
    first = (tmp_path / "a" / "dataset.toml").read_bytes()
    assert first == (tmp_path / "b" / "dataset.toml").read_bytes() and result.metadata == (
        again.metadata
    )
    meta = graph.load(tmp_path / "a").metadata
    assert meta == result.metadata
    assert re.fullmatch(r"ICEWS events, 2018-06-0\d to 2018-06-0\d", meta.title)
    assert meta.created == dt.date.fromisoformat(meta.title[-10:])  # the last event, not today
    assert meta.sources == ("ICEWS",)
    assert ICEWS.name in meta.description and f"{result.summary.rows_read} read" in meta.description
    assert "countries = IRN; aggregate = day" in meta.description
    assert result.dataset().title == meta.title
    assert graph.load(tmp_path / "a").title == meta.title


def test_gdelt_import_names_its_version_and_span(tmp_path: Path) -> None:
    result = graph.import_gdelt(GDELT2, tmp_path / "g")
    meta = graph.load(tmp_path / "g").metadata
    assert meta.sources == ("GDELT 2.0 event export",) and meta.title.startswith("GDELT events, ")
    assert "defaults" in meta.description and meta.created is not None
    assert meta.created.isoformat() in meta.title and result.metadata == meta


def test_an_import_that_keeps_nothing_says_so(tmp_path: Path) -> None:
    result = graph.import_icews(ICEWS, tmp_path / "none", start="2030")
    assert result.metadata.title == "ICEWS events (none imported)"
    assert result.metadata.created is None and "start = 2030" in result.metadata.description
