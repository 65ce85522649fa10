# Two commands set up a fresh machine and do everything: `make serve` and `make test`.
# Each installs what is missing first: a virtual environment with the pinned
# packages (requirements.txt), and Graphviz (plus Chromium for tests) from the system.

VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test screenshots clean

serve: $(INSTALLED)  ## Serve the site on http://127.0.0.1:8000 with live reload
	scripts/install-system-tools.sh
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(INSTALLED)  ## Write the site to site/ for publishing
	scripts/install-system-tools.sh
	$(BIN)/mkdocs build

test: $(INSTALLED)  ## Run every check and test
	scripts/install-system-tools.sh --browser
	command -v chromium >/dev/null || $(BIN)/playwright install chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

screenshots: build  ## Save screenshots of every page to screenshots/
	$(BIN)/python scripts/screenshots.py site screenshots

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e . --no-deps
	touch $@

clean:
	rm -rf site .cache screenshots
