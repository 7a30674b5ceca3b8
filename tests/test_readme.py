"""The README's quick start and CLI reference match the real commands."""

from __future__ import annotations

import re
from pathlib import Path

from graph.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> set[str]:
    names = {c.name for c in app.registered_commands}
    names |= {g.name for g in app.registered_groups}
    return {n for n in names if n}


def test_quick_start_is_exactly_the_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", quick, flags=re.S)
    assert block.split("\n")[:-1] == ["make demo", "make test"]


def test_cli_reference_lists_every_command() -> None:
    reference = README.split("## CLI reference", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `graph (\w+)", reference, flags=re.M))
    assert listed == _commands()


def test_every_command_in_the_readme_exists() -> None:
    used = set(re.findall(r"^graph (\w+)", README, flags=re.M))
    used |= set(re.findall(r"`graph (\w+)", README))
    assert used - {"COMMAND"} <= _commands()


def test_make_targets_in_the_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"make (\w+)", README)):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target


def test_relative_links_in_the_docs_exist() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)\)", text):
            if target.startswith(("http:", "https:", "data:")):
                continue
            assert (page.parent / target).exists(), f"{page.name}: {target}"
