# One entry point. `make run` starts the assistant; `make test` runs every test.
# Both set everything up on a fresh machine (venv, pinned install, spaCy
# pipeline, training only when data, domain or config changed).
SHELL := /bin/bash
# The first Python 3.10 that runs: a pyenv shim on PATH can exist and still fail.
PYTHON310 ?= $(shell for p in $$(command -v python3.10) $$(ls -1 $$HOME/.pyenv/versions/3.10*/bin/python3.10 2>/dev/null); do "$$p" -c '' 2>/dev/null && { echo "$$p"; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
RASA := TF_CPP_MIN_LOG_LEVEL=3 $(VENV)/bin/rasa
SPACY_MODEL := models/spacy/access_en/meta.json
MODEL := models/assistant.tar.gz
TRAIN_DATA := data/nlu data/rules
TRAIN_INPUTS := config.yml $(wildcard domain/*.yml data/nlu/*.yml data/rules/*.yml) data/lexicon/harm_examples.yml $(SPACY_MODEL)
# The chat widget and the console's dashboard: npm packages pinned by
# web/package-lock.json, bundled by esbuild into web/dist.
WIDGET := web/dist/widget.js
DASHBOARD := web/dist/dashboard.js
WIDGET_MODULES := web/node_modules/.installed

.PHONY: help run scale-out test eval lint unit integration validate nlu-eval e2e install spacy train web clean

help:  ## list the targets
	@grep -hE '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/ -/'

$(PY):
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is required (Rasa 3.6 supports 3.8-3.10)"; exit 1; }
	$(PYTHON310) -m venv $(VENV)
	$(PY) -m pip install -q "pip==24.0"

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt pyproject.toml | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt -c constraints.txt
	# The project's own packages, importable from anywhere (editable; its
	# dependencies are the pinned ones just installed).
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed  ## create the venv and install pinned dependencies

.env:
	cp .env.example .env

$(SPACY_MODEL): scripts/build_spacy.py bot/countries.py bot/knowledge.py data/knowledge/authorities.yml data/knowledge/programme.yml data/lexicon/countries.yml data/lexicon/country_names.yml $(wildcard data/knowledge/schemes/*.yml) | $(VENV)/.installed
	$(PY) scripts/build_spacy.py
	@# Rasa fingerprints SpacyNLP by its settings, not by the pipeline's files:
	@# without this, training restores every NLU component from the cache and
	@# never sees the new pipeline.
	rm -rf .rasa/cache

spacy: $(SPACY_MODEL)  ## build the project's own spaCy pipeline

$(MODEL): $(TRAIN_INPUTS) | $(VENV)/.installed
	$(RASA) train --data $(TRAIN_DATA) --domain domain --config config.yml --out models \
	  --fixed-model-name assistant --augmentation 0 --fail-on-validation-warnings
	touch $@

train: $(MODEL)  ## train the model (only when inputs changed)

# npm ci installs exactly the lockfile, from the npm registry; no install
# scripts run (esbuild's binary comes as an npm package of its own).
$(WIDGET_MODULES): web/package.json web/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: installing Debian's nodejs and npm"; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo -n ) env DEBIAN_FRONTEND=noninteractive sh -c 'apt-get update -qq && apt-get install -y -qq nodejs npm'; }
	cd web && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(WIDGET) $(DASHBOARD) &: $(WIDGET_MODULES) web/build.mjs $(wildcard web/src/*)
	cd web && npm run --silent build

web: $(WIDGET) $(DASHBOARD)  ## build the chat widget and the console's dashboard (npm ci + esbuild, only when sources or the lockfile changed)

run: $(MODEL) .env $(WIDGET) $(DASHBOARD)  ## start action server, Rasa server and chat page on 127.0.0.1
	$(PY) -m services.run --model $(MODEL)

.PHONY: migrate
migrate: $(VENV)/.installed  ## upgrade both databases (DATABASE_URL, the tracker store's) to the latest migration
	$(PY) -m storage.migrate

scale-out: $(MODEL) .env $(WIDGET) $(DASHBOARD)  ## N Rasa replicas behind nginx; needs TRACKER_STORE_URL and LOCK_STORE_URL
	$(PY) -m services.scale_out --model $(MODEL)

lint: $(VENV)/.installed  ## ruff (lint, import order) and the layers' import contracts (bot/ is pure)
	$(VENV)/bin/ruff check .
	PYTHONPATH=. $(VENV)/bin/lint-imports

unit: $(VENV)/.installed $(SPACY_MODEL)  ## pytest without servers
	$(PY) -m pytest -q -m "not integration and not model and not e2e"

integration: $(VENV)/.installed $(SPACY_MODEL)  ## pytest with real PostgreSQL, Redis, SMTP and nginx servers (started by the tests)
	$(PY) -m pytest -q -m "integration and not e2e"

validate: $(VENV)/.installed  ## rasa data validate, warnings are errors
	$(RASA) data validate --data $(TRAIN_DATA) --domain domain --config config.yml --fail-on-warnings

nlu-eval: $(MODEL)  ## held-out NLU set: intent accuracy and country F1 (see BENCHMARKS.md)
	$(PY) -m pytest -q -m model

e2e: $(MODEL) $(WIDGET) $(DASHBOARD)  ## real servers: whole conversations over REST, the widget in Chromium
	$(PY) -m pytest -q -m e2e

eval: $(MODEL)  ## whole conversations through the real servers, the held-out blind pool (BENCHMARKS.md)
	$(PY) bench/eval_conversations.py --pool tests/conversations/pool_blind_11.yml --count 320 --failures 0

test: lint unit integration validate nlu-eval e2e  ## every test

clean:  ## remove build outputs (keeps the venv and the data in var/: conversations, requests)
	rm -rf models/*.tar.gz models/spacy results .rasa var/endpoints.yml var/bench web/dist
