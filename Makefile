# sphinx-cv: `make` builds the site and the PDF, `make test` runs the tests.
# Both set up what they need on a fresh Debian/Ubuntu machine: a virtualenv in
# .venv with the Python packages, and the Debian packages that are missing
# (through apt-get, which needs root or sudo).

PYTHON     ?= python3
VENV       := .venv
BIN        := $(VENV)/bin
BUILDDIR   := _build
SPHINXOPTS ?= -W --keep-going -j auto
SPHINX     := $(BIN)/python -m sphinx
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages: the LaTeX tool chain (XeLaTeX, latexmk, fonts) for the PDF (this CV's
# text needs no font beyond FreeSerif); the tests also need pdftotext (poppler-utils), a
# browser (chromium), libatomic1, which the node binary inside Playwright's Python package
# links to, Chinese and Japanese fonts for the special-character PDF (fonts-noto-cjk), the
# colour emoji font many desktops have, which the PDF must not choose (fonts-noto-color-emoji),
# and German hyphenation patterns for the hyphenation test (texlive-lang-german).
BUILD_PACKAGES := latexmk texlive-xetex texlive-latex-recommended \
	texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf
TEST_PACKAGES  := poppler-utils chromium libatomic1 fonts-noto-cjk fonts-noto-color-emoji \
	texlive-lang-german

# $(call apt-install,PACKAGES,WHAT): install those of PACKAGES that are missing
define apt-install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages for $(2) (needs root or sudo):$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: all html latexpdf livehtml test bench mutation lint clean setup debian-packages \
	test-packages catalogs gettext variant variants variant-pdf variant-html

all: latexpdf variants html

setup: $(BIN)/.installed debian-packages

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  echo "python3-venv is missing: installing it with apt-get (needs root or sudo)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dev]'
	@touch $@

debian-packages:
	$(call apt-install,$(BUILD_PACKAGES),the PDF: about 150 MB)

test-packages:
	$(call apt-install,$(TEST_PACKAGES),the tests)

html: $(BIN)/.installed
	$(SPHINX) -b html $(SPHINXOPTS) -d $(BUILDDIR)/doctrees . $(BUILDDIR)/html

latexpdf: setup
	$(SPHINX) -b latex $(SPHINXOPTS) -d $(BUILDDIR)/doctrees . $(BUILDDIR)/latex
	$(MAKE) -C $(BUILDDIR)/latex all-pdf LATEXMKOPTS='-quiet'

# a variant of the CV (cv_variants in conf.py, or variants/NAME.json): its PDF, then its
# site, in _build/variants/NAME; the PDF also beside the whole CV's pages, which offer it
VARIANT_DIR = $(BUILDDIR)/variants/$(NAME)
VARIANT_NAMES = $(BIN)/python -c 'from sphinx_cv.variants import variant_names; print(*variant_names("."))'

variant: setup
	@[ -n "$(NAME)" ] || { echo "make variant NAME=...: one of: $$($(VARIANT_NAMES))"; exit 2; }
	@$(MAKE) --no-print-directory variant-pdf NAME=$(NAME)
	@$(MAKE) --no-print-directory variant-html NAME=$(NAME)

# every variant: all the PDFs first, so that each site offers all of them
variants: setup
	@for name in $$($(VARIANT_NAMES)); do \
	  $(MAKE) --no-print-directory variant-pdf NAME=$$name || exit 1; done
	@for name in $$($(VARIANT_NAMES)); do \
	  $(MAKE) --no-print-directory variant-html NAME=$$name || exit 1; done

variant-pdf:
	$(SPHINX) -b latex $(SPHINXOPTS) -D cv_variant=$(NAME) -d $(VARIANT_DIR)/doctrees . $(VARIANT_DIR)/latex
	$(MAKE) -C $(VARIANT_DIR)/latex all-pdf LATEXMKOPTS='-quiet'
	@$(BIN)/python -m sphinx_cv.latex.pagelimit $(VARIANT_DIR)/latex
	@mkdir -p $(BUILDDIR)/html
	cp $(VARIANT_DIR)/latex/*.pdf $(BUILDDIR)/html/

variant-html:
	@mkdir -p $(VARIANT_DIR)/html
	@for pdf in $(BUILDDIR)/html/*.pdf $(BUILDDIR)/latex/*.pdf; do \
	  [ ! -f "$$pdf" ] || cp "$$pdf" $(VARIANT_DIR)/html/; done
	$(SPHINX) -b html $(SPHINXOPTS) -D cv_variant=$(NAME) -d $(VARIANT_DIR)/doctrees . $(VARIANT_DIR)/html

# the extension's own words (ext/sphinx_cv/locales): extract them from the code into the
# template, merge it into each language's .po (translate what is new there; a new
# language: pybabel init -l LANG), compile the .mo files the package ships
LOCALE := ext/sphinx_cv/locales
catalogs: $(BIN)/.installed
	$(BIN)/pybabel extract --no-location --sort-output -k _ -k ngettext:1,2 \
	  --project=sphinx-cv --copyright-holder="Serge Logvinov" -o $(LOCALE)/sphinx_cv.pot ext/sphinx_cv
	$(BIN)/pybabel update --ignore-obsolete -i $(LOCALE)/sphinx_cv.pot -d $(LOCALE) -D sphinx_cv
	$(BIN)/pybabel compile --statistics -d $(LOCALE) -D sphinx_cv

# the CV's text as message templates (_build/gettext), for `sphinx-intl update -l LANG`
gettext: $(BIN)/.installed
	$(SPHINX) -b gettext $(SPHINXOPTS) -d $(BUILDDIR)/doctrees-gettext . $(BUILDDIR)/gettext

# the site and the PDF on every save, with the Sphinx applications kept in memory
# (about 0.3 s for a one-page edit where sphinx-autobuild's fresh process takes 1 s)
livehtml: setup
	$(BIN)/sphinx-cv build --watch -o $(BUILDDIR) .

# npm tools of the browser tests and the bench (axe-core, Lighthouse) from tests/browser's
# lock file; Debian's nodejs and npm come first when there is no npm.
BROWSER_TOOLS := tests/browser/node_modules/.package-lock.json

$(BROWSER_TOOLS): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null || { \
	  echo "npm is missing: installing Debian's nodejs and npm (needs root or sudo)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  $(SUDO) apt-get install -y -qq --no-install-recommends nodejs npm; }
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test: setup test-packages $(BROWSER_TOOLS)
	$(BIN)/python -m pytest

bench: setup test-packages $(BROWSER_TOOLS)
	$(BIN)/python tests/bench.py

# Mutation testing of ext/ (mutmut, configured in pyproject.toml; not in CI: it takes long).
# mutmut knows src/ layouts only: it runs in $(MUTATION), where src/ links to ext/; the folder
# stays between runs (mutmut keeps the test timings and retests changed code), `rm -rf` it to
# start afresh. `make mutation MUTANTS='sphinx_cv.model* sphinx_cv.dates*'` runs only the
# mutants whose names match; SAMPLE=300 SEED=1 a uniform random sample of 300 of those (the
# names in $(MUTATION)/sample.txt, the score with its 95 % interval). MUTMUT_OPTS='--max-children
# 1' NICE='nice -n 19' share a busy machine. Last: killed, survived, total and score by module.
# mutmut imports the modules once and forks per mutant: a mutant in code run at import (option
# specs, the config checks' table) survives there; `tests/mutation.py verify NAME TESTS` (in
# $(MUTATION)) applies it to a copy of the sources and runs TESTS in a fresh process.
MUTATION    := $(BUILDDIR)/mutation
MUTANTS     ?=
SAMPLE      ?=
SEED        ?= 1
MUTMUT_OPTS ?=
NICE        ?=
# XDG_CACHE_HOME: the preloaded preambles of mutated PDF headers in a cache of their own
# (mutants/ keeps its first copy of non-Python files such as sphinxcv.cls: after changing
# them, rm -rf $(MUTATION))
mutation: $(BIN)/.installed
	mkdir -p $(MUTATION)
	ln -sfn $(CURDIR)/ext $(MUTATION)/src
	ln -sfn $(CURDIR)/tests $(MUTATION)/tests
	cp pyproject.toml $(MUTATION)/
	cd $(MUTATION) && export XDG_CACHE_HOME=$(CURDIR)/$(MUTATION)/cache && \
	if [ -n "$(SAMPLE)" ]; then \
	  $(NICE) $(CURDIR)/$(BIN)/python tests/mutation.py names --sample $(SAMPLE) --seed $(SEED) \
	    $(MUTANTS) > sample.txt && \
	  $(NICE) $(CURDIR)/$(BIN)/mutmut run $(MUTMUT_OPTS) $$(cat sample.txt); \
	  $(CURDIR)/$(BIN)/python tests/mutation.py score --names sample.txt; \
	else \
	  $(NICE) $(CURDIR)/$(BIN)/mutmut run $(MUTMUT_OPTS) $(MUTANTS); \
	  $(CURDIR)/$(BIN)/python tests/mutation.py score $(MUTANTS); \
	fi

lint: $(BIN)/.installed
	$(BIN)/ruff check ext tests conf.py
	$(BIN)/ruff format --check ext tests conf.py

clean:
	rm -rf $(BUILDDIR)
