# Two commands do all the set-up (README "Quick start"):
#   make run   — create .venv from the lock file, build the demo province on first start, open the dashboard
#   make test  — create .venv from the lock file, then lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-lock
PORT ?= 8501

.PHONY: run test lint bench soak demo clean

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Cần Python 3.11 trở lên"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m etl demo --if-missing
	$(PY) serve.py --server.headless true --server.port $(PORT)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: lint
	$(PY) -m pytest

demo: $(STAMP)
	$(PY) -m etl demo

bench: $(STAMP)
	$(PY) -m bench

soak: $(STAMP)
	$(PY) -m bench soak --minutes $(or $(MINUTES),3)

clean:
	rm -rf $(VENV) data/warehouse*.duckdb* data/demo
