"""``graph extract``: candidate relations from articles, as a dataset folder to review."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from ..file_checks import check_output_folder
from .common import handle_errors, print_json, say
from .options import ForceOpt, JsonOpt, OutputDirOpt

_WORDS = {"dataset": "from the dataset", "gazetteer": "from the gazetteer", "text": "new"}
EPILOG = (
    "Examples: graph extract article.txt -o candidates  ·  "
    "graph extract article.txt page.html --dataset data/iran_tajikistan -o candidates --json"
)


@handle_errors
def command(
    files: Annotated[
        list[Path],
        typer.Argument(help="Text, Markdown or HTML files to read.", show_default=False),
    ],
    output: OutputDirOpt,
    dataset: Annotated[
        Path | None,
        typer.Option(
            "--dataset",
            help="A dataset whose actors the text names: its ids, labels and aliases are "
            "used, and the cues in its vocabulary.toml.",
            show_default=False,
        ),
    ] = None,
    max_mb: Annotated[
        float, typer.Option("--max-mb", min=0.001, help="Refuse files larger than this (MiB).")
    ] = 20,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
) -> None:
    """Find candidate relations in text and write them as a dataset folder to review.

    Actors come from a gazetteer (states by name, demonym and capital; organizations by name
    and acronym; the --dataset's actors and aliases) and from titles ("Defense Minister X");
    relations from cue words per type. Each relation keeps its sentence, file and paragraph,
    confidence, cue and modality, with status candidate; review.html lists them.
    """
    from ..extraction.api import REVIEW_FILE, extract, write_extraction

    check_output_folder(output, force=force)
    found = extract(list(files), known=dataset, max_bytes=int(max_mb * 2**20))
    write_extraction(found, output)
    edges = found.edges
    review = (output / REVIEW_FILE).is_file()
    found_by = dict(sorted(Counter(found.nodes["found_by"]).items()))
    types = dict(sorted(Counter(edges["type"]).items()))
    modalities = dict(sorted(Counter(edges["modality"]).items()))
    if as_json:
        print_json(
            {
                "files": [str(f) for f in files],
                "output": str(output),
                "nodes": len(found.nodes),
                "edges": len(edges),
                "nodes_found_by": found_by,
                "edges_by_type": types,
                "edges_by_modality": modalities,
                "review": str(output / REVIEW_FILE) if review else None,
            }
        )
        return
    by = ", ".join(f"{n} {_WORDS[k]}" for k, n in found_by.items())
    say(f"{len(found.nodes):,} actors ({by}), {len(edges):,} candidate relations")
    say("  by type: " + (", ".join(f"{n} {k}" for k, n in types.items()) or "none"))
    say("  by modality: " + (", ".join(f"{n} {k}" for k, n in modalities.items()) or "none"))
    say(f"written to {output}" + (f"; review them in {output / REVIEW_FILE}" if review else ""))
