"""The report's content, computed once: :func:`build_report` returns a :class:`Report` that the
HTML and Markdown writers only format.

The centrality and graph figures are :func:`graph.analyze.stats` itself (all nodes), so
every such number in the report is ``graph stats --format json``'s with the same options (shown
at 3 significant figures). Long-lasting relations (the ``membership`` family, and relations in
force more than :data:`LASTING_YEARS` years) are kept apart from the relations-per-period
chart (``Report.lasting``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analyze import (
    MEASURES,
    Communities,
    SignedBalance,
    StatsResult,
    TriadBalance,
    balance,
    communities,
    counts_by_period,
    pair_scores,
    pair_trend,
    stats,
    timeline,
    triad_balance,
)
from ..dataset import find_node
from ..errors import UsageError
from ..render.choices import LAYOUTS, check_choice
from .findings import Findings, find

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["FORMATS", "LASTING_YEARS", "STRUCTURAL", "Report", "build_report"]

FORMATS: tuple[str, ...] = ("html", "markdown")

#: A dated relation in force more than this many years is long-lasting: it is left out of
#: the relations-per-period chart (it would fill every period it spans) and listed apart,
#: as are the relations of the ``membership`` family (memberships, offices, leadership).
LASTING_YEARS = 10


@dataclass(frozen=True)
class Report:
    """Everything a report shows, as :func:`build_report` computes it.

    Parameters
    ----------
    dataset : Dataset
        The (filtered) dataset the report describes.
    title : str
        The report's heading.
    stats : StatsResult
        :func:`graph.analyze.stats` (all nodes, sorted by PageRank): the summary, graph
        figures and node measures.
    top : int
        Rows in each top-N table.
    leaders : dict
        Measure -> its top-N node records (from ``stats``), largest first, ties by id.
    by_period : pandas.DataFrame
        Relations in force per period (rows) and family (columns), long-lasting relations
        (``lasting``) left out.
    lasting : pandas.DataFrame
        The dated relations left out of ``by_period``: those of the ``membership`` family
        and those in force more than :data:`LASTING_YEARS` years (``source``, ``target``,
        ``type``, ``family``, ``date``, ``end_date``, ``years``), longest first.
    pair : tuple of str, or None
        The pair whose trend is charted.
    trend, pair_timeline : pandas.DataFrame
        :func:`~graph.analyze.pair_trend` and :func:`~graph.analyze.timeline` of ``pair``.
    scores : pandas.DataFrame
        :func:`~graph.analyze.pair_scores` (most hostile first).
    communities : Communities
        The blocs of the cooperative layer (:func:`~graph.analyze.communities`).
    balance : TriadBalance
        Balanced and unbalanced signed triangles (:func:`~graph.analyze.triad_balance`).
    findings : Findings
        What the report says first: the central actors and why, the pair's arc and turning
        points, the blocs with their cooperative ties (:mod:`graph.report.findings`).
    options : dict
        How it was computed (directed, engine, sample, seed, period, layout, layer,
        affiliations, pair_sign).
    signed : SignedBalance or None
        :func:`~graph.balance` under the report's pair-sign rule (null model: 1,000 shuffles,
        seed 7; frustration within 10 s), as ``graph balance --json`` gives it.

    Examples
    --------
    >>> report = graph.build_report(ds, top=3)
    >>> report.title
    'Iran–Tajikistan relations: network report'
    >>> [leader["id"] for leader in report.leaders["betweenness"]]
    ['iran', 'tajik_armed_forces', 'tajikistan']
    >>> report.balance.triads, report.balance.unbalanced  # Iran–Tajikistan–IRPT
    (1, 1)
    """

    dataset: Dataset
    title: str
    stats: StatsResult
    top: int
    leaders: dict[str, list[dict[str, Any]]]
    by_period: pd.DataFrame
    lasting: pd.DataFrame
    pair: tuple[str, str] | None
    trend: pd.DataFrame
    pair_timeline: pd.DataFrame
    scores: pd.DataFrame
    communities: Communities
    balance: TriadBalance
    findings: Findings
    options: dict[str, Any] = field(default_factory=dict)
    signed: SignedBalance | None = None

    @property
    def labels(self) -> dict[str, str]:
        """Node id -> label."""
        nodes = self.dataset.nodes
        return dict(zip(nodes["id"].tolist(), nodes["label"].tolist(), strict=True))

    @property
    def pair_note(self) -> str | None:
        """Why the pair has no trend chart (no relation, or none dated); None if it has one."""
        if self.pair is None:
            return None
        labels = self.labels
        a, b = (labels.get(x, x) for x in self.pair)
        if self.pair_timeline.empty:
            return f"{a} and {b} have no relation in this dataset."
        if self.trend.empty:
            return f"No relation between {a} and {b} is dated, so there is no trend to chart."
        return None


def _leaders(records: list[dict[str, Any]], top: int) -> dict[str, list[dict[str, Any]]]:
    frame = pd.DataFrame(records)
    out: dict[str, list[dict[str, Any]]] = {}
    for measure in MEASURES:
        if frame.empty:
            out[measure] = []
            continue
        ordered = frame.sort_values([measure, "id"], ascending=[False, True], kind="stable")
        out[measure] = [
            {str(k): v for k, v in r.items()} for r in ordered.head(top).to_dict("records")
        ]
    return out


#: The structural relation family (memberships, offices, leadership): left out when choosing
#: the default pair, since an actor and its own body (a state and its government, a party and
#: its leader) say little as a pair; and kept apart from the relations-per-period chart.
STRUCTURAL = "membership"


def _most_active(scores: pd.DataFrame) -> tuple[str, str] | None:
    dated = scores[scores["first"].notna()]
    if dated.empty:
        return None
    best = dated.sort_values("relations", ascending=False, kind="stable").iloc[0]
    return str(best["source"]), str(best["target"])


def _pair_keys(edges: pd.DataFrame) -> pd.MultiIndex:
    source, target = edges["source"], edges["target"]
    first = source.where(source <= target, target)
    second = target.where(source <= target, source)
    return pd.MultiIndex.from_arrays([first.to_numpy(), second.to_numpy()])


#: The node type of the actors the default pair is chosen among first.
STATE = "state"


def _states_only(dataset: Dataset, scores: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``scores`` whose two actors are both states."""
    types = pd.Series(dataset.nodes["type"].to_numpy(), index=dataset.nodes["id"].to_numpy())
    states = set(types.index[(types == STATE).to_numpy()])
    both = scores["source"].isin(states) & scores["target"].isin(states)
    return scores[both.to_numpy()]


def _default_pair(dataset: Dataset, scores: pd.DataFrame) -> tuple[str, str] | None:
    """The busiest pair of states: the dated pair of two ``state`` actors with most relations,
    not counting ``membership``-family relations nor pairs joined by one (an actor and its own
    body: a state and its government). Without a dated pair of states, the same among all
    actors (in event data, citizens and police of one state can outnumber any two states);
    failing that, all pairs. Ties: most hostile first, then dataset order (the order of
    :func:`~graph.analyze.pair_scores`).
    """
    edges = dataset.edges
    member = (edges["family"] == STRUCTURAL).to_numpy()
    if member.any():
        keys = _pair_keys(edges)
        active = ~member & ~keys.isin(keys[member])
        others = dataset.with_tables(dataset.nodes, edges[active].reset_index(drop=True))
        chosen = pair_scores(others)
    else:
        chosen = scores
    return (
        _most_active(_states_only(dataset, chosen)) or _most_active(chosen) or _most_active(scores)
    )


def _in_family_order(table: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The period × family table with its columns in vocabulary family order."""
    order = {f: i for i, f in enumerate(dataset.vocabulary.families)}
    columns = sorted(table.columns, key=lambda c: (order.get(c, len(order)), c))
    return table.loc[:, columns]


def _years(start: pd.Series, end: pd.Series) -> pd.Series:
    """Years from ``start`` to ``end`` (NaN where undated)."""
    return (end - start).dt.total_seconds() / (365.25 * 86400)


def _lasting_rows(dataset: Dataset) -> np.ndarray:
    """Which relations are long-lasting: dated, and of the ``membership`` family or in force
    more than :data:`LASTING_YEARS` years."""
    edges = dataset.edges
    start, end = edges["date_start"], edges["date_end"]
    long = (_years(start, end) > LASTING_YEARS).fillna(False).to_numpy(dtype=bool)
    member = (edges["family"] == STRUCTURAL).to_numpy(dtype=bool)
    return (member | long) & start.notna().to_numpy(dtype=bool)


def _lasting_table(dataset: Dataset, rows: np.ndarray) -> pd.DataFrame:
    edges = dataset.edges[rows]
    years = _years(edges["date_start"], edges["date_end"])
    table = pd.DataFrame(
        {
            "source": edges["source"].astype(str),
            "target": edges["target"].astype(str),
            "type": edges["type"].astype(str),
            "family": edges["family"].astype(str),
            "date": edges["date"].fillna("").astype(str),
            "end_date": edges["end_date"].fillna("").astype(str),
            "years": years.to_numpy(dtype=float),
        }
    )
    return table.sort_values("years", ascending=False, kind="stable").reset_index(drop=True)


def build_report(
    dataset: Dataset,
    *,
    top: int = 10,
    directed: bool = False,
    engine: str = "auto",
    sample: int | None = None,
    seed: int = 0,
    pair: tuple[str, str] | None = None,
    freq: str = "year",
    title: str | None = None,
    layout: str = "network",
    layer: str | None = None,
    affiliations: str = "drop",
    pair_sign: str = "sum",
) -> Report:
    """Compute everything the report shows.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations to report on.
    top : int, default 10
        Rows in each top-N table and chart.
    directed, engine, sample, seed, layer, affiliations, pair_sign
        As in :func:`graph.analyze.stats` (``seed`` also seeds the communities); the first
        screen names the layer and the pair-sign rule.
    pair : (str, str), optional
        The pair whose trend is charted, as ids, labels or aliases (default: the busiest
        pair of states, i.e. the dated pair of two states with most relations, not counting
        ``membership``-family relations nor the pairs they join, such as a state and its
        government; any two actors when no two states are related).
    freq : {"year", "quarter", "month"}
        Period of the time charts.
    title : str, optional
        The report's heading (default: ``"<dataset title>: network report"``, with the
        dataset's :attr:`~graph.Dataset.title`: its ``dataset.toml`` title, else its name).
    layout : {"network", "map"}, default "network"
        Where the report's picture of the graph places the actors (as ``graph html
        --layout``).

    Returns
    -------
    Report
        Every table and figure of the report, ready for :func:`to_report_html`,
        :func:`to_report_markdown` or :func:`write_report`.

    Raises
    ------
    UsageError
        If ``top`` is below 1, ``layout`` is unknown, or an actor of ``pair`` is not found.

    Examples
    --------
    By default the trend chart shows the busiest pair of states:

    >>> from graph import load
    >>> report = build_report(load(), top=3)
    >>> report.pair, len(report.leaders["pagerank"])
    (('iran', 'tajikistan'), 3)
    """
    if top < 1:
        raise UsageError(f"top must be at least 1, not {top}")
    check_choice("layout", layout, LAYOUTS)
    result = stats(
        dataset,
        directed=directed,
        engine=engine,
        sample=sample,
        seed=seed,
        layer=layer,
        affiliations=affiliations,
        pair_sign=pair_sign,
    )
    scores = pair_scores(dataset)
    if pair is not None:
        chosen: tuple[str, str] | None = (find_node(dataset, pair[0]), find_node(dataset, pair[1]))
    else:
        chosen = _default_pair(dataset, scores)
    if chosen is not None:
        trend = pair_trend(dataset, *chosen, freq=freq)
        events = timeline(dataset, *chosen)
    else:
        trend = pd.DataFrame(columns=["period", "relations", "cooperative", "conflictual", "score"])
        events = pd.DataFrame()
    lasting = _lasting_rows(dataset)
    charted = dataset.with_tables(dataset.nodes, dataset.edges[~lasting].reset_index(drop=True))
    found = communities(dataset, seed=seed)
    records = result.node_records()
    return Report(
        dataset=dataset,
        title=title or f"{dataset.title}: network report",
        stats=result,
        top=top,
        leaders=_leaders(records, top),
        by_period=_in_family_order(counts_by_period(charted, freq, by="family"), dataset),
        lasting=_lasting_table(dataset, lasting),
        pair=chosen,
        trend=trend,
        pair_timeline=events,
        scores=scores,
        communities=found,
        balance=triad_balance(dataset),
        signed=balance(dataset, pair_sign=pair_sign),
        findings=find(records, trend, events, found, dataset, freq),
        options={
            "directed": directed,
            "engine": result.measures.engine,
            "sample": sample,
            "seed": seed,
            "period": freq,
            "layout": layout,
            "layer": layer,
            "affiliations": affiliations,
            "pair_sign": pair_sign,
        },
    )
