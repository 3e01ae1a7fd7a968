# Placement Tracker: `make run` starts the app, `make test` runs every check headless.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test install bench lint screenshot clean

run: $(STAMP)
	$(PY) -m app $(ARGS)

install: $(STAMP)

# Re-install only when the dependency list changed: a second `make install` is instant.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

lint: $(STAMP)
	$(VENV)/bin/ruff check app tests benchmarks
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy app/policy app/interchange app/services

# pytest's exit 5 ("no tests collected") is a failure here, never a pass.
test: lint
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests: failing."; fi; exit $$rc

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --screenshot docs/main-window.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --page Cases --screenshot docs/cases.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --dialog allocate --screenshot docs/allocate-breach.png

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
