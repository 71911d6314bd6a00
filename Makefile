# Dala Journal: `make run` and `make test` each work on a fresh machine; both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: venv run test typecheck bench bench-server bench-rush bench-sync bench-desktop translations installer clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Dala Journal needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m harness.demo_run

test: $(STAMP)
	$(BIN)/python -m pytest

.PHONY: lint
lint: $(STAMP)
	$(BIN)/ruff check .
# The packages and files it checks, and how strictly: [tool.mypy] in pyproject.toml.
typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/storage_bench.py

bench-server: $(STAMP)
	$(BIN)/python benchmarks/server_bench.py

# The morning rush: 1,000 PCs within a minute, 1 and 3 server workers (long: one 3-worker run took 16 min on 2 cores);
# a quick run: make bench-rush RUSH="--pcs 100 --window 10"
bench-rush: $(STAMP)
	$(BIN)/python benchmarks/rush_bench.py $(RUSH)

bench-sync: $(STAMP)
	$(BIN)/python benchmarks/sync_bench.py

bench-desktop: $(STAMP)
	$(BIN)/python benchmarks/desktop_bench.py

# After changing a user-visible text: refresh the .ts sources, translate what is new (Qt Linguist:
# .venv/bin/pyside6-linguist), then compile the .qm files the app ships.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete desktop/*.py -ts resources/translations/dala_kk.ts resources/translations/dala_ru.ts
	$(BIN)/pyside6-lupdate -pluralonly -no-obsolete desktop/*.py -ts resources/translations/dala_en.ts
	$(BIN)/pyside6-lrelease resources/translations/dala_kk.ts resources/translations/dala_ru.ts resources/translations/dala_en.ts

# A school's installer: make installer PRESET=school.toml (see docs/admin.md); the outputs go to dist/.
installer: $(STAMP)
	$(BIN)/python build_installer.py --preset $(PRESET) --out dist

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis .mypy_cache
