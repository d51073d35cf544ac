#!/bin/bash
# tests/unit/run.sh — builds tests/unit/unit.c against the formatter's object files and runs
# it; unit.c prints one "ok - unit …" / "not ok - unit …" line per check.
# Env: TOP = repo root, WORK = scratch dir; GW_SANITIZE=1 links the ASan+UBSan objects
# (build/asan-obj) with -fsanitize=address,undefined instead of build/obj.
# Objects used: base/{ctx,diag,xmlload} (context, error funnel, XML loading), fo/{fotree,style,
# value,prop-table,prop-parse,prop-element,intern} (FO tree, property table, computed styles),
# layout/{kinsoku,shape} (避头尾; the shaping cache).
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
. "$TOP/tests/lib.sh"
t_plan 282
# the libraries: the Makefile's list (one place to add a dependency)
PKGS=$(sed -n 's/^PKGS *= *//p' "$TOP/Makefile")
if [ "${GW_SANITIZE:-0}" = 1 ]; then
  OBJDIR="$TOP/build/asan-obj/src"
  SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O1"
else
  OBJDIR="$TOP/build/obj/src"
  SAN="-O1"
fi
OBJS=""
for o in base/ctx base/diag base/files base/sha256 base/xmlload fo/fotree fo/style fo/value fo/prop-table fo/prop-parse fo/prop-element fo/intern layout/kinsoku layout/shape; do
  if [ ! -f "$OBJDIR/$o.o" ]; then
    t_fail "unit build" "missing $OBJDIR/$o.o (make build/gongwen, or build/asan/gongwen for GW_SANITIZE=1)"
    exit 0
  fi
  OBJS="$OBJS $OBJDIR/$o.o"
done
# shellcheck disable=SC2086,SC2046 # word splitting of the flag lists is wanted
if ! cc -std=c11 -D_GNU_SOURCE -g -Wall -Wextra -Wno-unused-parameter $SAN -I"$TOP/src" \
     $(pkg-config --cflags $PKGS) -o "$WORK/unit" "$TOP/tests/unit/unit.c" $OBJS \
     $(pkg-config --libs $PKGS) -lm >"$WORK/build.log" 2>&1; then
  t_fail "unit build" "$(grep -m1 -E 'error|undefined' "$WORK/build.log")"
  exit 0
fi
t_ok "unit build"
"$WORK/unit" >"$WORK/unit.out" 2>"$WORK/unit.err"
rc=$?
cat "$WORK/unit.out"
if [ $rc -ne 0 ]; then
  t_fail "unit run" "exit $rc: $(grep -m1 -E 'ERROR|runtime error|Sanitizer' "$WORK/unit.err")"
else
  t_ok "unit run"
fi
exit 0
