"""ICEWS import: rows written here, actors (states, bodies, people, organizations), options."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph
from graph.errors import DataError, UsageError
from graph.exchange.importers import import_icews

EVENTS = Path(__file__).parent / "data" / "events"
ICEWS = EVENTS / "icews_sample.tab"
HEADER = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
]  # fmt: skip


def icews_row(event_id: str, source: tuple[str, str, str], code: str, intensity: str,
              target: tuple[str, str, str], day: str = "2018-06-01") -> str:  # fmt: skip
    """One ICEWS row; actors are (name, sectors, country)."""
    return "\t".join(
        [event_id, day, *source, "Text", code, intensity, *target, "9", "1", "Xinhua"] + ["NA"] * 6
    )


def write(tmp_path: Path, rows: list[str], header: list[str] = HEADER) -> Path:
    path = tmp_path / "events.tab"
    path.write_text("\t".join(header) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_every_row_is_imported_or_reported() -> None:
    result = import_icews(ICEWS)
    s = result.summary
    assert (s.rows_read, s.imported) == (11, 6)
    assert s.dropped == {"unspecified": 1}  # Unidentified State Actor
    assert s.skipped == {"bad-code": 1, "bad-date": 1, "duplicate-event": 1, "missing-fields": 1}
    assert s.consistent
    assert [(i.row, i.code, i.column) for i in s.issues] == [
        (9, "bad-code", "CAMEO Code"),
        (10, "bad-date", "Event Date"),
        (11, "duplicate-event", "Event ID"),
        (12, "missing-fields", None),
    ]


def test_edges_keep_intensity_and_provenance() -> None:
    edges = import_icews(ICEWS, link=False).edges.set_index("id")
    visit = edges.loc["icews-1"]
    assert visit[["source", "target", "type", "date"]].tolist() == [
        "hassan_rouhani",
        "tajikistan",
        "visit",
        "2018-06-01",
    ]
    assert visit[["intensity", "weight", "sign", "cameo"]].tolist() == ["1.9", "1.9", "1", "042"]
    assert visit[["story_id", "sentence", "publisher"]].tolist() == ["500", "1", "IRNA"]
    assert visit["citation"] == "IRNA, ICEWS story 500, sentence 1"
    hosted = edges.loc["icews-2"]  # Tajikistan hosts Rouhani: the visit goes Rouhani -> host
    assert hosted[["source", "target", "type"]].tolist() == [
        "hassan_rouhani",
        "tajikistan",
        "visit",
    ]
    assert edges.loc["icews-6", "sign"] == "-1"


def test_actors() -> None:
    nodes = import_icews(ICEWS).nodes.set_index("id")
    assert nodes.loc["hassan_rouhani", ["type", "country"]].tolist() == ["person", "iran"]
    assert nodes.loc["tajikistan_foreign_affairs", ["type", "country", "role"]].tolist() == [
        "institution",
        "tajikistan",
        "Foreign Affairs",
    ]
    assert nodes.loc["russia", ["type", "iso3"]].tolist() == ["state", "RUS"]
    assert "Russian Federation" in nodes.loc["russia", "aliases"].split(";")
    assert nodes.loc["sco", ["type", "label"]].tolist() == [
        "organization",
        "Shanghai Cooperation Organisation",
    ]
    assert nodes.loc["party_renaissance", ["label", "type"]].tolist() == [
        'Party "Renaissance"',
        "party",
    ]
    assert "Executive" in nodes.loc["hassan_rouhani", "sectors"]


def test_links_use_office_for_officials() -> None:
    edges = import_icews(ICEWS).edges.set_index("id")
    assert edges.loc["icews-link-hassan_rouhani", ["target", "type"]].tolist() == [
        "iran",
        "office",
    ]
    assert edges.loc["icews-link-party_renaissance", "type"] == "membership"


def test_output_validates(tmp_path: Path) -> None:
    import_icews(ICEWS, tmp_path / "out")
    report = graph.validate(tmp_path / "out")
    assert report.valid, report.errors
    assert graph.load(tmp_path / "out").nodes["id"].is_unique


def test_a_person_named_like_a_state_gets_its_own_id(tmp_path: Path) -> None:
    georgia = ("Georgia", "Elite", "United States")
    rows = [icews_row("1", georgia, "040", "1", ("Georgia", "NA", "Georgia"))]
    nodes = import_icews(write(tmp_path, rows)).nodes.set_index("id")
    assert nodes.loc["georgia", "type"] == "state"
    assert nodes.loc["georgia_person", ["label", "country"]].tolist() == [
        "Georgia",
        "united_states",
    ]


def test_agents_anchor_only_on_country_names(tmp_path: Path) -> None:
    rows = [
        icews_row("1", ("Police (Russia)", "Police", "Russian Federation"), "173", "-5",
                  ("Insurgent (Indian Mujahideen)", "Insurgents", "India")),
        icews_row("2", ("Citizen (Middle East)", "Social", "NA"), "141", "-6.5",
                  ("Europe", "NA", "NA")),
    ]  # fmt: skip
    nodes = import_icews(write(tmp_path, rows)).nodes.set_index("id")
    assert nodes.loc["russia_police", ["type", "country"]].tolist() == ["institution", "russia"]
    insurgent = nodes.loc["insurgent_indian_mujahideen"]
    assert insurgent[["type", "country"]].tolist() == ["armed-group", "india"]
    assert nodes.loc["middle_east_citizen", ["type", "country"]].tolist() == ["group", ""]
    assert nodes.loc["europe", "type"] == "region"


def test_filters_and_aggregate(tmp_path: Path) -> None:
    s = import_icews(ICEWS, countries=["TJK"], actors=["sco"], both_sides=True).summary
    assert (s.imported, s.filtered) == (2, {"actors": 4})
    result = import_icews(ICEWS, tmp_path / "out", aggregate="day", link=False)
    visit = result.edges.set_index(["type", "date"]).loc[("visit", "2018-06-01")]
    assert visit[["source", "count", "weight", "intensity"]].tolist() == [
        "hassan_rouhani",
        "2",
        "4.7",
        "4.7",
    ]
    assert visit["first_event"] == "icews-1"
    assert graph.validate(tmp_path / "out").valid


def test_missing_column_and_mentions_option(tmp_path: Path) -> None:
    path = write(tmp_path, [], header=[h for h in HEADER if h != "CAMEO Code"])
    with pytest.raises(DataError) as caught:
        import_icews(path)
    issue = caught.value.report.issues[0]
    assert (issue.code, issue.column, issue.row) == ("missing-column", "CAMEO Code", 1)
    with pytest.raises(UsageError, match="mention"):
        import_icews(ICEWS, min_mentions=3)


def test_header_only_file_imports_nothing(tmp_path: Path) -> None:
    result = import_icews(write(tmp_path, []), tmp_path / "out")
    assert (result.summary.rows_read, result.summary.edges) == (0, 0)
    assert graph.validate(tmp_path / "out").valid


def test_aggregated_descriptions_count_events_in_words() -> None:
    edges = import_icews(ICEWS, aggregate="month").edges
    edges = edges[edges["count"] != ""]  # event relations (links to states have no count)
    counts = edges["count"].astype(int)
    assert (edges["description"][counts == 1].str.startswith("1 event,")).all()
    assert (edges["description"][counts > 1].str.contains(r"^\d+ events,")).all()
    assert (counts > 1).any() and (counts == 1).any()
