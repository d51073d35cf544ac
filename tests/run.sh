#!/bin/bash
# tests/run.sh — runs every tests/<area>/run.sh against build/gongwen, then (unless
# GW_SKIP_ASAN=1) again against the ASan+UBSan build, then under a comma-decimal locale.
# Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
TOP=$(pwd)
export TOP
export GONGWEN_FONTS_CONF="$TOP/tests/fonts.conf"   # pinned fonts for golden tests
export SOURCE_DATE_EPOCH=1435017600
export LC_ALL=C.UTF-8
pass=0; fail=0
run_areas() {  # $1 = label, $2 = binary
  for script in tests/*/run.sh; do
    area=$(basename "$(dirname "$script")")
    [ "$area" = fuzz ] && continue   # real fuzzing is `make fuzz`; fuzz-smoke runs the seeds
    [ -n "$GW_ONLY" ] && [ "$GW_ONLY" != "$area" ] && continue
    WORK="$TOP/tests/work/$1/$area"; rm -rf "$WORK"; mkdir -p "$WORK"
    out=$(GW="$2" WORK="$WORK" GW_LABEL="$1" bash "$script" 2>&1)
    while IFS= read -r line; do
      case "$line" in
        "ok - "*) pass=$((pass+1)); [ -n "$GW_VERBOSE" ] && echo "[$1] $line" ;;
        "not ok - "*) fail=$((fail+1)); echo "[$1] $line" ;;
        "#"*) echo "$line" ;;
      esac
    done <<< "$out"
  done
}
run_areas normal "$TOP/build/gongwen"
if [ "${GW_SKIP_ASAN:-0}" != 1 ] && [ -x build/asan/gongwen ]; then
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
  export LSAN_OPTIONS=suppressions=$TOP/tests/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99
  GW_SANITIZE=1 run_areas asan "$TOP/build/asan/gongwen"
  unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
fi
if locale -a 2>/dev/null | grep -qi '^de_DE.utf8$'; then
  LC_ALL=de_DE.UTF-8 GW_ONLY=${GW_ONLY:-formatter} run_areas de_DE "$TOP/build/gongwen"
else
  echo "# de_DE.UTF-8 locale not generated: comma-decimal rerun skipped"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
