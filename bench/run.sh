#!/bin/bash
# bench/run.sh — gongwen against Apache FOP (same FO, same TrueType fonts) and against "the floor"
# (bench/floor.c: bare Pango/Cairo doing the same text), side by side in one run.
# Prints a table: case, tool, median s, peak MB, ratio, target, met (and a note), and writes it to
# bench/work/results.md (Markdown, for bench/README.md) and bench/work/results.tsv.
#
# Env: BENCH_RUNS (runs per measurement, default 3; the median wall time is reported, the largest
#      peak RSS), GW (gongwen binary, default build/gongwen), FOP (default fop), BENCH_WORK (scratch
#      dir, default bench/work), BENCH_FOP=0 to skip FOP, BENCH_BATCH_N (records, default 1000),
#      BENCH_CASE (the sample case record to copy; default the first of xml/cases/*.xml, else any
#      record under xml/ whose root element is case), BENCH_TIMEOUT (seconds per run, default 600).
# Nothing missing (gongwen not built, a subcommand not implemented, FOP absent) stops the run:
# those rows say n/a.  Exit status 0 unless the inputs cannot be generated.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
WORK=${BENCH_WORK:-$HERE/work}
RUNS=${BENCH_RUNS:-3}
GW=${GW:-$TOP/build/gongwen}
FOP=${FOP:-fop}
BATCH_N=${BENCH_BATCH_N:-1000}
TIMEOUT=${BENCH_TIMEOUT:-600}
OUT="$WORK/out"
TIME=/usr/bin/time
export LC_ALL=C.UTF-8

mkdir -p "$WORK" "$OUT"
[ -x "$TIME" ] || { echo "bench: /usr/bin/time missing (run bench/deps.sh)" >&2; exit 1; }
[ -f "$WORK/fop.xconf" ] || "$HERE/deps.sh" || echo "bench: deps.sh failed; FOP rows may be n/a" >&2

echo "bench: generating inputs"
python3 "$HERE/gen_fo.py" "$WORK" || { echo "bench: gen_fo.py failed" >&2; exit 1; }

# --- the floor -------------------------------------------------------------------------------
FLOOR="$WORK/floor"
# shellcheck disable=SC2046  # pkg-config's flags are meant to be split
if ! cc -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -o "$FLOOR" "$HERE/floor.c" \
      $(pkg-config --cflags --libs pangocairo cairo-pdf) 2>"$WORK/floor-build.log"; then
  echo "bench: building the floor failed (see $WORK/floor-build.log)" >&2
  FLOOR=""
fi

# --- measuring ---------------------------------------------------------------------------------
# measure N CHECK CMD… : runs CMD N times (CHECK is a file that must exist non-empty afterwards, or
# a directory that must then hold at least one PDF; it is removed before each run).  Sets M_S
# (median seconds), M_MB (largest peak RSS, MB), M_OK (1/0), M_WHY (first error line), M_RC.
measure() {
  local n=$1 check=$2; shift 2
  local times=() peak=0 i t0 t1 kb log="$WORK/last.log"
  M_OK=1; M_WHY=""; M_RC=0
  for ((i = 0; i < n; i++)); do
    rm -rf "$check"
    case "$check" in */) mkdir -p "$check" ;; esac
    t0=$EPOCHREALTIME
    "$TIME" -f '%e %M' -o "$WORK/time.out" timeout "$TIMEOUT" "$@" >"$log" 2>&1
    M_RC=$?
    t1=$EPOCHREALTIME
    if [ "$M_RC" -eq 124 ]; then
      M_OK=0; M_WHY="timed out after $TIMEOUT s"; return
    elif [ "$M_RC" -ne 0 ]; then
      M_OK=0; M_WHY="exit $M_RC: $(grep -v -e '^\[warning\]' -e '^Command exited' "$log" | grep -m1 .)"
      return
    fi
    if [ -d "$check" ]; then
      find "$check" -name '*.pdf' | grep -q . || { M_OK=0; M_WHY="no PDF written in $check"; return; }
    elif [ ! -s "$check" ]; then
      M_OK=0; M_WHY="no output $check"; return
    fi
    kb=$(tail -n1 "$WORK/time.out" | awk '{print $2}')
    [ "${kb:-0}" -gt "$peak" ] && peak=$kb
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", b - a}')")
  done
  M_S=$(printf '%s\n' "${times[@]}" | sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}')
  M_MB=$(awk -v k="$peak" 'BEGIN{printf "%.0f", k / 1024}')
}

ROWS=()   # case|tool|median s|peak MB|ratio|target|met|note
row() { local n=${8//|//}; n=${n//$'\t'/ }; ROWS+=("$1|$2|$3|$4|$5|$6|$7|$n"); }
# ratio A B → A/B with 2 decimals, or n/a
ratio() { [ "$1" = n/a ] || [ "$2" = n/a ] && { echo n/a; return; }
          awk -v a="$1" -v b="$2" 'BEGIN{ if (b <= 0) print "n/a"; else printf "%.2f", a / b }'; }
# xtimes R → "R×", or n/a
xtimes() { [ "$1" = n/a ] && echo n/a || echo "$1×"; }
# met VALUE OP LIMIT → yes/no/n/a
met() { [ "$1" = n/a ] && { echo n/a; return; }
        awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN{ ok = (op == "ge") ? v >= l : v <= l;
          print ok ? "yes" : "no" }'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }
# fontcheck PDF → note about the fonts embedded (the bench FO asks for UMing / Zen Hei)
fontcheck() {
  local f; f=$(pdffonts "$1" 2>/dev/null | awk 'NR>2{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
  case "$f" in *UMing*) echo "${2:-}$(pages "$1") pp" ;; *) echo "${2:-}$(pages "$1") pp; fonts: ${f:-none}!" ;; esac
}

# --- what is available ---------------------------------------------------------------------------
HAVE_FOP=1
if [ "${BENCH_FOP:-1}" = 0 ] || ! command -v "$FOP" >/dev/null 2>&1 || [ ! -f "$WORK/fop.xconf" ]; then
  HAVE_FOP=0; echo "bench: FOP not available: its rows are n/a"
fi
GW_STATE="ok"
if [ ! -x "$GW" ]; then
  GW_STATE="$GW missing (make)"
else
  "$GW" fo "$WORK/notice-one.fo" -o "$OUT/probe.pdf" >"$WORK/probe.log" 2>&1
  rc=$?
  if [ $rc -ne 0 ] || [ ! -s "$OUT/probe.pdf" ]; then
    GW_STATE="gongwen fo: exit $rc: $(grep -m1 . "$WORK/probe.log")"
  fi
fi
[ "$GW_STATE" = ok ] || echo "bench: gongwen fo not usable ($GW_STATE): its rows are n/a"

# run_tool CASE TOOL FO → measures one tool on one FO; sets R_S R_MB R_NOTE
run_tool() {
  local tool=$2 fo=$3 pdf="$OUT/$1-$2.pdf" n=${4:-$RUNS}
  R_S=n/a; R_MB=n/a; R_NOTE=""
  case $tool in
    fop)
      [ $HAVE_FOP = 1 ] || { R_NOTE="fop not available"; return; }
      measure "$n" "$pdf" "$FOP" -q -c "$WORK/fop.xconf" "$fo" "$pdf" ;;
    gongwen)
      [ "$GW_STATE" = ok ] || { R_NOTE="$GW_STATE"; return; }
      measure "$n" "$pdf" "$GW" fo "$fo" -o "$pdf" ;;
  esac
  if [ "$M_OK" = 1 ]; then R_S=$M_S; R_MB=$M_MB; R_NOTE=$(fontcheck "$pdf"); else R_NOTE=$M_WHY; fi
}

# --- same FO: gongwen vs FOP ------------------------------------------------------------------
declare -A GWS GWMB
for c in regulation register notices; do
  echo "bench: $c"
  run_tool "$c" fop "$WORK/$c.fo"; fs=$R_S; row "$c" fop "$R_S" "$R_MB" "" "" "" "$R_NOTE"
  run_tool "$c" gongwen "$WORK/$c.fo"; GWS[$c]=$R_S; GWMB[$c]=$R_MB
  r=$(ratio "$fs" "$R_S")
  row "$c" gongwen "$R_S" "$R_MB" "$(xtimes "$r")" "≥10× faster than fop" "$(met "$r" ge 10)" "$R_NOTE"
done

# --- the floor on the regulation ------------------------------------------------------------
echo "bench: floor"
FS=n/a
if [ -n "$FLOOR" ]; then
  measure "$RUNS" "$OUT/regulation-floor.pdf" "$FLOOR" regulation "$WORK/regulation.txt" "$OUT/regulation-floor.pdf"
  if [ "$M_OK" = 1 ]; then FS=$M_S
    row regulation floor "$M_S" "$M_MB" "" "" "" "$(fontcheck "$OUT/regulation-floor.pdf")"
  else row regulation floor n/a n/a "" "" "" "$M_WHY"; fi
else row regulation floor n/a n/a "" "" "" "floor did not build"; fi
r=$(ratio "${GWS[regulation]}" "$FS")
row regulation "gongwen÷floor" "${GWS[regulation]}" "${GWMB[regulation]}" "$(xtimes "$r")" "≤2× the floor" "$(met "$r" le 2)" ""

# --- scaling ---------------------------------------------------------------------------------
for n in 100 1000 10000; do
  echo "bench: table-$n"
  run_tool "table-$n" fop "$WORK/table-$n.fo"; row "table-$n" fop "$R_S" "$R_MB" "" "" "" "$R_NOTE"
  run_tool "table-$n" gongwen "$WORK/table-$n.fo"
  if [ $n = 10000 ]; then
    row "table-$n" gongwen "$R_S" "$R_MB" "" "peak ≤300 MB" "$(met "$R_MB" le 300)" "$R_NOTE"
  else
    row "table-$n" gongwen "$R_S" "$R_MB" "" "" "" "$R_NOTE"
  fi
done

# --- one notice end to end ------------------------------------------------------------------
echo "bench: one notice"
N1=$(( RUNS > 5 ? RUNS : 5 ))
run_tool notice-one fop "$WORK/notice-one.fo" "$N1"; row "notice-one (FO)" fop "$R_S" "$R_MB" "" "" "" "$R_NOTE"
run_tool notice-one gongwen "$WORK/notice-one.fo" "$N1"
row "notice-one (FO)" gongwen "$R_S" "$R_MB" "" "≤0.100 s" "$(met "$R_S" le 0.1)" "$R_NOTE"

# --- batches from records -------------------------------------------------------------------
echo "bench: batch"
FPD=n/a
if [ -n "$FLOOR" ]; then
  measure "$RUNS" "$OUT/floor-notices/" "$FLOOR" notices "$WORK/notices.txt" "$OUT/floor-notices" "$BATCH_N"
  if [ "$M_OK" = 1 ]; then
    FPD=$(awk -v s="$M_S" -v n="$BATCH_N" 'BEGIN{printf "%.5f", s / n}')
    row "batch-$BATCH_N per doc" floor "$FPD" "$M_MB" "" "" "" "$BATCH_N one-page PDFs in ${M_S} s"
  else row "batch-$BATCH_N per doc" floor n/a n/a "" "" "" "$M_WHY"; fi
fi
SAMPLE=${BENCH_CASE:-}
[ -n "$SAMPLE" ] || for f in "$TOP"/xml/cases/*.xml; do [ -f "$f" ] && { SAMPLE=$f; break; }; done
[ -n "$SAMPLE" ] || SAMPLE=$(grep -rlE --include='*.xml' '<([A-Za-z_][-.A-Za-z0-9_]*:)?case[[:space:]>]' \
                              "$TOP/xml" 2>/dev/null | head -n1)
BATCH_STATE=ok
if [ "$GW_STATE" != ok ] && [ ! -x "$GW" ]; then BATCH_STATE="$GW_STATE"
elif [ -z "$SAMPLE" ]; then BATCH_STATE="no sample case record under xml/ (xml/cases/*.xml)"
else
  rm -rf "$WORK/cases1" "$OUT/batch-probe"; mkdir -p "$WORK/cases1"
  cp "$SAMPLE" "$WORK/cases1/"
  "$GW" batch "$WORK/cases1" -o "$OUT/batch-probe" -j 1 >"$WORK/probe.log" 2>&1
  rc=$?
  if [ $rc -eq 2 ] || grep -qi 'not implemented' "$WORK/probe.log"; then
    BATCH_STATE="gongwen batch not implemented yet"
  elif [ $rc -ne 0 ]; then
    BATCH_STATE="gongwen batch on the sample: exit $rc: $(grep -m1 . "$WORK/probe.log")"
  fi
fi
if [ "$BATCH_STATE" = ok ]; then
  rm -rf "$WORK/cases"; python3 "$HERE/gen_fo.py" --cases "$SAMPLE" "$BATCH_N" "$WORK/cases"
  declare -A BS
  for j in 1 2; do
    measure "$RUNS" "$OUT/batch-j$j/" "$GW" batch "$WORK/cases" -o "$OUT/batch-j$j" -j "$j"
    if [ "$M_OK" = 1 ]; then
      docs=$(find "$OUT/batch-j$j" -name '*.pdf' | wc -l)
      BS[$j]=$M_S
      pd=$(awk -v s="$M_S" -v n="$docs" 'BEGIN{printf "%.5f", s / n}')
      if [ $j = 1 ]; then
        r=$(ratio "$pd" "$FPD")
        row "batch-$BATCH_N per doc" "gongwen -j1" "$pd" "$M_MB" "$(xtimes "$r")" "≤1.3× floor per doc" "$(met "$r" le 1.3)" \
            "$docs PDFs in ${M_S} s from $(basename "$SAMPLE") copies"
      else
        row "batch-$BATCH_N per doc" "gongwen -j2" "$pd" "$M_MB" "" "" "" "$docs PDFs in ${M_S} s"
      fi
    else BS[$j]=n/a; row "batch-$BATCH_N" "gongwen -j$j" n/a n/a "" "" "" "$M_WHY"; fi
  done
  r=$(ratio "${BS[1]}" "${BS[2]}")
  row "batch-$BATCH_N" "-j1÷-j2" "" "" "$(xtimes "$r")" "-j2 ≥1.7× faster" "$(met "$r" ge 1.7)" ""
else
  echo "bench: batch section skipped: $BATCH_STATE"
  row "batch-$BATCH_N per doc" "gongwen -j1" n/a n/a n/a "≤1.3× floor per doc" n/a "skipped: $BATCH_STATE"
  row "batch-$BATCH_N" "-j1÷-j2" n/a n/a n/a "-j2 ≥1.7× faster" n/a "skipped: $BATCH_STATE"
fi

# --- report ----------------------------------------------------------------------------------
{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $RUNS runs each (median wall, max peak RSS)."
  echo "gongwen: $("$GW" --version 2>/dev/null || echo n/a); FOP: $("$FOP" -version 2>/dev/null | grep -m1 -o 'FOP Version.*' || echo n/a)"
  echo
  echo "| case | tool | median s | peak MB | ratio | target | met | note |"
  echo "| --- | --- | ---: | ---: | ---: | --- | --- | --- |"
  for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
} >"$WORK/results.md"
printf '%s\n' "${ROWS[@]}" | tr '|' '\t' >"$WORK/results.tsv"
echo
python3 - "$WORK/results.tsv" <<'PY'
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [["case", "tool", "median s", "peak MB", "ratio", "target", "met", "note"]]
rows += [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
width = [max(w(r[i]) for r in rows) for i in range(7)]
for r in rows:
    cells = [(" " * (width[i] - w(c)) + c) if i in (2, 3, 4) else c + " " * (width[i] - w(c))
             for i, c in enumerate(r[:7])]
    print("  ".join(cells + r[7:]).rstrip())
PY
echo
echo "bench: results in $WORK/results.md; outputs in $OUT"
