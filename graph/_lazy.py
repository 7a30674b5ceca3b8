"""Load a package's public names on first use (PEP 562), as scientific-python's ``lazy_loader``.

Each stage package lists where its names live; ``import graph.analyze`` then costs nothing
until a name is used, so a command (or ``--help``) loads only the stages it needs.

>>> import types
>>> getattr_, dir_ = attach("graph.text", {"plural": "text"})
>>> "plural" in dir_()
True
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["attach"]


def attach(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package whose names load on first use.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    exports : mapping of str to str
        Each public name and the submodule (relative to ``package``) that defines it.

    Returns
    -------
    tuple of callable
        ``(__getattr__, __dir__)`` to assign in the package's ``__init__``.
    """

    def __getattr__(name: str) -> Any:
        try:
            module = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(f".{module}", package), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip __getattr__
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *exports})

    return __getattr__, __dir__
