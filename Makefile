# Placement Tracker: `make run` starts the app, `make test` runs every check headless.
# PYTHON: leave unset to let tools/find-python pick python3.13 or 3.12 (3.11 is refused: docs/decisions.md).
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock

.PHONY: run test install bench lint screenshot clean bundle bundle-test fuzz lock

run: $(STAMP)
	$(PY) -m app $(ARGS)

install: $(STAMP)

# Re-install only when the dependency list changed: a second `make install` is instant.
# A .venv made with a Python older than 3.12 is replaced, never patched. What is installed is
# exactly requirements.lock, every file hash-checked: the versions the tests passed with.
$(STAMP): pyproject.toml $(LOCK)
	@if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
		echo "make: .venv uses a Python older than 3.12: making it again."; rm -rf $(VENV); fi
	@test -x $(PY) || { py=$$(tools/find-python) && echo "make: .venv with $$py" && $$py -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Moving a dependency is a deliberate step: `make lock`, then `make test` (docs/decisions.md).
lock: $(STAMP)
	$(PY) tools/lock.py write

lint: $(STAMP)
	@$(PY) tools/lock.py check
	$(VENV)/bin/ruff check app tests benchmarks tools
	$(VENV)/bin/ruff format --check app tests benchmarks tools
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy app/policy app/interchange app/services

# pytest's exit 5 ("no tests collected") is a failure here, never a pass. The tests run on
# every core (pytest-xdist): each worker is its own process with its own Qt and temp files.
test: lint
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -n auto; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests: failing."; fi; exit $$rc

# Ten minutes of mutated placement files against the reader (tests/interchange/test_fuzz.py);
# a file that breaks it is saved in fuzz-failures/. Stopping at the ten minutes is success.
fuzz: $(STAMP)
	@QT_QPA_PLATFORM=offscreen PT_FUZZ_EXAMPLES=1000000 timeout 600 $(PY) -m pytest -q -p no:cacheprovider \
		tests/interchange/test_fuzz.py -x; rc=$$?; \
	if [ $$rc -eq 124 ]; then echo "make fuzz: ten minutes, no failure."; rc=0; fi; exit $$rc

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

# A one-folder bundle in dist/placement-tracker/ (PyInstaller, with .venv's Python), and its test:
# the frozen app takes a screenshot, checks the public example, prints every record and opens an
# encrypted database (tools/bundle_test.py). packaging/README.md: Windows and macOS.
bundle: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level ERROR --distpath dist --workpath build/pyinstaller packaging/placement-tracker.spec
	$(PY) -c 'from pathlib import Path; from app.services.licences import write_beside; print(len(write_beside(Path("dist/placement-tracker"))), "open-source packages listed beside the app")'
	@du -sh dist/placement-tracker

bundle-test: bundle
	QT_QPA_PLATFORM=offscreen $(PY) tools/bundle_test.py

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --screenshot docs/main-window.png --first-picture docs/opening.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --page Cases --screenshot docs/cases.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --dialog allocate --screenshot docs/allocate-breach.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --dialog history --screenshot docs/history.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --dialog profile --screenshot docs/profile.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --dialog observation --screenshot docs/observation.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --appearance light --screenshot docs/light.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --appearance dark --screenshot docs/dark.png
	QT_QPA_PLATFORM=offscreen $(PY) -m app --demo --as-of 2026-11-23 --appearance dark --page Supervision --screenshot docs/dark-supervision.png
	QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 $(PY) -m app --demo --as-of 2026-11-23 --screenshot docs/scale-200.png
	$(PY) tools/example_placement.py
	$(PY) tools/paper_pictures.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
