# Parallax: `make run` and `make test` set everything up on a fresh Debian
# machine with Go. Every target that compiles the window first makes sure the
# system packages it needs are there (see `deps`).

GO      ?= go
BIN     := bin/parallax
# sqlite_fts5 must reach build, test and vet alike (DESIGN.md).
TAGS    := sqlite_fts5
# ci swaps in Fyne's headless driver: unit tests need no display or GL.
TESTTAGS := ci $(TAGS)
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)

# Debian packages: the window's build needs cgo and X11/GL headers; the
# window tests and `make screenshot` need a virtual display and its tools;
# `make bench` compares against dwdiff; poppler-utils (pdftotext, pdftoppm)
# and tesseract make the tests and benchmarks exercise PDF import's second
# reader and OCR (the pure-Go reader needs neither); chromium opens the HTML
# memo at a laptop's width and a narrow window's (app/export).
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_PKGS  := xvfb xdotool imagemagick dwdiff poppler-utils tesseract-ocr tesseract-ocr-eng chromium

export CGO_ENABLED := 1

.PHONY: all deps build run test unit fuzz fuzz-short lint smoke window crash concurrent bench benchprocess htmlscore screenshot wordnet train clean

all: build

# deps installs the missing Debian packages with apt-get when it can (root,
# or sudo), and otherwise says exactly what to install.
deps:
	@PKGS="$(BUILD_PKGS) $(TEST_PKGS)" sh .ci/deps.sh

build: deps
	$(GO) build -tags "$(TAGS)" -ldflags "$(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN)

# make test insists on the browser test of the HTML memo: without chromium
# it fails rather than skips (a bare `go test` skips it).
test: export PARALLAX_REQUIRE_CHROMIUM = 1
test: deps lint unit fuzz-short build smoke window crash concurrent

lint:
	@out=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags "$(TESTTAGS)" ./...

unit:
	$(GO) test -race -tags "$(TESTTAGS)" ./...

# fuzz runs every fuzz target for FUZZTIME (30s) each; make test runs the
# parsers' (importers, textnorm, segment, worddiff) for two seconds each
# (fuzz-short). A crash is kept under the target's testdata/fuzz/ to be
# committed with its fix.
fuzz:
	GO="$(GO)" TAGS="$(TESTTAGS)" sh .ci/fuzz.sh

fuzz-short:
	GO="$(GO)" TAGS="$(TESTTAGS)" FUZZTIME=2s FUZZPKGS='^app/(ingest|textnorm|segment|worddiff)/' sh .ci/fuzz.sh

smoke: build
	sh .ci/smoke.sh $(BIN)

# crash kills bin/parallax with SIGKILL at random moments of an import, an
# export and note typing, and checks that what it acknowledged survived
# (see .ci/crash.sh).
crash: build
	sh .ci/crash.sh $(BIN) ../shared/seeds

# concurrent runs two windows and a command line on one library at once
# (see .ci/concurrent.sh).
concurrent: build
	sh .ci/concurrent.sh $(BIN) ../shared/seeds

# window runs the real window under Xvfb on the seed reports and sends it
# a key (see .ci/window.sh).
window: build
	sh .ci/window.sh $(BIN) ../shared/seeds

# bench runs every benchmark, then the claim engine's speed benchmarks
# (app/compare: seeds, an ECB+ topic, two long reports at 2k/20k/200k words
# and dwdiff on the same, in process and as `parallax compare` processes of
# the build) and prints them as the table the README quotes.
bench: deps build
	$(GO) test -tags "$(TESTTAGS)" -run '^$$' -bench . -benchmem $$($(GO) list ./... | grep -v /app/compare$$)
	$(GO) test -tags "$(TESTTAGS)" -run '^$$' -bench 'Seeds|ECBTopic' ./app/compare | tee bench.out
	$(GO) test -tags "$(TESTTAGS)" -run '^$$' -bench 'Long|Dwdiff' -benchtime 3x ./app/compare | tee -a bench.out
	PARALLAX_BIN=$(CURDIR)/$(BIN) $(GO) test -tags "$(TESTTAGS)" -run '^$$' -bench 'Process' -benchtime 3x ./app/compare | tee -a bench.out
	@sh .ci/benchtable.sh < bench.out; rm -f bench.out

# benchprocess is bench's process line alone: parallax compare --format json
# as a process of the build on 2k/20k/200k words against dwdiff, same run.
benchprocess: build
	PARALLAX_BIN=$(CURDIR)/$(BIN) $(GO) test -tags "$(TESTTAGS)" -run '^$$' -bench 'Process' -benchtime 3x ./app/compare | tee bench.out
	@sh .ci/benchtable.sh < bench.out; rm -f bench.out

# htmlscore measures HTML import on the saved pages of ../shared/data/html:
# each page is added with bin/parallax and read back with `show --json`,
# and scored with ScrapingHub's body metric and title/author/date accuracy
# (the figures the README quotes).
htmlscore: build
	python3 ../shared/tools/htmlscore.py ../shared/data/html ../shared/tools/parallax-extract

# screenshot refreshes the README's pictures: the samples compared in the
# real window at 1366x768, light and dark (see .ci/screenshot.sh).
screenshot: build
	sh .ci/screenshot.sh $(BIN) docs/screenshot-light.png docs/screenshot-dark.png

# train refits the claim-pair models on ../shared/data and rewrites
# app/align/model_gen.go; it prints the cross-validated figures.
train:
	$(GO) run ./app/align/internal/train -data ../shared/data -out app/align/model_gen.go

# wordnet regenerates the embedded WordNet table from Debian's wordnet-base
# (a test checks the committed table matches when the package is installed).
wordnet:
	@PKGS="wordnet-base" sh .ci/deps.sh
	$(GO) run ./app/lexicon/internal/wngen -in /usr/share/wordnet -out assets/wordnet.bin.gz

clean:
	rm -rf bin
