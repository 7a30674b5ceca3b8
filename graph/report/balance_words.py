"""The report's structural balance, in words both writers share: the triangle census against
the sign-shuffle null model, walk balance, the exact frustration index with the ties it
frustrates by name, and the two camps it implies (:func:`graph.balance`).

Every line is plain text; the HTML writer escapes it and the Markdown writer escapes it for
Markdown.

>>> import graph
>>> war = graph.load().filter(start="1994", end="1996")  # the civil war years
>>> report = graph.build_report(war, top=3)
>>> print(balance_lines(report)[0][:60])
8 linked pairs give 4 signed pairs by the pair-sign rule sum
>>> frustrated_lines(report)
['Tajikistan – United Tajik Opposition (−): hostile inside a camp']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Report

__all__ = [
    "FRUSTRATED_SHOWN",
    "balance_lines",
    "camp_lines",
    "frustrated_lines",
    "inside_lines",
]

#: Frustrated ties named in the report (``graph balance --json`` lists them all).
FRUSTRATED_SHOWN = 10
#: Members of each camp named in the report.
CAMP_SHOWN = 12


def _g(value: float | None) -> str:
    return "–" if value is None else f"{value:.3g}"


def balance_lines(report: Report) -> list[str]:
    """The census, null model, walk balance and frustration index, one sentence each."""
    result = report.signed
    if result is None:
        return []
    census = result.triangles
    total = sum(census.values())
    lines = [
        f"{report.stats.summary.pairs} linked pairs give {result.pairs} signed pairs by the "
        f"pair-sign rule {result.pair_sign} ({len(result.ambivalent)} ambivalent: both "
        "cooperative and conflictual relations)."
    ]
    if total:
        kinds = ", ".join(f"{kind} {count}" for kind, count in census.items())
        null = result.null
        against = (
            f", against {_g(null.mean)} (sd {_g(null.sd)}) when the signs are shuffled over "
            f"the same ties (z = {_g(null.z)})"
            if null.mean is not None
            else ""
        )
        lines.append(
            f"Triangles: {kinds}. Balanced share (+++ and +−−): {_g(result.balanced_share)}"
            f"{against}."
        )
    else:
        lines.append("No triangle of signed ties: the balanced share is undefined.")
    if result.walk_balance is not None:
        lines.append(
            f"Walk balance (Estrada): {_g(result.walk_balance)} (1 when every closed walk is "
            "balanced)."
        )
    f = result.frustration
    if result.pairs:
        proof = (
            ""
            if f.optimal
            else f" (best found within the time limit; at least {f.bound} must be frustrated)"
        )
        lines.append(
            f"Frustration index: {f.index} of {result.pairs} signed ties{proof}, "
            f"F = 1 − 2L/m = {_g(f.normalized)}: the fewest ties whose sign change splits "
            "the actors into two camps, friends inside and enemies between."
        )
    return lines


def frustrated_lines(report: Report) -> list[str]:
    """The frustrated ties by name: ``A – B (+): cooperative across the camps``."""
    if report.signed is None:
        return []
    labels = report.labels
    frustrated = report.signed.frustration.frustrated
    rows = frustrated.head(FRUSTRATED_SHOWN)
    out = []
    for a, b, sign in rows[["source", "target", "sign"]].values.tolist():
        what = "cooperative across the camps" if sign > 0 else "hostile inside a camp"
        out.append(f"{labels.get(a, a)} – {labels.get(b, b)} ({'+' if sign > 0 else '−'}): {what}")
    more = len(frustrated) - len(out)
    if more > 0:
        out.append(f"… and {more} more (graph balance --json lists them all).")
    return out


def camp_lines(report: Report) -> list[str]:
    """The two camps of the best partition, each with its first members by name."""
    if report.signed is None:
        return []
    labels = report.labels
    out = []
    for k, group in enumerate(report.signed.frustration.groups, 1):
        if not group:
            continue
        names = [labels.get(i, i) for i in group[:CAMP_SHOWN]]
        more = f" and {len(group) - len(names)} more" if len(group) > len(names) else ""
        out.append(f"Camp {k} ({len(group)}): {', '.join(names)}{more}")
    return out


def inside_lines(report: Report) -> list[str]:
    """The conflictual pairs inside one bloc (community of cooperative ties), by name."""
    inside = report.communities.negative_inside
    labels = report.labels
    out = []
    for a, b, k, n in inside[["source", "target", "community", "conflictual"]].values.tolist()[
        :FRUSTRATED_SHOWN
    ]:
        out.append(f"{labels.get(a, a)} – {labels.get(b, b)} (bloc {k}, {n} conflictual)")
    if len(inside) > len(out):
        out.append(f"… and {len(inside) - len(out)} more.")
    return out
