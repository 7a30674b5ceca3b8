"""``find_node``: ids, labels and aliases to node ids, and every API that takes an actor."""

from __future__ import annotations

import pytest

import graph
from graph import UsageError, find_node
from graph.dataset import node_labels

NODES = """\
    id,label,type,aliases
    a,Émile Zola,person,Zola;The Writer
    b,A,person,Mirzo
    c,Shir Ali Mirza,person,Mirzo;Sherali Mirzo
    d,Same,state,
    e,Same,state,
    """
EDGES = """\
    source,target,type,date
    a,b,talks,2019
    b,c,talks,2020
    """


@pytest.fixture
def small(make_dataset) -> graph.Dataset:
    return graph.load(make_dataset(NODES, EDGES))


@pytest.mark.parametrize(
    ("name", "node"),
    [
        ("muhiddin_kabiri", "muhiddin_kabiri"),
        ("Muhiddin Kabiri", "muhiddin_kabiri"),
        ("Kabiri", "muhiddin_kabiri"),
        ("  muhiddin   KABIRI ", "muhiddin_kabiri"),
        ("Shir_Ali_Mirza", "shir_ali_mirza"),
        ("sherali mirzo", "shir_ali_mirza"),
        ("Islamic Republic of Iran", "iran"),
        ("DUSHANBE", "tajikistan"),
        ("UNSC", "unsc"),
    ],
)
def test_ids_labels_and_aliases_of_the_bundled_dataset(
    bundled: graph.Dataset, name: str, node: str
) -> None:
    assert find_node(bundled, name) == node


def test_accents_case_and_spaces_do_not_matter(small: graph.Dataset) -> None:
    assert find_node(small, "emile zola") == "a"
    assert find_node(small, "THE  writer") == "a"


def test_an_id_wins_over_a_label(small: graph.Dataset) -> None:
    # "A" is node b's label, but also node a's id written in capitals
    assert find_node(small, "a") == "a"
    assert find_node(small, "A") == "a"


def test_a_label_wins_over_an_alias(make_dataset) -> None:
    ds = graph.load(
        make_dataset(
            "id,label,type,aliases\nx,Tehran,state,\niran,Iran,state,Tehran\n",
            "source,target,type\nx,iran,talks\n",
        )
    )
    assert find_node(ds, "tehran") == "x"


def test_ambiguous_names_list_candidates(small: graph.Dataset) -> None:
    with pytest.raises(UsageError) as caught:
        find_node(small, "mirzo")
    assert str(caught.value) == (
        "'mirzo' could be any of 2 actors: b (A), c (Shir Ali Mirza); give its id"
    )
    with pytest.raises(UsageError, match=r"d \(Same\), e \(Same\)"):
        find_node(small, "same")


def test_unknown_names_get_a_suggestion(bundled: graph.Dataset) -> None:
    with pytest.raises(UsageError, match="did you mean 'tajikistan'"):
        find_node(bundled, "tajikstan")
    with pytest.raises(UsageError, match="did you mean 'Kabiri'"):
        find_node(bundled, "Kabri")
    with pytest.raises(UsageError, match=r"^'nobody at all' is not a node id, label or alias$"):
        find_node(bundled, "nobody at all")
    with pytest.raises(UsageError, match="is not a node id"):
        find_node(bundled, "   ")


def test_param_names_where_the_name_came_from(bundled: graph.Dataset) -> None:
    with pytest.raises(UsageError) as caught:
        find_node(bundled, "tajikstan", param="ego")
    assert str(caught.value).startswith("ego: 'tajikstan'")
    assert caught.value.worded({"ego": "--ego"}).startswith("--ego: 'tajikstan'")


def test_node_labels_fall_back_to_the_id(bundled: graph.Dataset) -> None:
    labels = node_labels(bundled)
    assert labels["muhiddin_kabiri"] == "Muhiddin Kabiri" and len(labels) == len(bundled.nodes)


def test_every_api_taking_an_actor_takes_a_name(bundled: graph.Dataset) -> None:
    ds = bundled
    assert graph.timeline(ds, "Iran", "Dushanbe").equals(graph.timeline(ds, "iran", "tajikistan"))
    assert graph.pair_trend(ds, "Tehran", "Tajikistan", freq="month").equals(
        graph.pair_trend(ds, "iran", "tajikistan", freq="month")
    )
    assert graph.neighbors(ds, "Shir Ali Mirza", depth=2).equals(
        graph.neighbors(ds, "shir_ali_mirza", depth=2)
    )
    assert graph.paths(ds, "Kabiri", "Russia").equals(graph.paths(ds, "muhiddin_kabiri", "russia"))
    by_name = ds.filter(ego="Muhiddin Kabiri", depth=2)
    assert by_name.nodes.equals(ds.filter(ego="muhiddin_kabiri", depth=2).nodes)
    assert by_name.notes == ("filtered: within 2 step(s) of muhiddin_kabiri",)
    report = graph.build_report(ds, top=2, pair=("Iran", "Russian Federation"))
    assert report.pair == ("iran", "russia")


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: graph.timeline(ds, "Iran", "Tehran"),
        lambda ds: graph.paths(ds, "iran", "Islamic Republic of Iran"),
    ],
)
def test_two_names_of_one_actor_are_one_actor(bundled: graph.Dataset, call) -> None:
    with pytest.raises(UsageError, match="two different actors, not 'iran' twice"):
        call(bundled)
