#!/bin/bash
# tests/fuzz/run.sh — builds the libFuzzer targets (fuzz_fo, fuzz_record, fuzz_props, fuzz_sheet) with
# clang -fsanitize=fuzzer,address,undefined into build/fuzz/, then runs each one.
#
#   tests/fuzz/run.sh                 build, then fuzz every target for FUZZ_SECONDS (60)
#   tests/fuzz/run.sh fuzz_fo …       only the named targets
#   tests/fuzz/run.sh --build         build only
#   tests/fuzz/run.sh --smoke         build, then run each target once over its seeds only
#
# Corpora: build/fuzz/corpus/TARGET/ grows between runs; it starts from build/fuzz/seeds/TARGET/
# (tests/fuzz/seeds/TARGET/ plus the project's own FO files and records).  A crash, leak or
# timeout leaves its input in build/fuzz/artifacts/; turn it into a tests/hostile/ case.
# Env: FUZZ_SECONDS (60), FUZZ_JOBS (parallel fuzzing jobs per target, 1), FUZZ_ARGS (extra
# libFuzzer flags), CLANG (clang).
# Exit status: 0 no finding, 1 a target crashed, 2 no clang or libFuzzer here, 3 build failed.
cd "$(dirname "$0")/../.." || exit 2
TOP=$(pwd)
CLANG=${CLANG:-clang}
OUT=build/fuzz
TARGETS=(fuzz_fo fuzz_record fuzz_props fuzz_sheet)
# fuzz_available : TRUE when clang can build a libFuzzer target here.
fuzz_available() {
  command -v "$CLANG" >/dev/null 2>&1 || return 1
  local d ok
  d=$(mktemp -d) || return 1
  printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}\n' \
    > "$d/probe.c"
  "$CLANG" -fsanitize=fuzzer,address "$d/probe.c" -o "$d/probe" >/dev/null 2>&1
  ok=$?
  rm -rf "$d"
  return $ok
}

# fuzz_build : compiles src/ (all but src/cli/main.c) and links the targets (tests/fuzz/fuzz.mk).
fuzz_build() {
  make --no-print-directory -f tests/fuzz/fuzz.mk -j"$(nproc)" CLANG="$CLANG" >&2
}

# fuzz_seeds TARGET DIR : fills DIR from tests/fuzz/seeds/TARGET and the project's own files.
fuzz_seeds() {
  local t=$1 d=$2 f
  rm -rf "$d"; mkdir -p "$d"
  cp tests/fuzz/seeds/"$t"/* "$d/" 2>/dev/null
  case $t in
    fuzz_fo)
      for f in tests/formatter/*.fo tests/hostile/*.fo; do [ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"; done ;;
    fuzz_record)
      while IFS= read -r f; do cp "$f" "$d/$(echo "$f" | tr / _)"; done \
        < <({ find xml tests/records/bad tests/transform/records -name '*.xml' ! -path 'xml/schema/*'
                 find tests/hostile -maxdepth 1 -name '*.xml'; } 2>/dev/null) ;;
    fuzz_sheet)  # the first byte says what the rest is (fuzz_sheet.c): 0 a file, 1-3 a part
      { printf '\0'; cat tests/cli/cases.csv; } > "$d/cases.csv"
      { printf '\0'; iconv -f UTF-8 -t GB18030 tests/cli/cases.csv; } > "$d/cases-gbk.csv" 2>/dev/null
      if python3 tests/cli/csv2xlsx.py tests/cli/cases.csv "$d/x.xlsx" 2>/dev/null; then
        { printf '\0'; cat "$d/x.xlsx"; } > "$d/cases.xlsx"
        { printf '\1'; unzip -p "$d/x.xlsx" xl/worksheets/results.xml; } > "$d/sheet.xml"
        { printf '\2'; unzip -p "$d/x.xlsx" xl/sharedStrings.xml; } > "$d/strings.xml"
        { printf '\3'; unzip -p "$d/x.xlsx" xl/styles.xml; } > "$d/styles.xml"
        rm -f "$d/x.xlsx"
      fi ;;
  esac
}

# fuzz_options TARGET : the libFuzzer options of a target.
fuzz_options() {
  local dict=""
  case $1 in
    fuzz_fo) dict=tests/fuzz/fo.dict ;;
    fuzz_record) dict=tests/fuzz/record.dict ;;
    fuzz_props) dict=tests/fuzz/props.dict ;;
    fuzz_sheet) dict=tests/fuzz/sheet.dict ;;
  esac
  echo "-timeout=30 -rss_limit_mb=3072 -max_len=65536 -dict=$dict"
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$TOP/tests/lsan.supp:print_suppressions=0}
mode=fuzz
case $1 in
  --build) mode=build; shift ;;
  --smoke) mode=smoke; shift ;;
esac
[ $# -gt 0 ] && TARGETS=("$@")
if ! fuzz_available; then
  echo "# fuzz: $CLANG with libFuzzer (clang, libclang-rt-14-dev) not available" >&2
  exit 2
fi
fuzz_build || { echo "not ok - fuzz targets build: see the compiler messages above"; exit 3; }
[ "$mode" = build ] && exit 0
mkdir -p "$OUT/artifacts"
status=0
for t in "${TARGETS[@]}"; do
  mkdir -p "$OUT/corpus/$t"
  if [ "$mode" = smoke ]; then
    # its own seed folder and log: a `make fuzz` may be running at the same time
    seeds="$OUT/smoke-seeds/$t"; log="$OUT/smoke-$t.log"
    fuzz_seeds "$t" "$seeds"
    # shellcheck disable=SC2046
    "$OUT/$t" $(fuzz_options "$t") -runs=0 -artifact_prefix="$OUT/artifacts/$t-" \
      "$seeds" >"$log" 2>&1
  else
    seeds="$OUT/seeds/$t"; log="$OUT/$t.log"
    fuzz_seeds "$t" "$seeds"
    jobs=${FUZZ_JOBS:-1}
    # shellcheck disable=SC2046,SC2086
    "$OUT/$t" $(fuzz_options "$t") -max_total_time="${FUZZ_SECONDS:-60}" -print_final_stats=1 \
      -artifact_prefix="$OUT/artifacts/$t-" $( [ "$jobs" -gt 1 ] && echo "-jobs=$jobs -workers=$jobs" ) \
      $FUZZ_ARGS "$OUT/corpus/$t" "$seeds" >"$log" 2>&1
  fi
  rc=$?
  if [ $rc -eq 0 ]; then
    echo "ok - $t ($(grep -aEo '(#[0-9]+|cov: [0-9]+|ft: [0-9]+|exec/s: [0-9]+)' "$log" | tail -4 | tr '\n' ' '))"
  else
    status=1
    echo "not ok - $t: exit $rc, see $log: $(grep -a -m1 -E 'ERROR|SUMMARY|runtime error' "$log")"
  fi
done
exit $status
