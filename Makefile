# The two commands of the README:
#   make demo   trains the default experiment on Fashion-MNIST, analyses it and writes the report
#   make test   runs the whole test suite (release build: some tests train real networks), then
#               each file-format fuzz target for 10 s (Fuzz/run.sh)
# Both install missing Debian packages first (Scripts/install-deps.sh).

SWIFT ?= swift
BIN := .build/release/infogeo

.PHONY: demo test deps build bench clean

deps:
	@Scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product infogeo

demo: build
	$(BIN) demo

test: deps
	$(SWIFT) build -c release
	$(SWIFT) test -c release
	Fuzz/run.sh 10

bench: build
	$(BIN) bench

clean:
	rm -rf .build
