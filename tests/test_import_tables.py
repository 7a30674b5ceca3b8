"""The data tables of the importers (CAMEO, places, organizations, rules) and their helpers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

from graph.exchange.importers import cameo_table, import_vocabulary, map_codes
from graph.exchange.importers.actors import gdelt_actors
from graph.exchange.importers.countries import (
    DATA_DIR,
    resolve_codes,
    resolve_names,
    slug,
    state_table,
)
from graph.exchange.importers.output import to_csv_text
from graph.exchange.importers.reader import expand_sources, read_rows


def test_cameo_covers_every_root_and_uses_known_types() -> None:
    table = cameo_table()
    roots = table[table["code"].str.len() == 2]
    assert roots["code"].tolist() == [f"{i:02d}" for i in range(1, 21)]
    assert set(roots["quad_class"]) == {"1", "2", "3", "4"}
    assert set(table["type"]) <= set(import_vocabulary().edge_types)
    assert table.loc[table["flip"], "code"].tolist() == ["043"]
    for code in table["code"]:  # every base code sits under its root
        assert code[:2] in roots["code"].tolist()


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("042", "visit"), ("043", "visit"), ("040", "talks"), ("041", "talks"), ("044", "talks"),
        ("046", "talks"), ("045", "mediation"), ("054", "recognition"), ("057", "agreement"),
        ("061", "cooperation"), ("073", "aid"), ("100", "pressure"), ("111", "protest"),
        ("120", "dispute"), ("138", "threat"), ("141", "protest"), ("150", "threat"),
        ("163", "sanction"), ("161", "dispute"), ("172", "sanction"), ("173", "conflict"),
        ("183", "conflict"), ("193", "conflict"), ("202", "conflict"), ("010", "statement"),
        ("020", "appeal"), ("036", "pledge"), ("085", "concession"), ("091", "investigation"),
    ],
)  # fmt: skip
def test_cameo_mapping(code: str, kind: str) -> None:
    assert map_codes(pd.Series([code])).loc[0, "type"] == kind


def test_import_vocabulary_types() -> None:
    vocab = import_vocabulary()
    assert vocab.node_types["region"].label == "Region"
    for name in ("statement", "appeal", "pledge", "concession", "investigation"):
        assert name in vocab.edge_types
    assert vocab.edge_types["statement"].sign == 0
    assert vocab.edge_types["investigation"].family == "coercion"


def test_state_ids_match_the_hand_made_dataset(bundled: object) -> None:
    states = state_table()
    bundled_states = bundled.nodes[bundled.nodes["type"] == "state"]  # type: ignore[attr-defined]
    for node_id, iso3 in zip(bundled_states["id"], bundled_states["iso3"], strict=True):
        if iso3 in states.index:
            assert states.loc[iso3, "id"] == node_id
    assert states.loc["USA", "id"] == "united_states"


def test_codes_names_and_slugs() -> None:
    codes = resolve_codes(pd.Index(["KOS", "WST", "TMP", "irn"]))
    assert codes[["id", "kind", "iso3"]].values.tolist() == [
        ["kosovo", "state", "XKX"],
        ["the_west", "region", ""],
        ["timor_leste", "state", "TLS"],
        ["iran", "state", "IRN"],
    ]
    names = resolve_names(pd.Index(["Russian Federation", "Occupied Palestinian Territory",
                                    "Southeast Asia", "Atlantis"]))  # fmt: skip
    assert names["id"].tolist() == ["russia", "palestine", "southeast_asia", "atlantis"]
    assert names["kind"].tolist() == ["state", "state", "region", "unknown"]
    assert slug(pd.Series(["Ñandú  Group!", "", "北京"])).tolist()[:2] == ["nandu_group", ""]
    assert slug(pd.Series(["北京"])).iloc[0].startswith("actor_")


def test_gdelt_actor_rules() -> None:
    keys = pd.DataFrame(
        {
            "country": ["", "", "AFR", "USA", "QQQ", ""],
            "group": ["UNO", "", "", "", "", "ZZZ"],
            "type": ["IGO", "IRC", "REB", "SPY", "", ""],
            "code": ["IGOUNO", "IRC", "AFRREB", "USASPY", "QQQ", "ZZZ"],
        }
    )
    out = gdelt_actors(keys)
    assert out["id"].tolist() == [
        "united_nations", "red_cross", "africa_reb", "united_states_spy", "qqq", "group_zzz",
    ]  # fmt: skip
    assert out["type"].tolist() == [
        "organization", "organization", "armed-group", "institution", "state", "group",
    ]  # fmt: skip
    assert out.loc[2, "country"] == "" and out.loc[3, "country"] == "united_states"


def test_data_files_are_well_formed() -> None:
    orgs = pd.read_csv(DATA_DIR / "organizations.csv", dtype=str, keep_default_na=False)
    assert orgs["id"].is_unique and not orgs["id"].str.contains(r"[^a-z0-9_]").any()
    assert set(orgs["type"]) <= set(import_vocabulary().node_types)
    codes = orgs["gdelt"].str.split(";").explode()
    assert codes[codes != ""].is_unique
    types = pd.read_csv(DATA_DIR / "actor_types.csv", dtype=str, keep_default_na=False)
    assert set(types["type"]) <= set(import_vocabulary().node_types)
    rules = pd.read_csv(DATA_DIR / "actor_rules.csv", dtype=str, keep_default_na=False)
    assert set(rules["applies_to"]) == {"agent", "name", "organization", "unspecified"}
    typed = rules[rules["applies_to"].isin(["agent", "name"])]
    assert set(typed["type"]) <= set(import_vocabulary().node_types)
    sectors = pd.read_csv(DATA_DIR / "icews_sectors.csv", dtype=str, keep_default_na=False)
    assert set(sectors["type"]) - {"unspecified"} <= set(import_vocabulary().node_types)
    fips = pd.read_csv(DATA_DIR / "fips_countries.csv", dtype=str, keep_default_na=False)
    assert fips["fips"].is_unique and fips["fips"].str.fullmatch("[A-Z]{2}").all()
    assert fips["iso3"].isin(state_table().index).mean() > 0.95


def test_csv_writer_matches_pandas_and_quotes_carriage_returns() -> None:
    frame = pd.DataFrame({"a": ["x", "with, comma", 'a "quote"', "line\nbreak", ""],
                          "b": ["1", "2", "3", "4", "5"]})  # fmt: skip
    assert to_csv_text(frame) == frame.to_csv(index=False, lineterminator="\n")
    assert to_csv_text(pd.DataFrame({"a": ["x\ry"]})) == 'a\n"x\ry"\n'


def test_reader_zip_members_blank_lines_and_line_numbers(tmp_path: Path) -> None:
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("b.tsv", "1\tb\n")
        z.writestr("a.tsv", "1\ta\n\n2\n3\tc\n")
        z.writestr("folder/", "")
    sources = expand_sources([archive])
    assert [s.name for s in sources] == ["two.zip!a.tsv", "two.zip!b.tsv"]
    rows = read_rows(sources[0], names=["id", "v"], include=["id", "v"])
    assert rows.frame["v"].tolist() == ["a", "", "c"]  # the blank line is a row of blanks
    assert rows.lines.tolist() == [1, 2, 4]
    assert [(b.line, b.fields, b.text) for b in rows.bad] == [(3, 1, "2")]
    assert len(rows.sha256) == 64
