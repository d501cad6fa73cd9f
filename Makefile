# Attaché build. Every go command goes through $(GOFLAGS_TAGS): the SQLite
# full-text module needs the sqlite_fts5 tag on every build, test and vet, and
# a mismatch fails only at run time ("no such module: fts5").
TAGS         := sqlite_fts5
GO           ?= go
GOFLAGS_TAGS := -tags $(TAGS)
STATICCHECK  := honnef.co/go/tools/cmd/staticcheck@v0.7.0
BIN          := bin/attache

# System packages: the cgo GL/X11 build of Fyne, gcc for SQLite, Xvfb and
# tools for GUI checks, poppler for PDF checks, strace for the smoke test's
# check that the app opens no network connection, and the PostgreSQL server
# for the library store's tests (internal/pgtest runs throwaway servers of
# its own; `postgresql` is the distribution's version: 15 on Debian 12).
PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev xvfb xdotool imagemagick poppler-utils strace \
	postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build deps test unit lint smoke accept fuzz bench soak package clean check-docx

run: deps build
	./$(BIN)

# -v lists each package as Go compiles it (on later builds, only what
# changed), so the first build, minutes long, shows it is working.
build:
	@[ -e $(BIN) ] || echo "First build of Attaché: Go downloads the modules and compiles Fyne, GLFW and SQLite from source; about 6 minutes on 2 idle cores, up to 20 on a busy machine. Each package is listed as it compiles; the C ones (go-sqlite3, glfw) stay on one line for minutes."
	$(GO) build -v $(GOFLAGS_TAGS) -o $(BIN) .

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi
	@command -v $(GO) >/dev/null || { echo "Go is missing: install Go 1.26 or later from go.dev/dl" >&2; exit 1; }

test: deps lint unit smoke accept

# The packages share one private cache for the PDF engine's compiled code:
# compiled once per run instead of once per package, never in ~/.cache, and
# removed afterwards (each package's TestMain keeps its other temporary
# files in a private folder too). Every package runs under the race
# detector, which makes the app's tests several times slower: hence the
# longer timeout (the app's tests keep one UI goroutine, as a real run
# does: see app/uiqueue_test.go).
unit:
	cache=$$(mktemp -d); trap 'rm -rf "$$cache"' EXIT; \
	ATTACHE_WASM_CACHE=$$cache/wasm $(GO) test $(GOFLAGS_TAGS) -race -timeout 30m -count=1 ./...

# The real binary under Xvfb: window shown, screenshot not blank, a PDF
# exported, typing saved on SIGHUP and SIGTERM with a clean exit, and (under
# strace) no internet socket and no private path on standard error.
smoke: build
	scripts/smoke.sh $(BIN)

# The acceptance suite (acceptance/): the real binary under Xvfb driven by
# xdotool, each scenario of issue #11 checked in the library and on screen.
accept: build
	ATTACHE_BIN=$(BIN) $(GO) test $(GOFLAGS_TAGS) -count=1 -timeout 10m ./acceptance/

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:" $$out >&2; exit 1; fi
	$(GO) vet $(GOFLAGS_TAGS) ./...
	$(GO) run $(STATICCHECK) $(GOFLAGS_TAGS) ./...

# Longer fuzzing than the seed runs in `make test`: FUZZTIME per target. New
# inputs are minimised for at most 2 s, or a target grown from long seeds
# spends its whole time shrinking instead of exploring.
FUZZTIME ?= 30s
fuzz:
	@$(GO) list $(GOFLAGS_TAGS) -f '{{.ImportPath}}' ./... | while read p; do \
		for f in $$($(GO) test $(GOFLAGS_TAGS) -list '^Fuzz' $$p | grep '^Fuzz'); do \
			echo "== $$p $$f"; $(GO) test $(GOFLAGS_TAGS) -run XXX -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$p || exit 1; \
		done; \
	done

# An installable Linux bundle (tar.xz with the binary, icon and .desktop
# file) from FyneApp.toml, built by Fyne's packaging tool.
FYNE := fyne.io/tools/cmd/fyne@v1.7.4
package: deps
	$(GO) run $(FYNE) package --target linux --tags $(TAGS) --release
	@ls -l *.tar.xz

# Crash safety: 100 SIGKILLs of a process saving through the autosave path;
# `make test` runs a handful.
soak:
	ATTACHE_SOAK_TRIALS=100 $(GO) test $(GOFLAGS_TAGS) -count=1 -run SIGKILL -v ./store/ | grep -E 'SIGKILL trials|^(ok|FAIL|---)'

# The benchmarks, the team library's (PostgreSQL) twins among them: they
# start a throwaway server of internal/pgtest and build its fixture once per
# run (about 4 minutes on 2 cores, beside the SQLite fixtures' first build).
# bench/run.sh runs them with fixed counts and prints SQLite beside PostgreSQL
# against the targets.
bench:
	$(GO) test $(GOFLAGS_TAGS) -run XXX -bench . -benchmem -timeout 60m ./bench/ ./export/

# Ten attache commands writing to one team library at once for 60 s, then
# every write checked (bench/writers_test.go); not in test. SOAK_WRITERS=10
# and SOAK_SECONDS=60 resize it; SOAK_OUT=FILE keeps every command's record.
soak-team:
	$(GO) build $(GOFLAGS_TAGS) -o $(BIN) .
	ATTACHE_SOAK_TEAM=1 ATTACHE_BIN=$(abspath $(BIN)) ATTACHE_SOAK_WRITERS=$(or $(SOAK_WRITERS),10) \
	ATTACHE_SOAK_SECONDS=$(or $(SOAK_SECONDS),60) ATTACHE_SOAK_OUT=$(if $(SOAK_OUT),$(abspath $(SOAK_OUT))) \
	$(GO) test $(GOFLAGS_TAGS) -count=1 -timeout 15m -run '^TestTeamWriters$$' -v ./bench/

# The DOCX export opened in LibreOffice and compared with our PDF (issue
# #18); not in test: it installs LibreOffice. DOCX_OUT=dir keeps the files
# and page images.
check-docx:
	scripts/check-docx.sh $(DOCX_OUT)

clean:
	rm -rf bin *.tar.xz
