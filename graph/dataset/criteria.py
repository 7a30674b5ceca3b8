"""What a filtered view keeps: :class:`Criteria`, the arguments of a filter as one value.

Kept apart from the filtering code so that the CLI can build its filter options without
importing pandas or networkx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Criteria", "DateLike"]

DateLike = Union[str, "pd.Timestamp", None]


@dataclass(frozen=True)
class Criteria:
    """What to keep; every field left at ``None`` keeps everything.

    The CLI builds one from its shared options (``--types``, ``--from`` …). The fields are
    the keyword arguments of :func:`filter_dataset`, where each is described.

    Parameters
    ----------
    types, families : list of str, optional
        Relation types (``visit``) or families (``diplomatic``) to keep.
    node_types : list of str, optional
        Actor types to keep.
    sign : {-1, 0, 1}, optional
        Keep only conflictual, neutral or cooperative relations.
    start, end : str or Timestamp, optional
        Time window (``2015``, ``2019-06``, ``2021-04-05``); bounds are inclusive.
    as_of : str or Timestamp, optional
        Relations begun by that date and not ended before it.
    ego : str, optional
        Keep the actors within ``depth`` steps of this actor.
    depth : int, default 1
        Steps from ``ego``.
    undated : bool, default True
        Keep relations without a date when filtering by time.

    Examples
    --------
    >>> criteria = graph.Criteria(families=["conflict"], start="2020")
    >>> criteria.active, graph.Criteria().active
    (True, False)
    >>> ds.filter(**criteria.to_kwargs())
    <Dataset 'iran_tajikistan': 3 nodes, 2 edges>
    """

    types: Sequence[str] | None = None
    families: Sequence[str] | None = None
    node_types: Sequence[str] | None = None
    sign: int | None = None
    start: DateLike = None
    end: DateLike = None
    as_of: DateLike = None
    ego: str | None = None
    depth: int = 1
    undated: bool = True

    def to_kwargs(self) -> dict[str, Any]:
        """The criteria as keyword arguments of :func:`filter_dataset`."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def active(self) -> bool:
        """True when any criterion would drop something."""
        defaults = Criteria()
        return any(
            getattr(self, f.name) != getattr(defaults, f.name)
            for f in fields(self)
            if f.name not in ("depth",)
        )
