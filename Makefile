# The two commands the README gives: `make run` and `make test`.
SWIFT ?= swift

.PHONY: setup build release run test bench fuzz clean

setup:
	./scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

# Runs swfilter on its embedded default configuration: the pipe filter over a sample message,
# then the effective configuration.
run: release
	./scripts/run-default.sh

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	./scripts/bench-parse.sh

fuzz:
	./scripts/fuzz-message.sh

clean:
	rm -rf .build
