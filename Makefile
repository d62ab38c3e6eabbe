# Two commands: `make report` and `make test`. Both set up ./.venv first (idempotent: a stamp file records
# that setup.cfg was installed; nothing is reinstalled until it changes).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup report test test-fast lint eval bench browser clean docs fuzz

setup: $(STAMP)

$(STAMP): setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# CPU torch first, from this machine's disk: a bare 'torch' requirement would pull a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

report: $(STAMP)
	$(VENV)/bin/guidecheck check guidelines/ --fail-on never -o reports/guidelines.html -o reports/guidelines.json

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

LINTED := guidecheck tests bench guidelines/src

lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)

test: $(STAMP) browser lint
	$(PY) -m pytest -q

# The suite without the tests that load spaCy or the embedding model, or drive a browser.
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow and not browser"

eval: $(STAMP)
	$(VENV)/bin/guidecheck eval

docs: $(STAMP)
	$(VENV)/bin/guidecheck checks --markdown > docs/checks.md

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'  # proselint, the baseline on the same real document
	$(PY) bench/run.py

# 1,000 seeded damaged copies of the bundled decks through ingest and the reports (SEED=n for another set).
fuzz: $(STAMP)
	$(PY) tests/fuzzing.py --cases 1000 --seed $(or $(SEED),15)

clean:
	rm -rf $(VENV) build *.egg-info
