# tests/lib.sh — shared helpers for the area test scripts (sourced, POSIX sh + bash).
# Each area script (tests/<area>/run.sh) prints one line per test:
#   "ok - NAME" or "not ok - NAME: why"; tests/run.sh counts them.
# Environment from tests/run.sh: TOP (repo root), GW (binary under test), WORK (scratch dir
# of this area), GW_UPDATE=1 to rewrite golden files.

t_ok()   { echo "ok - $1"; }
t_fail() { echo "not ok - $1: $2"; }

# t_expect NAME CONDITION-COMMAND… : ok when the command succeeds.
t_expect() {
  name=$1; shift
  if "$@" >/dev/null 2>&1; then t_ok "$name"; else t_fail "$name" "failed: $*"; fi
}

# t_golden NAME ACTUAL EXPECTED-FILE : compares, or rewrites in update mode.
t_golden() {
  if [ "${GW_UPDATE:-0}" = 1 ]; then cp "$2" "$3"; t_ok "$1 (updated)"; return; fi
  if [ ! -f "$3" ]; then t_fail "$1" "no golden file $3 (run make golden-update)"; return; fi
  if diff -u "$3" "$2" > "$2.diff" 2>&1; then t_ok "$1"; else
    t_fail "$1" "differs from $3 (see $2.diff)"; head -20 "$2.diff" | sed 's/^/#   /'; fi
}
