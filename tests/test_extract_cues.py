"""Cue data: word forms, a dataset's own cues and types in its vocabulary.toml, bad tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import graph
from graph.extraction.cues import expand, inflect, load_cues

NODES = """\
    id,label,type,aliases
    iran,Iran,state,Tehran
    tajikistan,Tajikistan,state,Dushanbe
    """
EDGES = """\
    source,target,type
    iran,tajikistan,visit
    """
VOCABULARY = """\
    [edge_types.arms-sale]
    directed = true
    sign = 1
    family = "military"

    [cues.arms-sale]
    verbs = ["sell weapons to"]
    nouns = ["arms sale"]
    of = "source"
    confidence = 0.9

    [cues.visit]
    verbs = ["drop in on"]

    [modality.prospective]
    words = ["perhaps"]
    weight = 0.25
    """


def test_phrases_expand_to_every_word_form() -> None:
    assert expand("pay [a|an] visit to") == [
        ("pay", "visit", "to"), ("pay", "a", "visit", "to"), ("pay", "an", "visit", "to"),
    ]  # fmt: skip
    assert list(inflect("criticize", {})) == [
        "criticize",
        "criticizes",
        "criticized",
        "criticizing",
    ]
    assert list(inflect("ally", {})) == ["ally", "allies", "allied", "allying"]
    cues = load_cues()
    assert [f.type for f in cues.forms["paid an official visit to"]] == ["visit"]
    assert "was" not in cues.forms and "the" not in cues.forms


def test_a_phrase_listed_for_one_type_is_not_taken_by_a_generated_form() -> None:
    forms = load_cues().forms
    assert [f.type for f in forms["higher-level visits"]] == ["talks"]
    assert [(f.type, f.verb) for f in forms["visits"]] == [("visit", True), ("visit", False)]
    assert [f.type for f in forms["sanctions"]] == ["sanction"]


def test_a_dataset_adds_cues_types_and_modality_words(
    make_dataset: Callable[..., Path],
) -> None:
    folder = make_dataset(NODES, EDGES, extra={"vocabulary.toml": VOCABULARY})
    known = graph.load(folder)
    text = (
        "Iran sold weapons to Dushanbe. Tehran dropped in on Tajikistan. "
        "Perhaps Iran visits Tajikistan."
    )
    edges = graph.extract(text, known=known).edges
    assert edges[["source", "type", "target", "modality", "weight"]].values.tolist() == [
        ["iran", "arms-sale", "tajikistan", "asserted", 1.0],
        ["iran", "visit", "tajikistan", "asserted", 1.0],
        ["iran", "visit", "tajikistan", "prospective", 0.25],
    ]
    assert edges["family"].iloc[0] == "military"
    assert float(edges["confidence"].iloc[0]) == 0.9  # the dataset's confidence for its cue


def test_a_dataset_adds_words_to_a_derived_type(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.toml"
    path.write_text('[derived.balancing]\nwords = ["shrink"]\n', encoding="utf-8")
    rule = load_cues(path).derived["balancing"]
    assert {"shrink", "reduce"} <= rule.words  # lists add to the built-in ones
    assert rule.sources == {"dependence"}


def test_a_dataset_vocabulary_with_cues_still_validates(make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(NODES, EDGES, extra={"vocabulary.toml": VOCABULARY})
    assert graph.validate(folder).valid


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[cues.visit]\nadverbs = ["x"]\n', r"\[cues.visit\] has unknown field\(s\) adverbs"),
        (
            '[cues.ceasefire]\nverbs = ["x"]\n',
            r"\[cues.ceasefire\] names a relation type the vocabulary lacks",
        ),
        ('[cues.visit]\nof = "both"\n', r"of must be 'source' or 'target'"),
        ("[cues.visit]\nconfidence = 2\n", "confidence must be from 0 to 1"),
        ('[modality.negated]\nsign = "inverse"\n', "sign must be one of same, opposite, neutral"),
        ("cues = 3\n", r"\[cues\] must hold tables"),
        ('[derived.balancing]\nafter = ["x"]\n', r"\[derived.balancing\] has unknown field"),
        (
            '[derived.truce]\nfrom = ["dependence"]\n',
            r"\[derived.truce\] names relation type\(s\) the vocabulary lacks: truce",
        ),
        ("[derived.balancing]\nconfidence = -1\n", "confidence must be from 0 to 1"),
        ("[cues\n", "vocabulary.toml"),
    ],
)
def test_bad_cue_tables_are_refused(tmp_path: Path, table: str, message: str) -> None:
    path = tmp_path / "vocabulary.toml"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(graph.GraphError, match=message):
        load_cues(path)
