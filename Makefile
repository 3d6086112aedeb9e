# make run   — install what is missing, build, run the book into output/
# make test  — install what is missing, build, run every test and check that the
#              book renders to the pages committed in output/, both under every
#              BLAS kernel and thread count this machine runs (BookCheck)
# make fuzz  — run each libFuzzer target in Fuzz/ for FUZZ_SECONDS (default 600); fails on a crash
# make format — rewrite Sources/ and Tests/ in the style of .swift-format
# make lint   — check Sources/ and Tests/ against .swift-format; fails on any finding
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libcmark-dev libopenblas-dev zlib1g-dev libdeflate-dev dataset-fashion-mnist libxml2-utils chromium fonts-noto-cjk
RELEASE_BIN := .build/release
# Where `make test` renders the book afresh, once per kernel and thread count.
BOOK_CHECK := .build/book-check
FUZZ_SECONDS ?= 600
# The toolchain's own swift-format, found beside the swift it is called through.
SWIFT_FORMAT ?= $(SWIFT) format

.PHONY: run test setup build release bench fuzz format lint clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing packages; run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

run: release
	$(RELEASE_BIN)/tutor run chapters/

test: setup lint
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product tutor
	$(SWIFT) build -c release --product BookCheck
	@# No test may depend on the BLAS kernel or the thread count: every test runs under
	@# each kernel and thread count this machine can run, then once as it is, in full.
	@$(RELEASE_BIN)/BookCheck configurations | while read -r variables; do \
	  echo "every test with $$variables"; \
	  env $$variables $(SWIFT) test --skip-build > $(BOOK_CHECK)-tests.log 2>&1 \
	    || { grep -E 'error|failed' $(BOOK_CHECK)-tests.log | head -40; echo "tests fail with $$variables"; exit 1; }; \
	  grep -E 'Executed [0-9]+ tests' $(BOOK_CHECK)-tests.log | tail -n 1; \
	done
	$(SWIFT) test --skip-build
	@$(RELEASE_BIN)/BookCheck $(RELEASE_BIN)/tutor chapters/ output $(BOOK_CHECK) || { \
	  echo "output/ differs from the book rendered afresh: run 'make run' and commit output/"; exit 1; }
	@echo "output/ matches the book rendered afresh under every kernel and thread count"

bench: setup
	bench/compare

fuzz: setup
	SWIFT=$(SWIFT) FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/fuzz

format:
	$(SWIFT_FORMAT) format --in-place --parallel --recursive Sources Tests --configuration .swift-format

lint:
	$(SWIFT_FORMAT) lint --strict --parallel --recursive Sources Tests --configuration .swift-format

clean:
	rm -rf .build
