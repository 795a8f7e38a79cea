# Kansrijk: `make run` starts the demo on SQLite, `make test` runs the test suite.
# Everything is installed from the project's own files (pyproject.toml, package-lock.json).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# PostgreSQL for `make test-postgres`; CI and this machine provide a local server.
POSTGRES_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/postgres)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup run test test-postgres test-browser lint bench system-packages messages oas clean

setup: $(VENV)/.installed node_modules/.installed messages

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test,bench]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages: gettext (msgfmt) for translations, Pango and fonts for PDFs (WeasyPrint),
# chromium for the browser tests.
system-packages:
	@command -v msgfmt >/dev/null && command -v chromium >/dev/null && \
	  ldconfig -p | grep -q libpangoft2-1.0 && test -d /usr/share/fonts/truetype/dejavu || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext \
	    libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core chromium chromium-driver)

messages: $(VENV)/.installed system-packages
	cd src/kansrijk && ../../$(BIN)/kansrijk compilemessages -v 0

run: setup
	$(BIN)/kansrijk demo --port $(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench
	$(BIN)/kansrijk makemigrations --check --dry-run
	$(BIN)/kansrijk hsds openapi --check docs/api/hsds-openapi.json
	$(BIN)/kansrijk referrals openapi --check docs/api/referrals-openapi.json

test: setup lint
	$(BIN)/pytest

test-postgres: setup
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest

test-browser: setup system-packages
	$(BIN)/pytest -m browser

bench: setup
	$(BIN)/python -m bench

oas: $(VENV)/.installed
	$(BIN)/kansrijk hsds openapi --write docs/api/hsds-openapi.json
	$(BIN)/kansrijk referrals openapi --write docs/api/referrals-openapi.json

clean:
	rm -rf $(VENV) node_modules var
