# Two commands do all the set-up (README "Quick start"):
#   make run   — create .venv from the lock file, build the demo province on first start, open the dashboard
#                (the demo opens read-only without signing in; `make serve` requires sign-in)
#   make test  — create .venv from the lock file, then lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-lock
PORT ?= 8501

.PHONY: run serve test lint bench load soak demo clean

$(STAMP): requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Cần Python 3.11 trở lên"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m etl demo --if-missing
	@echo "Tỉnh mẫu: xem không cần đăng nhập. Để tải dữ liệu lên: $(PY) -m etl user add TEN --role admin"
	THIDUA_ANONYMOUS=$${THIDUA_ANONYMOUS:-1} $(PY) serve.py --server.headless true --server.port $(PORT)

# A real province: everyone signs in (create the first admin with `python -m etl user add … --role admin`).
serve: $(STAMP)
	$(PY) serve.py --server.headless true --server.port $(PORT)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

test: lint
	$(PY) -m pytest

demo: $(STAMP)
	$(PY) -m etl demo

# Timings, the file beside DuckLake at 1M and 10M rows (34 provinces writing at once with the
# second), then the load test (30 viewers for 2 minutes with an analyst, exports and a
# sign-in hammer): each prints its table. `make load` runs the load test alone.
bench: $(STAMP)
	$(PY) -m bench
	$(PY) -m bench lake --rows 1000000 --no-writers
	$(PY) -m bench lake --rows 10000000
	$(PY) -m bench load

load: $(STAMP)
	$(PY) -m bench load

soak: $(STAMP)
	$(PY) -m bench soak --minutes $(or $(MINUTES),3)

clean:
	rm -rf $(VENV) data/warehouse*.duckdb* data/demo
