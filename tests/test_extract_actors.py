"""Actors in text: gazetteer names, aliases, demonyms and capitals; a known dataset's ids;
people by their titles; organizations by their acronyms; overlapping matches."""

from __future__ import annotations

import pytest

import graph
from graph.extraction.gazetteer import load_gazetteer
from graph.extraction.mentions import MentionFinder
from graph.extraction.reading import document_from_text
from graph.extraction.sentences import chunks


def mentions(text: str, known: graph.Dataset | None = None) -> list[tuple[str, tuple[str, ...]]]:
    finder = MentionFinder(load_gazetteer(known))
    out = []
    for chunk in chunks(document_from_text(text)):
        for m in finder.find(chunk.doc):
            out.append((chunk.doc[m.start : m.end].text, m.ids))
    return out


def triples(text: str, known: graph.Dataset | None = None) -> list[tuple[str, str, str]]:
    edges = graph.extract(text, known=known).edges
    return [tuple(r) for r in edges[["source", "type", "target"]].values.tolist()]


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Tajikistan", "tajikistan"),
        ("Republic of Tajikistan", "tajikistan"),  # official name
        ("Tajik", "tajikistan"),  # demonym
        ("Tajiks", "tajikistan"),  # plural demonym
        ("Dushanbe", "tajikistan"),  # capital
        ("the Islamic Republic", "iran"),  # alias
        ("Iranian", "iran"),
        ("Washington", "united_states"),
        ("U.S.", "united_states"),
        ("the Kremlin", "russia"),
        ("Soviet Union", "soviet_union"),  # a former state
        ("CSTO", "csto"),  # acronym
        ("Shanghai Cooperation Organisation", "sco"),
        ("Eurasian Economic Union", "eaeu"),
        ("OPEC", "opec"),
        ("ASEAN", "asean"),
    ],
)
def test_the_gazetteer_names_states_and_organizations(name: str, actor: str) -> None:
    assert mentions(f"He spoke of {name} today.") == [(name, (actor,))]


def test_names_match_case_sensitively_as_whole_words() -> None:
    assert mentions("us and them, a chad of paper, Iranians") == [("Iranians", ("iran",))]


def test_the_longest_match_wins_an_overlap() -> None:
    found = mentions(
        "The UN Security Council and the UN met. Iranian President Hassan Rouhani spoke."
    )
    assert found == [
        ("UN Security Council", ("unsc",)),
        ("UN", ("united_nations",)),
        ("Iranian President Hassan Rouhani", ("hassan_rouhani",)),
    ]


def test_states_carry_iso3_and_ids_follow_the_importers() -> None:
    nodes = graph.extract("Côte d'Ivoire and the United States signed an accord.").nodes
    assert nodes[["id", "iso3", "type", "status", "found_by"]].values.tolist() == [
        ["cote_d_ivoire", "CIV", "state", "candidate", "gazetteer"],
        ["united_states", "USA", "state", "candidate", "gazetteer"],
    ]


def test_a_known_dataset_gives_its_ids_aliases_and_rows(bundled: graph.Dataset) -> None:
    text = "Kabiri was invited by the Islamic Republic. Mirzo visited Tehran."
    assert triples(text, bundled) == [
        ("iran", "invitation", "muhiddin_kabiri"),
        ("shir_ali_mirza", "visit", "iran"),
    ]
    nodes = graph.extract(text, known=bundled).nodes.set_index("id")
    assert nodes.loc["muhiddin_kabiri", ["status", "found_by"]].tolist() == ["known", "dataset"]
    assert nodes.loc["muhiddin_kabiri", "role"] == "Leader of the IRPT (since 2006)"
    assert nodes.loc["iran", "description"].startswith("Persian-speaking state")
    assert nodes.loc["shir_ali_mirza", "country"] == "tajikistan"  # the known country comes along
    assert "tajikistan" in nodes.index


def test_people_by_title_get_role_country_and_an_office(bundled: graph.Dataset) -> None:
    found = graph.extract("Tajik Defense Minister Shir Ali Mirza flew to Tehran in April 2021.")
    person = found.nodes.set_index("id").loc["shir_ali_mirza"]
    assert (person["label"], person["type"], person["found_by"]) == (
        "Shir Ali Mirza",
        "person",
        "text",
    )
    assert (person["role"], person["country"]) == ("Defence Minister of Tajikistan", "tajikistan")
    assert found.edges[["source", "type", "target", "date", "cue"]].values.tolist() == [
        ["shir_ali_mirza", "visit", "iran", "2021-04", "flew to"],
        ["shir_ali_mirza", "office", "tajikistan", "2021-04", "Defense Minister"],
    ]


def test_a_person_named_once_by_surname_is_the_same_person() -> None:
    text = "Russian President Vladimir Putin visited Beijing. Later President Putin met Xi."
    found = graph.extract(text)
    assert "putin" not in set(found.nodes["id"])
    assert ("vladimir_putin", "visit", "china") in triples(text)


def test_an_apposition_introduces_a_person() -> None:
    text = "Iran invited Muhiddin Kabiri, the leader of the Islamic Renaissance Party (IRPT)."
    found = graph.extract(text)
    nodes = found.nodes.set_index("id")
    assert nodes.loc["muhiddin_kabiri", "role"] == "Leader of Islamic Renaissance Party"
    assert nodes.loc["irpt", ["label", "type", "aliases"]].tolist() == [
        "Islamic Renaissance Party", "party", "IRPT",
    ]  # fmt: skip
    assert ("iran", "invitation", "muhiddin_kabiri") in triples(text)
    assert ("muhiddin_kabiri", "leadership", "irpt") in triples(text)


def test_an_acronym_defined_once_is_recognised_later() -> None:
    text = (
        "The Collective Defence Pact Organization (CDPO) met in Minsk.\n\n"
        "Russia joined the CDPO in 2020."
    )
    assert ("russia", "membership", "cdpo") in triples(text)
    assert graph.extract(text).nodes.set_index("id").loc["cdpo", "found_by"] == "text"


def test_armed_forces_of_a_state_and_of_the_two_countries() -> None:
    text = (
        "Iran and Tajikistan met in 2021. They will set up a joint working group between the "
        "armed forces of the two countries. Russia's armed forces attacked Ukraine."
    )
    found = triples(text)
    assert ("iran_armed_forces", "cooperation", "tajikistan_armed_forces") in found
    assert ("russia_armed_forces", "conflict", "ukraine") in found


def test_a_counterpart_is_resolved_through_the_known_dataset(bundled: graph.Dataset) -> None:
    text = "Iranian Foreign Minister Mohammad Javad Zarif spoke with his Tajik counterpart."
    assert ("mohammad_javad_zarif", "talks", "sirojiddin_muhriddin") in triples(text, bundled)
    assert ("mohammad_javad_zarif", "talks", "tajikistan") in triples(text)  # no one known
