# RadaData: `make run` serves the demo council, `make test` runs the whole suite.
# Everything goes into .venv; nothing is installed globally except the Debian packages the
# browser and PostgreSQL tests need (scripts/ensure-*, only when missing, and only as root).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST := $(BIN)/pytest -p no:cacheprovider --ds=radadata.config.settings.test
XDIST := -n 2

.PHONY: install run serve migrate demo test lint check-migrations unit e2e test-postgres bench \
        test-ckan messages messages-merge lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

## The embedded default: SQLite and files in var/, gunicorn on http://127.0.0.1:8000.
run: install migrate demo serve

## migrate, collectstatic and reindex run only when something they depend on changed since
## they last ran: the migrations, static files, search code, installed packages or the database
## (a new file, another RADADATA_DATABASE_URL). The stamps live in the data folder; deleting
## them (or FORCE=1) runs everything again.
DATA_DIR := $(or $(RADADATA_DATA_DIR),var)
MIGRATED := $(DATA_DIR)/.make-migrated
DEMOED := $(DATA_DIR)/.make-demo
STATE = { echo "$$RADADATA_DATABASE_URL"; ls -i $(DATA_DIR)/radadata.sqlite3 2>/dev/null; \
          cat $(STAMP) requirements.lock; \
          find src/radadata \( -path '*/migrations/*.py' -o -path '*/static/*' \
               -o -path '*/catalog/search/*.py' \) -type f -printf '%p %s %T@\n' | sort; \
        } | sha256sum

migrate: install
	@state=$$($(STATE)); \
	if [ -z "$(FORCE)" ] && [ -f $(MIGRATED) ] && [ "$$(cat $(MIGRATED))" = "$$state" ]; then \
	  echo "migrate, collectstatic, reindex: nothing changed"; \
	else \
	  $(BIN)/radadata migrate --noinput -v0 && \
	  $(BIN)/radadata collectstatic --noinput -v0 && \
	  $(BIN)/radadata reindex && \
	  state=$$($(STATE)) && echo "$$state" > $(MIGRATED); \
	fi

demo: install
	@state=$$($(STATE)); \
	if [ -z "$(FORCE)" ] && [ -f $(DEMOED) ] && [ "$$(cat $(DEMOED))" = "$$state" ]; then \
	  echo "demo council: already loaded"; \
	else \
	  $(BIN)/radadata load_demo && state=$$($(STATE)) && echo "$$state" > $(DEMOED); \
	fi

serve: install
	$(BIN)/radadata serve

## The whole suite: lint, migrations check, unit and integration tests, browser tests.
test: lint check-migrations unit e2e

lint: install
	$(BIN)/ruff check src tests bench

check-migrations: install
	DJANGO_SETTINGS_MODULE=radadata.config.settings.test \
	  $(BIN)/radadata makemigrations --check --dry-run -v1

unit: install
	$(PYTEST) $(XDIST) -m "not e2e and not ckan"

e2e: install
	scripts/ensure-chromium
	RADADATA_TEST_DB_FILE=$$(mktemp -u /tmp/radadata-e2e-XXXXXX.sqlite3) $(PYTEST) -m e2e

## The same unit and integration tests against a throwaway local PostgreSQL server.
test-postgres: install
	scripts/with-postgres $(PYTEST) $(XDIST) -m "not e2e and not ckan"

## Contract tests against two real CKAN 2.11.6 portals (scripts/with-ckan: PostgreSQL, Redis,
## ckanext-scheming/-harvest/-dcat; CKAN's virtualenv is cached outside the repository).
test-ckan: install
	RADADATA_TEST_DB_FILE=$$(mktemp -u /tmp/radadata-ckan-XXXXXX.sqlite3) \
	  scripts/with-ckan $(PYTEST) -m ckan tests/ckan_real

bench: install
	$(BIN)/python bench/export_registry.py --rows 10000
	$(BIN)/python bench/import_registry.py --rows 10000 --per-row-rows 1000
	$(BIN)/python bench/catalog_search.py --rows 10000 --requests 1000 --clients 10 --workload both
	$(BIN)/python bench/office_pages.py
	$(BIN)/python bench/checks_big.py --rows 1000000 --errors 300
	$(BIN)/python bench/personal_data.py
	$(BIN)/python bench/xlsx_read.py --rows 100000
	$(BIN)/python bench/reports_yearly.py --datasets 500
	$(BIN)/python bench/audit_scorecard.py --searches 2000
	$(BIN)/python bench/portal_push.py --datasets 500
	$(BIN)/python bench/portal_import.py --packages 500
	$(BIN)/python bench/startup.py

## Translations: extract the English msgids, then compile the Ukrainian catalogue.
messages: install
	cd src/radadata && ../../$(BIN)/radadata makemessages -l uk --no-obsolete --no-location
	cd src/radadata && ../../$(BIN)/radadata compilemessages -l uk

## Fold the catalogues kept under locale-parts/ into the main Ukrainian one and empty them.
messages-merge:
	@set -e; main=src/radadata/locale/uk/LC_MESSAGES/django.po; \
	for part in src/radadata/locale-parts/*/uk/LC_MESSAGES/django.po; do \
	  [ -f "$$part" ] || continue; \
	  msgcat --use-first --no-location -o "$$main.new" "$$main" "$$part" && mv "$$main.new" "$$main"; \
	  rm -r "$$(dirname "$$(dirname "$$(dirname "$$part")")")"; \
	done; \
	msgfmt --check-format -o src/radadata/locale/uk/LC_MESSAGES/django.mo "$$main"

lock:
	rm -rf /tmp/radadata-lock && $(PYTHON) -m venv /tmp/radadata-lock
	/tmp/radadata-lock/bin/pip install -q -e '.[dev]'
	{ head -n 2 requirements.lock; /tmp/radadata-lock/bin/pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) build src/*.egg-info
