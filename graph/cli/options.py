"""Every option two or more commands share, defined once, and the flag each parameter is.

Options are ``Annotated`` aliases. Two families come whole, through one decorator each (the
model is sqlite-utils' ``output_options``): :func:`filter_options` adds the nine filter
options (``--types`` … ``--sign``) and hands the command one
:class:`~graph.dataset.Criteria`; :func:`import_options` adds the import filters and hands
it one :class:`~graph.exchange.ImportOptions`. :data:`FLAGS` words library messages, which
name Python parameters, as the flags a user typed (:meth:`graph.errors.UsageError.worded`).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..analyze.engines import ENGINES
from ..dataset.criteria import Criteria
from ..errors import UsageError
from ..exchange.importers.options import ImportOptions

__all__ = [
    "FLAGS",
    "AffiliationsOpt",
    "DatasetArg",
    "DirectedOpt",
    "EngineOpt",
    "ExcelSafeOpt",
    "FilesArg",
    "ForceOpt",
    "FormatOpt",
    "JsonOpt",
    "LayerOpt",
    "OutputDirOpt",
    "PairSignOpt",
    "PeriodOpt",
    "SampleOpt",
    "SeedOpt",
    "criteria",
    "filter_options",
    "flag",
    "import_options",
]

#: The flag of each library parameter a message may name (``start`` is ``--from``).
FLAGS: Mapping[str, str] = {
    "affiliations": "--affiliations",
    "aggregate": "--aggregate",
    "as_of": "--as-of",
    "chunk_rows": "--chunk-rows",
    "color_by": "--color-by",
    "depth": "--depth",
    "directed": "--directed",
    "ego": "--ego",
    "end": "--to",
    "excel_safe": "--excel-safe",
    "engine": "--engine",
    "families": "--families",
    "force": "--force",
    "layer": "--layer",
    "layout": "--layout",
    "links": "--links",
    "locate_actors": "--locate-actors",
    "freq": "--period",
    "max_nodes": "--max-nodes",
    "min_mentions": "--min-mentions",
    "node_types": "--node-types",
    "null_samples": "--samples",
    "pair": "--pair",
    "pair_sign": "--pair-sign",
    "picture_size": "--picture-size",
    "png": "--png",
    "sample": "--sample",
    "scheduler": "--scheduler",
    "seed": "--seed",
    "sign": "--sign",
    "size_by": "--size-by",
    "sort": "--sort",
    "start": "--from",
    "svg": "--svg",
    "table_format": "--format",
    "time_limit": "--time-limit",
    "top": "--top",
    "types": "--types",
    "workers": "--workers",
}


def flag(*names: str, **options: Any) -> Any:
    """A boolean option (a switch): typer shows no value placeholder such as ``<bool>``."""
    return typer.Option(*names, metavar="", **options)


# Shared by every command.
DatasetArg = Annotated[
    Path | None,
    typer.Argument(
        help="Dataset folder with nodes.csv and edges.csv, or .parquet (default: the bundled "
        "Iran–Tajikistan dataset).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, flag("--json", help="Print the result as JSON.")]
ForceOpt = Annotated[
    bool,
    flag("--force", help="Write into an output folder that already holds files."),
]

ExcelSafeOpt = Annotated[
    bool,
    flag(
        "--excel-safe",
        help="CSV only: put ' before each cell that starts with = + - @ (a formula to a "
        "spreadsheet), so Excel or LibreOffice shows it as text. The CSV then no longer reads "
        "back exactly.",
    ),
]

# Shared by the analysis commands (stats, report, timeline, neighbors, path).
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", help="Output: table (default), csv, json or markdown."),
]
DirectedOpt = Annotated[
    bool,
    flag(
        "--directed",
        help="Use the directed view (mutual relation types count both ways).",
    ),
]
EngineOpt = Annotated[
    str,
    typer.Option("--engine", help=f"{', '.join(ENGINES)}: igraph is fast, networkx the fallback."),
]
SampleOpt = Annotated[
    int | None,
    typer.Option(
        "--sample",
        min=2,
        help="Estimate betweenness from this many seeded pivot nodes (default: exact).",
    ),
]
LayerOpt = Annotated[
    str | None,
    typer.Option(
        "--layer",
        help="Relations every unsigned measure counts: cooperative, conflictual or all "
        "(default: degrees count all, betweenness/closeness/eigenvector/PageRank the "
        "cooperative layer).",
        show_default=False,
    ),
]
AffiliationsOpt = Annotated[
    str,
    typer.Option(
        "--affiliations",
        help="Membership, office and leadership ties: drop (left out of the measures), keep "
        "(counted as ties) or project (two members of one organization are tied).",
    ),
]
PairSignOpt = Annotated[
    str,
    typer.Option(
        "--pair-sign",
        help="How a pair's relations give it one sign: sum (of weight × sign), "
        "any-negative (one conflictual relation makes it negative), majority (of "
        "cooperative vs conflictual relations).",
    ),
]
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed of --sample and of communities.")]
PeriodOpt = Annotated[
    str, typer.Option("--period", help="Period of the net-relation trend: year, quarter, month.")
]

# The filters (filter_options); the import commands share --types, --from and --to.
TypesOpt = Annotated[
    list[str] | None,
    typer.Option("--types", help="Keep these relation types (comma-separated: visit,agreement)."),
]
FamiliesOpt = Annotated[
    list[str] | None,
    typer.Option("--families", help="Keep these relation families (diplomatic,conflict)."),
]
NodeTypesOpt = Annotated[
    list[str] | None,
    typer.Option("--node-types", help="Keep these actor types (state,person)."),
]
FromOpt = Annotated[
    str | None, typer.Option("--from", help="Keep relations on or after this date (2015, 2019-06).")
]
ToOpt = Annotated[
    str | None, typer.Option("--to", help="Keep relations on or before this date (inclusive).")
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Relations in force then: on that day (2021-04-05), or at some time in that "
        "year or month (1985, 1985-03); an empty or 'ongoing' end_date counts as still in force.",
    ),
]
EgoOpt = Annotated[
    str | None,
    typer.Option("--ego", help="Keep only the actors around this actor (id, name or alias)."),
]
DepthOpt = Annotated[int, typer.Option("--depth", min=1, help="Steps from --ego.")]
SignOpt = Annotated[
    int | None,
    typer.Option(
        "--sign",
        min=-1,
        max=1,
        help="Keep only cooperative (1), neutral (0) or conflictual (-1) relations.",
    ),
]

# The import commands (import_options).
FilesArg = Annotated[
    list[str],
    typer.Argument(
        help="Event files, folders, globs ('events/*.CSV', quoted), .zip or .gz archives, or "
        "URLs (s3://, https://).",
        show_default=False,
    ),
]
OutputDirOpt = Annotated[
    Path, typer.Option("--output", "-o", help="Dataset folder to write.", show_default=False)
]
CountriesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--countries", help="Keep events of these states and their actors (ISO3 or names: IRN,TJK)."
    ),
]
ActorsOpt = Annotated[
    list[str] | None,
    typer.Option("--actors", help="Keep events of these actors (ids, names or aliases: cis,sco)."),
]
BothOpt = Annotated[
    bool,
    flag("--both-sides", help="Require both actors to match --countries/--actors."),
]
CodesOpt = Annotated[
    list[str] | None,
    typer.Option("--codes", help="Keep CAMEO codes starting with these (04,057,19)."),
]
MinMentionsOpt = Annotated[
    int, typer.Option("--min-mentions", min=0, help="Keep events mentioned at least N times.")
]
LocateActorsOpt = Annotated[
    bool,
    flag(
        "--locate-actors",
        help="Give an actor with a type but no country (GOV, COP) the country of its "
        "ActorNGeo_CountryCode instead of dropping it; edges say so in 'located'.",
    ),
]
AggregateOpt = Annotated[
    str | None,
    typer.Option(
        "--aggregate",
        help="One edge per pair, type and period "
        "(day|week|month|year) with event counts, not one per event; a week is dated by "
        "its Monday.",
    ),
]
LinkOpt = Annotated[
    bool,
    flag("--link/--no-link", help="Link each actor to its state (membership)."),
]
SelfLoopsOpt = Annotated[
    bool,
    flag("--self-loops", help="Keep events whose two actors are the same node."),
]
StrictOpt = Annotated[
    bool,
    flag("--strict", help="Fail, writing nothing, if any row cannot be parsed."),
]


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v for value in values for v in value.split(",") if v.strip()]


def criteria(
    types: list[str] | None = None,
    families: list[str] | None = None,
    node_types: list[str] | None = None,
    start: str | None = None,
    end: str | None = None,
    as_of: str | None = None,
    ego: str | None = None,
    depth: int = 1,
    sign: int | None = None,
) -> Criteria:
    """Library filter criteria from the filter options (lists split on commas).

    >>> criteria(types=["visit,talks"], start="2019").types
    ['visit', 'talks']
    """
    if as_of is not None and (start is not None or end is not None):
        raise UsageError("give either --as-of or --from/--to, not both")
    if depth != 1 and ego is None:
        raise UsageError("--depth needs --ego NODE")
    return Criteria(
        types=_split(types),
        families=_split(families),
        node_types=_split(node_types),
        sign=sign,
        start=start,
        end=end,
        as_of=as_of,
        ego=ego,
        depth=depth,
    )


def _import_options(**values: Any) -> ImportOptions:
    lists = ("countries", "actors", "codes", "types")
    given: dict[str, Any] = {k: tuple(v or ()) if k in lists else v for k, v in values.items()}
    return ImportOptions(**given)


F = TypeVar("F", bound=Callable[..., Any])

#: Each option of a family: parameter name -> (annotation, default), in --help order.
Family = Mapping[str, tuple[Any, Any]]

_FILTERS: Family = {
    "types": (TypesOpt, None),
    "families": (FamiliesOpt, None),
    "node_types": (NodeTypesOpt, None),
    "start": (FromOpt, None),
    "end": (ToOpt, None),
    "as_of": (AsOfOpt, None),
    "ego": (EgoOpt, None),
    "depth": (DepthOpt, 1),
    "sign": (SignOpt, None),
}

_IMPORTS: Family = {
    "countries": (CountriesOpt, None),
    "actors": (ActorsOpt, None),
    "both_sides": (BothOpt, False),
    "start": (FromOpt, None),
    "end": (ToOpt, None),
    "codes": (CodesOpt, None),
    "types": (TypesOpt, None),
    "min_mentions": (MinMentionsOpt, 0),
    "locate_actors": (LocateActorsOpt, False),
    "aggregate": (AggregateOpt, None),
    "link": (LinkOpt, True),
    "self_loops": (SelfLoopsOpt, False),
    "strict": (StrictOpt, False),
}


def _packing(into: str, family: Family, build: Callable[..., Any]) -> Callable[[F], F]:
    """A decorator: the command's parameter ``into`` becomes the options of ``family`` on the
    command line (in its place in ``--help``), and ``build(**their values)`` is passed as it."""

    def decorate(func: F) -> F:
        signature = inspect.signature(func, eval_str=True)
        if into not in signature.parameters:
            raise TypeError(f"{func.__name__} needs a parameter '{into}' to receive its options")
        slot = signature.parameters[into]
        added = [
            inspect.Parameter(name, slot.kind, default=default, annotation=annotation)
            for name, (annotation, default) in family.items()
        ]
        params = [q for p in signature.parameters.values() for q in (added if p is slot else [p])]

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name, default) for name, (_, default) in family.items()}
            return func(*args, **kwargs, **{into: build(**values)})

        wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        return wrapper  # type: ignore[return-value]

    return decorate


#: Add ``--types --families --node-types --from --to --as-of --ego --depth --sign`` to a
#: command; it receives them as ``filters``, one :class:`~graph.dataset.Criteria`.
filter_options = _packing("filters", _FILTERS, criteria)


def import_options(*, mentions: bool) -> Callable[[F], F]:
    """Add the import filters to a command; it receives them as ``options``, one
    :class:`~graph.exchange.ImportOptions`. ``mentions``: offer ``--min-mentions`` and
    ``--locate-actors`` (GDELT)."""
    gdelt_only = ("min_mentions", "locate_actors")
    family = {k: v for k, v in _IMPORTS.items() if mentions or k not in gdelt_only}
    return _packing("options", family, _import_options)
