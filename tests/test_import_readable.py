"""Readable event datasets by default (issue 15, part 4): unspecified actors dropped with their
own count, ICEWS sectors typing actors (a party is a party), GDELT actors located by their
geography on request, weekly aggregation, and a report that charts the busiest pair of states.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from conftest import SHARED_EVENTS
from graph.cli import app
from graph.errors import UsageError
from graph.exchange.importers import import_gdelt, import_icews
from graph.exchange.importers.actors import NOBODY_CODES, sector_types
from graph.exchange.importers.locate import gdelt_locatable, locate_codes
from graph.exchange.importers.pipeline import DROPS, period_key
from graph.report.model import build_report

runner = CliRunner()
ICEWS_SAMPLE = SHARED_EVENTS / "icews_events.2018.sample.tab"
HEADER = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher",
]  # fmt: skip
INDIA = ("India", "NA", "India")


def icews_file(
    tmp_path: Path, rows: list[tuple[tuple[str, str, str], tuple[str, str, str]]]
) -> Path:
    """ICEWS rows, one consultation (040) per pair of actors (name, sectors, country)."""
    lines = ["\t".join(HEADER)]
    for n, (source, target) in enumerate(rows, start=1):
        fields = [str(n), "2018-06-01", *source, "Consult", "040", "1", *target, "9", str(n), "X"]
        lines.append("\t".join(fields))
    path = tmp_path / "events.tab"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def gdelt_row(
    event_id: str,
    a1: tuple[str, str, str],
    a2: tuple[str, str, str],
    width: int = 58,
    day: str = "20150601",
) -> str:
    """A GDELT row; actors are (code, type1 code, Geo_CountryCode), the CAMEO country empty
    unless the code starts with one (IRN)."""
    fields = [""] * width
    fields[0], fields[1] = event_id, day
    geo = {61: (37, 45), 58: (37, 44), 57: (37, 44)}[width]
    for base, where, (code, kind, fips) in ((5, geo[0], a1), (15, geo[1], a2)):
        country = code[:3] if code[:3] in ("IRN", "TJK", "RUS") else ""
        fields[base : base + 3] = [code, code, country]
        fields[base + 7] = kind
        fields[where] = fips
    fields[26], fields[29], fields[30], fields[31] = "040", "1", "1.0", "2"
    if width in (58, 61):
        fields[-1] = f"https://news.example.org/{event_id}"
    return "\t".join(fields)


# --- The done-when check: the real ICEWS sample -------------------------------------------


@pytest.mark.skipif(
    not SHARED_EVENTS.is_dir() and not os.environ.get("CI"),
    reason=f"{SHARED_EVENTS} not found (present in CI)",
)
def test_icews_sample_imports_readably(tmp_path: Path) -> None:
    out = tmp_path / "icews"
    result = runner.invoke(app, ["import", "icews", str(ICEWS_SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    # 84 Unspecified Actor, 7 Unidentified State Actor, 1 Citizen (Unidentified State Actor)
    assert "dropped:  unspecified 92" in result.stdout
    dataset = graph.load(out)
    nodes = dataset.nodes.set_index("label")
    assert not nodes.index.str.contains("Unspecified|Unidentified").any()
    parties = ["Bharatiya Janata", "Shiv Sena", "Rashtriya Janata Dal", "Telugu Desam Party",
               "Janata Dal", "Jharkhand Mukti Morcha", "Asom Gana Parishad",
               "All Progressives Congress"]  # fmt: skip
    assert (nodes.loc[parties, "type"] == "party").all()
    assert nodes.loc["Congress (Azerbaijan)", "type"] == "institution"  # a legislature
    # people keep being people, although their sectors name their party
    people = ["Narendra Modi", "N. Chandrababu Naidu", "Amit Shah", "Nigel Farage"]
    assert (nodes.loc[people, "type"] == "person").all()
    assert nodes.loc["Citizen (India)", "type"] == "group"
    assert nodes.loc["Police (India)", "type"] == "institution"
    report = build_report(dataset)
    assert report.pair == ("north_korea", "united_states")
    types = dataset.nodes.set_index("id")["type"]
    assert [types[a] for a in report.pair] == ["state", "state"]


# --- Unspecified and unknown actors ---------------------------------------------------------


def test_drop_codes_match_the_drop_reasons() -> None:
    for reason, code in NOBODY_CODES.items():
        assert DROPS[-code] == reason


def test_unspecified_actors_are_dropped_with_their_own_count(tmp_path: Path) -> None:
    rows = [
        (("Unspecified Actor", "Unspecified", "NA"), INDIA),
        (INDIA, ("Unidentified State Actor", "NA", "NA")),
        (("Citizen (Unidentified State Actor)", "Social", "NA"), INDIA),
        (("NA", "NA", "NA"), INDIA),
        (("Iran", "NA", "Iran"), INDIA),
    ]
    result = import_icews(icews_file(tmp_path, rows), link=False)
    assert result.summary.dropped == {"no-actor": 1, "unspecified": 3}
    assert result.summary.imported == 1 and result.summary.consistent
    assert set(result.nodes["id"]) == {"iran", "india"}


# --- ICEWS sectors decide the type ----------------------------------------------------------


def test_sector_types_take_the_first_matching_row() -> None:
    sectors = pd.Series(
        [
            "Parties,Opposition Major Party (Out Of Government),(National) Major Party",
            "Dissident,Insurgents,Parties",  # an armed group before a party
            "Nongovernmental Organizations / Activists,Human Rights IGOs",  # NGO before IGO
            "International Government Organization,Regional",
            "Executive,Foreign Ministry,Government",
            "News,Media,Social",
            "Elite,Ideological,Center Right",  # qualifiers only
            "Unspecified",
            "Elite,Unspecified,Government",  # another typed sector wins
            "",
        ]
    )
    assert sector_types(sectors).tolist() == [
        "party", "armed-group", "group", "organization", "institution", "group", "",
        "unspecified", "institution", "",
    ]  # fmt: skip


def test_icews_sectors_type_agents_and_organization_names(tmp_path: Path) -> None:
    parties = "Parties,(National) Major Party"
    rows = [
        (("Bharatiya Janata", parties, "India"), INDIA),
        (("Amit Shah", parties + ",Government", "India"), INDIA),  # a person in the party
        (("Main Opposition (India)", "Dissident,Protestors / Popular Opposition / Mobs", "India"),
         INDIA),
        (("Lawyer/Attorney (India)", "Legal", "India"), INDIA),
        (("Presidential Candidate (India)", "Parties", "India"), INDIA),
        (("Activist (India)", "Nongovernmental Organizations / Activists,Human Rights IGOs",
          "India"), INDIA),
        (("Naxali", "Ideological,Communist,Insurgents,Dissident", "India"), INDIA),
        (("Associated Press", "News,Media,Social", "United States"), INDIA),
        (("Hindu Front", "Elite", "India"), INDIA),  # an organization word, no typed sector
        (("Ravi Shankar", "Elite", "India"), INDIA),
        (("Indian National Congress", parties, "India"), INDIA),  # Congress: as sectors say
        (("National People's Congress", "Legislative / Parliamentary,Government", "China"),
         INDIA),
    ]  # fmt: skip
    nodes = import_icews(icews_file(tmp_path, rows)).nodes.set_index("label")
    assert nodes["type"].to_dict() == {
        "Bharatiya Janata": "party",
        "Amit Shah": "person",
        "Main Opposition (India)": "group",
        "Lawyer/Attorney (India)": "group",
        "Presidential Candidate (India)": "party",
        "Activist (India)": "group",
        "Naxali": "armed-group",
        "Associated Press": "group",
        "Hindu Front": "group",
        "Ravi Shankar": "person",
        "Indian National Congress": "party",
        "National People's Congress": "institution",
        "India": "state",
        "China": "state",
        "United States": "state",
    }
    assert nodes.loc["Bharatiya Janata", "country"] == "india"


# --- GDELT: --locate-actors -----------------------------------------------------------------


def test_locate_codes_read_fips_not_iso() -> None:
    codes = pd.Series(["RS", "GM", "IR", "TI", "UK", "GZ", "OS", "", "rs"])
    assert locate_codes(codes).tolist() == [
        "RUS", "DEU", "IRN", "TJK", "GBR", "PSE", "", "", "RUS",
    ]  # fmt: skip
    keys = pd.DataFrame(
        {
            "country": ["", "IRN", "", "", ""],
            "group": ["", "", "TAL", "", ""],
            "type": ["GOV", "GOV", "", "", "IRC"],
            "code": ["GOV", "IRNGOV", "TAL", "", "IRC"],
        }
    )
    assert gdelt_locatable(keys).tolist() == [True, False, False, False, False]


def test_locate_actors_places_typed_actors_in_their_geography(tmp_path: Path) -> None:
    rows = [
        gdelt_row("1", ("GOV", "GOV", "RS"), ("IRN", "", "IR")),  # Russian government -> Iran
        gdelt_row("2", ("IRN", "", "IR"), ("COP", "COP", "GM")),  # Iran -> German police
        gdelt_row("3", ("GOV", "GOV", "RS"), ("COP", "COP", "GM")),  # both placed
        gdelt_row("4", ("GOV", "GOV", "OS"), ("IRN", "", "IR")),  # at sea: no state
        gdelt_row("5", ("MED", "MED", ""), ("IRN", "", "IR")),  # no geography
        gdelt_row("6", ("GOV", "GOV", "IR"), ("IRNGOV", "GOV", "IR")),  # both Iran's government
        gdelt_row("7", ("GOV", "GOV", "RS"), ("TJK", "", "TI"), width=57),  # backfile row
    ]
    path = tmp_path / "20150601.export.CSV"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    plain = import_gdelt(path, link=False)
    assert plain.summary.dropped == {"no-country": 7} and "located" not in plain.edges
    result = import_gdelt(path, tmp_path / "out", link=False, locate_actors=True)
    s = result.summary
    assert (s.imported, s.dropped) == (4, {"no-country": 2, "same-actor": 1})
    edges = result.edges.set_index("id")
    assert edges.loc["gdelt-1", ["source", "target", "located"]].tolist() == [
        "russia_gov", "iran", "actor1",
    ]  # fmt: skip
    assert edges.loc["gdelt-2", ["target", "located"]].tolist() == ["germany_cop", "actor2"]
    assert edges.loc["gdelt-3", ["source", "target", "located"]].tolist() == [
        "russia_gov", "germany_cop", "both",
    ]  # fmt: skip
    assert edges.loc["gdelt-7", ["source", "target"]].tolist() == ["russia_gov", "tajikistan"]
    nodes = result.nodes.set_index("id")
    assert nodes.loc["russia_gov", ["type", "country", "actor_code"]].tolist() == [
        "institution", "russia", "RUSGOV",
    ]  # fmt: skip
    assert graph.validate(tmp_path / "out").valid


def test_locate_actors_reads_the_gdelt2_columns(tmp_path: Path) -> None:
    row = gdelt_row("9", ("IRN", "", "IR"), ("BUS", "BUS", "TI"), width=61, day="20191024")
    path = tmp_path / "x.export.CSV"
    path.write_text(row + "\n", encoding="utf-8")
    edges = import_gdelt(path, link=False, locate_actors=True).edges
    assert edges[["source", "target", "located"]].values.tolist() == [
        ["iran", "tajikistan_bus", "actor2"]
    ]


def test_locate_actors_on_the_command_line(tmp_path: Path) -> None:
    rows = [gdelt_row("1", ("GOV", "GOV", "RS"), ("IRN", "", "IR"))]
    path = tmp_path / "day.CSV"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["import", "gdelt", str(path), "-o", str(tmp_path / "out"), "--locate-actors"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "imported 1 of 1 rows" in result.stdout
    icews = runner.invoke(app, ["import", "icews", str(path), "-o", "x", "--locate-actors"])
    assert icews.exit_code == 2
    with pytest.raises(UsageError, match="GDELT"):
        import_icews(path, locate_actors=True)


# --- --aggregate week -----------------------------------------------------------------------


def test_period_key_dates_a_week_by_its_monday() -> None:
    dates = pd.Series(["2019-10-21", "2019-10-27", "2019-10-28", "2020-01-01", "2021-01-03"])
    assert period_key(dates, "week").tolist() == [
        "2019-10-21", "2019-10-21", "2019-10-28", "2019-12-30", "2020-12-28",
    ]  # fmt: skip
    iso = pd.to_datetime(pd.Series(period_key(dates, "week"))).dt.isocalendar()
    assert iso["week"].tolist() == [43, 43, 44, 1, 53]
    assert period_key(dates, "year").tolist()[3] == "2020"
    assert period_key(pd.Series([], dtype=object), "week").tolist() == []


def test_aggregate_week(tmp_path: Path) -> None:
    days = ["20191021", "20191027", "20191028"]  # Monday, Sunday, the next Monday
    rows = [
        gdelt_row(str(n), ("IRN", "", ""), ("TJK", "", ""), width=61, day=day)
        for n, day in enumerate(days, start=1)
    ]
    path = tmp_path / "x.export.CSV"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = import_gdelt(path, tmp_path / "out", aggregate="week", link=False)
    edges = result.edges
    assert edges[["id", "date", "count"]].values.tolist() == [
        ["gdelt-week-1", "2019-10-21", "2"],
        ["gdelt-week-2", "2019-10-28", "1"],
    ]
    assert np.array_equal(graph.load(tmp_path / "out").edges["weight"], [2.0, 1.0])
