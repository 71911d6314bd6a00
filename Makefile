# Dala Journal: `make run` and `make test` each work on a fresh machine; both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DIR ?= var/demo

.PHONY: venv run test bench bench-server bench-sync clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Dala Journal needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m storage.demo.run_demo $(DEMO_DIR)

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/storage_bench.py

bench-server: $(STAMP)
	$(BIN)/python benchmarks/server_bench.py

bench-sync: $(STAMP)
	$(BIN)/python benchmarks/sync_bench.py

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
