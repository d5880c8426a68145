# ess-tools: one non-recursive Makefile.
#   make            the four binaries in bin/ (those that exist in cmd/)
#   make check      unit tests, every binary as a user drives it, then the
#                   same under AddressSanitizer and UBSan
#   make demo       the seed's pipeline on share/examples
#   make bench      speed and memory against the usual tools (see bench/)
#   make fuzz       libFuzzer targets for the readers (clang)
#   make deps       install the Debian packages the build and tests need

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/ess-tools
MANDIR ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR ?=

VERSION = 0.1.0
CC ?= cc
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wcast-qual -Wwrite-strings -Wvla -Wformat=2 \
	-Wundef -Wold-style-definition -Wnull-dereference
PKGS = jansson libutf8proc nettle
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -Ilib $(WARN) $(PKG_CFLAGS) \
	-DESS_VERSION='"$(VERSION)"' -DESS_LOCALEDIR='"$(LOCALEDIR)"' $(CFLAGS)
LIBS = -lcsv $(PKG_LIBS) -lpthread -lm
# Libraries only one binary needs.
LIBS_ess-minutes = $(shell pkg-config --libs md4c 2>/dev/null || echo -lmd4c)
SAN = -O1 -g -gdwarf-4 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

CMDS := $(notdir $(patsubst %/main.c,%,$(wildcard cmd/*/main.c)))
BINS := $(CMDS:%=bin/%)
ASAN_BINS := $(CMDS:%=build/asan/bin/%)
LIB_SRC := $(wildcard lib/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
ASAN_UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
PO := $(wildcard po/*.po)
MO := $(PO:po/%.po=build/locale/%/LC_MESSAGES/ess-tools.mo)
MAN1 := $(wildcard man/*.1)
MAN5 := $(wildcard man/*.5)
MAN7 := $(wildcard man/*.7)

all: $(BINS) $(MO)

# The libraries must be there before anything compiles: say how to get them.
build/.deps-ok: build-aux/deps
	@build-aux/deps check
	@mkdir -p build && touch $@

build/obj/%.o: %.c | build/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

build/asan/obj/%.o: %.c | build/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -MMD -MP -c $< -o $@

build/libess.a: $(LIB_SRC:%.c=build/obj/%.o)
	@rm -f $@
	$(AR) rcs $@ $^

build/asan/libess.a: $(LIB_SRC:%.c=build/asan/obj/%.o)
	@rm -f $@
	$(AR) rcs $@ $^

define cmd_rules
bin/$(1): $(patsubst %.c,build/obj/%.o,$(wildcard cmd/$(1)/*.c)) build/libess.a
	@mkdir -p bin
	$$(CC) $$(LDFLAGS) $$^ $$(LIBS_$(1)) $$(LIBS) -o $$@
build/asan/bin/$(1): $(patsubst %.c,build/asan/obj/%.o,$(wildcard cmd/$(1)/*.c)) build/asan/libess.a
	@mkdir -p $$(@D)
	$$(CC) $$(SAN) $$(LDFLAGS) $$^ $$(LIBS_$(1)) $$(LIBS) -o $$@
endef
$(foreach c,$(CMDS),$(eval $(call cmd_rules,$(c))))

build/tests/%: build/obj/tests/unit/%.o build/libess.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(LIBS) -o $@

build/asan/tests/%: build/asan/obj/tests/unit/%.o build/asan/libess.a
	@mkdir -p $(@D)
	$(CC) $(SAN) $(LDFLAGS) $^ $(LIBS) -o $@

build/locale/%/LC_MESSAGES/ess-tools.mo: po/%.po | build/.deps-ok
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

po/ess-tools.pot: $(LIB_SRC) $(wildcard cmd/*/*.c)
	xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 -c -o $@ --package-name=ess-tools $^

# Fuzz targets replayed on their corpus in make check, plain (no clang needed).
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/%.c=build/asan/fuzz/%-replay)
build/asan/fuzz/%-replay: tests/fuzz/%.c tests/fuzz/replay.c build/asan/libess.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) $^ $(LIBS) -o $@

check: deps-auto
	@$(MAKE) -s --no-print-directory all $(UNIT_BINS) $(ASAN_BINS) $(ASAN_UNIT_BINS) $(FUZZ_REPLAY)
	@tests/run

demo: deps-auto
	@$(MAKE) -s --no-print-directory all
	@share/examples/demo.sh

bench: all
	@bench/run

fuzz: deps-ok-fuzz build/asan/libess.a
	@bench/../tests/fuzz/run

# Static analysis and memory checks, beside make check (slower).
tidy: | build/.deps-ok
	clang-tidy -quiet $(LIB_SRC) $(wildcard cmd/*/*.c) -- -std=c11 -D_GNU_SOURCE -Ilib $(PKG_CFLAGS)

memcheck: all
	@mkdir -p build/valgrind/bin
	@for c in $(CMDS); do printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=%s/tests/valgrind.supp "%s/bin/%s" "$$@"\n' "$$PWD" "$$PWD" $$c >build/valgrind/bin/$$c; chmod +x build/valgrind/bin/$$c; done
	@for t in tests/cli/tally-*.sh tests/cli/directory-*.sh tests/cli/minutes-*.sh tests/cli/basket-*.sh; do BIN=$$PWD/build/valgrind/bin sh $$t; done | tests/count

deps:
	@build-aux/deps install

deps-auto:
	@build-aux/deps auto

deps-ok-fuzz:
	@command -v clang >/dev/null || { echo "make fuzz needs clang: $$(build-aux/deps hint clang)"; exit 1; }

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR) $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)/
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	$(if $(MAN5),install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/)
	$(if $(MAN7),install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7/)
	cp -R share/examples share/schemas $(DESTDIR)$(DATADIR)/
	for c in $(CMDS); do install -m 644 share/completions/ess-tools.bash $(DESTDIR)$(BASHCOMPDIR)/$$c; done
	for m in $(MO); do l=$$(echo $$m | cut -d/ -f3); \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ess-tools.mo; done

uninstall:
	for c in $(CMDS); do rm -f $(DESTDIR)$(BINDIR)/$$c $(DESTDIR)$(BASHCOMPDIR)/$$c; done
	for m in $(notdir $(MAN1)); do rm -f $(DESTDIR)$(MANDIR)/man1/$$m; done
	for m in $(notdir $(MAN5)); do rm -f $(DESTDIR)$(MANDIR)/man5/$$m; done
	for m in $(notdir $(MAN7)); do rm -f $(DESTDIR)$(MANDIR)/man7/$$m; done
	rm -rf $(DESTDIR)$(DATADIR)
	for m in $(MO); do l=$$(echo $$m | cut -d/ -f3); \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ess-tools.mo; done

clean:
	rm -rf bin build

.PHONY: all check demo bench fuzz tidy memcheck deps deps-auto deps-ok-fuzz install uninstall clean
.SECONDARY:

-include $(shell find build -name '*.d' 2>/dev/null)
