"""Names every doctest in ``graph/`` starts with, as networkx's ``conftest.py`` does.

Examples can use ``graph`` (the package), ``pd`` (pandas) and ``ds`` (the bundled
Iran–Tajikistan dataset, ``graph.load()``, loaded once per session) without importing
or loading them. Examples must not modify ``ds``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import graph


@pytest.fixture(scope="session")
def _bundled_dataset() -> graph.Dataset:
    """The bundled dataset, loaded once for all doctests."""
    return graph.load()


@pytest.fixture(autouse=True)
def add_doctest_names(doctest_namespace: dict[str, Any], _bundled_dataset: graph.Dataset) -> None:
    """Put ``graph``, ``pd`` and ``ds`` into every doctest's namespace."""
    doctest_namespace["graph"] = graph
    doctest_namespace["pd"] = pd
    doctest_namespace["ds"] = _bundled_dataset
