"""Every name exported from ``graph`` has a numpydoc docstring: Parameters, Returns and an
Examples section (run as a doctest by ``--doctest-modules``).

Checked with numpydoc's own validator, the one its Sphinx extension uses.
"""

from __future__ import annotations

import inspect

import pytest
from numpydoc.validate import validate

import graph

#: numpydoc's codes for what must be there: a docstring (GL08), every parameter documented
#: (PR01) and no unknown one (PR02), a Returns section (RT01), an Examples section (EX01).
REQUIRED = {"GL08", "PR01", "PR02", "RT01", "EX01"}

EXPORTED = [
    name
    for name in graph.__all__
    if inspect.isfunction(getattr(graph, name)) or inspect.isclass(getattr(graph, name))
]


def missing_sections(obj: object) -> list[str]:
    """numpydoc's complaints about ``obj`` among the required codes."""
    path = f"{obj.__module__}.{obj.__qualname__}"  # type: ignore[attr-defined]
    return [f"{code}: {text}" for code, text in validate(path)["errors"] if code in REQUIRED]


@pytest.mark.parametrize("name", EXPORTED)
def test_exported_name_has_numpydoc_sections(name: str) -> None:
    assert missing_sections(getattr(graph, name)) == []


def _bare(x: int) -> int:
    """Add one."""
    return x + 1


def test_the_check_finds_a_bare_docstring() -> None:
    codes = {m.split(":")[0] for m in missing_sections(_bare)}
    assert {"PR01", "RT01", "EX01"} <= codes


def test_every_public_name_is_exported() -> None:
    assert len(EXPORTED) > 50
    assert sorted(graph.__all__) == sorted(set(graph.__all__))
