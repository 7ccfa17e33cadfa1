# Every target creates .venv when missing; nothing else needs installing by hand.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
# axe-core, the accessibility checker the web page's test runs in Chromium (npm registry).
AXE     := axe-core@4.14.1
AXEJS   := $(VENV)/node/node_modules/axe-core/axe.min.js

.PHONY: run test lint bench crash-test clean bundle

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing Scrutiny Desktop into $(VENV) (the first time takes a minute or two)..."
	$(BIN)/pip install -q -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	@echo "Installing Scrutiny Desktop and its test tools into $(VENV) (a few minutes the first time)..."
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/scrutiny-desktop $(ARGS)

# Without npm the accessibility test says it cannot run (and fails under CI).
$(AXEJS): | $(BIN)/python
	if command -v npm >/dev/null; then \
		npm install --prefix $(VENV)/node --no-audit --no-fund --silent $(AXE); \
	else echo "npm not found: $(AXE) not installed, the web page's axe test will not run"; fi

test: $(TSTAMP) $(AXEJS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(TSTAMP)
	$(BIN)/ruff check scrutiny_desktop tests bench main.py
	$(BIN)/ruff format --check scrutiny_desktop tests bench main.py
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run

crash-test: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.crash_test --trials $(or $(TRIALS),200)

clean:
	rm -rf $(VENV) build dist *.egg-info

# The self-contained application folder dist/scrutiny-desktop/ (PyInstaller), then
# its smoke test; see docs/bundle.md. Not part of `make test`.
$(VENV)/.installed-bundle: $(STAMP)
	$(BIN)/pip install -q 'pyinstaller>=6.10'
	touch $@

bundle: $(VENV)/.installed-bundle
	$(BIN)/python packaging/build.py $(ARGS)
