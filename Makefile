# The two commands of the README:
#   make demo   trains the default experiment on Fashion-MNIST, analyses it and writes the report
#   make test   runs the whole test suite (release build: some tests train real networks), then
#               the Slurm integration test, the report-in-a-browser check, and each file-format fuzz
#               target for 10 s (Fuzz/run.sh)
# Both install missing Debian packages first (Scripts/install-deps.sh).

SWIFT ?= swift
BIN := .build/release/infogeo

.PHONY: demo test deps build bench fss clean

deps:
	@Scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product infogeo

demo: build
	$(BIN) demo

test: deps
	$(SWIFT) build -c release
	$(SWIFT) test -c release
	INFOGEO=$(BIN) Scripts/slurm-integration-test.sh
	INFOGEO=$(BIN) Scripts/report-browser-test.sh
	Fuzz/run.sh 10

bench: build
	$(BIN) bench

# The finite-size-scaling preset (18 runs, local backend), then its scaling analysis.
fss: build
	$(BIN) sweep --preset fss --dir sweeps/fss
	$(BIN) scaling sweeps/fss

clean:
	rm -rf .build
