# Two commands for a fresh clone: `make run` and `make test`. Everything else here serves them.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
MANAGE := $(PYTHON) manage.py
STATIC := scorecard/web/static/scorecard
GOVUK := node_modules/govuk-frontend/dist/govuk

.PHONY: run test lint check install debian browser front-end migrate demo serve bench bench-hostile bench-projection load-test fuzz bench-comparisons bench-benchmark-column bench-spc

run: install front-end migrate demo ## Install, migrate, load the Derby demo and serve on http://127.0.0.1:8000
	@$(MANAGE) demo_logins
	$(MANAGE) runserver 127.0.0.1:8000

test: install browser front-end lint ## Install what the tests need and run the whole suite
	$(PYTHON) -m pytest

# Production serving (docs/deploy.md): settings from the environment (.env.example), SCORECARD_DEBUG=false.
serve: install front-end ## Collect the static files and serve with gunicorn on 127.0.0.1 (gunicorn.conf.py)
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(VENV)/bin/gunicorn --config gunicorn.conf.py

# The property tests with many more examples, then each atheris harness for FUZZ_SECONDS; inputs that
# break something are saved under var/fuzz/.
FUZZ_SECONDS ?= 60
ATHERIS_HARNESSES := atheris_cells atheris_reading

fuzz: install ## Fuzz the import readers, the period parser and the rules (a few minutes)
	$(PYTHON) -m pytest tests/fuzz --hypothesis-profile=fuzz -q
	@for harness in $(ATHERIS_HARNESSES); do \
		echo "atheris: $$harness for $(FUZZ_SECONDS) seconds"; \
		$(PYTHON) -m tests.fuzz.$$harness -max_total_time=$(FUZZ_SECONDS) -verbosity=0 -print_final_stats=1 2>&1 | grep -v "^INFO: Instrumenting" ; test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install front-end ## Django's own checks, as CI runs them
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Debian libraries a dependency needs: WeasyPrint (PDF) lays text out with Pango.
DEBIAN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

install: debian $(VENV)/.installed

# The browser tests drive Debian's Chromium (never a downloaded browser).
browser:
	@dpkg -s chromium >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

debian:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	touch $@

front-end: $(STATIC)/scorecard.css $(STATIC)/govuk-frontend.min.js $(STATIC)/htmx.min.js

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

$(STATIC)/scorecard.css: node_modules/.package-lock.json scorecard/web/styles/scorecard.scss
	mkdir -p $(STATIC)
	npm run --silent build:css

$(STATIC)/govuk-frontend.min.js: node_modules/.package-lock.json
	mkdir -p $(STATIC)
	cp $(GOVUK)/govuk-frontend.min.js $@

$(STATIC)/htmx.min.js: node_modules/.package-lock.json
	mkdir -p $(STATIC)
	cp node_modules/htmx.org/dist/htmx.min.js $@

migrate: install
	$(MANAGE) migrate --no-input

demo: install
	$(MANAGE) load_demo

# Figures at 100, 1,000 and 5,000 measures into bench/RESULTS.md, against its own PostgreSQL database
# (scorecard_bench, made and dropped here); not part of `make test`. Quicker: BENCH_SCALES=100,1000
# BENCH_IMPORT_ROWS=10000. It stops by itself, in about 15 minutes at most.
bench: install front-end
	$(PYTHON) -m bench.run

# Issue 12: the dashboard with and without its SPC columns, 1,000 measures × 36 quarters (its own RESULTS.md section).
bench-spc: install front-end
	BENCH_ONLY=spc $(PYTHON) -m bench.run

# Issue 16's hostile inputs (forged and bomb workbooks, megabyte commentary and narrative, a profile PDF at the
# commentary limit), each timed and weighed against "answered within 2 s and 100 MB", into bench/RESULTS.md's
# "Hostile inputs" section, against its own PostgreSQL database (scorecard_hostile). About a minute.
bench-hostile: install front-end
	$(PYTHON) -m bench.hostile

# Issue 15's backtest of the year-end projection on the NHS A&E monthly series (../shared/data/nhs-ae): error of the
# chosen method against the straight line, and outcomes inside the stated ranges, into bench/RESULTS.md's
# "Year-end projection backtest" section. No database; a few seconds.
bench-projection: install
	$(PYTHON) -m bench.projection

# Issue 13 §6: a synthetic national store of comparator data (400 areas x 1,500 measures x 10 years, 6 million
# values) loaded against PostgreSQL's own COPY, and one measure's rank among 400 areas, into bench/RESULTS.md's
# "Comparator data at national scale" section, against its own database (scorecard_comparisons). A few minutes;
# quicker: BENCH_COMPARATOR_MEASURES=150.
bench-comparisons: install
	$(PYTHON) -m bench.comparisons

# Issue 13 §6: the dashboard at 300 and 1,000 measures with its Benchmark column and without it (queries flat,
# at most 1.3 times the time), into bench/RESULTS.md's "The dashboard's Benchmark column" section, against its own
# database (scorecard_benchmark_column). A few minutes.
bench-benchmark-column: install front-end
	$(PYTHON) -m bench.benchmark_column

# 50 readers and 10 writers for 60 s against gunicorn and PostgreSQL (scorecard_load, made and dropped here);
# every write checked afterwards; p50 and p95 into bench/RESULTS.md. Stops by itself.
load-test: install front-end
	$(PYTHON) -m bench.load
