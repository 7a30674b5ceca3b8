"""The table of issue codes: complete, used through the enum, and the one the docs show.

Regenerate the table in docs/format.md with ``UPDATE_GOLDEN=1 pytest tests/test_issue_codes.py``.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from graph.errors import Issue
from graph.exchange.importers.pipeline import DROPS, FILTERS
from graph.issue_codes import CODES, IssueCode, markdown_table
from graph.model import load_vocabulary

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "graph"
FORMAT_DOC = ROOT / "docs" / "format.md"
START, END = "<!-- codes:start -->\n", "<!-- codes:end -->"
KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
MAKERS = {"Issue", "issues_for", "check"}  # the calls that make issues from a code

# Backticked kebab-case words in the docs that are not issue codes, with what they are.
NOT_CODES = {
    "gdelt-month-1": "an edge id made by aggregated imports (docs/import.md)",
    "gdelt-month-2": "an edge id made by aggregated imports (docs/import.md)",
    "any-negative": "a pair-sign rule of graph balance (docs/analysis.md)",
    "ucidata-gama": "the KONECT name of the highland tribes network (docs/analysis.md)",
    "dyad-year": "an export format (graph export --format dyad-year)",
    "arms-sale": "an example relation type in the dyad-year columns (docs/analysis.md)",
}


def _sources() -> list[tuple[Path, ast.Module]]:
    files = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "issue_codes.py")
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in files]


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the string constants that are docstrings."""
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            found.add(id(first.value))
    return found


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _section(text: str) -> str:
    assert START in text and END in text, f"{FORMAT_DOC} lacks the {START.strip()} markers"
    return text.split(START, 1)[1].split(END, 1)[0]


def test_every_code_has_one_row() -> None:
    assert list(CODES) == list(IssueCode)
    for code, info in CODES.items():
        assert KEBAB.fullmatch(code.value), code
        assert info.severity in ("error", "warning"), code
        assert info.found_by and set(info.found_by) <= {"validate", "import"}, code
        assert info.title and info.fix.endswith("."), code
        assert info.title[0].islower() or info.title[0] == "`", code


def test_issues_are_made_from_the_enum_only() -> None:
    values = {c.value for c in IssueCode}
    bare: list[str] = []
    for path, tree in _sources():
        docs = _docstrings(tree)
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in values and id(node) not in docs:
                bare.append(f"{where}:{node.lineno}: {node.value!r}")
            if isinstance(node, ast.Call) and _name(node) in MAKERS:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.Constant) and KEBAB.fullmatch(str(arg.value)):
                        bare.append(f"{where}:{node.lineno}: {arg.value!r} given to {_name(node)}")
    assert not bare, "use IssueCode.<NAME> (graph/issue_codes.py), not a string:\n" + "\n".join(
        sorted(set(bare))
    )


def test_every_code_in_the_table_is_made_somewhere() -> None:
    used = set()
    for _, tree in _sources():
        for node in ast.walk(tree):
            named = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            if named and node.value.id == "IssueCode":
                used.add(node.attr)
    assert used <= set(IssueCode.__members__), used - set(IssueCode.__members__)
    assert set(IssueCode.__members__) - used == set(), "codes in the table that nothing reports"


def test_docs_show_the_table() -> None:
    text = FORMAT_DOC.read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        text = text.replace(START + _section(text) + END, START + markdown_table() + END)
        FORMAT_DOC.write_text(text, encoding="utf-8")
    assert _section(text) == markdown_table(), (
        "docs/format.md's table of codes differs from graph/issue_codes.py; "
        f"run UPDATE_GOLDEN=1 pytest {__file__}"
    )
    rows = [line for line in _section(text).splitlines() if line.startswith("| `")]
    shown = {row.split("`")[1]: row.split(" | ")[1:4] for row in rows}
    assert shown == {
        c.value: [i.severity, ", ".join(i.found_by), i.title.replace("|", "\\|")]
        for c, i in CODES.items()
    }


def test_docs_name_no_other_code() -> None:
    vocab = load_vocabulary()
    known = {c.value for c in IssueCode} | set(vocab.node_types) | set(vocab.edge_types)
    known |= set(DROPS) | set(FILTERS) | set(NOT_CODES)
    unknown = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for word in re.findall(r"`([^`\n]+)`", path.read_text(encoding="utf-8")):
            if KEBAB.fullmatch(word) and word not in known:
                unknown.append(f"{path.relative_to(ROOT)}: `{word}`")
    assert not unknown, "not in graph/issue_codes.py (nor a type or import reason):\n" + "\n".join(
        unknown
    )


def test_severity_comes_from_the_table() -> None:
    warning = Issue("nodes.csv", 5, "id", "isolated-node", "node 'x' has no relation")
    error = Issue("edges.csv", 4, "target", IssueCode.DANGLING_EDGE, "'y' is not a node id")
    assert (warning.code, warning.severity) == (IssueCode.ISOLATED_NODE, "warning")
    assert (error.code, error.severity) == ("dangling-edge", "error")
    assert type(error.to_dict()["code"]) is str and str(error).endswith("[dangling-edge]")


def test_a_code_not_in_the_table_is_refused() -> None:
    with pytest.raises(ValueError, match="made-up"):
        Issue("edges.csv", 2, None, "made-up", "no such code")  # type: ignore[arg-type]


def test_markdown_table_escapes_pipes() -> None:
    (row,) = [r for r in markdown_table().splitlines() if r.startswith("| `wrong-delimiter`")]
    assert "`\\|`-separated" in row
    assert row.count(" | ") == 4
