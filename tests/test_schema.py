"""The vocabulary is data, and a dataset can extend it."""

from __future__ import annotations

import pytest

import graph
from graph.errors import DataError
from graph.model.vocabulary import load_vocabulary

REQUIRED_EDGE_TYPES = [
    *("visit", "talks", "agreement", "cooperation", "aid", "trade", "recognition", "mediation"),
    *("support", "membership", "office", "leadership", "invitation", "pressure", "protest"),
    *("sanction", "dispute", "threat", "conflict"),
]


def test_builtin_vocabulary_has_the_required_types() -> None:
    vocab = load_vocabulary()
    assert set(REQUIRED_EDGE_TYPES) <= set(vocab.edge_types)
    assert {"state", "person", "organization", "party", "armed-group"} <= set(vocab.node_types)
    for t in vocab.edge_types.values():
        assert t.sign in (-1, 0, 1) and t.color.startswith("#") and t.meaning
    assert vocab.edge_types["dispute"].directed is False
    assert vocab.edge_types["pressure"].sign == -1
    assert vocab.edge_types["membership"].family == "membership"


def test_dataset_vocabulary_adds_and_overrides(make_dataset) -> None:
    folder = make_dataset(
        "id,label,type\nx,X,state\ny,Y,militia\n",
        "source,target,type\nx,y,arms-sale\nx,y,visit\n",
        extra={
            "vocabulary.toml": """
                [node_types.militia]
                color = "#000000"
                [edge_types.arms-sale]
                directed = true
                sign = 1
                family = "military"
                [edge_types.visit]
                color = "#ff0000"
                """
        },
    )
    ds = graph.load(folder)
    assert ds.vocabulary.node_types["militia"].label == "militia"
    assert ds.vocabulary.edge_types["arms-sale"].family == "military"
    assert ds.vocabulary.edge_types["visit"].color == "#ff0000"
    assert ds.vocabulary.edge_types["visit"].directed is True  # untouched fields stay
    assert ds.edges["family"].tolist() == ["military", "diplomatic"]


@pytest.mark.parametrize(
    "toml, fragment",
    [
        ("[edge_types.x]\nsign = 5\n", "sign must be -1, 0 or 1"),
        ("[edge_types.x]\ndirected = 'yes'\n", "must be bool"),
        ("[edge_types.x]\ncolour = '#fff'\n", "unknown field 'colour'"),
        ("[edge_types.x\n", "bad-vocabulary"),
    ],
)
def test_bad_vocabulary_is_reported(make_dataset, toml: str, fragment: str) -> None:
    folder = make_dataset(
        "id,label,type\nx,X,state\n",
        "source,target,type\nx,x,visit\n",
        extra={"vocabulary.toml": toml},
    )
    with pytest.raises(DataError) as caught:
        graph.load(folder)
    (issue,) = caught.value.report.errors
    assert issue.code == "bad-vocabulary" and issue.file == "vocabulary.toml"
    assert fragment in str(issue) or fragment == issue.code


def test_vocabulary_names_are_normalized_like_table_cells(make_dataset) -> None:
    folder = make_dataset(
        "id,label,type\nx,X,state\ny,Y,state\n",
        "source,target,type\nx,y,arms_sale\nx,y,Arms Sale\n",
        extra={"vocabulary.toml": "[edge_types.Arms_Sale]\nsign = 1\n"},
    )
    assert graph.load(folder).edges["type"].tolist() == ["arms-sale", "arms-sale"]
