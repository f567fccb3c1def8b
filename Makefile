# The two commands a user needs: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint bench lock clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/lakebox serve --demo

lint: install
	$(BIN)/ruff check lakebox tests bench
	$(BIN)/ruff format --check lakebox tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/crawl.py
	$(BIN)/python bench/query.py

# Re-resolve the pinned dependencies of pyproject.toml into requirements.lock.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -e '.[dev]'
	.lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^lakebox' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
