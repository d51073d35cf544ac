#!/bin/bash
# tests/layering/run.sh — the dependency check over the built objects (`nm`: who calls whom):
# no stage calls a later stage or a driver, no circle of files but the document's nesting,
# src/area headers include only area and base. The rules are in tests/layering/graph.py.
. "$TOP/tests/lib.sh"
t_plan 5
case "$GW" in
  */asan/*) objdir="$TOP/build/asan-obj/src" ;;
  *)        objdir="$TOP/build/obj/src" ;;
esac
if ! command -v nm >/dev/null 2>&1; then t_fail "layering: nm" "nm (binutils) not installed"; exit 1; fi
python3 "$TOP/tests/layering/graph.py" "$objdir" "$TOP/src"
