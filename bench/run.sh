#!/bin/bash
# bench/run.sh — gongwen against Apache FOP (same FO, same TrueType fonts) and against "the floor"
# (bench/floor.c: bare Pango/Cairo doing the same text), side by side in one run.
# Prints a table: case, tool, median s, cpu s, peak MB, ratio, target, met (and a note), and writes
# it to bench/work/results.md (Markdown, for bench/README.md) and bench/work/results.tsv.
#
# Env: BENCH_RUNS (runs per measurement, default 3; the median wall time and median CPU time
#      (user+sys) are reported, the largest peak RSS), GW (gongwen binary, default build/gongwen),
#      FOP (default fop), BENCH_WORK (scratch dir, default bench/work), BENCH_FOP=0 to skip FOP,
#      BENCH_BATCH_N (records in the big batch, default 1000), BENCH_CONF_N (records per font
#      configuration in the per-document section, default 100), BENCH_CASE (the sample case record
#      to copy; default xml/cases/case-2015-014-wire.xml, else the first of xml/cases/*.xml, else
#      any record under xml/ whose root element is case), BENCH_TIMEOUT (seconds per run, default
#      600), BENCH_CALLGRIND=0 to skip the instruction counts (default: on when valgrind exists),
#      BENCH_CG_K (records added under callgrind for the per-document instruction counts, default
#      5), BENCH_CG_CONFS (font configurations counted so, default "default"; also noto-full,
#      noto-subset, noto-subset-desubr, truetype, truetype-subset), BENCH_SUBSET=0 to skip the
#      bench's own hb-subset fonts (fonts/mkfonts.py --bench; the default configuration's are `make fonts`).
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
CONF_N=${BENCH_CONF_N:-100}
TIMEOUT=${BENCH_TIMEOUT:-600}
CALLGRIND=${BENCH_CALLGRIND:-1}
command -v valgrind >/dev/null 2>&1 || CALLGRIND=0
OUT="$WORK/out"
TIME=/usr/bin/time
export LC_ALL=C.UTF-8
START=$EPOCHREALTIME

mkdir -p "$WORK" "$OUT"
rm -rf "$WORK/trash"   # left by an interrupted run
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
# The floor with the roles of a gongwen font configuration: FONTCONFIG_FILE=CONF, role names.
FLOOR_ROLES=(--title 小标宋 --body 仿宋 --head 黑体)

# --- font configurations -----------------------------------------------------------------------
# name|GONGWEN_FONTS_CONF ("" = the default fonts/fonts.conf)|the same file for the floor|what
# noto-full comes first: the per-document section compares the others' cost with it.
CONFS=("noto-full|$HERE/fonts-noto-full.conf|$HERE/fonts-noto-full.conf|Noto CJK SC, CFF, the full fonts only (bench/fonts-noto-full.conf: fonts/fonts.conf before the subsets)"
       "default||$TOP/fonts/fonts.conf|fonts/fonts.conf, the default: the subset role fonts of make fonts (fonts/subset, Noto CJK SC desubroutinized), full Noto as fallback"
       "truetype|$HERE/fonts-truetype.conf|$HERE/fonts-truetype.conf|AR PL UMing CN / WenQuanYi Zen Hei, TrueType (bench/fonts-truetype.conf)")
if [ "${BENCH_SUBSET:-1}" != 0 ]; then
  if command -v hb-subset >/dev/null 2>&1 && python3 "$TOP/fonts/mkfonts.py" --bench "$WORK/fonts" "$TOP" >"$WORK/mkfonts.log" 2>&1; then
    sed 's/^/bench: /' "$WORK/mkfonts.log"
    F="$WORK/fonts"
    CONFS+=("noto-subset|$F/fonts-subset-cff.conf|$F/fonts-subset-cff.conf|Noto CJK SC cut by hb-subset to GB 2312 + xml/ + xsl/, full Noto as fallback"
            "noto-subset-desubr|$F/fonts-subset-cffd.conf|$F/fonts-subset-cffd.conf|the same, hb-subset --desubroutinize"
            "truetype-subset|$F/fonts-subset-truetype.conf|$F/fonts-subset-truetype.conf|UMing / Zen Hei cut the same way, full fonts as fallback")
  else
    echo "bench: no hb-subset role fonts (hb-subset missing or mkfonts.py failed, see $WORK/mkfonts.log)"
  fi
fi
conf_field() { local IFS='|'; local a; read -r -a a <<<"$1"; echo "${a[$2]}"; }

# --- measuring ---------------------------------------------------------------------------------
# measure N CHECK CMD… : runs CMD N times (CHECK is a file that must exist non-empty afterwards, or
# a directory that must then hold at least one PDF; it is removed before each run unless KEEP=1).
# Sets M_S (median wall seconds), M_CPU (median user+sys seconds), M_MB (largest peak RSS of one
# process of the tree, MB), M_OK (1/0), M_WHY (first error line), M_RC.
measure() {
  local n=$1 check=$2; shift 2
  local times=() cpus=() peak=0 i t0 t1 kb log="$WORK/last.log"
  M_OK=1; M_WHY=""; M_RC=0; M_S=n/a; M_CPU=n/a; M_MB=n/a; M_KB=n/a
  for ((i = 0; i < n; i++)); do
    if [ "${KEEP:-0}" != 1 ]; then
      trash "$check"
      case "$check" in */) mkdir -p "$check" ;; esac
    fi
    t0=$EPOCHREALTIME
    "$TIME" -f '%e %M %U %S' -o "$WORK/time.out" timeout "$TIMEOUT" "$@" >"$log" 2>&1
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
    cpus+=("$(tail -n1 "$WORK/time.out" | awk '{printf "%.2f", $3 + $4}')")
  done
  M_S=$(median "${times[@]}")
  M_CPU=$(median "${cpus[@]}")
  M_MB=$(awk -v k="$peak" 'BEGIN{printf "%.0f", k / 1024}')
  M_KB=$peak # memory ratios from KB: whole MB round 38.9 vs 41.9 MB to 1.11×
}
# trash PATH : moves an earlier output out of the way; it is deleted when the bench ends. Deleting
# it here would slow the next run down: ext4 skips inodes freed in the last 30 s when it creates
# files, and a batch creates thousands (measured: 1,000 one-page PDFs 4.7 s right after an rm -rf
# of the previous 1,000, 4.0 s otherwise, nearly all of it kernel time in ext4_create).
TRASH="$WORK/trash"
trash() { [ -e "$1" ] || return 0; mkdir -p "$TRASH"; mv "$1" "$(mktemp -u "$TRASH/t.XXXXXXXX")"; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }

ROWS=()   # case|tool|median s|cpu s|peak MB|ratio|target|met|note
row() { local n=${9//|//}; n=${n//$'\t'/ }; ROWS+=("$1|$2|$3|$4|$5|$6|$7|$8|$n"); }
# ratio A B → A/B with 2 decimals, or n/a
ratio() { [ "$1" = n/a ] || [ "$2" = n/a ] || [ -z "$1" ] || [ -z "$2" ] && { echo n/a; return; }
          awk -v a="$1" -v b="$2" 'BEGIN{ if (b <= 0) print "n/a"; else printf "%.2f", a / b }'; }
# per S N → S/N with 5 decimals (n/a stays)
per() { [ "$1" = n/a ] && { echo n/a; return; }; awk -v s="$1" -v n="$2" 'BEGIN{printf "%.5f", s / n}'; }
# xtimes R → "R×", or n/a
xtimes() { [ "$1" = n/a ] && echo n/a || echo "$1×"; }
# met VALUE OP LIMIT → yes/no/n/a
met() { [ "$1" = n/a ] && { echo n/a; return; }
        awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN{ ok = (op == "ge") ? v >= l : v <= l;
          print ok ? "yes" : "no" }'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/{print $2}'; }
# fonts PDF → the embedded fonts (subset tags removed), space-separated
fonts() { pdffonts "$1" 2>/dev/null | awk 'NR>2{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ' | sed 's/ $//'; }
# fontcheck PDF [PREFIX] → "N pp; fonts: …" for the bench FO files (which ask for UMing and Zen
# Hei only); any other font embedded is a fallback and is flagged with "!"
fontcheck() {
  local f other; f=$(fonts "$1")
  other=$(tr ' ' '\n' <<<"$f" | grep -v -e '^UMingCN$' -e '^WenQuanYiZenHei$' | tr '\n' ' ' | sed 's/ $//')
  echo "${2:-}$(pages "$1") pp; fonts: ${f:-none}${other:+; FALLBACK to $other!}"
}
# docfonts DIR → fonts embedded in the PDFs of DIR (the first two PDFs)
docfonts() { local f all=""; while read -r f; do all="$all $(fonts "$f")"; done < <(find "$1" -name '*.pdf' | sort | head -n2)
             tr ' ' '\n' <<<"$all" | grep . | sort -u | tr '\n' ' ' | sed 's/ $//'; }
# pdfpages DIR → total pages of the PDFs in DIR
pdfpages() { local f t=0 p; while read -r f; do p=$(pages "$f"); t=$((t + ${p:-0})); done < <(find "$1" -name '*.pdf'); echo $t; }

# callgrind_ir OUT CMD… → prints the instructions executed by CMD (and its children), or n/a
callgrind_ir() {
  local out=$1; shift
  mkdir -p "$(dirname "$out")"; rm -f "$out".*
  if valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$out.%p" "$@" >"$WORK/cg.log" 2>&1; then
    cat "$out".* | awk '/^summary:/{s += $2} END{ if (s) printf "%.0f\n", s; else print "n/a" }'
  else echo n/a; fi
}
# gir N → N instructions as "1.23 G" / "45.6 M"
gir() { [ "$1" = n/a ] && { echo n/a; return; }
        awk -v n="$1" 'BEGIN{ if (n >= 1e9) printf "%.2f G", n / 1e9; else printf "%.1f M", n / 1e6 }'; }

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

# run_tool CASE TOOL FO [N] → measures one tool on one FO; sets R_S R_CPU R_MB R_NOTE
run_tool() {
  local tool=$2 fo=$3 pdf="$OUT/$1-$2.pdf" n=${4:-$RUNS}
  R_S=n/a; R_CPU=n/a; R_MB=n/a; R_NOTE=""
  case $tool in
    fop)
      [ $HAVE_FOP = 1 ] || { R_NOTE="fop not available"; return; }
      measure "$n" "$pdf" "$FOP" -q -c "$WORK/fop.xconf" "$fo" "$pdf" ;;
    gongwen)
      [ "$GW_STATE" = ok ] || { R_NOTE="$GW_STATE"; return; }
      measure "$n" "$pdf" "$GW" fo "$fo" -o "$pdf" ;;
  esac
  if [ "$M_OK" = 1 ]; then R_S=$M_S; R_CPU=$M_CPU; R_MB=$M_MB; R_NOTE=$(fontcheck "$pdf"); else R_NOTE=$M_WHY; fi
}

# --- (1) same FO: gongwen vs FOP ----------------------------------------------------------------
declare -A GWS GWCPU GWMB
for c in regulation register notices; do
  echo "bench: $c"
  run_tool "$c" fop "$WORK/$c.fo"; fs=$R_S; row "$c" fop "$R_S" "$R_CPU" "$R_MB" "" "" "" "$R_NOTE"
  run_tool "$c" gongwen "$WORK/$c.fo"; GWS[$c]=$R_S; GWCPU[$c]=$R_CPU; GWMB[$c]=$R_MB
  r=$(ratio "$fs" "$R_S")
  row "$c" gongwen "$R_S" "$R_CPU" "$R_MB" "$(xtimes "$r")" "≥10× faster than fop" "$(met "$r" ge 10)" "$R_NOTE"
done

# --- (2) the floor on the regulation ------------------------------------------------------------
echo "bench: floor"
FS=n/a; FCPU=n/a
if [ -n "$FLOOR" ]; then
  measure "$RUNS" "$OUT/regulation-floor.pdf" "$FLOOR" regulation "$WORK/regulation.txt" "$OUT/regulation-floor.pdf"
  if [ "$M_OK" = 1 ]; then FS=$M_S; FCPU=$M_CPU
    row regulation floor "$M_S" "$M_CPU" "$M_MB" "" "" "" "$(fontcheck "$OUT/regulation-floor.pdf")"
  else row regulation floor n/a n/a n/a "" "" "" "$M_WHY"; fi
else row regulation floor n/a n/a n/a "" "" "" "floor did not build"; fi
r=$(ratio "${GWS[regulation]}" "$FS")
row regulation "gongwen÷floor" "${GWS[regulation]}" "${GWCPU[regulation]}" "${GWMB[regulation]}" "$(xtimes "$r")" \
    "≤2× the floor" "$(met "$r" le 2)" "wall; CPU time: $(xtimes "$(ratio "${GWCPU[regulation]}" "$FCPU")")"
if [ "$CALLGRIND" = 1 ] && [ -n "$FLOOR" ] && [ "$GW_STATE" = ok ]; then
  echo "bench: regulation under callgrind"
  gi=$(callgrind_ir "$WORK/cg/reg-gongwen" "$GW" fo "$WORK/regulation.fo" -o "$OUT/regulation-cg.pdf")
  fi_=$(callgrind_ir "$WORK/cg/reg-floor" "$FLOOR" regulation "$WORK/regulation.txt" "$OUT/regulation-floor-cg.pdf")
  r=$(ratio "$gi" "$fi_")
  row regulation "gongwen÷floor (Ir)" "" "" "" "$(xtimes "$r")" "≤2× the floor" "$(met "$r" le 2)" \
      "instructions (callgrind): gongwen $(gir "$gi"), floor $(gir "$fi_")"
fi

# --- (4) scale: tables --------------------------------------------------------------------------
declare -A TS TC TM
for n in 100 1000 10000; do
  echo "bench: table-$n"
  # FOP on the tables has no target here (a reference only): one run, to keep the bench short
  run_tool "table-$n" fop "$WORK/table-$n.fo" 1; row "table-$n" fop "$R_S" "$R_CPU" "$R_MB" "" "" "" "1 run; $R_NOTE"
  run_tool "table-$n" gongwen "$WORK/table-$n.fo"; TS[$n]=$R_S; TC[$n]=$R_CPU; TM[$n]=$R_MB
  if [ $n = 10000 ]; then
    row "table-$n" gongwen "$R_S" "$R_CPU" "$R_MB" "" "peak ≤300 MB" "$(met "$R_MB" le 300)" "$R_NOTE"
  else
    row "table-$n" gongwen "$R_S" "$R_CPU" "$R_MB" "" "" "" "$R_NOTE"
  fi
done
# growth per 10× rows must stay ≤10× (+10% for noise): CPU time and peak RSS, each step
g1=$(ratio "${TC[1000]}" "${TC[100]}"); g2=$(ratio "${TC[10000]}" "${TC[1000]}")
gmax=$(awk -v a="$g1" -v b="$g2" 'BEGIN{ if (a == "n/a" || b == "n/a") print "n/a"; else print (a > b ? a : b) }')
row "table 100→1k→10k" "gongwen cpu" "" "" "" "$(xtimes "$g1") / $(xtimes "$g2")" "≤10× per 10× rows" "$(met "$gmax" le 11)" \
    "CPU time growth per step (wall: $(xtimes "$(ratio "${TS[1000]}" "${TS[100]}")") / $(xtimes "$(ratio "${TS[10000]}" "${TS[1000]}")"))"
m1=$(ratio "${TM[1000]}" "${TM[100]}"); m2=$(ratio "${TM[10000]}" "${TM[1000]}")
mmax=$(awk -v a="$m1" -v b="$m2" 'BEGIN{ if (a == "n/a" || b == "n/a") print "n/a"; else print (a > b ? a : b) }')
row "table 100→1k→10k" "gongwen RSS" "" "" "" "$(xtimes "$m1") / $(xtimes "$m2")" "≤10× per 10× rows" "$(met "$mmax" le 11)" \
    "peak RSS growth per step: ${TM[100]} → ${TM[1000]} → ${TM[10000]} MB"

# --- (5) one notice end to end ------------------------------------------------------------------
echo "bench: one notice"
N1=$(( RUNS > 5 ? RUNS : 5 ))
run_tool notice-one fop "$WORK/notice-one.fo" "$N1"; row "notice-one (FO)" fop "$R_S" "$R_CPU" "$R_MB" "" "" "" "$R_NOTE"
run_tool notice-one gongwen "$WORK/notice-one.fo" "$N1"
row "notice-one (FO)" gongwen "$R_S" "$R_CPU" "$R_MB" "" "≤0.100 s" "$(met "$R_S" le 0.1)" "$R_NOTE"

# The sample record for the notice from a record and the batches.
SAMPLE=${BENCH_CASE:-}
[ -n "$SAMPLE" ] || { [ -f "$TOP/xml/cases/case-2015-014-wire.xml" ] && SAMPLE=$TOP/xml/cases/case-2015-014-wire.xml; }
[ -n "$SAMPLE" ] || for f in "$TOP"/xml/cases/*.xml; do [ -f "$f" ] && { SAMPLE=$f; break; }; done
[ -n "$SAMPLE" ] || SAMPLE=$(grep -rlE --include='*.xml' '<([A-Za-z_][-.A-Za-z0-9_]*:)?case[[:space:]>]' \
                              "$TOP/xml" 2>/dev/null | head -n1)
BATCH_STATE=ok
if [ ! -x "$GW" ]; then BATCH_STATE="$GW missing (make)"
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
SNAME=$(basename "${SAMPLE:-none}")

# conf_env NAME → the env words for gongwen (GONGWEN_FONTS_CONF) and the floor (FONTCONFIG_FILE)
declare -A GWENV FLENV
for c in "${CONFS[@]}"; do
  n=$(conf_field "$c" 0); g=$(conf_field "$c" 1); f=$(conf_field "$c" 2)
  if [ -n "$g" ]; then GWENV[$n]="GONGWEN_FONTS_CONF=$g"; else GWENV[$n]="GONGWEN_FONTS_CONF="; fi
  FLENV[$n]="FONTCONFIG_FILE=$f"
done

# A notice from a record: `gongwen render SAMPLE -o DIR` (the order and its receipt), per fonts.
if [ "$BATCH_STATE" = ok ]; then
  for c in "${CONFS[@]}"; do
    n=$(conf_field "$c" 0)
    env "${GWENV[$n]}" "$GW" render "$SAMPLE" -o "$OUT/render-warm-$n" -q >/dev/null 2>&1  # font caches
    measure "$N1" "$OUT/render-$n/" env "${GWENV[$n]}" "$GW" render "$SAMPLE" -o "$OUT/render-$n" -q
    # the target is the product's (the default fonts); the other configurations are for comparison
    tgt=""; ok=""
    [ "$n" = default ] && { tgt="≤0.100 s"; ok=$(met "$M_S" le 0.1); }
    if [ "$M_OK" = 1 ]; then
      row "notice from a record" "gongwen render [$n]" "$M_S" "$M_CPU" "$M_MB" "" "$tgt" "$ok" \
          "$SNAME: $(find "$OUT/render-$n" -name '*.pdf' | wc -l) PDFs, $(pdfpages "$OUT/render-$n") pp; fonts: $(docfonts "$OUT/render-$n")"
    else row "notice from a record" "gongwen render [$n]" n/a n/a n/a "" "$tgt" "${tgt:+n/a}" "$M_WHY"; fi
  done
else
  row "notice from a record" "gongwen render" n/a n/a n/a "" "≤0.100 s" n/a "skipped: $BATCH_STATE"
fi

# --- (3) batches from records -------------------------------------------------------------------
echo "bench: batch"
# The floor for the batch: one-page notices with the fonts the batch embeds (the default
# configuration's roles), one PDF each, in one process. The floor and the two -j 1 batches are
# measured in alternation (floor, one-page batch, batch, floor, …) and each reported as the
# median of its runs: this machine's speed drifts by 10-20 % over minutes, which would otherwise
# land in the ratios. The -j 2 batch joins the alternation for the same reason (-j1÷-j2).
# alt_run NAME CHECK CMD… : one run of CMD (see measure); appends to ALT_S/ALT_CPU[NAME], keeps
# the largest ALT_MB/ALT_KB[NAME]; ALT_WHY[NAME] set on failure.
declare -A ALT_S ALT_CPU ALT_MB ALT_KB ALT_WHY
alt_run() {
  local name=$1; shift
  [ -n "${ALT_WHY[$name]:-}" ] && return
  measure 1 "$@"
  if [ "$M_OK" != 1 ]; then ALT_WHY[$name]=$M_WHY; return; fi
  ALT_S[$name]="${ALT_S[$name]:-} $M_S"; ALT_CPU[$name]="${ALT_CPU[$name]:-} $M_CPU"
  [ "${M_MB}" -gt "${ALT_MB[$name]:-0}" ] && ALT_MB[$name]=$M_MB
  [ "${M_KB}" -gt "${ALT_KB[$name]:-0}" ] && ALT_KB[$name]=$M_KB
}
# alt_get NAME : sets M_S, M_CPU (medians), M_MB, M_OK, M_WHY from the runs of NAME
alt_get() {
  if [ -n "${ALT_WHY[$1]:-}" ] || [ -z "${ALT_S[$1]:-}" ]; then
    M_OK=0; M_WHY=${ALT_WHY[$1]:-not run}; M_S=n/a; M_CPU=n/a; M_MB=n/a; M_KB=n/a; return
  fi
  M_OK=1; M_WHY=""; M_S=$(median ${ALT_S[$1]}); M_CPU=$(median ${ALT_CPU[$1]}); M_MB=${ALT_MB[$1]}
  M_KB=${ALT_KB[$1]}
}
FPD=n/a; FPDC=n/a
[ "$BATCH_STATE" = ok ] && { trash "$WORK/cases"; python3 "$HERE/gen_fo.py" --cases "$SAMPLE" "$BATCH_N" "$WORK/cases"; }
# The records make two documents each (order 3 pp + receipt 1 p), not the floor's one-page
# notices: the fair floor for the full batch draws the same text on the same pages (the text of
# the sample's two PDFs, see "same text"), 2 × BATCH_N documents, also in alternation.
SAME_BATCH=""
if [ "$BATCH_STATE" = ok ] && [ -n "$FLOOR" ]; then
  mapfile -t spdfs < <(find "$OUT/render-default" -name '*.pdf' 2>/dev/null | sort)
  rm -f "$WORK/same-batch.txt"
  [ ${#spdfs[@]} -gt 0 ] && python3 "$HERE/gen_fo.py" --floor-text "$WORK/same-batch.txt" $((2 * BATCH_N)) "${spdfs[@]}" \
    && SAME_BATCH="$WORK/same-batch.txt"
fi
for ((round = 0; round < RUNS; round++)); do
  [ -n "$FLOOR" ] && alt_run floor "$OUT/floor-notices/" env "${FLENV[default]}" "$FLOOR" "${FLOOR_ROLES[@]}" notices "$WORK/notices.txt" "$OUT/floor-notices" "$BATCH_N"
  [ -n "$SAME_BATCH" ] && alt_run floor-same "$OUT/floor-same-batch/" env "${FLENV[default]}" "$FLOOR" "${FLOOR_ROLES[@]}" notices "$SAME_BATCH" "$OUT/floor-same-batch" $((2 * BATCH_N))
  if [ "$BATCH_STATE" = ok ]; then
    alt_run receipts "$OUT/batch-receipts/" "$GW" batch "$WORK/cases" -o "$OUT/batch-receipts" -j 1 -q --xsl "$TOP/xsl/case-receipt.xsl"
    alt_run j1 "$OUT/batch-j1/" "$GW" batch "$WORK/cases" -o "$OUT/batch-j1" -j 1 -q
    alt_run j2 "$OUT/batch-j2/" "$GW" batch "$WORK/cases" -o "$OUT/batch-j2" -j 2 -q
  fi
  # the same one-page comparison with the full Noto fonts: the setting the issue describes
  # ("Noto Serif CJK SC ≈ 16 ms/document"), where embedding the font dominates
  if [ -n "$FLOOR" ] && [ -n "${FLENV[noto-full]:-}" ]; then
    alt_run floor-full "$OUT/floor-notices-full/" env "${FLENV[noto-full]}" "$FLOOR" "${FLOOR_ROLES[@]}" notices "$WORK/notices.txt" "$OUT/floor-notices-full" "$BATCH_N"
    [ "$BATCH_STATE" = ok ] && alt_run receipts-full "$OUT/batch-receipts-full/" env "${GWENV[noto-full]}" "$GW" batch "$WORK/cases" -o "$OUT/batch-receipts-full" -j 1 -q --xsl "$TOP/xsl/case-receipt.xsl"
  fi
done
if [ -n "$FLOOR" ]; then
  alt_get floor
  if [ "$M_OK" = 1 ]; then
    fd=$(find "$OUT/floor-notices" -name '*.pdf' | wc -l)
    FPD=$(per "$M_S" "$fd"); FPDC=$(per "$M_CPU" "$fd")
    row "batch-$BATCH_N per doc" "floor [default]" "$FPD" "$FPDC" "$M_MB" "" "" "" \
        "$fd one-page PDFs ($(pdfpages "$OUT/floor-notices") pp) in ${M_S} s; fonts: $(docfonts "$OUT/floor-notices")"
  else row "batch-$BATCH_N per doc" "floor [default]" n/a n/a n/a "" "" "" "$M_WHY"; fi
fi
SPD=n/a; SPDC=n/a
if [ -n "$SAME_BATCH" ]; then
  alt_get floor-same
  if [ "$M_OK" = 1 ]; then
    fd=$(find "$OUT/floor-same-batch" -name '*.pdf' | wc -l)
    SPD=$(per "$M_S" "$fd"); SPDC=$(per "$M_CPU" "$fd")
    row "batch-$BATCH_N per doc" "floor same text [default]" "$SPD" "$SPDC" "$M_MB" "" "" "" \
        "$fd PDFs ($(pdfpages "$OUT/floor-same-batch") pp: the text of the sample's order and receipt) in ${M_S} s; fonts: $(docfonts "$OUT/floor-same-batch")"
  else row "batch-$BATCH_N per doc" "floor same text [default]" n/a n/a n/a "" "" "" "$M_WHY"; fi
fi
if [ "$BATCH_STATE" = ok ]; then
  declare -A BS BC BM BK
  # One-page documents from the same records: the 送达回证 of every record (--xsl overrides the
  # registry: one document per record), 1,000 one-page PDFs — the shape of the floor's batch.
  alt_get receipts
  if [ "$M_OK" = 1 ]; then
    docs=$(find "$OUT/batch-receipts" -name '*.pdf' | wc -l)
    pd=$(per "$M_S" "$docs"); pdc=$(per "$M_CPU" "$docs"); r=$(ratio "$pd" "$FPD")
    row "batch-$BATCH_N one-page per doc" "gongwen -j1 [default]" "$pd" "$pdc" "$M_MB" "$(xtimes "$r")" "≤1.3× floor per doc" "$(met "$r" le 1.3)" \
        "$docs one-page PDFs ($(pdfpages "$OUT/batch-receipts") pp, 送达回证, --xsl xsl/case-receipt.xsl) in ${M_S} s; CPU ratio $(xtimes "$(ratio "$pdc" "$FPDC")"); fonts: $(docfonts "$OUT/batch-receipts")"
  else row "batch-$BATCH_N one-page per doc" "gongwen -j1" n/a n/a n/a "" "" "" "$M_WHY"; fi
  if [ -n "$FLOOR" ] && [ -n "${FLENV[noto-full]:-}" ]; then
    alt_get floor-full
    if [ "$M_OK" = 1 ]; then
      fd=$(find "$OUT/floor-notices-full" -name '*.pdf' | wc -l)
      FFD=$(per "$M_S" "$fd"); FFDC=$(per "$M_CPU" "$fd")
      row "batch-$BATCH_N one-page per doc" "floor [noto-full]" "$FFD" "$FFDC" "$M_MB" "" "" "" \
          "$fd one-page PDFs in ${M_S} s; fonts: $(docfonts "$OUT/floor-notices-full")"
      alt_get receipts-full
      if [ "$M_OK" = 1 ]; then
        docs=$(find "$OUT/batch-receipts-full" -name '*.pdf' | wc -l)
        pd=$(per "$M_S" "$docs"); pdc=$(per "$M_CPU" "$docs"); r=$(ratio "$pd" "$FFD")
        row "batch-$BATCH_N one-page per doc" "gongwen -j1 [noto-full]" "$pd" "$pdc" "$M_MB" "$(xtimes "$r")" "≤1.3× floor per doc" "$(met "$r" le 1.3)" \
            "$docs one-page PDFs in ${M_S} s; CPU ratio $(xtimes "$(ratio "$pdc" "$FFDC")"); fonts: $(docfonts "$OUT/batch-receipts-full")"
      else row "batch-$BATCH_N one-page per doc" "gongwen -j1 [noto-full]" n/a n/a n/a "" "" "" "$M_WHY"; fi
    else row "batch-$BATCH_N one-page per doc" "floor [noto-full]" n/a n/a n/a "" "" "" "$M_WHY"; fi
  fi
  for j in 1 2; do
    alt_get j$j
    if [ "$M_OK" = 1 ]; then
      docs=$(find "$OUT/batch-j$j" -name '*.pdf' | wc -l)
      BS[$j]=$M_S; BC[$j]=$M_CPU; BM[$j]=$M_MB; BK[$j]=$M_KB
      pd=$(per "$M_S" "$docs"); pdc=$(per "$M_CPU" "$docs")
      if [ $j = 1 ]; then
        r=$(ratio "$pd" "$SPD")
        row "batch-$BATCH_N per doc" "gongwen -j1 [default]" "$pd" "$pdc" "$M_MB" "$(xtimes "$r")" "≤1.3× floor same text" "$(met "$r" le 1.3)" \
            "$docs PDFs ($(pdfpages "$OUT/batch-j$j") pp: order 3 pp + receipt 1 p per record) in ${M_S} s from $SNAME copies; CPU ratio $(xtimes "$(ratio "$pdc" "$SPDC")"); ÷ the one-page floor $(xtimes "$(ratio "$pd" "$FPD")") (two pages a document against one); fonts: $(docfonts "$OUT/batch-j$j")"
      else
        row "batch-$BATCH_N per doc" "gongwen -j2 [default]" "$pd" "$pdc" "$M_MB" "" "" "" "$docs PDFs in ${M_S} s"
      fi
    else BS[$j]=n/a; BC[$j]=n/a; row "batch-$BATCH_N" "gongwen -j$j" n/a n/a n/a "" "" "" "$M_WHY"; fi
  done
  # The serial part: the same batch again, everything up to date (the parent loads, validates and
  # hashes every record and output, as before forking in a fresh run).
  KEEP=1 measure "$RUNS" "$OUT/batch-j2/" "$GW" batch "$WORK/cases" -o "$OUT/batch-j2" -j 2 -q
  SER=n/a; [ "$M_OK" = 1 ] && SER=$M_CPU
  est=$(awk -v t="${BC[1]}" -v s="$SER" 'BEGIN{ if (t == "n/a" || s == "n/a" || t <= 0) print "n/a";
          else printf "%.2f", t / (s + (t - s) / 2) }')
  r=$(ratio "${BS[1]}" "${BS[2]}")
  row "batch-$BATCH_N" "-j1÷-j2" "" "" "" "$(xtimes "$r")" "-j2 ≥1.7× faster" "$(met "$r" ge 1.7)" \
      "wall, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); on idle cores ≈$(xtimes "$est") (Amdahl: serial part = the up-to-date rerun, ${SER} s CPU of ${BC[1]} s)"
  # Memory: a 10-record batch against the big one (largest single process: parent or a worker).
  rm -rf "$WORK/cases10"; python3 "$HERE/gen_fo.py" --cases "$SAMPLE" 10 "$WORK/cases10"
  measure "$RUNS" "$OUT/batch10/" "$GW" batch "$WORK/cases10" -o "$OUT/batch10" -j 1 -q
  k10=$M_KB
  row "batch-10 memory" "gongwen -j1" "$M_S" "$M_CPU" "$M_MB" "" "" "" "20 PDFs; peak $M_KB KB"
  r=$(ratio "${BK[1]:-n/a}" "$k10")
  row "batch-$BATCH_N memory" "gongwen -j1" "" "" "${BM[1]:-n/a}" "$(xtimes "$r")" "≤1.1× batch-10 peak" "$(met "$r" le 1.1)" \
      "peak RSS of the largest process, $BATCH_N records vs 10: ${BK[1]:-n/a} vs $k10 KB"
else
  echo "bench: batch section skipped: $BATCH_STATE"
  row "batch-$BATCH_N per doc" "gongwen -j1" n/a n/a n/a n/a "≤1.3× floor per doc" n/a "skipped: $BATCH_STATE"
  row "batch-$BATCH_N" "-j1÷-j2" n/a n/a n/a n/a "-j2 ≥1.7× faster" n/a "skipped: $BATCH_STATE"
  row "batch-$BATCH_N memory" "gongwen -j1" n/a n/a n/a n/a "≤1.1× batch-10 peak" n/a "skipped: $BATCH_STATE"
fi

# --- per-document cost by font configuration ---------------------------------------------------
# CONF_N records (2 documents each) at -j1 against the floor making, with the same fonts, (a)
# 2×CONF_N one-page notices and (b) the same text as gongwen's documents (pdftotext of the
# sample's PDFs, page for page).
if [ "$BATCH_STATE" = ok ] && [ -n "$FLOOR" ]; then
  trash "$WORK/cases-conf"; python3 "$HERE/gen_fo.py" --cases "$SAMPLE" "$CONF_N" "$WORK/cases-conf"
  ND=$((CONF_N * 2))
  declare -A GPD
  for c in "${CONFS[@]}"; do
    n=$(conf_field "$c" 0)
    echo "bench: per document, fonts $n"
    mapfile -t pdfs < <(find "$OUT/render-$n" -name '*.pdf' | sort)
    rm -f "$WORK/same-$n.txt"
    [ ${#pdfs[@]} -gt 0 ] && python3 "$HERE/gen_fo.py" --floor-text "$WORK/same-$n.txt" "$ND" "${pdfs[@]}"
    measure "$RUNS" "$OUT/floor-$n/" env "${FLENV[$n]}" "$FLOOR" "${FLOOR_ROLES[@]}" notices "$WORK/notices.txt" "$OUT/floor-$n" "$ND"
    f1=n/a; f1c=n/a
    if [ "$M_OK" = 1 ]; then fd=$(find "$OUT/floor-$n" -name '*.pdf' | wc -l); f1=$(per "$M_S" "$fd"); f1c=$(per "$M_CPU" "$fd")
      row "per doc [$n]" "floor one-page" "$f1" "$f1c" "$M_MB" "" "" "" "$fd PDFs ($(pdfpages "$OUT/floor-$n") pp); fonts: $(docfonts "$OUT/floor-$n")"
    else row "per doc [$n]" "floor one-page" n/a n/a n/a "" "" "" "$M_WHY"; fi
    f2=n/a; f2c=n/a
    if [ -s "$WORK/same-$n.txt" ]; then
      measure "$RUNS" "$OUT/floor-same-$n/" env "${FLENV[$n]}" "$FLOOR" "${FLOOR_ROLES[@]}" notices "$WORK/same-$n.txt" "$OUT/floor-same-$n" "$ND"
      if [ "$M_OK" = 1 ]; then fd=$(find "$OUT/floor-same-$n" -name '*.pdf' | wc -l); f2=$(per "$M_S" "$fd"); f2c=$(per "$M_CPU" "$fd")
        row "per doc [$n]" "floor same text" "$f2" "$f2c" "$M_MB" "" "" "" "$fd PDFs ($(pdfpages "$OUT/floor-same-$n") pp); fonts: $(docfonts "$OUT/floor-same-$n")"
      else row "per doc [$n]" "floor same text" n/a n/a n/a "" "" "" "$M_WHY"; fi
    fi
    env "${GWENV[$n]}" "$GW" batch "$WORK/cases1" -o "$OUT/batch-warm-$n" -j 1 -q >/dev/null 2>&1  # font caches
    measure "$RUNS" "$OUT/gw-$n/" env "${GWENV[$n]}" "$GW" batch "$WORK/cases-conf" -o "$OUT/gw-$n" -j 1 -q
    if [ "$M_OK" = 1 ]; then
      docs=$(find "$OUT/gw-$n" -name '*.pdf' | wc -l)
      pd=$(per "$M_S" "$docs"); pdc=$(per "$M_CPU" "$docs"); GPD[$n]=$pd
      r=$(ratio "$pd" "$f1")
      gain=""; [ "$n" != noto-full ] && gain="; $(xtimes "$(ratio "${GPD[noto-full]:-n/a}" "$pd")") less than [noto-full]"
      # ratio to the one-page floor; the target itself is judged on the batch-1000 rows above
      row "per doc [$n]" "gongwen -j1" "$pd" "$pdc" "$M_MB" "$(xtimes "$r")" "" "" \
          "$docs PDFs ($(pdfpages "$OUT/gw-$n") pp); ÷floor same text $(xtimes "$(ratio "$pd" "$f2")") (CPU $(xtimes "$(ratio "$pdc" "$f2c")"))$gain; fonts: $(docfonts "$OUT/gw-$n")"
    else row "per doc [$n]" "gongwen -j1" n/a n/a n/a "" "" "" "$M_WHY"; fi
  done
fi

# --- instruction counts per document ------------------------------------------------------------
# gongwen render of 1 and 1+K records in one process (what a batch worker does) and the floor on
# the same text (2 and 2+2K documents): the difference ÷ 2K is the cost of one more document,
# start-up excluded; wall time is noisy on a loaded machine, instruction counts are not.
if [ "$CALLGRIND" = 1 ] && [ "$BATCH_STATE" = ok ] && [ -n "$FLOOR" ]; then
  K=${BENCH_CG_K:-5}
  rm -rf "$WORK/cases-cg"; python3 "$HERE/gen_fo.py" --cases "$SAMPLE" $((K + 1)) "$WORK/cases-cg"
  for n in ${BENCH_CG_CONFS:-default}; do
    [ -n "${FLENV[$n]:-}" ] || continue
    mapfile -t pdfs < <(find "$OUT/render-$n" -name '*.pdf' | sort)
    [ ${#pdfs[@]} -gt 0 ] || continue
    python3 "$HERE/gen_fo.py" --floor-text "$WORK/same-cg-$n.txt" $((2 + 2 * K)) "${pdfs[@]}"
    echo "bench: per document under callgrind, fonts $n"
    rm -rf "$OUT/cg"; mkdir -p "$OUT/cg"
    g1=$(callgrind_ir "$WORK/cg/r1" env "${GWENV[$n]}" "$GW" render "$WORK/cases-cg/case-0001.xml" -o "$OUT/cg/a" -q)
    g2=$(callgrind_ir "$WORK/cg/rk" env "${GWENV[$n]}" "$GW" render "$WORK"/cases-cg/*.xml -o "$OUT/cg/b" -q)
    rm -rf "$OUT/cg/f1" "$OUT/cg/f2"; mkdir -p "$OUT/cg/f1" "$OUT/cg/f2"
    s1=$(callgrind_ir "$WORK/cg/f1" env "${FLENV[$n]}" "$FLOOR" "${FLOOR_ROLES[@]}" notices "$WORK/same-cg-$n.txt" "$OUT/cg/f1" 2)
    s2=$(callgrind_ir "$WORK/cg/f2" env "${FLENV[$n]}" "$FLOOR" "${FLOOR_ROLES[@]}" notices "$WORK/same-cg-$n.txt" "$OUT/cg/f2" $((2 + 2 * K)))
    gd=$(awk -v a="$g1" -v b="$g2" -v k=$((2 * K)) 'BEGIN{ if (a == "n/a" || b == "n/a") print "n/a"; else printf "%.0f", (b - a) / k }')
    sd=$(awk -v a="$s1" -v b="$s2" -v k=$((2 * K)) 'BEGIN{ if (a == "n/a" || b == "n/a") print "n/a"; else printf "%.0f", (b - a) / k }')
    r=$(ratio "$gd" "$sd")
    row "per doc (Ir) [$n]" "gongwen÷floor same text" "" "" "" "$(xtimes "$r")" "≤1.3× floor per doc" "$(met "$r" le 1.3)" \
        "instructions per extra document: gongwen $(gir "$gd"), floor $(gir "$sd"); start-up: gongwen $(gir "$(awk -v a="$g1" -v d="$gd" 'BEGIN{ if (a == "n/a" || d == "n/a") print "n/a"; else printf "%.0f", a - 2 * d }')")"
  done
fi

# --- report ----------------------------------------------------------------------------------
ELAPSED=$(awk -v a="$START" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.0f", b - a}')
{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), load at the end $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each (median wall and CPU, max peak RSS), $ELAPSED s in all."
  echo "gongwen: $("$GW" --version 2>/dev/null || echo n/a); FOP: $("$FOP" -version 2>/dev/null | grep -m1 -o 'FOP Version.*' || echo n/a)"
  echo
  echo "| case | tool | median s | cpu s | peak MB | ratio | target | met | note |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |"
  for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
  echo
  echo "Font configurations: "
  for c in "${CONFS[@]}"; do echo "- [$(conf_field "$c" 0)] $(conf_field "$c" 3)"; done
} >"$WORK/results.md"
printf '%s\n' "${ROWS[@]}" | tr '|' '\t' >"$WORK/results.tsv"
echo
python3 - "$WORK/results.tsv" <<'PY'
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = [["case", "tool", "median s", "cpu s", "peak MB", "ratio", "target", "met", "note"]]
rows += [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
width = [max(w(r[i]) for r in rows) for i in range(8)]
for r in rows:
    cells = [(" " * (width[i] - w(c)) + c) if i in (2, 3, 4, 5) else c + " " * (width[i] - w(c))
             for i, c in enumerate(r[:8])]
    print("  ".join(cells + r[8:]).rstrip())
PY
echo
rm -rf "$TRASH"
echo "bench: $ELAPSED s; results in $WORK/results.md; outputs in $OUT"
