# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export DEBUG ?= 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test e2e lint format messages compilemessages migrate seed clean

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

compilemessages: $(VENV)/.installed
	$(PY) scripts/compilemessages.py

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --no-input

seed: migrate
	$(PY) manage.py seed_demo

run: compilemessages seed
run: export REQUEST_LOG ?= 0
	@echo
	@echo "  Open http://$(HOST):$(PORT)/ and log in with one of the demo users above."
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev compilemessages
	$(VENV)/bin/pytest

e2e: $(VENV)/.installed-dev compilemessages
	$(VENV)/bin/pytest -m browser

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed
	$(PY) manage.py makemessages --no-obsolete --no-location -l tr -l ro -l ru -l fa --ignore=.venv --ignore=staticfiles

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 artifacts
