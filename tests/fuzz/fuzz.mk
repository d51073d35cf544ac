# tests/fuzz/fuzz.mk — builds the libFuzzer targets into build/fuzz/ (used by tests/fuzz/run.sh:
# make -f tests/fuzz/fuzz.mk).  Every src/ file but src/cli/main.c goes into libgw.a, compiled
# with coverage instrumentation and ASan+UBSan; each target links against it.
CLANG   ?= clang
TOP     := $(CURDIR)
OUT     := build/fuzz
# the libraries: the Makefile's list (one place to add a dependency)
PKGS    := $(shell sed -n 's/^PKGS *= *//p' Makefile)
SRCS    := $(filter-out src/cli/main.c,$(shell find src -name '*.c' | sort))
HDRS    := $(shell find src tests/fuzz -name '*.h')
OBJS    := $(SRCS:%.c=$(OUT)/obj/%.o)
TARGETS := $(OUT)/fuzz_fo $(OUT)/fuzz_record $(OUT)/fuzz_props $(OUT)/fuzz_sheet
SAN      = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FCFLAGS  = -std=c11 -O1 -g -fno-omit-frame-pointer $(SAN) -D_GNU_SOURCE -DGW_VERSION='"fuzz"' \
           -DGW_DATADIR='"$(TOP)"' -DGW_FUZZ_TOP='"$(TOP)"' -Isrc $(shell pkg-config --cflags $(PKGS))
FLIBS    = $(shell pkg-config --libs $(PKGS)) -lm

all: $(TARGETS)

$(OUT)/obj/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC (fuzz) $<"; $(CLANG) $(FCFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(OUT)/libgw.a: $(OBJS)
	@rm -f $@; ar rcs $@ $(OBJS)

$(OUT)/%: tests/fuzz/%.c tests/fuzz/fuzz-common.h $(OUT)/libgw.a
	@echo "  LD (fuzz) $@"; $(CLANG) $(FCFLAGS) -fsanitize=fuzzer -o $@ $< $(OUT)/libgw.a $(FLIBS)
