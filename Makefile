# 防控指挥台 — build, run and test on Debian/Ubuntu. Every target installs
# what it needs (apt packages with sudo when not root, Go modules) and is
# quick when all is already there.

SHELL    := /bin/bash
GO       ?= go
VERSION  := $(shell sed -n 's/^Version = "\(.*\)"/\1/p' FyneApp.toml)
BIN      := build/fangkong
DEMO_DB  := build/demo/fangkong.db
BENCH_DB := build/bench/year.db
# Four years of passages for the searches at scale: the benchmarks make it
# from BENCH_DB the first time they run.
SCALE_DB := build/bench/scale.db
COUNTY_DB := build/bench/county/fangkong.db
FYNE     := build/bin/fyne
# The fonts are committed packed and unpacked before anything is built
# from them: the TrueType font the PDFs print with (7.7 MB, 4.1 MB packed)
# and the same glyphs as CFF, which the window draws with (10.1 MB, 3.3 MB
# packed; scripts/make-screen-font says why).
FONT     := assets/font/wqy-microhei.ttf
SCREEN_FONT := assets/font/wqy-microhei.otf
# Fyne's colour emoji font is left out: every text style parses it again
# (4.7 MB of heap each), and a ledger has no use for it. fyne package
# passes tags of its own, which replace GOFLAGS': it is given them too.
TAGS     := no_emoji
export GOFLAGS := -tags=$(TAGS)
export LANG := zh_CN.UTF-8

# Fyne 2.8 builds its GLFW driver with cgo for X11 and Wayland.
APT_BUILD := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
# Tests read PDFs back and run the real window under a virtual display; the
# font test reads the 通用规范汉字表 from unicode-data's Unihan.
APT_TEST  := xvfb x11-utils xdotool imagemagick poppler-utils qpdf sqlite3 \
             libgl1-mesa-dri unicode-data
APT_WIN   := gcc-mingw-w64-x86-64 python3
# The Windows smoke test runs the .exe under Wine.
APT_WINE  := wine wine64 unzip xvfb x11-utils xdotool imagemagick poppler-utils

GO_SOURCES := $(shell find . -name '*.go' -not -path './build/*') go.mod go.sum \
              $(shell find assets -type f) FyneApp.toml

.PHONY: run test fuzz bench bench-compare screenshot windows windows-smoke deps-build deps-test deps-windows

run: $(BIN) $(DEMO_DB)
	$(BIN) --db $(DEMO_DB)

# Fuzz targets run briefly on every test run, each for a number of inputs
# (a few seconds' worth): a time limit (-fuzztime 4s) races Go 1.26's fuzz
# coordinator, which can then report "context deadline exceeded" as a
# failure with nothing found (golang/go#75804, fixed in Go 1.27). For a
# longer run, `make fuzz FUZZTIME=10m` gives every target that time.
FUZZ     := data:FuzzParseIDNumber=20000x data:FuzzNormalizePhone=20000x data:FuzzParsePlate=20000x \
            data:FuzzParseDay=20000x ui:FuzzParseCelsius=20000x app:FuzzReadStaffImport=10000x reports:FuzzPDFText=150x
FUZZTIME ?=

test: deps-build deps-test
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory $(BIN)
	scripts/gui-smoke $(BIN)
	$(MAKE) --no-print-directory windows-smoke

# Minimizing new inputs is off: in a short run it can still be going when
# the budget is spent, which the fuzzer reports as a failure.
fuzz: $(FONT) $(SCREEN_FONT)
	@for t in $(FUZZ); do \
	  out=$$(mktemp); target=$${t%%=*}; budget=$${t#*=}; \
	  [ -z "$(FUZZTIME)" ] || budget=$(FUZZTIME); \
	  $(GO) test ./$${target%%:*} -run '^$$' -fuzz "^$${target##*:}$$" -fuzztime $$budget -fuzzminimizetime 0 >$$out 2>&1 || \
	    { echo "fuzz $$target failed:"; tail -30 $$out; rm -f $$out; exit 1; }; \
	  rm -f $$out; echo "fuzz $$target: $$budget, no failure"; \
	done

bench: $(BIN) $(BENCH_DB) $(COUNTY_DB)
	set -o pipefail; FANGKONG_BENCH_DB=$(CURDIR)/$(BENCH_DB) FANGKONG_SCALE_DB=$(CURDIR)/$(SCALE_DB) FANGKONG_COUNTY_DB=$(CURDIR)/$(COUNTY_DB) \
	  $(GO) test -run '^$$' -bench . -benchmem -timeout 30m ./... \
	  | tee build/bench.txt
	$(MAKE) --no-print-directory bench-compare

# One line per hot operation: the program beside its floor (the sqlite3 CLI
# and a bare modernc loop on the same statements, a plain Fyne table, a
# bare Fyne window in the same font, report daily for report weekly).
bench-compare: $(BIN) $(BENCH_DB) deps-test
	@test -s build/bench.txt || $(MAKE) --no-print-directory bench
	@grep -ho 'compare [^ ].*' build/bench.txt
	@grep -h '^Benchmark\(StaffTableRefresh\|PlainTableFloor\)' build/bench.txt | awk '{n[$$1]=$$3} END { \
	  for (k in n) if (k ~ /StaffTable/) p=n[k]; else f=n[k]; \
	  printf "compare table-refresh: program %.2f ms, plain Fyne table %.2f ms, ratio %.2f\n", p/1e6, f/1e6, p/f }'
	$(GO) build -o build/barewindow ./scripts/barewindow
	scripts/compare $(BIN) build/barewindow $(BENCH_DB)

screenshot: $(BIN) deps-test
	scripts/screenshots $(BIN) screenshots

# fyne package bumps the build number in FyneApp.toml and writes a metadata
# file into the tree; both are put back so a release build leaves git clean.
windows: deps-windows $(FYNE)
	rm -rf build/windows && mkdir -p build/windows
	cp FyneApp.toml build/FyneApp.toml.orig
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  $(FYNE) package -os windows --release --tags $(TAGS) --app-version $(VERSION); \
	  status=$$?; mv build/FyneApp.toml.orig FyneApp.toml; rm -f fyne_metadata_init.go; exit $$status
	mv 防控指挥台.exe build/windows/fangkong.exe
	scripts/windows-zip build/windows/fangkong.exe build/windows/fangkong-$(VERSION)-windows.zip

windows-smoke: windows
	@scripts/need-apt $(APT_WINE)
	scripts/windows-smoke build/windows/fangkong.exe

deps-build: $(FONT) $(SCREEN_FONT)
	@scripts/need-apt $(APT_BUILD)
	@$(GO) mod download

deps-test:
	@scripts/need-apt $(APT_TEST)

deps-windows: deps-build
	@scripts/need-apt $(APT_WIN)

$(BIN): $(GO_SOURCES) | deps-build
	$(GO) build -o $@ .

$(FONT): $(FONT).gz
	gunzip -c $< > $@.tmp && mv $@.tmp $@

$(SCREEN_FONT): $(SCREEN_FONT).xz
	@scripts/need-apt xz-utils
	xz -dc $< > $@.tmp && mv $@.tmp $@

$(FYNE):
	GOBIN=$(CURDIR)/build/bin $(GO) install fyne.io/tools/cmd/fyne@v1.7.4

$(DEMO_DB): | $(BIN)
	mkdir -p $(dir $@)
	$(BIN) demo --db $@ --scale small

# Made again whenever the program changes, so benchmarks never run on data
# an older schema or demo left behind.
$(BENCH_DB): $(BIN)
	rm -f $@ $@-wal $@-shm $(SCALE_DB)
	mkdir -p $(dir $@)
	$(BIN) demo --db $@ --scale year

$(COUNTY_DB): $(BIN)
	rm -rf $(dir $@)
	mkdir -p $(dir $@)
	$(BIN) demo --db $@ --scale county
