# gongwen — structured records → XSLT → XSL-FO → Pango/Cairo → PDF.
# `make demo` and `make check` do all set-up on a fresh Debian 12 machine.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS     = libxml-2.0 libxslt libexslt pangocairo pangoft2 cairo-pdf cairo-png librsvg-2.0 gdk-pixbuf-2.0 fontconfig glib-2.0 harfbuzz harfbuzz-subset libzip libgcrypt libsoup-3.0
VERSION  = 0.1.0

SRCS    := $(shell find src -name '*.c' | sort)
HDRS    := $(shell find src -name '*.h')
PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
WARN     = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
DEFS     = -D_GNU_SOURCE -DGW_VERSION='"$(VERSION)"' -DGW_DATADIR='"$(PREFIX)/share/gongwen"' -DGW_LOCALEDIR='"$(PREFIX)/share/locale"'
CFLAGS  ?= -O2 -g
ALLCFLAGS = -std=c11 $(WARN) $(DEFS) -Isrc $(PKGCFLAGS) $(CFLAGS)
ASANFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

# what the subset role fonts' character list is read from (fonts/mkfonts.py reads the same)
FONT_CHARS := $(shell find xml xsl -name '.*' -prune -o -type f -print)

OBJS      := $(SRCS:%.c=build/obj/%.o)
ASAN_OBJS := $(SRCS:%.c=build/asan-obj/%.o)

.PHONY: all deps desk-deps desk-soak locale pot fonts demo check check-fast layering test asan bench bench-deps fuzz install uninstall clean golden-update

all: deps build/gongwen locale fonts

deps:
	@.ci/deps

# The role fonts cut with hb-subset to the characters in use (fonts/mkfonts.py): cairo embeds
# them ~3× faster than the full Noto CJK fonts, which stay as the fallback (fonts/fonts.conf).
# Without hb-subset or python3 the full fonts serve alone: a warning, not an error.
fonts: fonts/subset/.stamp

fonts/subset/.stamp: fonts/mkfonts.py fonts/fonts.conf $(FONT_CHARS) | deps
	@if command -v python3 >/dev/null 2>&1 && command -v hb-subset >/dev/null 2>&1; then \
	  python3 fonts/mkfonts.py; \
	else \
	  echo "fonts: hb-subset or python3 missing (Debian: libharfbuzz-bin): no subset role fonts, the full fonts serve"; \
	fi

# Message catalogs (GNU gettext): po/<lang>.po → build/locale/<lang>/LC_MESSAGES/gongwen.mo,
# found by an uninstalled build there (or $$GW_LOCALEDIR), installed into PREFIX/share/locale.
# `make pot` re-extracts po/gongwen.pot from the sources and merges it into every .po.
LINGUAS := $(basename $(notdir $(wildcard po/*.po)))
MOS     := $(LINGUAS:%=build/locale/%/LC_MESSAGES/gongwen.mo)
locale: $(MOS)

build/locale/%/LC_MESSAGES/gongwen.mo: po/%.po
	@mkdir -p $(dir $@)
	@echo "  MSGFMT $<"; msgfmt --check -o $@ $<

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dngettext:2,3 -kngettext:1,2 \
	  --package-name=gongwen --package-version=$(VERSION) --add-comments=TRANSLATORS \
	  -o po/gongwen.pot $(SRCS)
	for po in $(wildcard po/*.po); do msgmerge -q --backup=none -U $$po po/gongwen.pot; done

build/gongwen: $(OBJS)
	@echo "  LD $@"; $(CC) $(ALLCFLAGS) -o $@ $(OBJS) $(PKGLIBS)

build/obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(ALLCFLAGS) -c -o $@ $<

build/asan/gongwen: $(ASAN_OBJS)
	@mkdir -p $(dir $@)
	@echo "  LD $@"; $(CC) -std=c11 $(WARN) $(DEFS) -Isrc $(PKGCFLAGS) $(ASANFLAGS) -o $@ $(ASAN_OBJS) $(PKGLIBS)

build/asan-obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC (asan) $<"; $(CC) -std=c11 $(WARN) $(DEFS) -Isrc $(PKGCFLAGS) $(ASANFLAGS) -c -o $@ $<

asan: deps build/asan/gongwen

# Renders every record in xml/ into out/.
demo: all
	@mkdir -p out
	build/gongwen batch xml/ -o out/

# puppeteer-core for the desk's headless-Chromium test (tests/desk), as package-lock.json pins it.
desk-deps: tests/desk/node_modules/.stamp

tests/desk/node_modules/.stamp: tests/desk/package.json tests/desk/package-lock.json | deps
	cd tests/desk && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp

# The desk's long-running check: 1,000 previews in one server process, memory flat.
desk-soak: build/gongwen fonts
	@tests/desk/soak.sh

# All tests: the normal build, then the sanitizer build of the same tests.
check: deps build/gongwen build/asan/gongwen locale fonts desk-deps
	@tests/run.sh

# The normal build only (quicker while developing).
check-fast: deps build/gongwen locale fonts desk-deps
	@GW_SKIP_ASAN=1 tests/run.sh

# Who calls whom, read from the objects with nm: no stage calls a later stage or a driver,
# no circle of files but the block/table/list nesting (tests/layering/graph.py).
layering: build/gongwen
	@TOP=$(CURDIR) GW=$(CURDIR)/build/gongwen tests/layering/run.sh
	@python3 tests/layering/graph.py build/obj/src src --summary

golden-update: all
	@GW_UPDATE=1 GW_SKIP_ASAN=1 tests/run.sh

bench-deps: deps
	@bench/deps.sh

bench: all bench-deps
	@bench/run.sh

fuzz: deps
	@tests/fuzz/run.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/gongwen $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 build/gongwen $(DESTDIR)$(PREFIX)/bin/gongwen
	cp -r xsl fonts $(DESTDIR)$(PREFIX)/share/gongwen/
	install -d $(DESTDIR)$(PREFIX)/share/gongwen/web
	cp -r src/serve/web/. $(DESTDIR)$(PREFIX)/share/gongwen/web/
	rm -f $(DESTDIR)$(PREFIX)/share/gongwen/fonts/mkfonts.py  # a build tool, not data
	install -d $(DESTDIR)$(PREFIX)/share/gongwen/xml
	cp -r xml/schema $(DESTDIR)$(PREFIX)/share/gongwen/xml/
	cp xml/regime-*.xml $(DESTDIR)$(PREFIX)/share/gongwen/xml/
	[ ! -f doc/gongwen.1 ] || install -m 644 doc/gongwen.1 $(DESTDIR)$(PREFIX)/share/man/man1/gongwen.1
	for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES; \
	  install -m 644 build/locale/$$l/LC_MESSAGES/gongwen.mo $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/gongwen.mo; \
	  [ ! -f doc/$$l/gongwen.1 ] || { install -d $(DESTDIR)$(PREFIX)/share/man/$$l/man1; \
	    install -m 644 doc/$$l/gongwen.1 $(DESTDIR)$(PREFIX)/share/man/$$l/man1/gongwen.1; }; \
	done

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/gongwen $(DESTDIR)$(PREFIX)/share/gongwen $(DESTDIR)$(PREFIX)/share/man/man1/gongwen.1
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/gongwen.mo $(DESTDIR)$(PREFIX)/share/man/$$l/man1/gongwen.1; done

clean:
	rm -rf build tests/work fonts/subset
