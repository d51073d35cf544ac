#!/bin/bash
# tests/run.sh — runs every tests/<area>/run.sh in three passes: against build/gongwen
# (label normal), against the ASan+UBSan build (asan: every area but those of ASAN_SKIP;
# unless GW_SKIP_ASAN=1 or not built), and the documents area again under the comma-decimal
# locale de_DE.UTF-8 (de_DE; the formatter area compares its own dumps under de_DE).
# Ends with "N passed, N failed".
#
# The areas of all passes run in parallel (GW_JOBS at a time, default: the processors), the
# longest of the last run first; each writes tests/work/LABEL/AREA.out, and the results are
# printed in a fixed order (pass, then area), each area with a "# time" line.
# An area declares its plan first ("1..N", t_plan in tests/lib.sh). An area fails when its
# script exits non-zero (a crash, a `set -e` exit, a signal), prints no plan, or runs fewer
# tests than its plan (a lost test); more tests than the plan is a "#" note (raise the plan).
#
# Env: GW_ONLY=AREA[,AREA…] only these areas; GW_SKIP_ASAN=1 no sanitizer pass; GW_VERBOSE=1
# also print the "ok" lines; GW_UPDATE=1 rewrite the golden files (normal pass only);
# GW_JOBS=N areas at a time. Exit status 1 when anything failed.
cd "$(dirname "$0")/.." || exit 2
TOP=$(pwd)
export TOP
export GONGWEN_FONTS_CONF="$TOP/tests/fonts.conf"   # pinned fonts for golden tests
export SOURCE_DATE_EPOCH=1435017600
export LC_ALL=C.UTF-8
export PYTHONDONTWRITEBYTECODE=1                    # no __pycache__ in the source tree
JOBS=${GW_JOBS:-$(nproc 2>/dev/null || echo 2)}
DE_AREAS=" documents "                              # the areas of the de_DE pass
# not in the asan pass: stylesheets (the documents area makes the same documents through the
# same transform, layout and PDF code under ASan, at a quarter of the cost) and seal (its 50
# stress documents run the same stylesheets and keeps as the documents area's case documents;
# 65 s of CPU under ASan)
ASAN_SKIP=" stylesheets seal "
started=$(date +%s.%N)

# selected AREA : TRUE when GW_ONLY is unset or names AREA.
selected() { [ -z "$GW_ONLY" ] || [[ ",${GW_ONLY// /,}," == *",$1,"* ]]; }

# ---- the tasks: "LABEL AREA", in the order the results are printed ----
labels=(normal)
if [ "${GW_UPDATE:-0}" != 1 ]; then
  if [ "${GW_SKIP_ASAN:-0}" != 1 ]; then
    if [ -x build/asan/gongwen ]; then labels+=(asan)
    else echo "# build/asan/gongwen not built: sanitizer pass skipped (make build/asan/gongwen)"; fi
  fi
  if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then labels+=(de_DE)
  else echo "# de_DE.UTF-8 locale not generated: comma-decimal pass skipped"; fi
fi
tasks=()
for label in "${labels[@]}"; do
  for script in tests/*/run.sh; do
    area=$(basename "$(dirname "$script")")
    [ "$area" = fuzz ] && continue   # real fuzzing is `make fuzz`; fuzz-smoke runs the seeds
    [ "$label" = de_DE ] && [[ $DE_AREAS != *" $area "* ]] && continue
    [ "$label" = asan ] && [[ $ASAN_SKIP == *" $area "* ]] && continue
    selected "$area" && tasks+=("$label $area")
  done
done
[ ${#tasks[@]} -gt 0 ] || { echo "not ok - no area matches GW_ONLY=$GW_ONLY"; echo "0 passed, 1 failed"; exit 1; }

# run_task LABEL AREA : runs one area script into tests/work/LABEL/AREA.{out,rc,time}.
run_task() {
  local label=$1 area=$2 gw="$TOP/build/gongwen"
  local w="$TOP/tests/work/$label/$area"
  rm -rf "$w"; mkdir -p "$w"
  [ "$label" = asan ] && gw="$TOP/build/asan/gongwen"
  local TIMEFORMAT='%R %U %S'
  { time { (
      if [ "$label" = asan ]; then
        export GW_SANITIZE=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
        export LSAN_OPTIONS=suppressions=$TOP/tests/lsan.supp:print_suppressions=0
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99
      fi
      [ "$label" = de_DE ] && export LC_ALL=de_DE.UTF-8
      GW="$gw" WORK="$w" GW_LABEL="$label" exec bash "tests/$area/run.sh"
    ) >"$w.out" 2>&1 </dev/null; }
    echo $? >"$w.rc"; } 2>"$w.time"
}

pass=0; fail=0
# report LABEL AREA : prints the results of a finished area and adds them up.
report() {
  local label=$1 area=$2 w="$TOP/tests/work/$1/$2"
  local rc plan="" ran=0 line real user sys
  rc=$(cat "$w.rc" 2>/dev/null || echo "?")
  while IFS= read -r line; do
    case "$line" in
      "ok - "*) pass=$((pass+1)); ran=$((ran+1)); [ -n "$GW_VERBOSE" ] && echo "[$label] $line" ;;
      "not ok - "*) fail=$((fail+1)); ran=$((ran+1)); echo "[$label] $line" ;;
      "#"*) echo "$line" ;;
      1..*) [ -z "$plan" ] && [[ ${line#1..} =~ ^[0-9]+$ ]] && plan=${line#1..} ;;
    esac
  done < "$w.out"
  if [ "$rc" != 0 ]; then
    local why="exit $rc"
    [[ $rc =~ ^[0-9]+$ ]] && [ "$rc" -gt 128 ] && why="$why (killed by SIG$(kill -l $((rc - 128)) 2>/dev/null))"
    [ "$rc" = 99 ] && why="$why (a sanitizer report)"
    fail=$((fail+1)); echo "[$label] not ok - area $area died: $why (all its output: tests/work/$label/$area.out)"
    grep -v -E '^(ok - |not ok - |#|1\.\.)' "$w.out" | tail -4 | cut -c1-200 | sed 's/^/#   /'
  fi
  if [ -z "$plan" ]; then
    fail=$((fail+1)); echo "[$label] not ok - area $area: no plan ($ran tests ran; t_plan N first)"
  elif [ "$ran" -lt "$plan" ]; then
    fail=$((fail+1)); echo "[$label] not ok - area $area: $ran tests ran, its plan is $plan (a lost test)"
  elif [ "$ran" -gt "$plan" ]; then
    echo "# [$label] area $area: $ran tests ran, its plan is $plan: raise t_plan in tests/$area/run.sh"
  fi
  read -r real user sys < <(tail -1 "$w.time" 2>/dev/null)   # after a shell's "Killed" line
  awk -v l="$label" -v a="$area" -v r="${real:-0}" -v u="${user:-0}" -v s="${sys:-0}" \
    'BEGIN { printf "# time [%s] %s: %.1f s (CPU %.1f s)\n", l, a, r, u + s }'
}

# ---- run: JOBS tasks at a time, the longest (in the last run) first ----
declare -A last
for t in "${tasks[@]}"; do
  read -r real _ < <(tail -1 "tests/work/${t/ //}.time" 2>/dev/null) && last[$t]=$real
  rm -f "tests/work/${t/ //}".{out,rc,time,done}
done
mapfile -t queue < <(for t in "${tasks[@]}"; do echo "${last[$t]:-999} $t"; done | sort -s -k1,1 -g -r | cut -d' ' -f2-)
next=0
# flush : reports the finished tasks that are next in the printing order.
flush() {
  while [ $next -lt ${#tasks[@]} ] && [ -e "tests/work/${tasks[$next]/ //}.done" ]; do
    report ${tasks[$next]}; next=$((next+1))
  done
}
running=0
for t in "${queue[@]}"; do
  if [ $running -ge "$JOBS" ]; then wait -n; running=$((running-1)); flush; fi
  { run_task $t; : >"tests/work/${t/ //}.done"; } &
  running=$((running+1))
done
while [ $running -gt 0 ]; do wait -n; running=$((running-1)); flush; done
wait; flush

# the children's CPU time (`times`, second line: "XmY.YYYs XmY.YYYs"; not in a subshell)
times >"$TOP/tests/work/times"
tail -1 "$TOP/tests/work/times" | sed 's/[ms]/ /g' | awk -v t0="$started" -v t1="$(date +%s.%N)" -v n=${#tasks[@]} \
  -v j="$JOBS" '{ printf "# tests/run.sh: %.0f s, CPU (user+sys) %.0f s, %d areas, %d at a time\n",
                  t1 - t0, $1 * 60 + $2 + $3 * 60 + $4, n, j }'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
