"""The package's shape: stages import only the stages below them, no import cycle, and no
module hidden behind a function of the same name.

The contracts live in ``pyproject.toml`` (``[tool.importlinter]``) and run in ``make lint``;
these tests run them here too and show that each one fails when a forbidden import is added
to a copy of the package.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import graph

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter's contracts on the ``graph`` package found under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _copy_package(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "graph",
        tmp_path / "graph",
        ignore=shutil.ignore_patterns("__pycache__", "*.js", "*.csv", "*.json", "vendor"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _append(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + code, encoding="utf-8")


def test_the_contracts_hold_on_the_package() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_import_against_the_stage_order_breaks_the_contract(tmp_path: Path) -> None:
    root = _copy_package(tmp_path)
    # Hidden inside a function, as the old cycles were: still an import of a higher stage.
    _append(root / "graph" / "model" / "dates.py", "\n\ndef _late():\n    from ..cli import app\n")
    result = _lint(root)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "graph.model.dates -> graph.cli" in result.stdout


def test_a_cycle_inside_one_stage_breaks_the_acyclic_contract(tmp_path: Path) -> None:
    root = _copy_package(tmp_path)
    # columns <- vocabulary already; columns -> vocabulary closes a cycle within model/.
    late = "\n\ndef _late():\n    from . import vocabulary\n"
    _append(root / "graph" / "model" / "columns.py", late)
    result = _lint(root)
    assert result.returncode != 0
    assert "No import cycle" in result.stdout and "BROKEN" in result.stdout
    assert "graph.model" in result.stdout and ".vocabulary -> .columns" in result.stdout


def _packages(root: types.ModuleType) -> list[types.ModuleType]:
    found = [root]
    for info in pkgutil.walk_packages(root.__path__, root.__name__ + "."):
        if info.ispkg:
            found.append(importlib.import_module(info.name))
    return found


def shadowed_modules(package: types.ModuleType) -> list[str]:
    """Submodules of ``package`` whose name the package binds to something else."""
    hidden = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if getattr(package, info.name) is not module:
            hidden.append(f"{package.__name__}.{info.name}")
    return hidden


@pytest.mark.parametrize("package", _packages(graph), ids=lambda p: p.__name__)
def test_no_module_is_shadowed_by_a_name_its_package_exports(package: types.ModuleType) -> None:
    assert shadowed_modules(package) == []


def test_the_shadow_check_finds_a_shadowed_module(tmp_path: Path, monkeypatch) -> None:
    pkg = tmp_path / "shadowpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from .merge import merge\n", encoding="utf-8")
    (pkg / "merge.py").write_text("def merge():\n    return 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert shadowed_modules(importlib.import_module("shadowpkg")) == ["shadowpkg.merge"]


#: Modules allowed at the top of ``graph/``: the public API and the shared leaves that every
#: stage may use. Everything else lives in a stage package.
SHARED_LEAVES = {
    "_lazy.py",
    "__init__.py",
    "_version.py",
    "atomic.py",
    "errors.py",
    "issue_codes.py",
    "file_checks.py",
    "text.py",
}


def test_only_shared_leaves_sit_at_the_top_of_the_package() -> None:
    top = {p.name for p in (ROOT / "graph").glob("*.py")}
    assert top <= SHARED_LEAVES, sorted(top - SHARED_LEAVES)


def test_import_graph_loads_no_stage_until_a_name_is_used() -> None:
    code = (
        "import sys, graph; before = 'pandas' in sys.modules or 'graph.analyze' in sys.modules; "
        "graph.load; print(before, 'graph.loading' in sys.modules, 'graph.render' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "False"]


@pytest.mark.parametrize("package", _packages(graph), ids=lambda p: p.__name__)
def test_every_public_name_has_a_home(package: types.ModuleType) -> None:
    exports = getattr(package, "_EXPORTS", None)
    if exports is None:  # an eager package (cli) binds its names at import
        assert all(hasattr(package, name) for name in package.__all__)
        return
    assert set(exports) | {"__version__"} >= set(package.__all__)
    assert set(exports) <= set(package.__all__)
    for name, module in exports.items():  # each name is where the table says
        home = importlib.import_module(f"{package.__name__}.{module}")
        assert getattr(package, name) is getattr(home, name), name
