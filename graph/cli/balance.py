"""``graph balance``: structural balance of the signed pairs (triangles, null model, walks,
frustration index with its two groups)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..dataset.criteria import Criteria
from ..text import plural
from .common import err, handle_errors, load_view, out, plain, print_json, say
from .options import DatasetArg, JsonOpt, PairSignOpt, filter_options

if TYPE_CHECKING:
    from ..analyze import SignedBalance

EPILOG = (
    "Examples: graph balance  ·  graph balance --pair-sign any-negative  ·  "
    "graph balance data/iran_tajikistan --json  ·  graph balance big_data --time-limit 60  ·  "
    "graph balance --from 2015 --samples 5000 --seed 1"
)

#: Names listed per group, frustrated ties and ambivalent pairs shown; --json has them all.
SHOWN = 20


def _g(value: float | None) -> str:
    return "–" if value is None else f"{value:.4g}"


def _sign(value: int) -> str:
    return "+" if value > 0 else "−" if value < 0 else "neutral, left out"


def _listed(lines: list[str]) -> list[str]:
    more = len(lines) - SHOWN
    return lines[:SHOWN] + ([f"… and {more} more (--json lists all)"] if more > 0 else [])


def limit_note(result: SignedBalance, time_limit: float) -> str | None:
    """What to say when the frustration index was not proved optimal within the time limit."""
    f = result.frustration
    if f.optimal:
        return None
    return (
        f"the frustration index was not proved optimal within the {time_limit:g} s time limit: "
        f"the best partition found frustrates {f.index} ties, and at least {f.bound} must be "
        f"frustrated. Raise --time-limit (e.g. --time-limit {max(60, 6 * time_limit):g}) "
        "to prove the exact value."
    )


def print_balance(
    result: SignedBalance, labels: dict[str, str], title: str, samples: int, seed: int
) -> None:
    """The balance figures, the two groups and the frustrated and ambivalent ties by label."""
    out.print(f"[bold]Structural balance[/bold]: {plain(title)}")
    ambivalent = result.ambivalent
    say(
        f"{plural(result.pairs, 'signed pair')} (pair sign: {result.pair_sign}); "
        f"{plural(len(ambivalent), 'ambivalent pair')}"
    )
    census = result.triangles
    say(
        f"triangles: {sum(census.values())} ("
        + ", ".join(f"{kind} {count}" for kind, count in census.items())
        + ")"
    )
    null = result.null
    balanced = census["+++"] + census["+--"]
    say(
        f"balanced share (+++ and +--): {_g(result.balanced_share)} "
        f"({balanced} of {sum(census.values())})"
    )
    if null.mean is not None:
        say(
            f"  sign-shuffle null model ({samples} shuffles, seed {seed}): mean {_g(null.mean)}, "
            f"sd {_g(null.sd)}, z {_g(null.z)}"
        )
    say(f"walk balance (Estrada): {_g(result.walk_balance)}")
    f = result.frustration
    if f.optimal:
        say(f"frustration index: L = {f.index} of {result.pairs} ties (optimal)")
    else:
        say(
            f"frustration index: L ≤ {f.index} of {result.pairs} ties (best found; "
            f"lower bound {f.bound}, not proved optimal)"
        )
    say(f"  normalized F = 1 − 2L/m: {_g(f.normalized)}")
    for number, group in enumerate(f.groups, start=1):
        names = sorted(labels.get(i, i) for i in group)
        shown = ", ".join(names[:SHOWN]) + (f", … {len(names) - SHOWN} more" * (len(names) > SHOWN))
        say(f"group {number} ({len(names)}): {shown or '–'}")
    lines = [
        f"  {labels.get(a, a)} — {labels.get(b, b)} ({_sign(s)})"
        for a, b, s in f.frustrated[["source", "target", "sign"]].values.tolist()
    ]
    say("frustrated ties:" if lines else "frustrated ties: none")
    for line in _listed(lines):
        say(line)
    columns = ["source", "target", "cooperative", "conflictual", "sign"]
    lines = [
        f"  {labels.get(a, a)} — {labels.get(b, b)}: {co} cooperative, {cf} conflictual "
        f"→ {_sign(s)}"
        for a, b, co, cf, s in ambivalent[columns].values.tolist()
    ]
    if lines:
        say("ambivalent pairs (both cooperative and conflictual relations):")
    for line in _listed(lines):
        say(line)


@handle_errors
@filter_options
def command(
    dataset: DatasetArg = None,
    pair_sign: PairSignOpt = "sum",
    samples: Annotated[
        int, typer.Option("--samples", help="Sign shuffles of the null model (0: none).")
    ] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the sign shuffles.")] = 7,
    time_limit: Annotated[
        float,
        typer.Option("--time-limit", help="Seconds for the exact frustration index."),
    ] = 10.0,
    as_json: JsonOpt = False,
    *,
    filters: Criteria,
) -> None:
    """Structural balance of the signed pairs: is the enemy of my enemy my friend?

    Each pair of actors gets one sign from its relations (--pair-sign). Then:
    [bold]triangles[/bold] by kind and the balanced share (+++ and +--), against a
    [bold]null model[/bold] that shuffles the signs over the same ties (mean, sd, z) ·
    [bold]walk balance[/bold] (Estrada): 1 when every closed walk is balanced ·
    [bold]frustration index[/bold] L: the fewest ties whose sign change makes the network split
    into two groups, friends inside and enemies between (exact, within --time-limit), with
    F = 1 − 2L/m, the two groups and the frustrated ties ·
    [bold]ambivalent pairs[/bold]: both cooperative and conflictual relations.
    """
    from ..analyze import balance
    from ..dataset import node_labels

    data = load_view(dataset, filters)
    result = balance(
        data, pair_sign=pair_sign, null_samples=samples, seed=seed, time_limit=time_limit
    )
    note = limit_note(result, time_limit)
    if as_json:
        print_json(result)
        if note:
            say(f"Note: {note}", stream=err)
        return
    print_balance(result, node_labels(data), data.title, samples, seed)
    if note:
        say(f"Note: {note}")
