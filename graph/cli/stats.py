"""``graph stats``: the summary, graph-level figures and every actor's centrality measures."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.table import Table

from ..dataset.criteria import Criteria

if TYPE_CHECKING:
    from ..analyze import (
        GraphFigures,
        MeasureMethod,
        StatsResult,
        Summary,
    )

from ..text import num, plural
from .common import handle_errors, load_view, out, plain, say
from .emit import emit, output_format
from .options import (
    AffiliationsOpt,
    DatasetArg,
    DirectedOpt,
    EngineOpt,
    ExcelSafeOpt,
    FormatOpt,
    JsonOpt,
    LayerOpt,
    PairSignOpt,
    SampleOpt,
    SeedOpt,
    filter_options,
)

EPILOG = (
    "Examples: graph stats  ·  graph stats --sort betweenness --top 5  ·  "
    "graph stats data/iran_tajikistan --format json  ·  graph stats --from 2019 --directed  ·  "
    "graph stats big_data --sample 500 --seed 1  ·  graph stats --layer all  ·  "
    "graph stats --affiliations keep --pair-sign any-negative"
)


def _counts_table(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("type")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(plain(key), str(value))
    return table


def print_summary(s: Summary) -> None:
    """Render a summary from :func:`graph.analyze.summary.summarize` as text tables."""
    out.print(
        f"[bold]{plain(s.name)}[/bold]: {plural(s.nodes, 'node')}, "
        f"{plural(s.edges, 'relation')} between {plural(s.pairs, 'pair')}"
    )
    for note in s.notes:
        say(note)
    d = s.dates
    span = f"{d.first} to {d.last}" if d.first else "no dates"
    out.print(f"dates: {span} ({d.dated} dated, {d.undated} undated)")
    c = s.components
    out.print(
        f"density: {s.density:.4f} · components: {c.count} "
        f"(largest {plural(c.largest, 'node')}, {c.isolated} isolated)"
    )
    sign = s.edges_by_sign
    out.print(
        f"relations: {sign.cooperative} cooperative, {sign.neutral} neutral, "
        f"{sign.conflictual} conflictual"
    )
    out.print(_counts_table("Nodes by type", s.nodes_by_type))
    out.print(_counts_table("Relations by type", s.edges_by_type))


def print_figures(g: GraphFigures) -> None:
    """The graph-level figures of :func:`graph.analyze.graph_figures`, one per line."""
    c = g.components
    lines = [
        f"density: {num(g.density)} undirected, {num(g.density_directed)} directed",
        f"components: {c.count} (largest {c.largest}, isolated {c.isolated}); "
        f"strongly connected: {g.strong_components}",
        f"largest component: diameter {num(g.diameter)}, average path length "
        f"{num(g.average_path_length)}",
        f"reciprocity of directed relations: {num(g.reciprocity)}",
        f"assortativity by actor type: {num(g.assortativity_by_type)}",
    ]
    out.print("[bold]Graph[/bold]")
    for line in lines:
        out.print(line, markup=False)


def method_note(m: MeasureMethod) -> str:
    """How the measures were computed, in one line (:meth:`MeasureMethod.describe`: the words
    the report uses too)."""
    return m.describe()


#: Measures in JSON and CSV but not in the terminal table (it would not fit 100 columns).
TABLE_HIDDEN = ("in_degree", "out_degree", "net_degree", "negative_share", "negative_degree")


def _short(value: Any) -> str:
    return f"{value:.3g}" if isinstance(value, float) else num(value)


def _cell(row: dict[str, Any], measure: str) -> str:
    if measure == "positive_degree":  # one column: friends / enemies
        return f"{row['positive_degree']}/{row['negative_degree']}"
    return _short(row[measure])


def print_measures(s: StatsResult) -> None:
    """The node measure table of :func:`graph.analyze.stats` (3 significant digits; every
    column, to 6 digits, in ``--format json|csv``)."""
    from ..analyze import MEASURES

    m = s.measures
    rows = s.node_records()
    table = Table(
        title=f"Node measures (sorted by {m.sort}; {method_note(m)})",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        show_edge=False,
    )
    short = {
        "in_degree": "in",
        "out_degree": "out",
        "weighted_degree": "wdeg",
        "positive_degree": "+/−",
        "pn": "PN",
        "betweenness": "betw",
        "closeness": "clos",
        "eigenvector": "eigen",
        "pagerank": "pagerank",
    }
    ids = [plain(row["id"]) for row in rows]
    # ids are never broken over two lines: the measure columns give way first
    table.add_column("id", no_wrap=True, min_width=max(map(len, ids), default=2))
    columns = [k for k in MEASURES if k not in TABLE_HIDDEN]
    for measure in columns:
        table.add_column(short.get(measure, measure), justify="right", no_wrap=True)
    for shown, row in zip(ids, rows, strict=True):
        table.add_row(shown, *(_cell(row, k) for k in columns))
    out.print(table)
    for line in textwrap.wrap(m.layer_note(), width=max(40, out.width)):
        say(line)


def _markdown(result: StatsResult) -> str:
    from ..report.markdown import stats_markdown  # the report stage, only when asked for

    return stats_markdown(result)


def print_stats(result: StatsResult) -> None:
    """The summary, the graph figures and the node measure table, for a terminal."""
    print_summary(result.summary)
    print_figures(result.graph)
    print_measures(result)


@handle_errors
@filter_options
def command(
    dataset: DatasetArg = None,
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    excel_safe: ExcelSafeOpt = False,
    sort: Annotated[
        str, typer.Option("--sort", help="Sort the node table by this measure (or id).")
    ] = "pagerank",
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            min=0,
            help="Nodes in the table (default 20 for table/markdown, all for json/csv; 0: all).",
        ),
    ] = None,
    directed: DirectedOpt = False,
    engine: EngineOpt = "auto",
    sample: SampleOpt = None,
    seed: SeedOpt = 0,
    layer: LayerOpt = None,
    affiliations: AffiliationsOpt = "drop",
    pair_sign: PairSignOpt = "sum",
    *,
    filters: Criteria,
) -> None:
    """Summarize a dataset and measure every actor.

    [bold]degree[/bold]: distinct partners, a hub has many ·
    [bold]in/out[/bold]: partners acting on it / it acts on ·
    [bold]wdeg[/bold]: sum of relation weights, how much activity involves it ·
    [bold]+/−[/bold]: partners it cooperates with / is in conflict with (pair signs) ·
    [bold]PN[/bold]: Everett–Borgatti centrality, positive ties raise it, negative ties lower it ·
    [bold]betweenness[/bold]: shortest cooperative paths through it, a broker between partners ·
    [bold]closeness[/bold]: few steps to everyone it can reach ·
    [bold]eigenvector[/bold]: tied to well-tied actors, influence through partners ·
    [bold]pagerank[/bold]: weighted random-walk score, influence along relations.
    """
    from ..analyze import stats

    chosen = output_format(fmt, as_json)
    if top is None:
        top = 20 if chosen in ("table", "markdown") else 0
    result = stats(
        load_view(dataset, filters),
        directed=directed,
        engine=engine,
        sample=sample,
        seed=seed,
        sort=sort,
        top=top or None,
        layer=layer,
        affiliations=affiliations,
        pair_sign=pair_sign,
    )
    emit(
        chosen,
        result,
        rows=result.node_records,
        markdown=lambda: _markdown(result),
        table=lambda: print_stats(result),
        excel_safe=excel_safe,
    )
