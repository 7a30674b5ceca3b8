# Two commands on a fresh machine with Python 3.11+:  make demo  ·  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out

.PHONY: demo test lint format bench notebook screenshot clean install install-dev install-notebook

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: validate, measure, draw and report on the bundled Iran–Tajikistan dataset
demo: $(VENV)/.installed
	$(BIN)/graph validate data/iran_tajikistan
	$(BIN)/graph stats --top 10
	$(BIN)/graph timeline Iran Tajikistan
	$(BIN)/graph html -o $(OUT)/iran_tajikistan.html
	$(BIN)/graph report -o $(OUT)/report.html
	$(BIN)/graph export --format gexf -o $(OUT)/iran_tajikistan.gexf
	@echo "Done. Open $(OUT)/iran_tajikistan.html and $(OUT)/report.html in a browser."

## test: install what the tests need, lint, and run every test (doctests, notebooks, browser)
test: $(VENV)/.installed-dev
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check graph tests benchmarks scripts
	$(BIN)/ruff format --check graph tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.installed-dev
	$(BIN)/ruff format graph tests benchmarks scripts
	$(BIN)/ruff check --fix graph tests benchmarks scripts

bench: $(VENV)/.installed-dev
	OMP_WAIT_POLICY=passive $(BIN)/python benchmarks/bench_load.py
	OMP_WAIT_POLICY=passive $(BIN)/python benchmarks/bench_stats.py
	OMP_WAIT_POLICY=passive $(BIN)/python benchmarks/bench_html.py
	OMP_WAIT_POLICY=passive $(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_balance.py

## screenshot: the explorer pictures in docs/img/ (bundled dataset, phone, time window, map, ICEWS sample) and the report's first screen, taken in Chromium
screenshot: $(VENV)/.installed-dev
	$(BIN)/python scripts/screenshot.py

$(VENV)/.installed-notebook: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,notebook]"
	@touch $@ $(VENV)/.installed $(VENV)/.installed-dev
install-notebook: $(VENV)/.installed-notebook

## notebook: JupyterLab on notebooks/
notebook: $(VENV)/.installed-notebook
	cd notebooks && ../$(BIN)/jupyter lab
clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache .mypy_cache
