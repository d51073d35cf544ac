#!/bin/bash
# tests/cli/run.sh — the command line, end to end through the real binary: render, batch
# (failures, interruption and resume, a killed worker, incremental builds, --combine,
# --shard, collisions, unwritable output), manifest, import, fonts, --help and exit codes,
# and `make install` into a scratch prefix.
# Prints one line per test: "ok - NAME" or "not ok - NAME: why"; "#" lines are notes.
# Env: GW (binary under test), TOP (repo root), WORK (scratch directory), GW_LABEL.
. "$TOP/tests/lib.sh"
t_plan 104 asan=97
export GONGWEN_DATADIR="$TOP"
D="$TOP/tests/cli"
cd "$WORK" || exit 2

# run CMD… : runs the command, keeping stdout, stderr and the exit status in $WORK.
run() {
  "$@" >"$WORK/out" 2>"$WORK/err"
  echo $? >"$WORK/rc"
}

# check NAME RC [TEXT…] : the last run exited with RC and its stdout+stderr has every TEXT.
check() {
  local name=$1 want=$2 got
  shift 2
  got=$(cat "$WORK/rc")
  if [ "$got" != "$want" ]; then
    t_fail "$name" "exit $got, want $want: $(cat "$WORK/err" "$WORK/out" | head -c 400 | tr '\n' ' ')"
    return 1
  fi
  for text in "$@"; do
    if ! cat "$WORK/out" "$WORK/err" | grep -qF -- "$text"; then
      t_fail "$name" "output lacks '$text': $(cat "$WORK/err" "$WORK/out" | head -c 400 | tr '\n' ' ')"
      return 1
    fi
  done
  t_ok "$name"
}

# pdfs DIR : the number of PDF files in DIR.
pdfs() { find "$1" -maxdepth 1 -name '*.pdf' | wc -l; }
# temps DIR : the number of temporary files left in DIR.
# temps DIR : hidden files in DIR (the engine's and the manifest's temporary files are hidden;
# a finished or interrupted batch leaves none)
temps() { find "$1" -mindepth 1 -maxdepth 1 -name '.*' | wc -l; }
# pages PDF : its page count (pdfinfo).
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
# manifest_docs FILE : "output<TAB>status<TAB>pages<TAB>sha256" per document of a manifest.
manifest_docs() {
  python3 - "$1" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {'m': 'urn:gongwen:manifest:1'}
for d in ET.parse(sys.argv[1]).getroot().findall('m:document', ns):
    print('\t'.join((d.get('output', '-'), d.get('status'), d.get('pages', '-'), d.get('sha256', '-'))))
EOF
}

# Records for the batch tests: the sample cases beside copies of the regimes (the case
# stylesheets read ../regime-*.xml), as a corpus of N generated cases in $1/gen.
corpus() {
  rm -rf "$1"; mkdir -p "$1"
  cp "$TOP"/xml/regime-*.xml "$1"/
  bash "$D/gen-cases.sh" "$TOP/xml/cases" "$1/gen" "$2"
}

# ------------------------------------------------------------------ help and exit codes
for cmd in render batch fonts import; do
  run "$GW" "$cmd" --help
  check "$cmd --help" 0 "gongwen $cmd" "Exit status"
  run "$GW" "$cmd" --no-such-option
  check "$cmd: unknown option is a usage error (2)" 2
done
run "$GW" render
check "render without FILE: usage error" 2 "no FILE given"
run "$GW" batch xml --shard 3/2
check "batch --shard 3/2: usage error" 2 "expected K/N"
run "$GW" batch xml -j 0 --combine x.ps
check "batch --combine x.ps: usage error" 2 ".pdf"
run "$GW" import "$D/cases.csv"
check "import without -o: usage error" 2 "no -o DIR"

# ------------------------------------------------------------------ render
CASE="$TOP/xml/cases/case-2015-014-wire.xml"
run "$GW" render "$CASE" -o "$WORK/render"
if check "render a case: exit 0" 0 "page"; then
  order=$(find "$WORK/render" -name '责令整改通知书-*.pdf' | head -1)
  receipt=$(find "$WORK/render" -name '送达回证-*.pdf' | head -1)
  if [ -n "$order" ] && [ -n "$receipt" ] && [ "$(pages "$order")" -ge 1 ] \
     && [ "$(pages "$receipt")" -ge 1 ]; then
    t_ok "render a case gives the order ($(pages "$order") p.) and the receipt ($(pages "$receipt") p.)"
  else
    t_fail "render a case gives the order and the receipt" "$(ls "$WORK/render" | tr '\n' ' ')"
  fi
  [ "$(temps "$WORK/render")" = 0 ] && t_ok "render leaves no temporary file" \
    || t_fail "render leaves no temporary file" "$(ls -a "$WORK/render" | tr '\n' ' ')"
  # the receipt's table: every cell side is drawn, the solid ones collected into few stroked
  # paths (src/render/render.c collects lines of one colour and width across the cells' text
  # until a fill, an underline or the end of the page), not one stroke each
  if [ -n "$receipt" ] && qpdf --qdf --object-streams=disable "$receipt" "$WORK/receipt.qdf.pdf" 2>/dev/null; then
    strokes=$(grep -a -c ' S$' "$WORK/receipt.qdf.pdf")
    segs=$(grep -a -o ' l ' "$WORK/receipt.qdf.pdf" | wc -l)
    segs=$((segs + $(grep -a -c ' l$' "$WORK/receipt.qdf.pdf")))
    if [ "$segs" -ge 60 ] && [ "$strokes" -ge 1 ] && [ $((strokes * 3)) -le "$segs" ]; then
      t_ok "receipt table: $segs line segments in $strokes strokes"
    else
      t_fail "receipt table: segments batched into few strokes" "$segs segments, $strokes strokes"
    fi
  fi
fi

# one worker makes three orders: each cites the regime it read with document() — the first
# order through the loader, the next two from the stylesheet's cached copy placed in the
# transformation's document list (src/transform/transform.c tf_docs_preload)
rm -rf "$WORK/regtwice"; mkdir -p "$WORK/regtwice/in/cases"; cp "$TOP"/xml/regime-*.xml "$WORK/regtwice/in/"
for i in 1 2 3; do
  sed "s/id=\"case-2015-014\"/id=\"case-2015-01$i\"/; s/serial=\"14\"/serial=\"4$i\"/" "$CASE" \
    >"$WORK/regtwice/in/cases/c$i.xml"
done
run "$GW" batch "$WORK/regtwice/in/cases" -o "$WORK/regtwice/out" -j 1 -q
cited=0
for f in "$WORK"/regtwice/out/责令整改通知书-*.pdf; do
  pdftotext "$f" - 2>/dev/null | tr -d '\n ' | grep -q '《事中事后监督管理制度（六）产品质量监督抽查监管》' && cited=$((cited + 1))
done
[ "$(cat "$WORK/rc")" = 0 ] && [ "$cited" = 3 ] && t_ok "one worker, three orders: each cites the regime read with document()" \
  || t_fail "one worker, three orders: each cites the regime read with document()" "exit $(cat "$WORK/rc"), $cited of 3 cite it"

# outputs get the mode of any new file (0666 less the umask), not a temporary file's 0600:
# the filed PDFs are read by the office
for um in 022 027; do
  rm -rf "$WORK/mode$um"
  (umask $um; "$GW" render "$CASE" -o "$WORK/mode$um" -q >/dev/null 2>&1; \
   "$GW" batch "$TOP/xml/cases/case-2015-017-plywood.xml" -o "$WORK/mode$um/b" -q >/dev/null 2>&1)
  want=$(printf '%o' $((0666 & ~0$um)))
  modes=$(find "$WORK/mode$um" -name '*.pdf' -exec stat -c %a {} + | sort -u | tr '\n' ' ')
  n=$(find "$WORK/mode$um" -name '*.pdf' | wc -l)
  [ "$n" = 4 ] && [ "$modes" = "$want " ] && t_ok "render and batch under umask $um write mode $want PDFs" \
    || t_fail "render and batch under umask $um write mode $want PDFs" "$n PDFs, modes: $modes"
done

run "$GW" render --xsl "$D/tiny.xsl" --param "note=参数值-42" --png "$CASE" -o "$WORK/tiny"
if check "render --xsl --param --png" 0; then
  pdf="$WORK/tiny/case-2015-014-wire.pdf"
  if [ -f "$pdf" ] && pdftotext "$pdf" - 2>/dev/null | grep -q '参数值-42'; then
    t_ok "render --xsl: the stylesheet parameter reaches the page"
  else
    t_fail "render --xsl: the stylesheet parameter reaches the page" "$(ls "$WORK/tiny" | tr '\n' ' ')"
  fi
  n=$(pages "$pdf")
  [ -n "$n" ] && [ "$(find "$WORK/tiny" -name 'case-2015-014-wire-*.png' | wc -l)" = "$n" ] \
    && t_ok "render --png: one PNG per page ($n)" || t_fail "render --png: one PNG per page" \
    "$(ls "$WORK/tiny" | tr '\n' ' ')"
fi
run "$GW" render --param novalue "$CASE" -o "$WORK/tiny"
check "render --param without '=': usage error" 2 "expected NAME=VALUE"

run "$GW" render "$TOP/xsl/documents.xml" -o "$WORK/render-bad"
check "render of a non-record: exit 1" 1 "not a gongwen record"

# ------------------------------------------------------------------ batch: one bad record
C="$WORK/corpus"
corpus "$C" 6
cp "$TOP/xsl/documents.xml" "$C/gen/zz-not-a-record.xml"          # skipped silently
sed 's|<legal-representative>[^<]*</legal-representative>||' "$C/gen/case-gen-00002.xml" \
  > "$C/gen/case-gen-00002b.xml"                                  # schema error
sed -i 's/id="gen-00002"/id="gen-00002b"/; s/serial="1002"/serial="1902"/' "$C/gen/case-gen-00002b.xml"
run "$GW" batch "$C/gen" -o "$WORK/b1" -j 2
check "batch with a bad record: exit 1, summary lists it" 1 "12 documents written" \
  "0 failed" "(7 records, 1 not valid: its documents were not made" "failed:" \
  "case-gen-00002b.xml" "1 other file skipped"
grep -qE "case-gen-00002b\.xml:[0-9]+: " "$WORK/err" \
  && t_ok "batch: the bad record's error is FILE:LINE: message" \
  || t_fail "batch: the bad record's error is FILE:LINE: message" "$(head -c 300 "$WORK/err")"
[ "$(pdfs "$WORK/b1")" = 12 ] && t_ok "batch: the good records are written (12 PDFs)" \
  || t_fail "batch: the good records are written" "$(pdfs "$WORK/b1") PDFs"
grep -q "法定代表人" "$WORK/out" && ! grep -q "legal-representative" "$WORK/out" \
  && t_ok "batch summary: the bad record's field by its label, no element name" \
  || t_fail "batch summary: the field by its label" "$(grep -A3 failed: "$WORK/out" | head -4)"
run "$GW" batch "$C/gen" -o "$WORK/b1c" -j 2 --combine "$WORK/b1c.pdf"
check "--combine with a bad record: no print file, says --combine-partial" 1 "--combine-partial"
[ ! -f "$WORK/b1c.pdf" ] && t_ok "--combine with a bad record: no print file" || t_fail "--combine with a bad record" "written"
run "$GW" batch "$C/gen" -o "$WORK/b1c" -j 2 --combine "$WORK/b1c.pdf" --combine-partial
check "--combine-partial: the print file of the documents made, the missing named" 1 \
  "b1c.pdf: missing the documents of" "case-gen-00002b.xml (not a valid record)"
[ -f "$WORK/b1c.pdf" ] && [ "$(pages "$WORK/b1c.pdf")" -ge 12 ] && t_ok "--combine-partial: the print file is there" \
  || t_fail "--combine-partial: the print file is there" "$(ls "$WORK" | grep b1c)"
run "$GW" batch "$C/gen" -o "$WORK/b1c" --combine-partial
check "--combine-partial without --combine: usage error" 2
grep -q 'zz-not-a-record' "$WORK/err" \
  && t_fail "batch: a non-record file is skipped silently" "it was reported" \
  || t_ok "batch: a non-record file is skipped silently"

# manifest
M="$WORK/b1/manifest.xml"
if xmllint --noout "$M" 2>/dev/null; then
  t_ok "manifest.xml is well-formed"
  manifest_docs "$M" > "$WORK/mdocs"
  [ "$(grep -cP '\twritten\t' "$WORK/mdocs")" = 12 ] && [ "$(grep -cP '\tfailed\t' "$WORK/mdocs")" = 1 ] \
    && t_ok "manifest lists 12 written and 1 failed" \
    || t_fail "manifest lists 12 written and 1 failed" "$(head -c 300 "$WORK/mdocs")"
  IFS=$'\t' read -r name _ _ sum < <(grep -P '\twritten\t' "$WORK/mdocs" | head -1)
  [ "$(sha256sum "$WORK/b1/$name" | cut -d' ' -f1)" = "$sum" ] \
    && t_ok "manifest SHA-256 matches the file" || t_fail "manifest SHA-256 matches the file" "$name"
  # with two workers holding two jobs each, every result went to its own job
  bad=$(grep -P '\twritten\t' "$WORK/mdocs" | while IFS=$'\t' read -r name _ np sum; do
    [ "$(sha256sum "$WORK/b1/$name" | cut -d' ' -f1)" = "$sum" ] && [ "$(pages "$WORK/b1/$name")" = "$np" ] \
      || echo "$name"; done)
  [ -z "$bad" ] && t_ok "manifest: every written document's SHA-256 and page count match its file (-j 2)" \
    || t_fail "manifest: every document's SHA-256 and page count match its file" "$bad"
else
  t_fail "manifest.xml is well-formed" "$(xmllint --noout "$M" 2>&1 | head -3)"
fi

# ------------------------------------------------------------------ incremental
rm -f "$C/gen/case-gen-00002b.xml"
DATA="$WORK/data"                        # a private data directory whose stylesheets we edit
mkdir -p "$DATA/xml"
cp -r "$TOP/xsl" "$TOP/fonts" "$DATA/"
cp -r "$TOP/xml/schema" "$DATA/xml/"
GONGWEN_DATADIR="$DATA" run "$GW" batch "$C/gen" -o "$WORK/inc" -j 2
check "incremental: first run" 0 "12 documents written"
GONGWEN_DATADIR="$DATA" run "$GW" batch "$C/gen" -o "$WORK/inc" -j 2
check "incremental: second run skips everything" 0 "0 documents written, 12 up to date"
sed -i 's/<\/p>/ 复查。<\/p>/' "$C/gen/case-gen-00003.xml"
GONGWEN_DATADIR="$DATA" run "$GW" batch "$C/gen" -o "$WORK/inc" -j 2
check "incremental: an edited record rebuilds its 2 documents" 0 "2 documents written, 10 up to date"
echo '<!-- edited -->' >> "$(ls "$C"/regime-7-*.xml)"
GONGWEN_DATADIR="$DATA" run "$GW" batch "$C/gen" -o "$WORK/inc" -j 2
check "incremental: an edited regime rebuilds the documents of its 2 cases" 0 \
  "4 documents written, 8 up to date"
echo '<!-- edited -->' >> "$DATA/xsl/case-receipt.xsl"
GONGWEN_DATADIR="$DATA" run "$GW" batch "$C/gen" -o "$WORK/inc" -j 2
check "incremental: an edited stylesheet rebuilds everything" 0 "12 documents written, 0 up to date"
rm -f "$WORK/inc/"送达回证-*1001号*.pdf
GONGWEN_DATADIR="$DATA" run "$GW" batch "$C/gen" -o "$WORK/inc" -j 2
check "incremental: a deleted output is made again" 0 "1 document written, 11 up to date"
GONGWEN_DATADIR="$DATA" run "$GW" batch "$C/gen" -o "$WORK/inc" -j 2 --force -q
check "incremental: --force rebuilds all" 0
[ ! -s "$WORK/out" ] && [ ! -s "$WORK/err" ] && t_ok "batch --quiet prints nothing on success" \
  || t_fail "batch --quiet prints nothing on success" "$(head -c 200 "$WORK/out" "$WORK/err")"

# ------------------------------------------------------------------ --combine
run "$GW" batch "$C/gen" -o "$WORK/inc" --combine "$WORK/all.pdf"
if check "batch --combine" 0 "each document starts on a right-hand page"; then
  # expected: documents in manifest order, a blank after every odd one but the last
  read -r want starts < <(manifest_docs "$WORK/inc/manifest.xml" | awk -F'\t' '
    { p[NR] = $3 } END { t = 0; s = ""; for (i = 1; i <= NR; i++) { s = s (t + 1) ",";
      t += p[i]; if (p[i] % 2 && i < NR) t++ } print t, s }')
  got=$(pages "$WORK/all.pdf")
  [ "$got" = "$want" ] && t_ok "combine: $got pages = documents + blank pages" \
    || t_fail "combine: page count" "pdfinfo says $got, want $want"
  odd=1
  for s in ${starts//,/ }; do [ $((s % 2)) = 1 ] || odd=0; done
  [ "$odd" = 1 ] && t_ok "combine: every document starts on an odd (right-hand) page" \
    || t_fail "combine: every document starts on an odd page" "starts $starts"
  first=${starts%%,*}; rest=${starts#*,}; second=${rest%%,*}
  if [ $((second - first)) -ge 2 ] && [ $(( (second - first) % 2 )) = 0 ]; then
    blank=$((second - 1))
    txt=$(pdftotext -f "$blank" -l "$blank" "$WORK/all.pdf" - 2>/dev/null | tr -d ' \n\f')
    [ -z "$txt" ] && t_ok "combine: the inserted page $blank is blank (no number)" \
      || t_fail "combine: the inserted page is blank" "page $blank has '$txt'"
  fi
fi

# ------------------------------------------------------------------ --shard
for k in 1 2 3; do
  run "$GW" batch "$C/gen" -o "$WORK/shard" --shard "$k/3" -j 1 -q
  [ "$(cat rc)" = 0 ] || t_fail "shard $k/3" "exit $(cat rc): $(head -c 300 err)"
done
cat "$WORK"/shard/manifest-*-of-3.xml > /dev/null 2>&1 && {
  for k in 1 2 3; do manifest_docs "$WORK/shard/manifest-$k-of-3.xml"; done | cut -f1 \
    | sort > "$WORK/shard-docs"
  manifest_docs "$WORK/inc/manifest.xml" | cut -f1 | sort > "$WORK/all-docs"
  if cmp -s "$WORK/shard-docs" "$WORK/all-docs" && [ "$(uniq -d "$WORK/shard-docs" | wc -l)" = 0 ]; then
    t_ok "shards 1/3 2/3 3/3 cover every document exactly once ($(wc -l < "$WORK/shard-docs"))"
  else
    t_fail "shards cover every document exactly once" "$(diff "$WORK/all-docs" "$WORK/shard-docs" | head -5 | tr '\n' ' ')"
  fi
}
run "$GW" batch "$C/gen" -o "$WORK/shard"
check "after the shards, a whole run finds everything up to date" 0 "0 documents written, 12 up to date"

# ------------------------------------------------------------------ collision
mkdir -p "$WORK/coll/a" "$WORK/coll/b"
cp "$C/gen/case-gen-00001.xml" "$WORK/coll/a/x.xml"
cp "$C/gen/case-gen-00001.xml" "$WORK/coll/b/y.xml"
cp "$TOP"/xml/regime-6-*.xml "$WORK/coll/"
run "$GW" batch "$WORK/coll" -o "$WORK/coll-out"
check "two records with one output name: error" 1 "is also made from" "nothing was written"
[ "$(pdfs "$WORK/coll-out")" = 0 ] && t_ok "collision: nothing was written" \
  || t_fail "collision: nothing was written" "$(pdfs "$WORK/coll-out") PDFs"

# ------------------------------------------------------------------ unwritable output
echo x > "$WORK/a-file"
run "$GW" batch "$C/gen" -o "$WORK/a-file/out"
check "output folder that cannot be created: exit 1" 1 "cannot create the output folder"
if [ "$(id -u)" != 0 ]; then
  mkdir -p "$WORK/ro"; chmod 555 "$WORK/ro"
  run "$GW" batch "$C/gen" -o "$WORK/ro"
  check "read-only output folder: exit 1" 1 "cannot write into the output folder"
  chmod 755 "$WORK/ro"
fi

# ------------------------------------------------------------------ interrupted, resumed
I="$WORK/intr"
corpus "$I" 30
"$GW" batch "$I/gen" -o "$I/out" -j 2 >"$WORK/intr.out" 2>"$WORK/intr.err" &
pid=$!
for _ in $(seq 2400); do   # up to 2 minutes on a busy machine
  [ "$(find "$I/out" -maxdepth 1 -name '*.pdf' 2>/dev/null | wc -l)" -ge 2 ] && break
  sleep 0.05
done
kill -TERM "$pid" 2>/dev/null
wait "$pid"; rc=$?
made=$(pdfs "$I/out")
if [ "$rc" = 143 ] && [ "$made" -lt 60 ]; then
  t_ok "SIGTERM stops the batch ($made of 60 made, died of SIGTERM)"
else
  t_fail "SIGTERM stops the batch" "exit $rc, $made of 60 made: $(tail -c 300 "$WORK/intr.out")"
fi
[ "$(temps "$I/out")" = 0 ] && t_ok "interrupted: no temporary file left" \
  || t_fail "interrupted: no temporary file left" "$(ls -A "$I/out" | grep '^\.' | head -3)"
grep -q "interrupted:" "$WORK/intr.out" && t_ok "interrupted: the summary says so" \
  || t_fail "interrupted: the summary says so" "$(tail -c 200 "$WORK/intr.out")"
run "$GW" batch "$I/gen" -o "$I/out" -j 2
if check "rerun after interruption completes" 0 "0 failed"; then
  [ "$(pdfs "$I/out")" = 60 ] && ! grep -q " 0 up to date" out \
    && t_ok "rerun resumes (kept the finished documents, all 60 present)" \
    || t_fail "rerun resumes" "$(pdfs "$I/out") PDFs; $(tail -1 out)"
fi
# every PDF is complete
bad=0
for f in "$I"/out/*.pdf; do pdfinfo "$f" >/dev/null 2>&1 || bad=$((bad + 1)); done
[ "$bad" = 0 ] && t_ok "after interruption and resume every PDF is complete" \
  || t_fail "after interruption every PDF is complete" "$bad broken"

# ------------------------------------------------------------------ a killed worker
"$GW" batch "$I/gen" -o "$I/kill" -j 1 >"$WORK/kill.out" 2>"$WORK/kill.err" &
pid=$!
victim=""
for _ in $(seq 2400); do   # up to 2 minutes on a busy machine
  if [ "$(find "$I/kill" -maxdepth 1 -name '*.pdf' 2>/dev/null | wc -l)" -ge 1 ]; then
    victim=$(awk -v p="$pid" '$4 == p { print $1; exit }' /proc/[0-9]*/stat 2>/dev/null)
    [ -n "$victim" ] && break
  fi
  sleep 0.05
done
[ -n "$victim" ] && kill -KILL "$victim"
wait "$pid"; rc=$?
if [ -z "$victim" ]; then
  t_fail "a killed worker loses one document" "no worker found to kill"
elif [ "$rc" = 1 ] && grep -q "1 failed" "$WORK/kill.out" && grep -q "killed by signal 9" "$WORK/kill.out" \
     && { [ "$(pdfs "$I/kill")" = 59 ] || [ "$(pdfs "$I/kill")" = 60 ]; }; then
  # 60 when the worker died between renaming its PDF into place and reporting it: the file is
  # complete, the job counts as failed and the rerun makes it again
  t_ok "a killed worker loses only its document ($(pdfs "$I/kill") of 60 PDFs, 1 failed, exit 1)"
else
  t_fail "a killed worker loses only its document" "exit $rc, $(pdfs "$I/kill") PDFs: $(tail -c 300 "$WORK/kill.out")"
fi
[ "$(temps "$I/kill")" = 0 ] && t_ok "a killed worker's temporary file is removed by the batch" \
  || t_fail "a killed worker's temporary file is removed" "$(ls -A "$I/kill" | grep '^\.' | head -3)"
run "$GW" batch "$I/gen" -o "$I/kill" -j 1
check "rerun after a killed worker makes the lost document" 0 "1 document written, 59 up to date"

# ------------------------------------------------------------------ leftovers of a batch killed -9
# temporary files of processes that no longer run, older than an hour, are removed by the next
# batch into the folder; a live process's, a fresh one and a file not of ours stay
sleep 0 & dead=$!; wait "$dead"
touch -d '2 hours ago' "$I/kill/.a.pdf.$dead.Xy12Zq.tmp" "$I/kill/.manifest.xml.$dead.tmp" \
  "$I/kill/.a.pdf.$$.Xy12Zq.tmp" "$I/kill/.notes.$dead.txt"
touch "$I/kill/.b.pdf.$dead.Ab34Cd.tmp"
run "$GW" batch "$I/gen" -o "$I/kill" -j 1
left=$(ls -A "$I/kill" | grep '^\.' | sort | tr '\n' ' ')
want=$(printf '%s\n' ".a.pdf.$$.Xy12Zq.tmp" ".b.pdf.$dead.Ab34Cd.tmp" ".notes.$dead.txt" | sort | tr '\n' ' ')
[ "$left" = "$want" ] && t_ok "stale temporary files of dead runs are swept, live and fresh ones kept" \
  || t_fail "stale temporary files swept" "left: $left; want: $want"
rm -f "$I/kill/".[a-z]*

# ------------------------------------------------------------------ a document too slow
mkdir -p "$WORK/slow"
cp "$CASE" "$WORK/slow/"
start=$(date +%s)
run "$GW" batch --xsl "$D/slow.xsl" "$WORK/slow" -o "$WORK/slow-out" --timeout 1
check "--timeout: a document that takes too long fails, its worker is replaced" 1 \
  "stopped after 1 s" "1 failed"
[ $(( $(date +%s) - start )) -le 20 ] && [ "$(temps "$WORK/slow-out")" = 0 ] \
  && t_ok "--timeout: stopped in time, no temporary file left" \
  || t_fail "--timeout: stopped in time, no temporary file left" "$(( $(date +%s) - start )) s"

# ------------------------------------------------------------------ two jobs per worker
# A worker holds two jobs: the one it makes and the next, already sent. slow.xsl makes a
# record's document slow, or quick for an id "quick-…", or about half a second for "medium-…".
# slowrec DIR NAME ID : the sample case as DIR/NAME.xml with the id ID.
slowrec() { mkdir -p "$1"; sed "0,/ id=\"[^\"]*\"/s// id=\"$3\"/" "$CASE" > "$1/$2.xml"; }
# worker_of PID : the pid of a child process of PID (the batch's worker), waiting for it.
worker_of() {
  local w=""
  for _ in $(seq 2400); do   # up to 2 minutes on a busy machine
    w=$(awk -v p="$1" '$4 == p { print $1; exit }' /proc/[0-9]*/stat 2>/dev/null)
    [ -n "$w" ] && break
    sleep 0.05
  done
  echo "$w"
}

# killed while its slow first document is made, with the next one queued behind: only the
# slow one fails, the queued one and the rest are made by the replacement worker
P="$WORK/pipe-kill"
slowrec "$P" a slow-a; slowrec "$P" b quick-b; slowrec "$P" c quick-c
"$GW" batch --xsl "$D/slow.xsl" "$P" -o "$P-out" -j 1 >"$WORK/pk.out" 2>"$WORK/pk.err" &
pid=$!
victim=$(worker_of "$pid")
sleep 0.3
[ -n "$victim" ] && kill -KILL "$victim"
wait "$pid"; rc=$?
if [ -z "$victim" ]; then
  t_fail "-j 1, worker killed with a job queued: only its document fails" "no worker found to kill"
elif [ "$rc" = 1 ] && grep -q "1 failed" "$WORK/pk.out" && grep -q "2 documents written" "$WORK/pk.out" \
     && grep -q "a.xml: the worker process making 'a.pdf' killed by signal 9" "$WORK/pk.err" \
     && [ "$(pdfs "$P-out")" = 2 ] && [ -f "$P-out/b.pdf" ] && [ -f "$P-out/c.pdf" ] \
     && [ "$(temps "$P-out")" = 0 ]; then
  t_ok "-j 1, worker killed with a job queued: only its document fails, the queued one is made"
else
  t_fail "-j 1, worker killed with a job queued: only its document fails" \
    "exit $rc, $(ls -A "$P-out" | tr '\n' ' '): $(tail -c 400 "$WORK/pk.out")"
fi
manifest_docs "$P-out/manifest.xml" | cut -f1,2 | sort | tr '\t\n' ': ' > "$WORK/pk.m"
[ "$(cat "$WORK/pk.m")" = "a.pdf:failed b.pdf:written c.pdf:written " ] \
  && t_ok "-j 1, worker killed with a job queued: the manifest has a failed, b and c written" \
  || t_fail "-j 1, worker killed with a job queued: manifest" "$(cat "$WORK/pk.m")"

# --timeout on the second document, with a third queued behind it: the clock of a job starts
# when its worker starts it (after the previous result), not when it was sent; only the slow
# one fails and the queued one is made
P="$WORK/pipe-slow"
slowrec "$P" a medium-a; slowrec "$P" b slow-b; slowrec "$P" c quick-c
# the limit: four times what the medium document takes alone right now (this build, this
# machine's load), at least 3 s; the slow one takes minutes
slowrec "$P-cal" a medium-a
t0=$(LC_ALL=C date +%s.%N)
"$GW" batch --xsl "$D/slow.xsl" "$P-cal" -o "$P-cal-out" -q >/dev/null 2>&1
t=$(LC_ALL=C awk -v a="$t0" -v b="$(LC_ALL=C date +%s.%N)" 'BEGIN { t = int(4 * (b - a)) + 1; print (t < 3 ? 3 : t) }')
run "$GW" batch --xsl "$D/slow.xsl" "$P" -o "$P-out" -j 1 --timeout "$t"
end=$(LC_ALL=C date +%s.%N)
if check "-j 1, --timeout on one of three documents: only it fails" 1 "2 documents written" \
     "1 failed" "b.xml: the worker process making 'b.pdf' was stopped after $t s (--timeout)"; then
  [ -f "$P-out/a.pdf" ] && [ -f "$P-out/c.pdf" ] && [ "$(pdfs "$P-out")" = 2 ] \
    && [ "$(temps "$P-out")" = 0 ] \
    && t_ok "-j 1, --timeout: the documents before and after the slow one are written" \
    || t_fail "-j 1, --timeout: the documents before and after are written" "$(ls -A "$P-out" | tr '\n' ' ')"
  # b was stopped $t s after it started, i.e. after a was finished (a.pdf's time), not $t s
  # after b was sent to the worker, together with a
  gap=$(LC_ALL=C awk -v e="$end" -v a="$(LC_ALL=C stat -c %.9Y "$P-out/a.pdf")" 'BEGIN { printf "%.2f", e - a }')
  LC_ALL=C awk -v g="$gap" -v t="$t" 'BEGIN { exit !(g >= t - 0.05) }' \
    && t_ok "-j 1, --timeout: the clock starts when the worker starts the job (stopped ${gap} s after the one before, limit $t s)" \
    || t_fail "-j 1, --timeout: the clock starts when the worker starts the job" \
      "stopped ${gap} s after the one before finished, want >= $t"
fi

# ------------------------------------------------------------------ the project's records
run "$GW" batch "$TOP/xml" -o "$WORK/project" -q
check "batch over the project's xml/ works as is" 0

# ------------------------------------------------------------------ import
run "$GW" import "$D/cases.csv" -o "$WORK/imported"
check "import the example CSV" 0 "3 records written"
run "$GW" validate "$WORK"/imported/*.xml
check "imported records validate" 0 "case-2015-031.xml: ok"
if command -v iconv >/dev/null; then
  iconv -f UTF-8 -t GB18030 "$D/cases.csv" > "$WORK/cases-gbk.csv"
  run "$GW" import "$WORK/cases-gbk.csv" -o "$WORK/imported-gbk" -q
  if check "import a GBK export" 0; then
    same=1
    for f in "$WORK"/imported/*.xml; do
      diff <(grep -v 'gongwen import sha256\|source=' "$f") \
           <(grep -v 'gongwen import sha256\|source=' "$WORK/imported-gbk/$(basename "$f")") >/dev/null || same=0
    done
    [ "$same" = 1 ] && t_ok "GBK and UTF-8 exports give the same records" \
      || t_fail "GBK and UTF-8 exports give the same records" "they differ"
  fi
fi
sed 's/2015\.10\.20/2015-13-01/' "$D/cases.csv" > "$WORK/cases.csv"
run "$GW" import "$WORK/cases.csv" -o "$WORK/imported-bad"
check "import: a bad date names the row and the column" 1 \
  "cases.csv:4: column 抽样日期: '2015-13-01' is not a date" "2 records written" "1 row failed"
[ ! -f "$WORK/imported-bad/case-2015-032.xml" ] && [ "$(temps "$WORK/imported-bad")" = 0 ] \
  && t_ok "import: no record (and no temporary file) for the bad row" \
  || t_fail "import: no record for the bad row" "$(ls -a "$WORK/imported-bad" | tr '\n' ' ')"
sed 's/,2015-11-06,2015-11-06,,/,2015-11-06,2015-11-06,2015-11-01,/' "$D/cases.csv" > "$WORK/cases2.csv"
run "$GW" import "$WORK/cases2.csv" -o "$WORK/imported-rule" -q
check "import: a rule broken by the row is reported at the row" 1 "cases2.csv:2: the record made from this row is not valid"
# the case stylesheets read ../regime-*.xml: put the records where they find them
mkdir -p "$WORK/imp2/cases"; cp "$TOP"/xml/regime-*.xml "$WORK/imp2/"; cp "$WORK"/imported/*.xml "$WORK/imp2/cases/"
run "$GW" batch "$WORK/imp2/cases" -o "$WORK/imported-pdf" -q
check "the imported records render (6 documents)" 0
[ "$(pdfs "$WORK/imported-pdf")" -ge 6 ] || t_fail "imported records render" "$(pdfs "$WORK/imported-pdf") PDFs"

# .xlsx: a workbook made here (shared and inline strings, numbers, dates as serials) imports
# into the same records as the CSV it was made from
same_records() {  # DIR-A DIR-B: the same records but for the import mark and source
  local f
  for f in "$1"/*.xml; do
    diff <(grep -v 'gongwen import sha256\|source=' "$f") \
         <(grep -v 'gongwen import sha256\|source=' "$2/$(basename "$f")") >/dev/null || return 1
  done
  [ "$(ls "$1" | wc -l)" = "$(ls "$2" | wc -l)" ]
}
if python3 "$D/csv2xlsx.py" "$D/cases.csv" "$WORK/cases.xlsx" 2>"$WORK/err"; then
  run "$GW" import "$WORK/cases.xlsx" -o "$WORK/imported-xlsx"
  check "import an .xlsx workbook" 0 "(xlsx): 3 records written" "cases.xlsx:3:"
  same_records "$WORK/imported" "$WORK/imported-xlsx" && t_ok ".xlsx and CSV give the same records" \
    || t_fail ".xlsx and CSV give the same records" "$(diff -r "$WORK/imported" "$WORK/imported-xlsx" | head -5 | tr '\n' ' ')"
  cp "$WORK/cases.xlsx" "$WORK/renamed.csv"
  run "$GW" import "$WORK/renamed.csv" -o "$WORK/imported-renamed" -q
  check "an .xlsx named .csv is read as the workbook it is" 0 "read as .xlsx"
else
  t_fail "make an .xlsx for the test" "$(head -3 "$WORK/err")"
fi
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest of an old workbook' > "$WORK/old.xls"
run "$GW" import "$WORK/old.xls" -o "$WORK/imported-xls"
check "an old .xls says how to save it" 1 "save it as .xlsx" "CSV UTF-8"
# a second import keeps a record edited by hand (a <penalty> added), replaces it with --force
mkdir -p "$WORK/reimport"; cp "$WORK"/imported/*.xml "$WORK/reimport/"
run "$GW" import "$D/cases.csv" -o "$WORK/reimport"
check "a second import of the same sheet changes nothing" 0 "3 unchanged" "0 rows failed"
sed -i 's|</decision>|  <penalty rule="p-failed-product" amount-yuan="5000">罚款人民币伍仟元整。</penalty>\n  </decision>|' \
  "$WORK/reimport/case-2015-031.xml"
run "$GW" import "$D/cases.csv" -o "$WORK/reimport"
check "a second import keeps a hand-added <penalty> and says so" 0 "1 kept" \
  "case-2015-031.xml was edited after it was imported"
grep -q '<penalty' "$WORK/reimport/case-2015-031.xml" && t_ok "the hand edit is still there" \
  || t_fail "the hand edit is still there" "no <penalty>"
run "$GW" import "$D/cases.csv" -o "$WORK/reimport" --force -q
check "import --force replaces the edited record" 0
grep -q '<penalty' "$WORK/reimport/case-2015-031.xml" && t_fail "--force replaced it" "<penalty> still there" \
  || t_ok "--force replaced it"
run "$GW" import "$D/cases.csv" -o "$WORK/imported-quiet" -q
[ "$(cat "$WORK/rc")" = 0 ] && [ ! -s "$WORK/out" ] && [ ! -s "$WORK/err" ] && t_ok "import -q prints nothing when all is well" \
  || t_fail "import -q prints nothing when all is well" "$(cat "$WORK/out" "$WORK/err" | head -3)"
# --template: an empty sheet with the columns, as .xlsx (read back) and as CSV
run "$GW" import --template "$WORK/template.xlsx"
check "import --template FILE.xlsx" 0 "an empty sheet with"
run "$GW" import "$WORK/template.xlsx" -o "$WORK/imported-template"
check "the template reads back: its columns are all known, no rows" 0 "0 records written"
grep -q "not known" "$WORK/err" && t_fail "the template's columns are known" "$(head -2 "$WORK/err")"
run "$GW" import --template "$WORK/template.csv" -q
head -c 200 "$WORK/template.csv" | grep -q "编号,文号" && t_ok "import --template FILE.csv: the header row" \
  || t_fail "import --template FILE.csv" "$(head -c 100 "$WORK/template.csv")"

# ------------------------------------------------------------------ fonts
run "$GW" fonts
check "fonts: prints the role mapping" 0 "仿宋" "小标宋" "font configuration"
run "$GW" fonts --check "$CASE"
check "fonts --check on a case: every character has a font" 0 "characters have a font"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<r xmlns="urn:x">\n<a>中文</a>\n<b t="x">&#xF0000;</b></r>\n' > "$WORK/glyph.xml"
run "$GW" fonts --check "$WORK/glyph.xml"
check "fonts --check: a character no font has → FILE:LINE, exit 1" 1 "glyph.xml:4: U+F0000" "(in <b>)"

# ------------------------------------------------------------------ make install
if [ "${GW_LABEL:-normal}" = normal ]; then
  if make -s -C "$TOP" install PREFIX="$WORK/inst" >"$WORK/install.log" 2>&1; then
    t_ok "make install PREFIX=\$WORK/inst"
    [ -f "$WORK/inst/share/man/man1/gongwen.1" ] && t_ok "make install: man page installed" \
      || t_fail "make install: man page installed" "no share/man/man1/gongwen.1"
    [ -f "$WORK/inst/share/man/zh_CN/man1/gongwen.1" ] && [ -f "$WORK/inst/share/locale/zh_CN/LC_MESSAGES/gongwen.mo" ] \
      && t_ok "make install: the Chinese man page and messages installed" \
      || t_fail "make install: the Chinese man page and messages installed" "$(cd "$WORK/inst/share" && find man locale | tr '\n' ' ')"
    ! grep -q "README" "$WORK/inst/share/man/man1/gongwen.1" && t_ok "the installed man page stands alone (no README)" \
      || t_fail "the installed man page stands alone" "it points at README"
    ( cd /tmp && LC_ALL=zh_CN.UTF-8 env -u GW_LOCALEDIR "$WORK/inst/bin/gongwen" --help ) >"$WORK/out" 2>"$WORK/err"; echo $? > "$WORK/rc"
    check "the installed binary speaks Chinese under zh_CN.UTF-8" 0 "用法：gongwen 命令"
    ( cd /tmp && env -u GONGWEN_DATADIR "$WORK/inst/bin/gongwen" render "$CASE" -o "$WORK/inst-out" -q ) \
      >"$WORK/out" 2>"$WORK/err"; echo $? > "$WORK/rc"
    check "the installed binary finds its data (no GONGWEN_DATADIR, outside the tree)" 0
    mkdir -p "$WORK/inst-import/a/b/c"
    ( cd /tmp && env -u GONGWEN_DATADIR "$WORK/inst/bin/gongwen" import "$D/cases.csv" \
        -o "$WORK/inst-import/a/b/c" -q ) >"$WORK/out" 2>"$WORK/err"; echo $? > "$WORK/rc"
    check "the installed binary imports into any folder (regimes installed)" 0
  else
    t_fail "make install PREFIX=\$WORK/inst" "$(tail -5 "$WORK/install.log" | tr '\n' ' ')"
  fi
fi
