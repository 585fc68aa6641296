# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export DEBUG ?= 1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test e2e lint format messages compilemessages migrate seed clean backup restore bench bench-search

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
	DEMO_BASE_URL=http://$(HOST):$(PORT) $(PY) manage.py seed_demo

run: export REQUEST_LOG ?= 0
run: compilemessages seed
	@echo
	@echo "  Open http://$(HOST):$(PORT)/ and log in with one of the demo users above."
	@echo "  Starting: web (the site), worker (emails and other background jobs) and"
	@echo "  scheduler (daily work, every 5 minutes). Ctrl-C stops all three."
	@echo
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" HOST=$(HOST) SITE_URL=http://$(HOST):$(PORT) $(VENV)/bin/honcho -f Procfile start --port $(PORT)

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

# Backups of the PostgreSQL database named by DATABASE_URL (pg_dump's custom format).
BACKUP_DIR ?= backups
backup:
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL=postgres://... (the database to back up)"; exit 1; }
	@mkdir -p $(BACKUP_DIR)
	pg_dump --format=custom --no-owner --no-privileges \
	  --file=$(BACKUP_DIR)/crm-$$(date -u +%Y%m%dT%H%M%SZ).dump "$(DATABASE_URL)"
	@ls -1t $(BACKUP_DIR)/*.dump | head -1

# Restores FILE into the database named by DATABASE_URL (which must exist; its tables are
# replaced). Run migrations afterwards only if the backup is older than the code.
restore:
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL=postgres://... (the database to restore into)"; exit 1; }
	@test -f "$(FILE)" || { echo "Usage: make restore FILE=backups/crm-....dump DATABASE_URL=..."; exit 1; }
	pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
	  --dbname="$(DATABASE_URL)" "$(FILE)"

# The load benchmark against PostgreSQL (see bench/run.py); writes bench/RESULTS.md.
bench: $(VENV)/.installed-dev compilemessages
	@command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
	cd bench && ../$(PY) run.py
	cd bench && ../$(PY) import_100k.py

# Search at 1,000,000 customers (the query alone); appends to bench/RESULTS.md.
bench-search: $(VENV)/.installed-dev
	cd bench && ../$(PY) search_million.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 artifacts
