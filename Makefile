# CJG Assistent. `make run` and `make test` set up everything they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
SPACY_PIPELINE := build/spacy/nl_cjg
MODEL := models/cjg.tar.gz
TRAINING_INPUTS := config.yml domain.yml bot/nlp/safety_net.py bot/nlp/crisis_model.py $(wildcard nlu_safety/*.yml) $(shell find data -name '*.yml' 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1

CHROMIUM := /usr/bin/chromium

.PHONY: help setup run test lint format validate unit conversations bench-nlu bench-authors lock clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || "$$(scripts/find-python310.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==26.3"
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $@

$(SPACY_PIPELINE)/.built: $(VENV)/.installed bot/nlp/build_pipeline.py
	$(PY) -m bot.nlp.build_pipeline $(SPACY_PIPELINE)
	touch $@

$(MODEL): $(SPACY_PIPELINE)/.built $(TRAINING_INPUTS)
	$(RASA) train --fixed-model-name cjg --out models --quiet

setup: $(MODEL) ## Create .venv, install, build the spaCy pipeline, train if data changed

run: setup ## Start Rasa, the action server and the gateway; Ctrl-C stops all
	$(PY) -m bot.stack

lint: $(VENV)/.installed ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed ## Let ruff fix lint and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

validate: setup ## Rasa's own data validation
	$(RASA) data validate --fail-on-warnings --quiet

# The browser tests drive Debian's Chromium (Playwright's own browser download is not used).
$(CHROMIUM):
	@command -v apt-get >/dev/null || { echo "Install Chromium at $(CHROMIUM) (Debian: apt-get install chromium)"; exit 1; }
	$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq
	$$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

unit: setup $(CHROMIUM) ## pytest: unit, API, stack and browser tests
	$(PY) -m pytest -q

conversations: setup ## Rasa conversation tests (test stories)
	$(RASA) test core --stories tests/conversations --model $(MODEL) \
		--e2e --fail-on-prediction-errors --out results/conversations --quiet

test: lint validate unit conversations ## Set up and run every test

bench-nlu: setup ## NLU accuracy on the held-out set, next to a TF-IDF baseline
	$(PY) -m bench.nlu

bench-authors: setup ## The safety net on each classifier-example file, trained without it (leave one author out)
	$(PY) -m bench.authors

lock: ## Re-pin requirements.lock from a fresh resolve of pyproject.toml
	rm -rf build/lockvenv && "$$(scripts/find-python310.sh)" -m venv build/lockvenv
	build/lockvenv/bin/pip install --quiet -e '.[dev]'
	(echo "# Every package the project installs, pinned. Regenerate with 'make lock' after changing pyproject.toml."; \
	 build/lockvenv/bin/pip freeze | grep -v -E '^(-e|cjg)' | sort -f) > requirements.lock

clean: ## Remove the virtualenv, builds, models and results
	rm -rf $(VENV) build models results .pytest_cache .ruff_cache
