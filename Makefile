# The two commands of README: `make demo` (the main job) and `make test` (every test).
# Both install the system libraries they need when missing (scripts/install-system-libraries).

SWIFT      ?= swift
DEMO_DB    ?= demo.sqlite
RELEASE_BIN = .build/release/training

.PHONY: demo test bench build release system-libraries clean

system-libraries:
	@scripts/install-system-libraries

## The main job: a release build, a database with the partnership's catalogue, and what to do next.
demo: system-libraries
	@echo "Building training (release)..."
	$(SWIFT) build -c release --product training
	$(RELEASE_BIN) init --database $(DEMO_DB)
	$(RELEASE_BIN) catalogue import Courses --database $(DEMO_DB)
	$(RELEASE_BIN) check --database $(DEMO_DB)
	@echo
	@echo "The demo database is $(DEMO_DB). Try:"
	@echo "  $(RELEASE_BIN) catalogue list --level advanced --database $(DEMO_DB)"
	@echo "  $(RELEASE_BIN) --help"

## Every test: one debug build of everything, then the whole suite (Swift Testing).
test: system-libraries
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

## Performance figures for README (release build; never part of the tests).
bench: system-libraries
	$(SWIFT) build -c release --product training
	$(RELEASE_BIN) bench bookings --bookers 16 --bookings-per-booker 250

build: system-libraries
	$(SWIFT) build

release: system-libraries
	$(SWIFT) build -c release

clean:
	rm -rf .build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
