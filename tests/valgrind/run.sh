#!/bin/bash
# tests/valgrind/run.sh — one real document (a rectification order from a case record, end to
# end: validate, XSLT, layout, PDF) under valgrind memcheck: no invalid reads/writes, no use of
# uninitialised memory. Leaks are the sanitizer run's job (LeakSanitizer with library
# suppressions); valgrind reports the system libraries' one-off caches as leaks.
source "$TOP/tests/lib.sh"
t_plan 1 asan=0
[ "$GW_LABEL" = normal ] || exit 0            # the ASan build cannot run under valgrind
if ! command -v valgrind >/dev/null; then t_fail "valgrind present" "valgrind not installed"; exit 0; fi
valgrind --error-exitcode=9 --leak-check=no --track-origins=no -q \
  "$GW" render "$TOP/xml/cases/case-2015-014-wire.xml" -o "$WORK/out" -q >"$WORK/vg.log" 2>&1
rc=$?
if [ $rc -eq 0 ] && [ "$(find "$WORK/out" -name '*.pdf' | wc -l)" -eq 2 ]; then
  t_ok "valgrind: render of a case is memcheck-clean"
else
  t_fail "valgrind: render of a case is memcheck-clean" "exit $rc: $(grep -m3 -E '==[0-9]+==' "$WORK/vg.log" | tr '\n' ' ')"
fi
