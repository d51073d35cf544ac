# tests/lib.sh — shared helpers for the area test scripts (sourced, POSIX sh + bash).
# Each area script (tests/<area>/run.sh) declares its plan, then prints one line per test:
#   "1..N"  (t_plan N: the number of tests it runs, printed first),
#   "ok - NAME" or "not ok - NAME: why"; "#" lines are notes. tests/run.sh counts them: fewer
#   tests than the plan, or an area script that exits non-zero, is a failure.
# Environment from tests/run.sh: TOP (repo root), GW (binary under test), WORK (scratch dir
# of this area), GW_LABEL (normal, asan or de_DE), GW_UPDATE=1 to rewrite golden files.

# t_plan N [LABEL=N…] : the area's plan, printed first: N tests, or the number given for
# the running pass (GW_LABEL), e.g. `t_plan 82 asan=78` for tests that only run normally.
t_plan() {
  local n=$1 a; shift
  for a in "$@"; do [ "${a%%=*}" = "${GW_LABEL:-normal}" ] && n=${a#*=}; done
  echo "1..$n"
}
t_ok()   { echo "ok - $1"; }
t_fail() { echo "not ok - $1: $2"; }

# t_expect NAME CONDITION-COMMAND… : ok when the command succeeds.
t_expect() {
  name=$1; shift
  if "$@" >/dev/null 2>&1; then t_ok "$name"; else t_fail "$name" "failed: $*"; fi
}

# t_golden NAME ACTUAL EXPECTED-FILE : compares, or rewrites in update mode. On a difference
# the first differing lines are shown as "#" notes (the whole diff is ACTUAL.diff).
t_golden() {
  if [ "${GW_UPDATE:-0}" = 1 ]; then
    mkdir -p "$(dirname "$3")"; cp "$2" "$3"; t_ok "$1 (updated)"; return
  fi
  if [ ! -f "$3" ]; then t_fail "$1" "no golden file ${3#"$TOP"/} (run make golden-update)"; return; fi
  if cmp -s "$3" "$2"; then t_ok "$1"; return; fi
  diff -U1 "$3" "$2" > "$2.diff" 2>&1
  t_fail "$1" "differs from ${3#"$TOP"/}: $(( $(grep -c '^[-+]' "$2.diff") - 2 )) lines (- golden, + now; all in ${2#"$TOP"/}.diff)"
  sed -n '3,14p' "$2.diff" | cut -c1-160 | sed 's/^/#   /'
}
