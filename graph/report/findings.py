"""The report's key findings: who is central and why, the pair's arc and turning points, the
unbalanced triangles and the blocs: computed from what the report already holds, and worded
as :data:`~graph.report.wording.Sentence` s that the HTML and Markdown writers share.

>>> import graph
>>> report = graph.build_report(graph.load(), top=3)
>>> [c.label for c in report.findings.central][:2]
['Iran', 'Tajikistan']
>>> [(t.period, t.sign) for t in report.findings.turns]
[('2015', -1), ('2019', 1)]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..text import plural
from .wording import Sentence, clip, ordinal, sig, signed

if TYPE_CHECKING:
    from ..analyze import Communities
    from ..dataset import Dataset

__all__ = [
    "Bloc",
    "Central",
    "Findings",
    "Phase",
    "Standout",
    "Turn",
    "arc_sentence",
    "bloc_sentence",
    "central_sentence",
    "find",
    "triad_sentence",
    "triangles_line",
    "turn_sentence",
]

#: Measures a central actor can stand out by, in the order they are named, with what being
#: first by it says and how it is called.
STANDOUTS: dict[str, tuple[str, str]] = {
    "degree": ("most ties", "degree"),
    "betweenness": ("the main broker", "betweenness"),
    "pagerank": ("the most influence", "PageRank"),
    "weighted_degree": ("the most activity", "weighted degree"),
    "eigenvector": ("the best-connected partners", "eigenvector"),
    "closeness": ("the closest to everyone", "closeness"),
    "in_degree": ("the most acted on", "in-degree"),
    "out_degree": ("the most active initiator", "out-degree"),
}
#: Central actors named in the findings.
CENTRAL = 5
#: Reasons given per central actor.
REASONS = 2
#: Below this modularity the blocs are loose (a caveat says so).
LOW_MODULARITY = 0.3

_SIGN = {1: "cooperative", -1: "conflictual"}


@dataclass(frozen=True)
class Standout:
    """A measure an actor stands out by: its ``value``, ``rank`` (1 = first) and whether
    another actor has the same value (``tied``)."""

    measure: str
    value: float
    rank: int
    tied: bool


@dataclass(frozen=True)
class Central:
    """A central actor (``id``, ``label``, ``type``) and the measures that make it one."""

    id: str
    label: str
    type: str
    standouts: tuple[Standout, ...]


@dataclass(frozen=True)
class Phase:
    """A run of periods whose net relation keeps one ``sign`` (periods at 0 do not break it)."""

    sign: int
    first: str
    last: str


@dataclass(frozen=True)
class Turn:
    """A turning point: the ``period`` where the net relation changes sign to ``sign``, its
    ``score``, and the relation that marks it (its ``date``, ``type`` and ``quote``: the
    evidence, else the description; empty if none)."""

    period: str
    sign: int
    score: float
    date: str
    type: str
    quote: str


@dataclass(frozen=True)
class Bloc:
    """A community of cooperative ties: its ``number`` (1 = largest), ``members`` (ids) and
    ``ties`` (pairs of members with a cooperative relation)."""

    number: int
    members: tuple[str, ...]
    ties: int


@dataclass(frozen=True)
class Findings:
    """What the report says first (see :func:`find`)."""

    central: tuple[Central, ...]
    phases: tuple[Phase, ...]
    turns: tuple[Turn, ...]
    blocs: tuple[Bloc, ...]


def _ranks(values: np.ndarray) -> np.ndarray:
    """Competition ranks, largest first: 1 + how many values are larger."""
    ordered = np.sort(values)[::-1]
    return np.searchsorted(-ordered, -values, side="left") + 1


def _tied(values: np.ndarray, i: int) -> bool:
    return int((values == values[i]).sum()) > 1


def central_actors(records: list[dict[str, Any]], count: int = CENTRAL) -> tuple[Central, ...]:
    """The ``count`` most central actors, each with the measures that make it stand out.

    First come the actors first by some measure (in ``records`` order, PageRank's), then
    the rest of ``records`` in order. An actor's reasons are the measures it is first by
    (at most :data:`REASONS`, in :data:`STANDOUTS` order), else its best two ranks.
    """
    if not records:
        return ()
    table = {m: np.array([float(r[m] or 0) for r in records]) for m in STANDOUTS}
    ranks = {m: _ranks(v) for m, v in table.items()}
    leads = {m: (v > 0) & (ranks[m] == 1) for m, v in table.items()}
    first = [i for i in range(len(records)) if any(leads[m][i] for m in STANDOUTS)]
    chosen = list(dict.fromkeys([*first, *range(len(records))]))[:count]
    out = []
    for i in chosen:
        top = [m for m in STANDOUTS if leads[m][i]]
        if not top:
            top = sorted(STANDOUTS, key=lambda m: (ranks[m][i], list(STANDOUTS).index(m)))
        reasons = tuple(
            Standout(m, float(table[m][i]), int(ranks[m][i]), _tied(table[m], i))
            for m in top[:REASONS]
        )
        r = records[i]
        out.append(Central(str(r["id"]), str(r["label"]), str(r["type"]), reasons))
    return tuple(out)


def phases(trend: pd.DataFrame) -> tuple[Phase, ...]:
    """The runs of one sign in a pair's trend (:func:`graph.analyze.pair_trend`)."""
    out: list[Phase] = []
    for period, score in zip(trend["period"].astype(str), trend["score"], strict=True):
        sign = int(np.sign(score))
        if sign == 0:
            continue
        if out and out[-1].sign == sign:
            out[-1] = Phase(sign, out[-1].first, period)
        else:
            out.append(Phase(sign, period, period))
    return tuple(out)


def _period(date: str, freq: str) -> str:
    """The label of the period a date string (``2015-12-29``, ``2015-12``, ``2015``) starts in.

    >>> _period("2015-12-29", "quarter"), _period("2015", "month"), _period("2015-12", "year")
    ('2015Q4', '2015-01', '2015')
    """
    year = date[:4]
    if freq == "year":
        return year
    month = int(date[5:7]) if len(date) >= 7 else 1
    return f"{year}-{month:02d}" if freq == "month" else f"{year}Q{(month - 1) // 3 + 1}"


def turning_points(
    trend: pd.DataFrame, events: pd.DataFrame, freq: str = "year"
) -> tuple[Turn, ...]:
    """Where the pair's net relation changes sign, each with the relation that marks it: one
    of the new sign starting in that period (with evidence first, then the earliest), else
    the latest of the new sign started before."""
    runs = phases(trend)
    scores = dict(zip(trend["period"].astype(str), trend["score"], strict=True))
    rows = events.to_dict("records") if len(events) else []
    out = []
    for run in runs[1:]:
        same = [r for r in rows if r["date"] and int(r["sign"]) == run.sign]
        here = [r for r in same if _period(str(r["date"]), freq) == run.first]
        before = [r for r in same if _period(str(r["date"]), freq) < run.first]
        mark = (
            sorted(here, key=lambda r: (not r["evidence"], str(r["date"])))[0]
            if here
            else (before[-1] if before else None)
        )
        quote = "" if mark is None else str(mark["evidence"] or mark["description"] or "")
        out.append(
            Turn(
                run.first,
                run.sign,
                float(scores[run.first]),
                "" if mark is None else str(mark["date"]),
                "" if mark is None else str(mark["type"]),
                quote,
            )
        )
    return tuple(out)


def blocs(found: Communities, dataset: Dataset, order: list[str] | None = None) -> tuple[Bloc, ...]:
    """The communities with their number of cooperative ties (pairs of members with a
    cooperative relation, self-loops left out); members in ``order`` (ids, most central
    first), else in dataset order."""
    place = {node: i for i, node in enumerate(order or [])}
    community = {
        node: None if pd.isna(c) else int(c)
        for node, c in zip(found.table["id"], found.table["community"], strict=True)
    }
    edges = dataset.edges
    friendly = edges[(edges["sign"] > 0) & (edges["source"] != edges["target"])]
    ties: dict[int, set[tuple[str, str]]] = {}
    for s, t in zip(friendly["source"], friendly["target"], strict=True):
        cs = community.get(s)
        if cs is not None and cs == community.get(t):
            ties.setdefault(cs, set()).add((min(s, t), max(s, t)))
    return tuple(
        Bloc(
            g["community"],
            tuple(sorted(g["members"], key=lambda m: place.get(m, len(place)))),
            len(ties.get(g["community"], ())),
        )
        for g in found.groups()
    )


def find(
    records: list[dict[str, Any]],
    trend: pd.DataFrame,
    events: pd.DataFrame,
    found: Communities,
    dataset: Dataset,
    freq: str = "year",
) -> Findings:
    """The findings of a report, from its node measures (``records``, sorted by PageRank),
    the pair's ``trend`` and ``events`` (timeline) and the communities (members listed in
    ``records`` order: most central first)."""
    return Findings(
        central=central_actors(records),
        phases=phases(trend),
        turns=turning_points(trend, events, freq),
        blocs=blocs(found, dataset, [str(r["id"]) for r in records]),
    )


# --- wording


def _reasons(standouts: tuple[Standout, ...], katz: bool) -> str:
    """``most ties (degree 13) and the main broker (betweenness 0.790)``; ranks below the
    first are grouped: ``joint 3rd by betweenness (0.100) and out-degree (2)``."""
    names = {m: STANDOUTS[m][1] for m in STANDOUTS} | ({"eigenvector": "Katz"} if katz else {})
    out: list[str] = []
    for rank in dict.fromkeys(s.rank for s in standouts):
        group = [s for s in standouts if s.rank == rank]
        if rank == 1:
            out += [
                f"{STANDOUTS[s.measure][0]} ({names[s.measure]} {sig(s.value)}"
                f"{', tied' if s.tied else ''})"
                for s in group
            ]
            continue
        joint = "joint " if any(s.tied for s in group) else ""
        values = " and ".join(f"{names[s.measure]} ({sig(s.value)})" for s in group)
        out.append(f"{joint}{ordinal(rank)} by {values}")
    return " and ".join(out)


def central_sentence(c: Central, katz: bool = False) -> Sentence:
    """``Tajikistan — most ties (degree 13) and the main broker (betweenness 0.790)``.

    >>> s = Standout("degree", 8.0, 2, False), Standout("betweenness", 0.38, 2, False)
    >>> "".join(text for _, text in central_sentence(Central("iran", "Iran", "state", s)))
    'Iran — 2nd by degree (8) and betweenness (0.380)'
    """
    return (("name", c.label), ("text", " — " + _reasons(c.standouts, katz)))


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first}–{last}"


def arc_sentence(runs: tuple[Phase, ...], trend: pd.DataFrame) -> Sentence:
    """A pair's arc: ``cooperative 1991–2014, conflictual 2015–2018, cooperative 2019–2021;
    net +8 in 2021 (10 relations in force).``"""
    if not runs:
        return (("text", "Never cooperative or conflictual on balance in any period."),)
    arc = ", ".join(f"{_SIGN[r.sign]} {_span(r.first, r.last)}" for r in runs)
    last = trend.iloc[-1]
    turns = len(runs) - 1
    return (
        (
            "text",
            f"{arc[0].upper()}{arc[1:]}"
            f" ({'no turning point' if not turns else plural(turns, 'turning point')}); "
            f"net {signed(float(last['score']))} in {last['period']} "
            f"({plural(int(last['relations']), 'relation')} in force).",
        ),
    )


def turn_sentence(t: Turn) -> Sentence:
    """``2015: turned conflictual (net -1) — dispute, 2015-12: “But relations cooled …”``."""
    parts: list[tuple[str, str]] = [
        ("text", f"{t.period}: turned {_SIGN[t.sign]} (net {signed(t.score)})")
    ]
    if t.type:
        parts.append(("text", f" — {t.type}, {t.date}"))
    if t.quote:
        parts += [("text", ": "), ("quote", clip(t.quote, 200))]
    return tuple(parts)


def triangles_line(unbalanced: int, triads: int) -> str:
    """How many signed triangles are unbalanced, as a line that leads to their list.

    >>> triangles_line(1, 1), triangles_line(0, 3)
    ('1 of 1 signed triangle is unbalanced:', 'All 3 signed triangles are balanced.')
    """
    if unbalanced == 0:
        verb = "is" if triads == 1 else "are"
        return f"All {plural(triads, 'signed triangle')} {verb} balanced."
    verb = "is" if unbalanced == 1 else "are"
    return f"{unbalanced} of {plural(triads, 'signed triangle')} {verb} unbalanced:"


def triad_sentence(row: Mapping[Any, Any], labels: dict[str, str]) -> Sentence:
    """An unbalanced triangle in words: one actor friendly with two who are at odds, or
    three actors all at odds.

    >>> row = {"a": "x", "b": "y", "c": "z", "ab": 1, "bc": -1, "ac": 1}
    >>> "".join(text for _, text in triad_sentence(row, {"x": "X"}))
    'X is on good terms with both y and z, who are at odds'
    """
    a, b, c = (labels.get(row[k], row[k]) for k in ("a", "b", "c"))
    signs = {"ab": (c, a, b), "bc": (a, b, c), "ac": (b, a, c)}
    hostile = [k for k in ("ab", "bc", "ac") if int(row[k]) < 0]
    if len(hostile) == 1:
        middle, one, other = signs[hostile[0]]
        return (
            ("name", middle),
            ("text", " is on good terms with both "),
            ("name", one),
            ("text", " and "),
            ("name", other),
            ("text", ", who are at odds"),
        )
    return (
        ("name", a),
        ("text", ", "),
        ("name", b),
        ("text", " and "),
        ("name", c),
        ("text", " are all at odds with one another"),
    )


def bloc_sentence(bloc: Bloc, labels: dict[str, str], names: int = 8) -> Sentence:
    """``Iran, Tajikistan, … and 2 more`` (the first ``names`` members)."""
    shown = [labels.get(m, m) for m in bloc.members[:names]]
    parts: list[tuple[str, str]] = []
    for i, label in enumerate(shown):
        if i:
            parts.append(("text", ", "))
        parts.append(("data", label))
    more = len(bloc.members) - len(shown)
    if more > 0:
        parts.append(("text", f" and {more} more"))
    return tuple(parts)
