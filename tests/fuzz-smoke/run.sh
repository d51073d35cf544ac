#!/bin/bash
# tests/fuzz-smoke/run.sh — builds the libFuzzer targets of tests/fuzz/ and runs each one over
# its seed corpus only (no fuzzing: a few seconds), so that the targets keep building and every
# input that once crashed them (tests/hostile/, the seeds) stays fixed.  Needs clang and
# libclang-rt-14-dev; skipped without them, and for every build label but the normal one (the
# targets carry their own ASan+UBSan).
# Prints "ok - NAME" / "not ok - NAME: why" per target.
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/lib.sh"
if [ -n "$GW_LABEL" ] && [ "$GW_LABEL" != normal ]; then
  t_plan 0; exit 0
fi
if ! command -v "${CLANG:-clang}" >/dev/null 2>&1; then
  t_plan 0; echo "# fuzz-smoke skipped: no clang"
  exit 0
fi
err="${WORK:-/tmp}/fuzz-smoke.err"
out=$("$TOP/tests/fuzz/run.sh" --smoke 2>"$err")
case $? in
  2) t_plan 0; echo "# fuzz-smoke skipped: clang cannot build libFuzzer targets (libclang-rt-14-dev missing?)" ;;
  3) t_plan 4; echo "$out"; grep -E 'error' "$err" | head -5 | sed 's/^/#   /' ;;
  *) t_plan 4; echo "$out" ;;
esac
exit 0
