"""GDELT import: 2.0 and 1.0 rows written here, every row imported or reported, options."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graph
from graph.errors import DataError, UsageError
from graph.exchange.importers import ImportOptions, import_gdelt

EVENTS = Path(__file__).parent / "data" / "events"
GDELT2 = EVENTS / "gdelt2_sample.export.CSV"
GDELT1 = EVENTS / "gdelt1_mixed.CSV"

IRN = ("IRN", "IRAN", "IRN", "", "")
TJK = ("TJK", "TAJIKISTAN", "TJK", "", "")


def gdelt_row(
    event_id: str,
    day: str,
    a1: tuple[str, ...],
    a2: tuple[str, ...],
    code: str,
    score: str = "1.0",
    mentions: str = "3",
    width: int = 61,
) -> str:
    """One GDELT row: actors are (code, name, country, known group, type1)."""
    fields = [""] * width
    fields[0], fields[1] = event_id, day
    for base, (actor, name, country, group, kind) in ((5, a1), (15, a2)):
        fields[base : base + 4] = [actor, name, country, group]
        fields[base + 7] = kind
    fields[26], fields[29], fields[30], fields[31] = code, "1", score, mentions
    if width in (58, 61):
        fields[-1] = f"https://news.example.org/{event_id}"
    return "\t".join(fields)


def write(tmp_path: Path, rows: list[str], name: str = "x.export.CSV", end: str = "\n") -> Path:
    path = tmp_path / name
    path.write_text(end.join(rows) + end, encoding="utf-8")
    return path


def located(result: graph.exchange.importers.ImportResult) -> list[tuple[int | None, str]]:
    return [(i.row, i.code) for i in result.summary.issues]


def test_gdelt2_every_row_is_imported_or_reported() -> None:
    result = import_gdelt(GDELT2)
    s = result.summary
    assert s.rows_read == 16 and s.imported == 8
    assert s.dropped == {"no-actor": 1, "no-country": 1, "same-actor": 1}
    assert s.skipped == {
        "bad-code": 1,
        "bad-date": 1,
        "duplicate-event": 1,
        "extra-fields": 1,
        "missing-fields": 1,
    }
    assert s.consistent and s.filtered == {}
    assert located(result) == [
        (11, "bad-code"),
        (12, "bad-date"),
        (13, "extra-fields"),
        (14, "duplicate-event"),
        (16, "missing-fields"),
    ]
    assert all(i.file == GDELT2.name for i in s.issues)


def test_gdelt2_edges_keep_codes_scores_and_provenance() -> None:
    edges = import_gdelt(GDELT2, link=False).edges.set_index("id")
    visit = edges.loc["gdelt-1001"]
    assert (visit["source"], visit["target"], visit["type"], visit["date"]) == (
        "iran",
        "tajikistan",
        "visit",
        "2019-10-24",
    )
    assert visit["citation"] == "https://news.example.org/1001"
    assert (visit["cameo"], visit["goldstein"], visit["mentions"]) == ("042", "1.9", "10")
    hosted = edges.loc["gdelt-1002"]  # 043: Actor1 (Tajikistan) hosts Actor2 (Iran)
    assert (hosted["source"], hosted["target"], hosted["type"]) == ("iran", "tajikistan", "visit")
    fight = edges.loc["gdelt-1005"]
    assert (fight["weight"], fight["sign"], fight["goldstein"]) == ("10", "-1", "-10")
    assert edges.loc["gdelt-1004", "cameo"] == "0311"  # four digits, zero kept
    assert edges.loc["gdelt-1004", "type"] == "pledge"
    assert edges.loc["gdelt-1008", "cameo"] == "040"
    assert '"OPPOSITION"' in edges.loc["gdelt-1009", "description"]


def test_gdelt2_actors_become_states_bodies_and_organizations() -> None:
    nodes = import_gdelt(GDELT2).nodes.set_index("id")
    assert nodes.loc["iran", "iso3"] == "IRN" and nodes.loc["iran", "type"] == "state"
    assert "Islamic Republic of Iran" in nodes.loc["iran", "aliases"].split(";")
    assert nodes.loc["iran_gov", ["type", "country", "label"]].tolist() == [
        "institution",
        "iran",
        "Iran: Government",
    ]
    assert nodes.loc["tajikistan_opp", "type"] == "party"
    assert nodes.loc["cis", ["type", "label"]].tolist() == [
        "organization",
        "Commonwealth of Independent States",
    ]
    assert nodes.loc["china", "type"] == "state"  # the state of china_mil, linked to it


def test_gdelt1_mixes_57_and_58_field_rows() -> None:
    result = import_gdelt(GDELT1, link=False)
    assert result.summary.rows_read == 7 and result.summary.consistent
    assert located(result) == [(7, "missing-fields")]
    edges = result.edges.set_index("id")
    assert edges.loc["gdelt-2001", "citation"] == "https://news.example.org/2001"
    assert edges.loc["gdelt-2002", "citation"] == "GDELT event 2002"  # backfile: no URL
    assert edges.loc["gdelt-2002", ["source", "target"]].tolist() == ["iran", "tajikistan"]
    assert edges.loc["gdelt-2003", ["cameo", "type"]].tolist() == ["0871", "concession"]


def test_output_folder_validates_and_is_deterministic(tmp_path: Path) -> None:
    first = import_gdelt([GDELT2, GDELT1], tmp_path / "a")
    import_gdelt([GDELT2, GDELT1], tmp_path / "b")
    assert first.path == tmp_path / "a"
    for name in ("nodes.csv", "edges.csv", "vocabulary.toml", "import.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    report = graph.validate(tmp_path / "a")
    assert report.valid, report.errors
    loaded = graph.load(tmp_path / "a")
    assert len(loaded.edges) == first.summary.edges and len(loaded.nodes) == first.summary.nodes
    assert loaded.edges.set_index("id").loc["gdelt-1009", "description"].count('"') == 2


def test_provenance_file(tmp_path: Path) -> None:
    import json

    result = import_gdelt(GDELT2, tmp_path / "out", countries=["IRN"])
    data = json.loads((tmp_path / "out" / "import.json").read_text())
    assert data == result.summary.to_dict()
    assert data["files"][0]["name"] == GDELT2.name and len(data["files"][0]["sha256"]) == 64
    assert data["options"]["countries"] == ["IRN"]
    assert "time" not in json.dumps(data).lower()


def test_zip_and_glob_inputs(tmp_path: Path) -> None:
    archive = tmp_path / "20191024.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(GDELT2, GDELT2.name)
    zipped = import_gdelt(archive)
    plain = import_gdelt(GDELT2)
    assert zipped.edges.equals(plain.edges)
    assert zipped.summary.files[0]["name"] == f"{archive.name}!{GDELT2.name}"
    assert zipped.summary.issues[0].file == f"{archive.name}!{GDELT2.name}"
    shutil.copy(GDELT1, tmp_path / "b.CSV")
    shutil.copy(GDELT2, tmp_path / "a.CSV")
    both = import_gdelt(str(tmp_path / "*.CSV"))
    assert [f["name"] for f in both.summary.files] == ["a.CSV", "b.CSV"]
    assert both.summary.rows_read == 23 and both.summary.consistent


def test_strict_fails_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        import_gdelt(GDELT2, tmp_path / "out", strict=True)
    assert (caught.value.report.issues[0].row, caught.value.report.issues[0].code) == (
        11,
        "bad-code",
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("options", "imported", "filtered"),
    [
        ({"countries": ["RUS"]}, 2, {"actors": 6}),
        ({"countries": "IRN,TJK", "both_sides": True}, 4, {"actors": 4}),
        ({"countries": ["Tajikistan"], "actors": ["CIS"], "both_sides": True}, 2, {"actors": 6}),
        ({"actors": ["cis"]}, 1, {"actors": 7}),
        ({"start": "2019-10-23"}, 4, {"date": 4}),
        ({"start": "2019-10", "end": "2019-10-22"}, 2, {"date": 6}),
        ({"codes": ["04"]}, 3, {"codes": 5}),
        ({"codes": "057,19"}, 2, {"codes": 6}),
        ({"types": ["visit"]}, 2, {"types": 6}),
        ({"min_mentions": 5}, 5, {"mentions": 3}),
    ],
)
def test_filters_count_what_they_remove(
    options: dict[str, object], imported: int, filtered: dict[str, int]
) -> None:
    s = import_gdelt(GDELT2, **options).summary
    assert (s.imported, s.filtered) == (imported, filtered)
    assert s.consistent


def test_self_loops_kept_on_request() -> None:
    s = import_gdelt(GDELT2, self_loops=True).summary
    assert s.imported == 9 and "same-actor" not in s.dropped


def test_no_link_leaves_states_unlinked() -> None:
    result = import_gdelt(GDELT2, link=False)
    assert "membership" not in set(result.edges["type"])
    assert len(result.edges) == result.summary.imported == 8


def test_aggregate_sums_events_per_pair_type_and_period(tmp_path: Path) -> None:
    rows = [
        gdelt_row("1", "20191001", IRN, TJK, "042", "1.9"),
        gdelt_row("2", "20191020", TJK, IRN, "043", "2.8"),
        gdelt_row("3", "20191005", IRN, TJK, "040", "1.0", mentions="4"),
        gdelt_row("4", "20191006", TJK, IRN, "040", "-1.0", mentions="2"),
        gdelt_row("5", "20191105", TJK, IRN, "040", "1.0"),
    ]
    result = import_gdelt(write(tmp_path, rows), tmp_path / "out", aggregate="month")
    edges = result.edges.set_index(["type", "date"])
    visit = edges.loc[("visit", "2019-10")]
    assert (visit["source"], visit["target"], visit["count"]) == ("iran", "tajikistan", "2")
    assert (visit["weight"], visit["sign"], visit["goldstein"]) == ("4.7", "1", "4.7")
    assert visit["first_event"] == "gdelt-1" and visit["citation"].endswith("/1")
    talks = edges.loc[("talks", "2019-10")]  # undirected: both directions meet
    assert (talks["count"], talks["weight"], talks["sign"], talks["mentions"]) == (
        "2",
        "2",
        "0",
        "6",
    )
    assert edges.loc[("talks", "2019-11"), "count"] == "1"
    assert result.summary.imported == 5 and len(result.edges) == 3
    assert graph.validate(tmp_path / "out").valid


def test_codes_are_text_and_bad_codes_are_reported(tmp_path: Path) -> None:
    rows = [
        gdelt_row(str(i), "20191001", IRN, TJK, code)
        for i, code in enumerate(["010", "0211", "204", "205", "2", "40", "x40", "2041"], start=1)
    ]
    result = import_gdelt(write(tmp_path, rows), link=False)
    assert result.edges["cameo"].tolist() == ["010", "0211", "204", "2041"]
    assert result.edges["type"].tolist() == ["statement", "appeal", "conflict", "conflict"]
    assert located(result) == [(4, "bad-code"), (5, "bad-code"), (6, "bad-code"), (7, "bad-code")]


def test_zero_score_is_neutral_with_weight_zero(tmp_path: Path) -> None:
    edges = import_gdelt(write(tmp_path, [gdelt_row("1", "20191001", IRN, TJK, "010", "0")])).edges
    assert edges.loc[0, ["weight", "sign", "goldstein"]].tolist() == ["0", "0", "0"]


def test_blank_lines_crlf_and_bad_bytes(tmp_path: Path) -> None:
    rows = [
        gdelt_row("1", "20191001", IRN, TJK, "042"),
        "",
        gdelt_row("2", "20191001", IRN, TJK, "4"),
    ]
    result = import_gdelt(write(tmp_path, rows, end="\r\n"))
    assert result.summary.blank_lines == 1 and result.summary.rows_read == 2
    assert located(result) == [(3, "bad-code")]
    path = tmp_path / "latin.CSV"
    path.write_bytes(
        gdelt_row("1", "20191001", IRN, ("TJK", "TADJIKISTAN", "TJK", "", ""), "042")
        .replace("TADJIK", "T\xe9DJIK")
        .encode("latin-1")
        + b"\n"
    )
    edges = import_gdelt(path).edges
    assert "T\ufffdDJIKISTAN" in edges.loc[0, "description"]


def test_unknown_country_code_is_kept_and_listed(tmp_path: Path) -> None:
    rows = [gdelt_row("1", "20191001", IRN, ("QQQ", "SOMEWHERE", "QQQ", "", ""), "042")]
    result = import_gdelt(write(tmp_path, rows))
    assert result.summary.unresolved == ["QQQ"]
    assert result.nodes.set_index("id").loc["qqq", ["label", "type"]].tolist() == ["QQQ", "state"]


def test_progress_is_reported_in_bytes() -> None:
    calls: list[tuple[int, int]] = []
    import_gdelt([GDELT2, GDELT1], progress=lambda done, total: calls.append((done, total)))
    total = GDELT2.stat().st_size + GDELT1.stat().st_size
    assert calls and calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_dataset_view_of_the_result() -> None:
    dataset = import_gdelt(GDELT2).dataset()
    assert dataset.report.valid
    assert {"statement", "pledge"} <= set(dataset.vocabulary.edge_types)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"aggregate": "fortnight"}, "aggregate must be one of"),
        ({"codes": ["4"]}, "leading"),
        ({"types": ["vist"]}, "did you mean 'visit'"),
        ({"countries": ["Narnia"]}, "unknown country"),
        ({"start": "2019-13"}, "not a date"),
    ],
)
def test_bad_options_are_usage_errors(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        import_gdelt(GDELT2, **kwargs)


def test_bad_paths_and_formats(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        import_gdelt(tmp_path / "missing.CSV")
    with pytest.raises(UsageError, match="folder"):
        import_gdelt(tmp_path)
    with pytest.raises(DataError) as caught:
        import_gdelt(EVENTS / "icews_sample.tab")
    assert caught.value.report.issues[0].code == "not-gdelt"
    assert "import icews" in caught.value.report.issues[0].message


def test_options_object_and_keywords_agree() -> None:
    by_object = import_gdelt(GDELT2, options=ImportOptions(countries=("IRN",), link=False))
    by_keywords = import_gdelt(GDELT2, countries=["IRN"], link=False)
    assert by_object.edges.equals(by_keywords.edges)


def test_options_object_and_keywords_are_exclusive() -> None:
    with pytest.raises(UsageError, match="not both"):
        import_gdelt(GDELT2, options=ImportOptions(), link=False)


_ACTORS = st.sampled_from([IRN, TJK, ("", "", "", "", ""), ("GOV", "GOV", "", "", "GOV"),
                           ("RUSMIL", "RUSSIAN ARMY", "RUS", "", "MIL"),
                           ("IGOUNO", "UNITED NATIONS", "", "UNO", "IGO")])  # fmt: skip
_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["20191001", "20190230", "2019", "20200101"]),
        _ACTORS,
        _ACTORS,
        st.sampled_from(["040", "043", "0311", "190", "40", "999", ""]),
        st.sampled_from(["1.5", "-10", "0", "11", "x"]),
        st.sampled_from([61, 61, 61, 60, 62]),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(rows=_ROWS, aggregate=st.sampled_from([None, "month"]))
def test_random_rows_are_all_counted_and_the_output_validates(
    rows: list[tuple[str, tuple[str, ...], tuple[str, ...], str, str, int]],
    aggregate: str | None,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("random")
    lines = [
        gdelt_row(str(i), day, a1, a2, code, score, width=width if i > 1 else 61)
        for i, (day, a1, a2, code, score, width) in enumerate(rows, start=1)
    ]  # the first row tells the version
    path = folder / "random.export.CSV"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    result = import_gdelt(path, folder / "out", aggregate=aggregate)
    s = result.summary
    assert s.rows_read == len(rows) and s.consistent
    assert len(s.issues) == sum(s.skipped.values())
    assert graph.validate(folder / "out").valid
