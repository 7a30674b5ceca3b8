"""``graph similarity``: how alike pairs of actors' relation portfolios are (Signorino–Ritter S
or structural equivalence)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.table import Table

from ..dataset.criteria import Criteria
from ..errors import UsageError
from ..text import plural
from .common import handle_errors, load_view, out, plain, print_json, say
from .options import FLAGS, DatasetArg, JsonOpt, PairSignOpt, filter_options

if TYPE_CHECKING:
    import pandas as pd

EPILOG = (
    "Examples: graph similarity  ·  graph similarity --actor iran --top 5  ·  "
    "graph similarity --method structural  ·  graph similarity data/iran_tajikistan --json  ·  "
    "graph similarity --pair-sign any-negative --from 2015"
)

#: How each method is named for people.
NAMES = {"s": "Signorino–Ritter S", "structural": "structural equivalence (correlation)"}
#: This command's flags for the library parameters its messages name.
WORDS = {**FLAGS, "method": "--method", "actors": "--actor"}


def _value(value: float) -> str:
    return "–" if value != value else f"{value:.3f}"  # NaN: undefined


def print_similarity(
    pairs: pd.DataFrame, labels: dict[str, str], title: str, total: int, method: str
) -> None:
    """The most similar pairs as a table of labels and values."""
    shown = f"{len(pairs)} of {total}" if len(pairs) < total else str(total)
    table = Table(
        title=plain(f"{NAMES.get(method, method)}: {title} ({shown} pairs)"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("actor", overflow="fold")
    table.add_column("actor", overflow="fold")
    table.add_column("value", justify="right", no_wrap=True)
    for a, b, value in pairs[["source", "target", "value"]].itertuples(index=False):
        table.add_row(plain(labels.get(a, a)), plain(labels.get(b, b)), _value(value))
    out.print(table)


@handle_errors
@filter_options
def command(
    dataset: DatasetArg = None,
    method: Annotated[
        str,
        typer.Option(
            "--method",
            help="s: Signorino–Ritter S over the pair signs towards every actor (self-tie +1); "
            "structural: correlation of the two actors' ties to the others.",
        ),
    ] = "s",
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor", help="Only the pairs with this actor (id, name or alias; repeatable)."
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            min=0,
            help="Pairs shown, most similar first (default 20, all with --json; 0: all).",
        ),
    ] = None,
    pair_sign: PairSignOpt = "sum",
    as_json: JsonOpt = False,
    *,
    filters: Criteria,
) -> None:
    """How alike pairs of actors' relation portfolios are, most similar first.

    Each pair of actors gets one sign from its relations (--pair-sign); an actor's portfolio
    is its sign towards every actor of the dataset. [bold]s[/bold] (Signorino & Ritter 1999):
    1 − Σ|a − b| / N over the N actors, each actor allied with itself: 1 for allies with the
    same friends and enemies, −1 for enemies with opposite ones ·
    [bold]structural[/bold]: the correlation of the two actors' ties to the other actors,
    their tie to each other left out (undefined, –, without variation).
    """
    from ..analyze import similarity
    from ..dataset import find_node, node_labels

    data = load_view(dataset, filters)
    try:
        ids = sorted({find_node(data, a, param="actors") for a in actor}) if actor else None
        pairs = similarity(data, method=method, actors=ids, pair_sign=pair_sign)
    except UsageError as exc:
        raise UsageError(exc.worded(WORDS)) from None
    if top is None:
        top = 0 if as_json else 20
    shown = pairs.head(top) if top else pairs
    if as_json:
        result: dict[str, Any] = {
            "method": method,
            "pair_sign": pair_sign,
            "actors": ids,
            "total": len(pairs),
            "pairs": shown.to_dict("records"),
        }
        print_json(result)
        return
    if not len(pairs):
        say(f"No pairs: {plural(len(data.nodes), 'actor')} in {data.title}.")
        return
    print_similarity(shown, node_labels(data), data.title, len(pairs), method)
