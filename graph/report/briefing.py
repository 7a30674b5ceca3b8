"""The key findings as cards, the same in the HTML and the Markdown report: who is central and
why, the pair's arc and turning points, the unbalanced triangles, the blocs.

A :class:`Card` is words only (:data:`~graph.report.wording.Sentence` s); each writer escapes
and lays it out.

>>> import graph
>>> [card.key for card in cards(graph.build_report(graph.load(), top=3))]
['central', 'pair', 'balance', 'blocs']
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import (
    LOW_MODULARITY,
    arc_sentence,
    bloc_sentence,
    central_sentence,
    triad_sentence,
    triangles_line,
    turn_sentence,
)
from .model import Report
from .wording import Sentence

__all__ = ["Card", "cards"]

#: Unbalanced triangles named in the findings.
TRIANGLES_NAMED = 2
#: Members of the largest bloc named in the findings.
MEMBERS_NAMED = 6


@dataclass(frozen=True)
class Card:
    """One finding: ``key`` (its id: ``central``, ``pair``, ``balance``, ``blocs``), a
    ``heading``, a ``lead`` paragraph, ``items`` (a list, ``ordered`` when a ranking) and
    ``more`` (a closing line, such as ``… and 125 more.``)."""

    key: str
    heading: Sentence
    lead: Sentence = ()
    items: tuple[Sentence, ...] = ()
    ordered: bool = False
    more: str = ""


def _central(report: Report) -> Card | None:
    katz = report.stats.measures.eigenvector == "katz"
    items = tuple(central_sentence(c, katz) for c in report.findings.central)
    if not items:
        return None
    return Card("central", (("text", "Who is central, and why"),), items=items, ordered=True)


def _pair(report: Report) -> Card | None:
    if report.pair is None:
        return None
    labels, f = report.labels, report.findings
    a, b = (labels.get(x, x) for x in report.pair)
    heading: Sentence = (("text", "The pair: "), ("data", f"{a} – {b}"))
    if report.pair_note:
        return Card("pair", heading, (("text", report.pair_note),))
    turns = tuple(turn_sentence(t) for t in f.turns)
    return Card("pair", heading, arc_sentence(f.phases, report.trend), turns)


def _balance(report: Report) -> Card:
    bal, heading = report.balance, (("text", "Unbalanced triangles"),)
    if bal.triads == 0:
        line = "No signed triangle: no three actors are all tied by signed relations."
        return Card("balance", heading, (("text", line),))
    rows = bal.unbalanced_triads.head(TRIANGLES_NAMED).to_dict("records")
    more = bal.unbalanced - len(rows)
    return Card(
        "balance",
        heading,
        (("text", triangles_line(bal.unbalanced, bal.triads)),),
        tuple(triad_sentence(r, report.labels) for r in rows),
        more=f"… and {more} more." if more > 0 else "",
    )


def _blocs(report: Report) -> Card:
    blocs, heading = report.findings.blocs, (("text", "Blocs"),)
    if not blocs:
        return Card("blocs", heading, (("text", "No cooperative ties, so no blocs."),))
    largest, modularity = blocs[0], report.communities.modularity
    loose = (
        f" Modularity {modularity:.2f} is low (under {LOW_MODULARITY}): loose blocs."
        if modularity < LOW_MODULARITY
        else ""
    )
    lead: Sentence = (
        (
            "text",
            f"{len(blocs)} bloc{'s' if len(blocs) != 1 else ''} of cooperative ties; the "
            f"largest ({len(largest.members)} actors, {largest.ties} ties): ",
        ),
        *bloc_sentence(largest, report.labels, MEMBERS_NAMED),
        ("text", f".{loose}"),
    )
    return Card("blocs", heading, lead)


def cards(report: Report) -> list[Card]:
    """The report's key findings, in reading order."""
    found = [_central(report), _pair(report), _balance(report), _blocs(report)]
    return [card for card in found if card is not None]
