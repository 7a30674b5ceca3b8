"""What a caller chooses when drawing: the measures that size nodes, and the physics limit.

Kept apart from the drawing code so that the CLI's help can name them without importing it.

>>> sorted(SIZE_MEASURES), PHYSICS_MAX_NODES
(['betweenness', 'degree', 'pagerank'], 2000)
"""

from __future__ import annotations

__all__ = ["PHYSICS_MAX_NODES", "SIZE_MEASURES"]

#: Measures a page can size nodes by, with what they tell.
SIZE_MEASURES: dict[str, str] = {
    "degree": "distinct partners",
    "pagerank": "weighted random-walk score",
    "betweenness": "share of shortest paths through the node",
}

#: Above this many nodes the page offers no physics (the browser would not keep up).
PHYSICS_MAX_NODES = 2000
