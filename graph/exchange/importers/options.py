"""What an import keeps and how it shapes the output: :class:`ImportOptions`.

>>> ImportOptions(countries=("irn", "Tajikistan"), aggregate="month").checked().countries
('IRN', 'TJK')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from ...errors import UsageError
from ...text import suggest

# pandas, the dates parser and the country tables load where they are used, so that the CLI
# can declare the import options without them.

__all__ = ["AGGREGATES", "TABLE_FORMATS", "ImportOptions", "import_vocabulary"]

AGGREGATES = ("day", "week", "month", "year")
#: The formats of the output folder's two tables (``nodes``/``edges`` ``.csv`` or ``.parquet``).
TABLE_FORMATS = ("csv", "parquet")
_CODE_PREFIX = re.compile(r"\d{2,4}")


def import_vocabulary() -> Any:
    """The built-in vocabulary plus the types imports add (``importers/vocabulary.toml``)."""
    from ...model.vocabulary import load_vocabulary
    from .countries import DATA_DIR

    return load_vocabulary(DATA_DIR / "vocabulary.toml")


def _split(values: Sequence[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    items = [values] if isinstance(values, str) else list(values)
    return tuple(v.strip() for item in items for v in str(item).split(",") if v.strip())


@dataclass(frozen=True)
class ImportOptions:
    """Filters and output shape of an import; every default keeps everything.

    Give one to :func:`graph.import_gdelt` or :func:`graph.import_icews` as ``options``, or
    pass its fields there as keywords.

    Parameters
    ----------
    countries : tuple of str
        Keep events where an actor is, or belongs to, one of these states (ISO3 ``IRN``, a
        name ``Iran`` or an id ``iran``).
    actors : tuple of str
        Keep events where an actor is one of these (node id, label or alias: ``cis``, ``SCO``).
        With ``countries``, either list may match.
    both_sides : bool
        Require both actors to match ``countries``/``actors`` (default: at least one).
    start, end : str
        Keep events on or after ``start`` and on or before ``end`` (``2019``, ``2019-06``).
    codes : tuple of str
        Keep CAMEO codes that start with one of these (``04``, ``057``, ``19``).
    types : tuple of str
        Keep events mapped to these relation types (``visit``, ``conflict``).
    min_mentions : int
        GDELT only: keep events mentioned at least this often (NumMentions).
    locate_actors : bool
        GDELT only: an actor with a type code but no country (``GOV``, ``COP``) takes the
        country of its ``Actor1Geo_CountryCode``/``Actor2Geo_CountryCode`` instead of being
        dropped as ``no-country``; the edge's ``located`` column says which actor was placed.
    aggregate : {"day", "week", "month", "year"} or None
        One edge per pair, type and period (``count`` and summed weight), not per event; a
        week (ISO, Monday to Sunday) is dated by its Monday (``2019-10-21``).
    link : bool
        Add an ``office`` (person) or ``membership`` edge from each actor to its state.
    self_loops : bool
        Keep events whose two actors are the same node (dropped and counted otherwise).
    strict : bool
        Fail, writing nothing, if any row cannot be parsed.
    table_format : {"csv", "parquet"}
        The format of ``nodes`` and ``edges`` in the output folder: ``nodes.csv`` and
        ``edges.csv``, or ``nodes.parquet`` and ``edges.parquet`` (docs/format.md).

    Examples
    --------
    Events involving Iran, visits and agreements only, one edge per pair, type and month:

    >>> options = graph.ImportOptions(countries=["Iran"], types=["visit", "agreement"],
    ...                               aggregate="month")
    >>> checked = options.checked()
    >>> checked.countries, checked.types
    (('IRN',), ('visit', 'agreement'))
    """

    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    both_sides: bool = False
    start: str | None = None
    end: str | None = None
    codes: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    min_mentions: int = 0
    locate_actors: bool = False
    aggregate: str | None = None
    link: bool = True
    self_loops: bool = False
    strict: bool = False
    table_format: str = "csv"

    def checked(self) -> ImportOptions:
        """Return the options normalized (ISO3 codes, lists split on commas).

        Raises
        ------
        UsageError
            For an unknown country, relation type, aggregate period, bad date or code.
        """
        countries = tuple(_country(c) for c in _split(self.countries))
        actors = _split(self.actors)
        codes = _split(self.codes)
        for code in codes:
            if not _CODE_PREFIX.fullmatch(code):
                raise UsageError(
                    f"'{code}' is not a CAMEO code or prefix; give 2-4 digits with the leading "
                    "zero (04, 040, 0431)"
                )
        known = import_vocabulary().edge_types
        types = tuple(t.lower() for t in _split(self.types))
        for name in types:
            if name not in known:
                raise UsageError(f"unknown relation type '{name}'{suggest(name, known)}")
        if self.aggregate is not None and self.aggregate not in AGGREGATES:
            raise UsageError(
                f"{{aggregate}} must be one of {', '.join(AGGREGATES)}, not '{self.aggregate}'",
                params=("aggregate",),
            )
        from ...model.dates import parse_bound

        for bound in (self.start, self.end):
            if bound is not None:
                try:
                    parse_bound(bound)
                except ValueError as exc:
                    raise UsageError(str(exc)) from None
        if self.min_mentions < 0:
            raise UsageError("{min_mentions} must be 0 or more", params=("min_mentions",))
        table_format = self.table_format.lower()
        if table_format not in TABLE_FORMATS:
            raise UsageError(
                f"{{table_format}} must be one of {', '.join(TABLE_FORMATS)}, "
                f"not '{self.table_format}'",
                params=("table_format",),
            )
        return replace(
            self,
            countries=countries,
            actors=actors,
            codes=codes,
            types=types,
            table_format=table_format,
        )

    def bounds(self) -> tuple[str | None, str | None]:
        """``start``/``end`` as ISO day strings (compare with ``YYYY-MM-DD`` event dates)."""
        from ...model.dates import iso_day, parse_bound

        low = iso_day(parse_bound(self.start)) if self.start else None
        high = iso_day(parse_bound(self.end, upper=True)) if self.end else None
        return low, high

    def to_dict(self) -> dict[str, Any]:
        """The options as plain data (lists for tuples), for JSON."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def _country(value: str) -> str:
    import pandas as pd

    from .countries import resolve_names, state_table

    states = state_table()
    upper = value.upper()
    if upper in states.index:
        return upper
    by_id = dict(zip(states["id"], states["iso3"], strict=True))
    if value.lower() in by_id:
        return str(by_id[value.lower()])
    found = resolve_names(pd.Index([value]))
    if found["kind"].iloc[0] == "state":
        return str(found["iso3"].iloc[0])
    hint = suggest(value, list(states["label"]) + list(states["iso3"]))
    raise UsageError(f"unknown country '{value}'{hint}; give an ISO3 code (IRN) or a name (Iran)")
