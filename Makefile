# The two commands of README: `make demo` (the main job) and `make test` (every test).
# Both install the system libraries they need when missing (scripts/install-system-libraries).

SWIFT      ?= swift
DEMO_DB    ?= demo.sqlite
RELEASE_BIN = .build/release/training

.PHONY: demo test fuzz browser-test load-test bench build release system-libraries clean

system-libraries:
	@scripts/install-system-libraries

## The main job: a release build, a fictional partnership's two years in demo.sqlite, and the board's workbook.
demo: system-libraries
	@echo "Building training (release)..."
	$(SWIFT) build -c release --product training
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	rm -rf Reports/mail
	$(RELEASE_BIN) demo --database $(DEMO_DB) --report Reports
	$(RELEASE_BIN) check --database $(DEMO_DB)
	@echo
	@echo "The demo database is $(DEMO_DB); the board's workbook is in Reports/ (open it in Excel or LibreOffice)."
	@echo "The messages the coming programme's bookings owe are in Reports/mail/new/, one .eml file each (mail-transport maildir)."
	@echo "Above, after the sign-in accounts, the demo printed a fresh link to one learner's own page (places, requests, record of learning,"
	@echo "certificates, a refresher due) with their EMAIL: with serve running, open it with https://training.wscp.example as http://127.0.0.1:8080."
	@echo "Try:"
	@echo "  $(RELEASE_BIN) session list --year 2025-26 --database $(DEMO_DB)"
	@echo "  $(RELEASE_BIN) impact --year 2025-26 --by level --database $(DEMO_DB)"
	@echo "  $(RELEASE_BIN) certificate --learner EMAIL --out certificates.pdf --database $(DEMO_DB)   # that learner's certificates"
	@echo "  $(RELEASE_BIN) serve --database $(DEMO_DB)      # the web application, at http://127.0.0.1:8080/"
	@echo "  $(RELEASE_BIN) --help"

## Every test: one debug build of everything, then the whole suite (Swift Testing), then the browser test
## (Tests/e2e, Chromium headless) on that build, which says SKIPPED when Chromium or its tools are missing.
## The mail tests' SMTP server (aiosmtpd) and openssl are installed first when missing: those tests need them.
test: system-libraries
	@scripts/install-test-tools --mail
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	@scripts/browser-test

## The route fuzz test at length (README "Security"): every route of every role, as `make test` runs it, then
## FUZZ_REQUESTS generated requests per role instead of 200. A failure prints the seed that replays it.
FUZZ_REQUESTS ?= 20000
fuzz: system-libraries
	$(SWIFT) build --build-tests
	TRAINING_FUZZ_REQUESTS=$(FUZZ_REQUESTS) $(SWIFT) test --skip-build --disable-xctest --filter RouteFuzzTests

## The browser test alone (scripts/install-test-tools installs Chromium, chromedriver and the Python packages).
browser-test: system-libraries
	$(SWIFT) build --product training
	@scripts/browser-test

## The web application under load (wrk, loopback, 10 s per figure; README "Performance"); never part of the tests.
load-test: system-libraries
	@scripts/install-test-tools --load
	$(SWIFT) build -c release --product training
	scripts/load-test

## Performance figures for README (release build; never part of the tests): the board workbook, the export of
## a million bookings, a million-row history import and 16 concurrent bookers, each beside its reference, on the
## large demo data set (built once into .bench/, reused while its sources and seed are unchanged).
## BENCH_RUNS sets the runs whose median is taken.
BENCH_RUNS ?= 3
bench: system-libraries
	$(SWIFT) build -c release --product training
	$(SWIFT) build -c release --product training-bench
	scripts/bench.py --runs $(BENCH_RUNS)

build: system-libraries
	$(SWIFT) build

release: system-libraries
	$(SWIFT) build -c release

clean:
	rm -rf .build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
