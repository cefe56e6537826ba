# The two commands of the README: `make run` and `make test`. Each creates .venv on first use
# and installs what the system lacks (tools/setup_system.sh).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.run-ready: pyproject.toml | $(BIN)/python
	sh tools/setup_system.sh run
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-ready: pyproject.toml | $(BIN)/python
	sh tools/setup_system.sh test
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@ $(VENV)/.run-ready

run: $(VENV)/.run-ready
	$(BIN)/wuyang-tasks --first-run demo

# ruff first ([tool.ruff] in pyproject.toml: unused imports and variables, undefined names),
# then mypy over the layers it covers so far ([tool.mypy]: domain/, db/ and exports/).
test: $(VENV)/.test-ready
	$(BIN)/ruff check .
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(VENV)/.test-ready
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info
