"""What a caller chooses when drawing: size and colour measures, and how links are drawn.

Kept apart from the drawing code so that the CLI's help can name them without importing it.

>>> list(SIZE_MEASURES)
['degree', 'weighted_degree', 'betweenness', 'pagerank', 'eigenvector']
>>> list(COLOR_CHOICES), list(LINK_MODES)
(['type', 'community', 'sign'], ['pair', 'relation'])
>>> list(LAYOUTS)
['network', 'map']
>>> check_choice("links", "pair", LINK_MODES)
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import UsageError

__all__ = ["COLOR_CHOICES", "LAYOUTS", "LINK_MODES", "PAIR_KINDS", "SIZE_MEASURES", "check_choice"]

#: Measures a page can size nodes by (those of ``graph stats``), with what they tell.
SIZE_MEASURES: dict[str, str] = {
    "degree": "distinct partners",
    "weighted_degree": "sum of relation weights",
    "betweenness": "share of shortest paths through the actor",
    "pagerank": "weighted random-walk score",
    "eigenvector": "tied to well-tied actors",
}

#: What a page can colour actors by.
COLOR_CHOICES: dict[str, str] = {
    "type": "actor type",
    "community": "community on the cooperative layer",
    "sign": "net relation with the selected actor",
}

#: How a page draws relations: one link per pair of actors, or one line per relation.
LINK_MODES: dict[str, str] = {
    "pair": "one link per pair of actors (width: number of relations, colour: net sign)",
    "relation": "one line per relation (colour: its type)",
}

#: Where a page places actors: by their relations, or states at their place on a world map.
LAYOUTS: dict[str, str] = {
    "network": "seeded force-directed layout of the relations",
    "map": "states at their place on a world map, their actors around them, the rest in a band",
}


def check_choice(param: str, value: str, choices: Mapping[str, str]) -> None:
    """Raise :class:`~graph.errors.UsageError` naming ``param`` unless ``value`` is a choice.

    Parameters
    ----------
    param : str
        The parameter's name, worded as a flag by the CLI.
    value : str
        What the caller gave.
    choices : Mapping
        The allowed values.
    """
    if value not in choices:
        raise UsageError(
            f"unknown {{{param}}} '{value}'; expected one of: {', '.join(choices)}",
            params=(param,),
        )


#: The kinds of a pair's link, by the signs of its relations, and their colours.
PAIR_KINDS: dict[str, dict[str, str]] = {
    "cooperative": {"color": "#2f855a", "meaning": "only cooperative (and neutral) relations"},
    "mixed": {"color": "#c27c0e", "meaning": "both cooperative and conflictual relations"},
    "conflictual": {"color": "#c53030", "meaning": "only conflictual (and neutral) relations"},
    "neutral": {"color": "#7b8794", "meaning": "only neutral relations"},
}
