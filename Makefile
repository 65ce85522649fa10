# Two commands set up a fresh machine and do everything: `make serve` and `make test`.
# Each installs what is missing first: a virtual environment with the package and the tools of
# its purpose (pyproject.toml's dependency groups, every version pinned in constraints.txt), and
# Graphviz (plus Chromium for tests) from the system. `make help` lists every target.

VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check
# One stamp per dependency group installed: each group includes the one before (pyproject.toml).
SITE := $(VENV)/.installed-site
GENERATORS := $(VENV)/.installed-generators
TESTS := $(VENV)/.installed-test
LINT := $(VENV)/.installed-lint
LOWEST := .venv-lowest
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the site (the sitemap's) are the last commit's, not today's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

# `make` alone lists the targets: it served the site before, which on a fresh machine also installs
# system packages; no guide says to run it bare, and a list is the safer answer to a guess.
.DEFAULT_GOAL := help
.PHONY: help serve serve-zensical build build-properdocs build-zensical tools browser lint test test-lowest \
	linkcheck-external facts diagram icons screenshots og-image audit bench clean

help:  ## List the targets and what each does
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "  make %-19s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

serve: $(SITE) tools  ## Serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

serve-zensical: $(GENERATORS) tools  ## Preview with Zensical instead, mistakes shown in the page as under make serve
	$(BIN)/python -m scripts.build_zensical --serve --dev-addr 127.0.0.1:8000

build: $(SITE) tools  ## Write the site to site/ for publishing
	$(BIN)/mkdocs build --strict

build-properdocs: $(GENERATORS) tools  ## Write the site with ProperDocs instead, to site-properdocs/
	$(BIN)/properdocs build --strict -f mkdocs.yml -d site-properdocs

build-zensical: $(GENERATORS) tools  ## Write the site with Zensical instead, to site-zensical/
	$(BIN)/python -m scripts.build_zensical site-zensical

lint: $(LINT)  ## Check Python, Markdown, spelling and the GitHub workflows (pre-commit runs the same)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pymarkdown scan --recurse --exclude "docs/includes/*" docs README.md CONTRIBUTING.md src/drawn_figures/README.md .github
	$(BIN)/codespell docs README.md CONTRIBUTING.md src/drawn_figures/README.md diagrams .github
	$(BIN)/python -m scripts.check_workflows
	$(BIN)/zizmor --offline --quiet .github/workflows

test: lint browser  ## Run every check and test but those marked scheduled (pytest -m scheduled runs those)
	$(BIN)/pytest --numprocesses 3 --dist loadfile  # a module a worker; three, as the tests often wait on a browser or a build

test-lowest:  ## Run the package's tests with the lowest versions it declares (constraints-lowest.txt), in .venv-lowest
	rm -rf $(LOWEST)
	$(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip --quiet --disable-pip-version-check install --constraint constraints.txt pip
	$(LOWEST)/bin/python -m pip --quiet --disable-pip-version-check install \
		--constraint constraints-lowest.txt --editable '.[mkdocs]' --group package-tests
	$(LOWEST)/bin/python -m pip list --disable-pip-version-check
	$(LOWEST)/bin/pytest tests/package

linkcheck-external: $(TESTS) build  ## Also fetch every link to another host (needs the network)
	$(BIN)/python -m scripts.linkcheck site --external

facts: $(SITE)  ## List the footnoted facts checked more than six months ago, oldest first (STRICT=1 fails on any)
	$(BIN)/python -m scripts.facts $(if $(STRICT),--strict)

diagram: $(SITE)  ## Start a new diagram from the template: make diagram NAME=my-diagram
	@test -n "$(NAME)" || { echo "usage: make diagram NAME=my-diagram" >&2; exit 2; }
	$(BIN)/python -m scripts.new_diagram $(NAME)

icons: $(SITE)  ## List or search icons: make icons SET=aws.compute, SET=aws FIND=queue, SET=material FIND=queue
	@test -n "$(SET)" || { echo "usage: make icons SET=aws.compute (or SET=aws, SET=material FIND=queue, ...)" >&2; exit 2; }
	@$(BIN)/python -m drawn_figures.icons $(SET) $(FIND)

screenshots: build browser  ## Save screenshots of every page to screenshots/ (one page: make screenshots PAGE=trade-offs)
	$(BIN)/python -m scripts.screenshots site screenshots $(if $(PAGE),--page "$(PAGE)")

og-image: build browser  ## Redraw the link-preview picture docs/assets/og-image.png from the value-stack figure
	$(BIN)/python -m scripts.open_graph_image site docs/assets/og-image.png

audit: build browser node_modules/.installed  ## Lighthouse CI on every page, mobile and desktop, against the bar (writes a Markdown table)
	$(BIN)/python -m scripts.audit site lighthouse-reports

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

bench: browser  ## Measure builds, live reload and page weight against a baseline (writes a Markdown table and JSON)
	$(BIN)/python -m scripts.bench

tools:  ## Install Graphviz and the fonts labels need, where missing (scripts/install-system-tools.sh)
	scripts/install-system-tools.sh

browser: $(TESTS)  ## The same, and Chromium for the browser tests: the system's, else Playwright's
	scripts/install-system-tools.sh --browser
	command -v chromium >/dev/null || $(BIN)/playwright install chromium

.PRECIOUS: $(VENV)/.installed-%

# The virtual environment, with the pinned pip: `pip install --group` needs pip 25.1 or newer.
$(VENV)/.installed-pip: constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --constraint constraints.txt pip
	touch $@

# The package, editable, and one dependency group of pyproject.toml, at the versions of constraints.txt.
$(VENV)/.installed-%: pyproject.toml constraints.txt $(VENV)/.installed-pip
	$(PIP) install --constraint constraints.txt --editable . --group $*
	touch $@

clean:  ## Remove what builds and screenshots wrote, and the diagram cache
	rm -rf site site-properdocs site-zensical .cache screenshots
