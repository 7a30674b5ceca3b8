"""``graph html``: write the interactive explorer page (one offline HTML file)."""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from ..dataset.criteria import Criteria
from ..errors import UsageError
from ..render.choices import COLOR_CHOICES, LAYOUTS, SIZE_MEASURES
from .common import err, handle_errors, load_view, say
from .options import AffiliationsOpt, DatasetArg, LayerOpt, filter_options, flag

EPILOG = (
    "Examples: graph html -o iran.html --open  ·  "
    "graph html --links relation --size-by pagerank -o relations.html  ·  "
    "graph html --ego tajikistan --depth 2 --from 2015 -o tajikistan.html  ·  "
    "graph html --layout map --png map.png --svg map.svg -o map.html"
)


@handle_errors
@filter_options
def command(
    dataset: DatasetArg = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="HTML file to write (default: DATASET_NAME.html)."),
    ] = None,
    size_by: Annotated[
        str, typer.Option("--size-by", help=f"Node size: {', '.join(SIZE_MEASURES)}.")
    ] = "degree",
    color_by: Annotated[
        str, typer.Option("--color-by", help=f"Node colour: {', '.join(COLOR_CHOICES)}.")
    ] = "type",
    links: Annotated[
        str,
        typer.Option(
            "--links",
            help="Draw one link per pair of actors (pair) or one line per relation (relation).",
        ),
    ] = "pair",
    layout: Annotated[
        str,
        typer.Option(
            "--layout",
            help=f"Where actors sit at first: {', '.join(LAYOUTS)} (states on a world map).",
        ),
    ] = "network",
    png: Annotated[
        Path | None,
        typer.Option("--png", help="Also save the first view as a PNG picture (needs Chromium)."),
    ] = None,
    svg: Annotated[
        Path | None,
        typer.Option("--svg", help="Also save the first view as an SVG picture (needs Chromium)."),
    ] = None,
    picture_size: Annotated[
        str,
        typer.Option("--picture-size", help="Browser window for --png/--svg, WIDTHxHEIGHT."),
    ] = "1440x900",
    aggregate: Annotated[
        bool, flag("--aggregate", help="Same as --links pair (the default).", hidden=True)
    ] = False,
    physics: Annotated[
        bool, flag("--physics", help="No longer used: the layout is fixed.", hidden=True)
    ] = False,
    max_nodes: Annotated[
        int | None,
        typer.Option("--max-nodes", min=1, help="Keep only the N most connected actors."),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Page title (default: the dataset's title).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the layout.")] = 7,
    open_page: Annotated[bool, flag("--open", help="Open the page in the web browser.")] = False,
    layer: LayerOpt = None,
    affiliations: AffiliationsOpt = "drop",
    *,
    filters: Criteria,
) -> None:
    """Write the interactive graph explorer: one self-contained HTML file.

    It works offline: search, filters by type and date, details and sources of every relation.
    """
    from ..render import write_html
    from ..render.data import limit_nodes

    size = _picture_size(picture_size) if png or svg else (0, 0)
    data = load_view(dataset, filters)
    target = output or Path(f"{data.name}.html")
    write_html(
        data,
        target,
        title=title,
        size_by=size_by.lower(),
        color_by=color_by.lower(),
        links="pair" if aggregate else links.lower(),
        max_nodes=max_nodes,
        seed=seed,
        layout=layout.lower(),
        layer=layer,
        affiliations=affiliations,
    )
    view, _ = limit_nodes(data, max_nodes)  # what the page draws
    say(
        f"wrote {target} ({len(view.nodes):,} of {len(data.nodes):,} actors, "
        f"{len(view.edges):,} of {len(data.edges):,} relations)",
    )
    if view.nodes.empty:
        why = (
            "no actor or relation matches the filters" if filters.active else "the dataset is empty"
        )
        say(f"warning: nothing to draw: {why}", stream=err)
    if png or svg:
        from ..render.snapshot import save_pictures

        for path in save_pictures(target, png=png, svg=svg, width=size[0], height=size[1]):
            say(f"wrote {path}")
    if physics:
        say("note: --physics is no longer used: the layout is computed once and kept", stream=err)
    if open_page:
        webbrowser.open(target.resolve().as_uri())


def _picture_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.strip().isdigit() and height.strip().isdigit()):
        raise UsageError(
            f"{{picture_size}} must be WIDTHxHEIGHT in pixels, such as 1440x900, not '{text}'",
            params=("picture_size",),
        )
    return int(width), int(height)
