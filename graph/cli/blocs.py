"""``graph blocs``: the partition of the actors into k signed blocs (Doreian & Mrvar), friends
inside and enemies between, with the ties that violate it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..dataset.criteria import Criteria
from ..text import plural
from .common import handle_errors, load_view, out, plain, print_json, say
from .options import DatasetArg, JsonOpt, PairSignOpt, filter_options

if TYPE_CHECKING:
    from ..analyze import SignedBlocs

EPILOG = (
    "Examples: graph blocs  ·  graph blocs --k 3  ·  graph blocs data/iran_tajikistan --json  ·  "
    "graph blocs --k 4 --alpha 0.3 --restarts 200 --seed 1  ·  "
    "graph blocs --pair-sign any-negative --from 2015"
)

#: Names listed per bloc and violating ties shown; --json has them all.
SHOWN = 20


def print_blocs(result: SignedBlocs, labels: dict[str, str], title: str) -> None:
    """The criterion, N and P, each bloc with its members and the violating ties by label."""
    out.print(f"[bold]Signed blocs[/bold]: {plain(title)}")
    placed = int(result.table["bloc"].notna().sum())
    say(
        f"k = {result.k} blocs of {plural(placed, 'actor')} with a signed tie "
        f"(pair sign: {result.pair_sign}; best of {plural(result.restarts, 'random start')}, "
        f"seed {result.seed})"
    )
    say(
        f"criterion α·N + (1 − α)·P = {result.criterion:.4g} (α = {result.alpha:g}): "
        f"N = {result.negative_inside} negative inside, "
        f"P = {result.positive_between} positive between"
    )
    for bloc in result.blocs():
        names = [labels.get(i, i) for i in bloc["members"]]
        shown = ", ".join(names[:SHOWN]) + (f", … {len(names) - SHOWN} more" * (len(names) > SHOWN))
        say(f"bloc {bloc['bloc']} ({bloc['size']}): {shown}")
    rows = result.violations[["source", "target", "sign", "kind"]].values.tolist()
    say("violating ties:" if rows else "violating ties: none")
    for a, b, sign, kind in rows[:SHOWN]:
        say(f"  {labels.get(a, a)} — {labels.get(b, b)} ({'+' if sign > 0 else '−'}, {kind})")
    if len(rows) > SHOWN:
        say(f"  … and {len(rows) - SHOWN} more (--json lists all)")


@handle_errors
@filter_options
def command(
    dataset: DatasetArg = None,
    k: Annotated[int, typer.Option("--k", help="Number of blocs.")] = 3,
    alpha: Annotated[
        float,
        typer.Option(
            "--alpha",
            help="Weight of a negative tie inside a bloc, in [0, 1]; a positive tie between "
            "blocs weighs 1 − alpha.",
        ),
    ] = 0.5,
    pair_sign: PairSignOpt = "sum",
    restarts: Annotated[
        int, typer.Option("--restarts", help="Random starts of the local search.")
    ] = 50,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the random starts.")] = 7,
    as_json: JsonOpt = False,
    *,
    filters: Criteria,
) -> None:
    """Signed blocs: split the actors into k blocs, friends inside and enemies between.

    Each pair of actors gets one sign from its relations (--pair-sign). The partition into
    --k blocs minimises Doreian & Mrvar's criterion α·N + (1 − α)·P, N the negative ties
    inside blocs and P the positive ties between them (each pair counts 1), by moving and
    swapping actors from --restarts seeded random starts. Lists each bloc and the ties that
    violate it; with --k 2 and --alpha 0.5 the criterion is half the frustration index of
    [bold]graph balance[/bold].
    """
    from ..analyze import signed_blocs
    from ..dataset import node_labels

    data = load_view(dataset, filters)
    result = signed_blocs(data, k, alpha=alpha, pair_sign=pair_sign, seed=seed, restarts=restarts)
    if as_json:
        print_json(result)
        return
    print_blocs(result, node_labels(data), data.title)
