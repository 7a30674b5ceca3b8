"""From parsed events to the two tables: drop, filter, flip, aggregate, and count every row.

A format hands over :class:`Parsed`: the rows read (string columns), a
:class:`~graph.exchange.importers.fields.Checker` holding why rows were skipped, the parsed values
(``event_id``, ``date`` as ``YYYY-MM-DD``, CAMEO ``code`` with its ``type``, ``flip`` and
``label``, ``score``, ``mentions``), and each side's actor as a position in the node
*catalogue* (negative: no usable identity, ``-1`` no actor, ``-2`` no country, ``-4``
unspecified: minus the reason's index in :data:`DROPS`), and optionally (GDELT) the positions
``--locate-actors`` gives instead (``located``). Each row is counted once, at the first stage
that removes it; actors are integers until the end.

Weights: an event's ``weight`` is ``|score|`` and its ``sign`` the sign of the score, written
explicitly (a score of 0 gives weight 0 and sign 0: a neutral event, still counted). An
aggregated edge (:mod:`~graph.exchange.importers.aggregate`) sums the weights, takes the sign
of the summed score and counts the events.

>>> format_number(pd.Series([7.0, 2.5, -0.0, 7.0])).tolist()
['7', '2.5', '0', '7']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...errors import Issue
from ...model.columns import LINK_CITATION_SUFFIX, LINK_ID_INFIX, LINK_TYPES
from .fields import Checker, spread, tally
from .options import ImportOptions
from .reader import Rows

__all__ = [
    "DROPS",
    "FILTERS",
    "Outcome",
    "Parsed",
    "counted_nodes",
    "decide",
    "edge_table",
    "format_number",
    "link_edges",
    "period_key",
    "used_nodes",
]

DROPS = ["", "no-actor", "no-country", "same-actor", "unspecified"]
FILTERS = ["", "date", "codes", "types", "mentions", "actors"]
_PERIOD = {"day": 10, "month": 7, "year": 4}
_OFFICIAL = r"Government|Executive|Legislative|Judicial|Military|Ministry|Cabinet"


@dataclass
class Parsed:
    """A format's rows, checked and resolved (see the module docstring)."""

    frame: pd.DataFrame
    checker: Checker
    events: pd.DataFrame
    source: np.ndarray
    target: np.ndarray
    catalogue: pd.DataFrame
    unresolved: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    #: GDELT: each side's position with actors located by their geography (``source``,
    #: ``target`` where nothing was located); used with ``locate_actors``.
    located: tuple[np.ndarray, np.ndarray] | None = None


@dataclass
class Outcome:
    """Per row: drop and filter codes; the kept rows with their (flipped) actors."""

    drop: np.ndarray
    filtered: np.ndarray
    kept: np.ndarray
    source: np.ndarray
    target: np.ndarray
    #: With ``locate_actors``: per row 0, or 1/2/3 when Actor1/Actor2/both were located.
    located: np.ndarray | None = None

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Rows per drop reason and per filter."""
        return tally(self.drop, DROPS), tally(self.filtered, FILTERS)


def format_number(values: pd.Series | np.ndarray) -> pd.Series:
    """Numbers as short text (``7``, ``2.5``), formatted once per distinct value."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=float) + 0.0)
    return spread([f"{float(u):g}" for u in uniques], codes)


def _members(catalogue: pd.DataFrame, options: ImportOptions) -> np.ndarray:
    """Catalogue positions that match ``countries`` (a state or its actors) or ``actors``."""
    hit = np.zeros(len(catalogue), dtype=bool)
    if options.countries:
        own = catalogue["iso3"].isin(options.countries).to_numpy()
        states = set(catalogue["id"].to_numpy()[own])
        hit |= own | catalogue["country"].isin(states).to_numpy()
    if options.actors:
        wanted = {a.lower() for a in options.actors}
        names = catalogue["id"] + ";" + catalogue["label"] + ";" + catalogue["aliases"]
        exploded = names.str.lower().str.split(";").explode().str.strip()
        matched = exploded[exploded.isin(wanted)].index.unique()
        hit |= np.isin(np.arange(len(catalogue)), matched)
    return np.flatnonzero(hit)


def decide(parsed: Parsed, options: ImportOptions) -> Outcome:
    """Drop rows without usable actors (or with one actor twice), then apply the options."""
    ok = parsed.checker.ok
    events = parsed.events
    source, target, located = parsed.source, parsed.target, None
    if options.locate_actors and parsed.located is not None:
        source, target = parsed.located
        moved = (source != parsed.source).astype(np.int8) + 2 * (target != parsed.target)
        located = moved.astype(np.int8)
    flip = events["flip"].to_numpy(dtype=bool) & ok
    src = np.where(flip, target, source)
    tgt = np.where(flip, source, target)
    why = np.where(source < 0, -source, np.where(target < 0, -target, 0))
    drop = np.where(ok, why, 0).astype(np.int16)
    if not options.self_loops:
        drop[ok & (drop == 0) & (src == tgt)] = DROPS.index("same-actor")
    alive = ok & (drop == 0)
    filtered = np.zeros(len(events), dtype=np.int16)

    def mark(mask: np.ndarray | pd.Series, name: str) -> None:
        filtered[np.asarray(mask, dtype=bool) & alive & (filtered == 0)] = FILTERS.index(name)

    low, high = options.bounds()
    if low is not None:
        mark(events["date"] < low, "date")
    if high is not None:
        mark(events["date"] > high, "date")
    if options.codes:
        starts = np.zeros(len(events), dtype=bool)
        for prefix in options.codes:
            starts |= events["code"].str.startswith(prefix).to_numpy(dtype=bool)
        mark(~starts, "codes")
    if options.types:
        mark(~events["type"].isin(options.types), "types")
    if options.min_mentions:
        mark(~(events["mentions"] >= options.min_mentions), "mentions")
    if options.countries or options.actors:
        members = _members(parsed.catalogue, options)
        in_src, in_tgt = np.isin(src, members), np.isin(tgt, members)
        mark(~(in_src & in_tgt) if options.both_sides else ~(in_src | in_tgt), "actors")
    kept = alive & (filtered == 0)
    return Outcome(drop, filtered, kept, src, tgt, located)


def _sign(score: np.ndarray) -> pd.Series:
    return spread(["-1", "0", "1"], np.sign(score).astype(np.int64) + 1)


def edge_table(
    parsed: Parsed,
    outcome: Outcome,
    prefix: str,
    score_column: str,
    columns: Callable[[pd.DataFrame, pd.DataFrame], dict[str, pd.Series]],
) -> pd.DataFrame:
    """One edge per kept event: id ``<prefix>-<event id>``, weight ``|score|``, its sign.

    ``columns(frame, events)`` (the format's) gives ``description``, ``citation`` and extras
    for the kept rows only. Columns stay arrow-backed strings. With located actors
    (``outcome.located``), ``located`` says which: ``actor1``, ``actor2``, ``both`` or empty.
    """
    rows = np.flatnonzero(outcome.kept)
    events = parsed.events.iloc[rows].reset_index(drop=True)
    frame = parsed.frame.iloc[rows].reset_index(drop=True)
    ids = parsed.catalogue["id"].to_numpy(dtype=object)
    score = events["score"].to_numpy(dtype=float)
    extra = columns(frame, events)
    out = {
        "id": prefix + "-" + events["event_id"],
        "source": spread(ids, outcome.source[rows]),
        "target": spread(ids, outcome.target[rows]),
        "type": events["type"],
        "date": events["date"],
        "weight": format_number(np.abs(score)),
        "sign": _sign(score),
        "description": extra.pop("description"),
        "citation": extra.pop("citation"),
        "cameo": events["code"],
        "quad_class": extra.pop("quad_class", events["quad"]),
        score_column: format_number(score),
    }
    out.update(extra)
    if outcome.located is not None:
        out["located"] = spread(["", "actor1", "actor2", "both"], outcome.located[rows])
    return pd.DataFrame(out)


def period_key(dates: pd.Series, period: str) -> pd.Series:
    """The period of each ``YYYY-MM-DD`` date, as the date an aggregated edge carries.

    ``day``, ``month`` and ``year`` cut the date (``2019-10-24``, ``2019-10``, ``2019``); a
    ``week`` (ISO 8601, Monday to Sunday) is written as the day of its Monday, since a dataset
    date is a year, a month or a day: ``2019-10-21`` stands for week 2019-W43. Each distinct
    date is converted once.

    >>> period_key(pd.Series(["2019-10-24", "2019-10-27", "2019-10-28"]), "week").tolist()
    ['2019-10-21', '2019-10-21', '2019-10-28']
    >>> period_key(pd.Series(["2019-10-24"]), "month").tolist()
    ['2019-10']
    """
    if period != "week":
        return dates.str[: _PERIOD[period]]
    codes, uniques = pd.factorize(dates)
    days = pd.to_datetime(pd.Series(np.asarray(uniques, dtype=object)), format="%Y-%m-%d")
    monday = (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d")
    return pd.Series(spread(monday.to_numpy(dtype=object), codes).to_numpy(), index=dates.index)


def used_nodes(catalogue: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """The catalogue rows an edge uses, plus the states they belong to; ``events`` counted."""
    ends = pd.concat([edges["source"], edges["target"]], ignore_index=True)
    return counted_nodes(catalogue, ends.value_counts())


def counted_nodes(catalogue: pd.DataFrame, counts: pd.Series) -> pd.DataFrame:
    """The catalogue rows with a count (edge ends, by id), plus the states they belong to."""
    counts = counts[counts > 0]
    used = catalogue["id"].isin(counts.index)
    states = set(catalogue.loc[used, "country"]) - {""}
    nodes = catalogue[used | catalogue["id"].isin(states)].copy()
    nodes["events"] = counts.reindex(nodes["id"]).fillna(0).astype(int).astype(str).to_numpy()
    return nodes.sort_values("id", kind="stable").reset_index(drop=True)


def link_edges(nodes: pd.DataFrame, prefix: str, columns: list[str]) -> pd.DataFrame:
    """A ``membership`` edge from every actor to its state (``office`` for an official).

    An official is a person whose ICEWS sectors name a branch of government.
    """
    linked = nodes[(nodes["country"] != "") & (nodes["type"] != "state")]
    labels = pd.Series(nodes["label"].to_numpy(), index=nodes["id"].to_numpy())
    state = linked["country"].map(labels).fillna(linked["country"])
    sectors = linked["sectors"] if "sectors" in linked else pd.Series("", index=linked.index)
    official = (linked["type"] == "person") & sectors.str.contains(_OFFICIAL, regex=True)
    member, office = LINK_TYPES
    out = pd.DataFrame(
        {
            "id": prefix + LINK_ID_INFIX + linked["id"],
            "source": linked["id"],
            "target": linked["country"],
            "type": np.where(official, office, member),
            "weight": "1",
            "sign": "0",
            "description": linked["label"] + " belongs to " + state + " (actor coding)",
            "citation": prefix.upper() + LINK_CITATION_SUFFIX,
        }
    )
    return out.reindex(columns=columns, fill_value="").reset_index(drop=True).astype("str")


def parse_files(
    rows: list[Rows],
    columns: Iterable[str],
    check: Callable[[pd.DataFrame, list[str]], tuple[Checker, pd.DataFrame]],
    actors: Callable[
        [pd.DataFrame, np.ndarray], tuple[np.ndarray, np.ndarray, pd.DataFrame, list[str]]
    ],
) -> Parsed:
    """Join the rows read from every file, check them and resolve both sides' actors.

    ``check`` and ``actors`` are the format's own (GDELT or ICEWS); the rest is shared.
    """
    files = [r.source.name for r in rows]
    frame = pd.concat([r.frame.assign(_file=i) for i, r in enumerate(rows)], ignore_index=True)
    frame = frame.astype({c: "str" for c in columns})
    checked, events = check(frame, files)
    source, target, table, unresolved = actors(frame, checked.ok)
    issues = [i for r in rows for i in r.issues] + checked.issues
    return Parsed(frame, checked, events, source, target, table, unresolved, issues)
