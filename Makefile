# Two commands on a fresh machine: `make run` serves the site, `make test` runs every check.
# Both set up what they need first: the virtualenv, the database and the browser for tests.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Where the site is served: canonical, sitemap, robots.txt, feed and email URLs all start here
# (`manage.py sync_site_url` points the default Site at it). Production sets its own public address.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Each setup step prints one line and keeps its output in var/log/, shown when it fails;
# VERBOSE=1 shows it all as it happens.
STEP := sh scripts/step.sh

# Without DATABASE_URL the project runs its own PostgreSQL cluster under var/postgres.
ifeq ($(strip $(DATABASE_URL)),)
DB_START := $(STEP) database "Starting PostgreSQL in var/postgres" $(PYTHON) scripts/localdb.py start
SERVE_DATABASE_URL = $(shell $(PYTHON) scripts/localdb.py url)
else
DB_START := echo "  PostgreSQL: the server in DATABASE_URL"
SERVE_DATABASE_URL = $(DATABASE_URL)
endif

# The Nu HTML Checker, from the npm registry, run with the machine's Java by the tests.
VNU_VERSION := 26.9.27
VNU_JAR := var/node/node_modules/vnu-jar/build/dist/vnu.jar

# $(call ensure_packages,shell test that passes when they are there,Debian packages,what needs them):
# installs the packages when missing and we are root, else says what to install.
define ensure_packages
	@{ $(1); } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    $(STEP) apt-$(firstword $(2)) "Installing Debian packages for $(3): $(2)" sh -ec \
	      'apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y $(2)'; \
	  else \
	    echo "error: $(2) is missing (for $(3)): run 'sudo apt-get install $(2)'" >&2; exit 1; \
	  fi; }
endef

.PHONY: run test serve bench bench-import audit lint db db-stop migrate demo site-url browser pdf-libs wrk varnish nginx redis clean

# The accounts are printed once, by create_demo_accounts (the last step of `demo`).
run: pdf-libs migrate demo site-url
	@echo
	@echo "Serving http://127.0.0.1:$(PORT)/ (admin at http://127.0.0.1:$(PORT)/admin/) with Django's"
	@echo "development server; Ctrl-C stops it. Setup logs are in var/log/."
	@echo
	@PORT=$(PORT) DJANGO_RUNSERVER_HIDE_WARNING=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed db browser pdf-libs varnish $(VNU_JAR)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=healthsite.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# Production-like: Varnish on $(PORT) in front of gunicorn (VARNISH=0 leaves it out: gunicorn
# then listens on $(PORT) itself), production settings, static files from WhiteNoise, plain HTTP
# on loopback, and the background task worker (comment emails, search indexing) beside it, started
# again should it ever exit (scripts/supervise.sh). Ctrl-C stops all three.
VARNISH ?= 1
ifeq ($(VARNISH),1)
APP_PORT := $(shell expr $(PORT) + 1)
SERVE_NEEDS := varnish
START_VARNISH := $(PY) scripts/varnish.py $(PORT) $(APP_PORT) & varnish=$$!;
# Varnish adds the reader's address to X-Forwarded-For: trust that one hop, no more.
SERVE_ENV := VARNISH_PURGE_URL=http://127.0.0.1:$(PORT)/ TRUSTED_PROXY_COUNT=1
SERVING := Varnish in front of gunicorn
else
APP_PORT := $(PORT)
SERVING := gunicorn
endif

serve: pdf-libs migrate $(SERVE_NEEDS)
	@DJANGO_SETTINGS_MODULE=healthsite.settings.production DATABASE_URL="$(SERVE_DATABASE_URL)" \
	  SECRET_KEY="$${SECRET_KEY:-$$(cat var/dev-secret-key)}" SECURE_SSL_REDIRECT=false \
	  WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}" \
	  $(STEP) collectstatic "Collecting static files into static/" $(PY) manage.py collectstatic --noinput
	@DJANGO_SETTINGS_MODULE=healthsite.settings.production DATABASE_URL="$(SERVE_DATABASE_URL)" \
	  SECRET_KEY="$${SECRET_KEY:-$$(cat var/dev-secret-key)}" \
	  $(STEP) site-url "Pointing the site's URLs at $(WAGTAILADMIN_BASE_URL)" $(PY) manage.py sync_site_url
	@echo "Serving http://127.0.0.1:$(PORT)/ with $(SERVING) and the production settings; Ctrl-C stops it."
	@DJANGO_SETTINGS_MODULE=healthsite.settings.production DATABASE_URL="$(SERVE_DATABASE_URL)" \
	  SECRET_KEY="$${SECRET_KEY:-$$(cat var/dev-secret-key)}" SECURE_SSL_REDIRECT=false $(SERVE_ENV) \
	  WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}" \
	  sh -c 'scripts/supervise.sh $(PY) manage.py run_worker & worker=$$!; $(START_VARNISH) trap "kill $$worker $$varnish 2>/dev/null" EXIT INT TERM; \
	  $(VENV)/bin/gunicorn healthsite.wsgi --bind 127.0.0.1:$(APP_PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -'

# The benchmark suite (bench/run.py): BENCH_ARGS="--wordpress" adds WordPress in the same run.
bench: $(VENV)/.installed db pdf-libs wrk varnish nginx redis
	$(PY) bench/run.py $(BENCH_ARGS)

# Importing a generated WordPress export of 10,000 posts and 200,000 comments: time and peak memory.
# BENCH_IMPORT_ARGS="--posts 1000" for a shorter run.
bench-import: $(VENV)/.installed db
	$(PY) bench/wordpress_import.py $(BENCH_IMPORT_ARGS)

wrk:
	$(call ensure_packages,command -v wrk,wrk,the benchmark)

# The churn run shares its workers' pages through Redis, as a site with several workers runs.
redis:
	$(call ensure_packages,command -v redis-server,redis-server,the benchmark)

# nginx serves the cached article as a plain file: the benchmark's ceiling for a cached page.
nginx:
	$(call ensure_packages,command -v nginx,nginx-light,the benchmark)

# The front cache (`make serve`, its tests and the benchmark), with the xkey module for tag purges.
varnish:
	$(call ensure_packages,command -v varnishd && dpkg -s varnish-modules,varnish varnish-modules,the front cache)

# Lighthouse (Accessibility, Best practices, SEO) on the main page types, phone and desktop, with
# Debian's Chromium. Slow, so not part of `make test`; fails when a score is below 100.
LIGHTHOUSE_VERSION := 13.5.0
LIGHTHOUSE := var/node/node_modules/.bin/lighthouse
audit: $(VENV)/.installed db browser migrate $(LIGHTHOUSE)
	CHROME_PATH=$$(command -v chromium) $(PY) scripts/audit.py --port $${AUDIT_PORT:-8890}

$(LIGHTHOUSE):
	$(call ensure_packages,command -v npm,npm,Lighthouse)
	npm install --silent --no-audit --no-fund --prefix var/node lighthouse@$(LIGHTHOUSE_VERSION)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# Reinstalled only when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(STEP) venv "Installing Python packages into $(VENV) (minutes the first time)" sh -ec \
	  'test -x $(PY) || $(PYTHON) -m venv $(VENV); \
	   $(PY) -m pip install --upgrade pip; \
	   $(PY) -m pip install -r requirements-dev.txt'
	@touch $@

db:
	@$(DB_START)

db-stop:
	$(PYTHON) scripts/localdb.py stop

migrate: $(VENV)/.installed db
	@$(STEP) migrate "Migrating the database" $(PY) manage.py migrate --noinput

demo: $(VENV)/.installed
	@$(STEP) demo-content "Loading the demo content (articles, a checklist, comments)" $(PY) manage.py load_demo_content
	@echo
	@$(PY) manage.py create_demo_accounts

site-url: $(VENV)/.installed
	@$(STEP) site-url "Pointing the site's URLs at $(WAGTAILADMIN_BASE_URL)" $(PY) manage.py sync_site_url

# Browser tests drive Debian's Chromium; Playwright's own browser download does not work here.
browser:
	$(call ensure_packages,command -v chromium,chromium,the browser tests)

$(VNU_JAR):
	$(call ensure_packages,command -v java && command -v npm,default-jre-headless npm,the HTML checker)
	@$(STEP) vnu "Installing the Nu HTML Checker into var/node" \
	  npm install --no-audit --no-fund --prefix var/node vnu-jar@$(VNU_VERSION)

# WeasyPrint (the visit summary PDF) needs Pango from the system.
PANGO_LIBS := libpango-1.0-0 libpangoft2-1.0-0
pdf-libs:
	$(call ensure_packages,/sbin/ldconfig -p | grep -q libpango-1.0.so.0 && /sbin/ldconfig -p | grep -q libpangoft2-1.0.so.0,$(PANGO_LIBS),the visit-summary PDF)

clean: db-stop
	rm -rf $(VENV) var static media
