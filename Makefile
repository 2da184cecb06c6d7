# filmlore — the two commands: `make demo` and `make test`.
# Each creates .venv/ itself with python3 and installs what it needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck docs doctest pytest bench clean dist-check screenshot

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/heat_demo.py
	$(BIN)/python examples/databases_demo.py

test: browser-check pytest typecheck lint docs doctest dist-check

pytest: $(STAMP)
	$(BIN)/python -m pytest

typecheck: $(STAMP)
	$(BIN)/python -m mypy --strict src

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

docs: $(STAMP)
	$(BIN)/python -m sphinx -W --keep-going -b html -q docs docs/_build/html

doctest: $(STAMP)
	$(BIN)/python -m sphinx -W --keep-going -b doctest -q docs docs/_build/doctest

# Build the sdist and wheel, check them, install the wheel with every extra into a fresh venv,
# and run the tests there against the installed package: from a copy of tests/ (and the
# examples, docs pages and benchmark loaders they read) outside the source tree, with
# ../shared linked in.
DIST_VENV := build/dist-venv
DIST_ROOT := build/dist-check
dist-check: $(STAMP)
	rm -rf dist $(DIST_VENV) $(DIST_ROOT)
	mkdir -p build
	$(BIN)/python -m build --sdist --wheel --outdir dist . > build/dist-build.log 2>&1 \
		|| (cat build/dist-build.log; exit 1)
	$(BIN)/python -m twine check --strict dist/*
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DIST_VENV)/bin/python -m pip install --quiet "$$(ls dist/*.whl)[all]" pytest
	$(BIN)/python tests/extras/check_extras.py "$$(cd dist && pwd)/$$(cd dist && ls *.whl)" build/extras
	mkdir -p $(DIST_ROOT)/project/docs
	cp -R tests examples $(DIST_ROOT)/project/
	cp -R docs/reference docs/howto docs/tutorial docs/explanation docs/_ext $(DIST_ROOT)/project/docs/
	mkdir -p $(DIST_ROOT)/project/benchmarks
	cp -R benchmarks/truth benchmarks/*.py $(DIST_ROOT)/project/benchmarks/
	if [ -d ../shared ]; then ln -s "$$(cd ../shared && pwd)" $(DIST_ROOT)/shared; fi
	printf '[pytest]\naddopts = -ra --strict-markers -p no:cacheprovider --import-mode=importlib\nxfail_strict = true\nfilterwarnings = error\n' \
		> $(DIST_ROOT)/project/pytest.ini
	cd $(DIST_ROOT)/project && ../../dist-venv/bin/python -c \
		"import filmlore, sys; assert 'site-packages' in filmlore.__file__, filmlore.__file__"
	cd $(DIST_ROOT)/project && ../../dist-venv/bin/python -m pytest -q tests

# A picture of the HTML report of Heat (headless Chromium; not part of `make test`).
CHROMIUM ?= chromium
screenshot: demo
	rm -rf build/chromium-profile
	$(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$(CURDIR)/build/chromium-profile" --window-size=1280,2000 \
		--screenshot="$(CURDIR)/build/heat-report.png" "file://$(CURDIR)/build/heat-report.html" \
		2> build/screenshot.log || (cat build/screenshot.log; exit 1)
	rm -rf build/chromium-profile
	@echo "The screenshot is in build/heat-report.png"

# The HTML report of Heat in headless Chromium at 1280 and 390 px wide: fails when the page
# is wider than the window or something spills out of its box; screenshots of both widths
# in build/.  Where Chromium is missing it is installed (as root), or the line that installs
# it is shown and the target stops -- never skipped.
.PHONY: browser-check
browser-check: $(STAMP)
	@if ! command -v $(CHROMIUM) >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get install -y chromium || (apt-get update && apt-get install -y chromium); \
		else \
			echo "make browser-check needs Chromium; install it with: sudo apt-get install -y chromium" >&2; \
			exit 1; \
		fi; \
	fi
	$(BIN)/python tests/browser/check_layout.py --chromium "$$(command -v $(CHROMIUM))" --out build

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) docs/_build .mypy_cache .pytest_cache .ruff_cache .hypothesis dist build
