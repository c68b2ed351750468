# The README's two commands are `make report` (or `make report ARTICLE=path/to/article`) and
# `make test`; each sets up .venv first when it is missing or older than pyproject.toml. `.ci/run`
# installs Debian's chromium when it is missing and runs `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))

# No MPLBACKEND here: notebook kernels keep the inline backend so the reports carry their figures;
# plots.fix_layout() makes the saved figures byte-identical either way.
export TZ := UTC
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: install report test unit nbval browser notebooks lab clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[notebooks,test]"
	touch $(STAMP)

## Execute every notebook (copies, the committed ones stay as they are), write data/processed and
## figures, render reports/<notebook>.html, reports/figures/ and reports/index.html.
## With ARTICLE=path (relative to this folder, or absolute): run the one-article notebooks on that
## article and write everything under reports/<article-stem>/; no tracked file changes.
report: $(STAMP)
	$(PY) -m analysis.report $(if $(ARTICLE),--article "$(ARTICLE)") $(NOTEBOOKS)

## Unit tests, then nbval over every notebook, then the reports in a real browser.
test: $(STAMP) unit nbval browser

unit: $(STAMP)
	$(PY) -m pytest tests --ignore=tests/browser

nbval: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider --nbval-lax --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg $(NOTEBOOKS)

## Headless Chromium (Debian's) opens freshly rendered reports; skipped, saying why, without it.
## Screenshots of every page land in screenshots/ (git-ignored).
browser: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider tests/browser

## For developers: Restart & Run All on every notebook, in place, before committing them.
notebooks: $(STAMP)
	$(PY) -m analysis.report --in-place $(NOTEBOOKS)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=.

clean:
	rm -rf reports screenshots .pytest_cache .cache
