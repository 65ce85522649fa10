# Two commands set up a fresh machine and do everything: `make serve` and `make test`.
# Each installs what is missing first: a virtual environment with the pinned
# packages (requirements.txt), and Graphviz (plus Chromium for tests) from the system.

VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the site (the sitemap's) are the last commit's, not today's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve serve-zensical build build-properdocs build-zensical tools browser lint test linkcheck-external facts diagram icons screenshots og-image audit bench clean

serve: $(INSTALLED) tools  ## Serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

serve-zensical: $(INSTALLED) tools  ## Preview with Zensical instead, mistakes shown in the page as under make serve
	$(BIN)/python -m scripts.build_zensical --serve --dev-addr 127.0.0.1:8000

build: $(INSTALLED) tools  ## Write the site to site/ for publishing
	$(BIN)/mkdocs build --strict

build-properdocs: $(INSTALLED) tools  ## Write the site with ProperDocs instead, to site-properdocs/ (README: Which generator)
	$(BIN)/properdocs build --strict -f mkdocs.yml -d site-properdocs

build-zensical: $(INSTALLED) tools  ## Write the site with Zensical instead, to site-zensical/ (README: Which generator)
	$(BIN)/python -m scripts.build_zensical site-zensical

lint: $(INSTALLED)  ## Check Python, Markdown, spelling and the GitHub workflows (pre-commit runs the same)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pymarkdown scan docs README.md CONTRIBUTING.md .github
	$(BIN)/codespell docs README.md CONTRIBUTING.md diagrams .github
	$(BIN)/python -m scripts.check_workflows
	$(BIN)/zizmor --offline --quiet .github/workflows

test: lint browser  ## Run every check and test (the link check of the built site is tests/test_links.py)
	$(BIN)/pytest

linkcheck-external: build  ## Also fetch every link to another host (needs the network)
	$(BIN)/python -m scripts.linkcheck site --external

facts: $(INSTALLED)  ## List the footnoted facts checked more than six months ago, oldest first (STRICT=1 fails on any)
	$(BIN)/python -m scripts.facts $(if $(STRICT),--strict)

diagram: $(INSTALLED)  ## Start a new diagram from the template: make diagram NAME=my-diagram
	@test -n "$(NAME)" || { echo "usage: make diagram NAME=my-diagram" >&2; exit 2; }
	$(BIN)/python -m scripts.new_diagram $(NAME)

icons: $(INSTALLED)  ## List the icons of an icon set: make icons SET=aws.compute (or SET=aws for its sets)
	@test -n "$(SET)" || { echo "usage: make icons SET=aws.compute (or SET=generic, SET=onprem.queue, ...)" >&2; exit 2; }
	@$(BIN)/python -m drawn_figures.icons $(SET)

screenshots: build browser  ## Save screenshots of every page to screenshots/ (one page: make screenshots PAGE=trade-offs)
	$(BIN)/python -m scripts.screenshots site screenshots $(if $(PAGE),--page "$(PAGE)")

og-image: build browser  ## Redraw the link-preview picture docs/assets/og-image.png from the value-stack figure
	$(BIN)/python -m scripts.open_graph_image site docs/assets/og-image.png

audit: build browser node_modules/.installed  ## Lighthouse CI on every page, mobile and desktop, against the bar (prints a table, keeps the reports)
	$(BIN)/python -m scripts.audit site lighthouse-reports

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

bench: $(INSTALLED) browser  ## Measure builds, live reload and page weight against a baseline (prints a table, writes JSON)
	$(BIN)/python -m scripts.bench

tools:  ## Install Graphviz and the fonts labels need, where missing (scripts/install-system-tools.sh)
	scripts/install-system-tools.sh

browser: $(INSTALLED)  ## The same, and Chromium for the browser tests: the system's, else Playwright's
	scripts/install-system-tools.sh --browser
	command -v chromium >/dev/null || $(BIN)/playwright install chromium

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e . --no-deps
	touch $@

clean:
	rm -rf site site-properdocs site-zensical .cache screenshots
