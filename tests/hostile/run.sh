#!/bin/bash
# tests/hostile/run.sh — hostile and broken input: no input may crash gongwen, hang it, make
# it read files it should not, or write outside its output folder; each gives a clear
# message and exit status 1 (2 for usage errors), and a failed document leaves nothing
# behind.
#
# Cases:
#   NAME.fo / NAME.xml / NAME.xsl + NAME.expect   the corpus in this folder (see below)
#   generated here                                 truncated files, huge and deep inputs,
#                                                  files that are no files, bad outputs
# NAME.expect holds one expectation a line ('#' starts a comment):
#   exit: N            the exit status (required)
#   grep: REGEX        stderr or stdout must match (extended regex; every grep line must)
#   nogrep: REGEX      neither stdout nor stderr may match (e.g. the text of /etc/passwd)
#   args: ARGS…        the command instead of the default; @IN@ = the input file, @TOP@ =
#                      the source tree, @OUT@ = the (empty) output folder
#   output: none|some  files left in the output folder (default: some for exit 0, none else)
# Default commands: NAME.fo  → fo @IN@ -o @OUT@/out.pdf --areas @OUT@/out.xml
#                   NAME.xml → render @IN@ -o @OUT@
#                   NAME.xsl → render --xsl=@IN@ data/record.xml -o @OUT@
# Every command runs with the output folder as working directory (a stylesheet writing a
# relative file would leave it there), under `timeout 60`.  Asserted for every case: no
# crash (exit < 128 and not 99, the sanitizers' exit status), the expected exit status and
# messages, the output folder as expected.
# Env: GW (binary under test), TOP (source tree), WORK (scratch folder).
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/lib.sh"
t_plan 161 asan=159
GW=${GW:-$TOP/build/gongwen}
case $GW in */*) GW=$(readlink -f "$GW") ;; esac # the cases run in their output folders
WORK=${WORK:-$TOP/tests/work/hostile}
export GONGWEN_DATADIR="${GONGWEN_DATADIR:-$TOP}"
export GONGWEN_FONTS_CONF="${GONGWEN_FONTS_CONF:-$TOP/tests/fonts.conf}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=99}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=99}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$TOP/tests/lsan.supp:print_suppressions=0}
# messages in English (strerror texts are matched), everything else in the caller's locale
# (the comma-decimal rerun of tests/run.sh keeps its LC_NUMERIC)
if [ -n "$LC_ALL" ]; then export LC_CTYPE="$LC_ALL" LC_NUMERIC="$LC_ALL" LC_TIME="$LC_ALL"; unset LC_ALL; fi
export LC_MESSAGES=C.UTF-8; unset LANGUAGE
H="$TOP/tests/hostile"
mkdir -p "$WORK" || exit 2
GEN="$WORK/generated"
rm -rf "$GEN"; mkdir -p "$GEN"

# h_run NAME ARGS… : runs gongwen with ARGS in a fresh output folder $WORK/NAME.d (the working
# directory); leaves the status in $rc, output in $WORK/NAME.out and $WORK/NAME.err.
h_run() {
  local name=$1; shift
  OUTDIR="$WORK/$name.d"
  rm -rf "$OUTDIR"; mkdir -p "$OUTDIR"
  (cd "$OUTDIR" && exec timeout 60 "$GW" "$@") >"$WORK/$name.out" 2>"$WORK/$name.err" </dev/null
  rc=$?
}

# h_check NAME WANT_RC OUTPUT(none|some|any) [grep REGEX | nogrep REGEX]… : judges the last run.
h_check() {
  local name=$1 want=$2 output=$3 why="" n
  shift 3
  if [ "$rc" = 124 ]; then why="timed out after 60 s"
  elif [ "$rc" -ge 128 ] || [ "$rc" = 99 ]; then
    why="crashed (exit $rc): $(grep -m1 -E 'ERROR|runtime error|SUMMARY' "$WORK/$name.err")"
  elif [ "$rc" != "$want" ]; then why="exit $rc, want $want"
  fi
  while [ -z "$why" ] && [ $# -ge 2 ]; do
    case $1 in
      grep) cat "$WORK/$name.err" "$WORK/$name.out" | grep -qE -- "$2" || why="output lacks /$2/" ;;
      nogrep) ! grep -qE -- "$2" "$WORK/$name.err" "$WORK/$name.out" || why="output shows /$2/" ;;
    esac
    shift 2
  done
  if [ -z "$why" ]; then
    n=$(find "$OUTDIR" -mindepth 1 | wc -l)
    if [ "$output" = none ] && [ "$n" -gt 0 ]; then
      why="left $(find "$OUTDIR" -mindepth 1 -printf '%P ' | head -c 200)behind"
    elif [ "$output" = some ] && [ "$n" -eq 0 ]; then why="wrote nothing"
    fi
  fi
  if [ -z "$why" ]; then t_ok "$name"; rm -rf "$OUTDIR" "$WORK/$name.out" "$WORK/$name.err"
  else t_fail "$name" "$why"; head -c 400 "$WORK/$name.err" | sed 's/^/#   /'; fi
}

# h_case EXPECT-FILE : runs one corpus case.
h_case() {
  local exp=$1 name base input args=() want="" output="" checks=() line key val w
  base=${exp%.expect}; name=$(basename "$base")
  for input in "$base.fo" "$base.xml" "$base.xsl" ""; do [ -f "$input" ] && break; done
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in ''|'#'*) continue ;; esac
    key=${line%%:*}; val=${line#*:}; val=${val# }
    case $key in
      exit) want=$val ;;
      output) output=$val ;;
      grep|nogrep) checks+=("$key" "$val") ;;
      args) read -r -a args <<< "$val" ;;
    esac
  done < "$exp"
  if [ ${#args[@]} -eq 0 ]; then
    case $input in
      *.fo) args=(fo @IN@ -o @OUT@/out.pdf --areas @OUT@/out.xml) ;;
      *.xml) args=(render @IN@ -o @OUT@) ;;
      *.xsl) args=(render --xsl=@IN@ "$H/data/record.xml" -o @OUT@) ;;
      *) t_fail "$name" "no input file and no args"; return ;;
    esac
  fi
  local out="$WORK/$name.d"
  for i in "${!args[@]}"; do
    w=${args[$i]}; w=${w//@IN@/$input}; w=${w//@TOP@/$TOP}; w=${w//@OUT@/$out}; args[$i]=$w
  done
  [ -z "$output" ] && { [ "$want" = 0 ] && output=some || output=none; }
  h_run "$name" "${args[@]}"
  h_check "$name" "$want" "$output" "${checks[@]}"
}

# ------------------------------------------------------------------ the corpus
for exp in "$H"/*.expect; do h_case "$exp"; done

# ------------------------------------------------------------------ files that are no files
h_run input-directory fo "$H" -o out.pdf
h_check input-directory 1 none grep "is a directory, not an XML file"
h_run input-missing fo "$GEN/missing.fo" -o out.pdf
h_check input-missing 1 none grep "missing.fo: cannot read: .*No such file or directory"
: > "$GEN/empty.fo"
h_run input-empty fo "$GEN/empty.fo" -o out.pdf
h_check input-empty 1 none grep "empty.fo: empty file"
h_run input-empty-record render "$GEN/empty.fo" -o .
h_check input-empty-record 1 none grep "empty.fo: empty file"
h_run input-dev-zero fo /dev/zero -o out.pdf
h_check input-dev-zero 1 none grep "/dev/zero: not a regular file"
mkfifo "$GEN/fifo.fo"
h_run input-fifo fo "$GEN/fifo.fo" -o out.pdf
h_check input-fifo 1 none grep "fifo.fo: not a regular file"
h_run input-fifo-record render "$GEN/fifo.fo" -o .
h_check input-fifo-record 1 none grep "fifo.fo: not a regular file"
h_run import-dev-zero import /dev/zero -o .
h_check import-dev-zero 1 none grep "/dev/zero: not a regular file"
h_run import-fifo import "$GEN/fifo.fo" -o .
h_check import-fifo 1 none grep "fifo.fo: not a regular file"
# a folder of records that are no records: a pipe, a device, a loop, /etc/passwd, a folder
mkdir -p "$GEN/folder/d.xml"
mkfifo "$GEN/folder/a.xml"; ln -s /dev/zero "$GEN/folder/b.xml"; ln -s /etc/passwd "$GEN/folder/c.xml"
ln -s . "$GEN/folder/loop"; cp "$H/record-xxe.xml" "$GEN/folder/"
h_run batch-hostile-folder batch "$GEN/folder" -o .
h_check batch-hostile-folder 1 any grep "^0 documents written" \
  grep "record-xxe.xml:7: refused external entity" nogrep "root:.*:0:0:"
if [ "$(id -u)" != 0 ]; then
  cp "$H/data/valid.fo" "$GEN/unreadable.fo"; chmod 000 "$GEN/unreadable.fo"
  h_run input-unreadable fo "$GEN/unreadable.fo" -o out.pdf
  h_check input-unreadable 1 none grep "unreadable.fo: cannot read: .*Permission denied"
else
  echo "# input-unreadable skipped: running as root, every file is readable"
fi
head -c 140000000 /dev/zero > "$GEN/zeros"
(cd "$GEN" && timeout 60 "$GW" fo - -o "$GEN/stdin.pdf" < "$GEN/zeros" >"$WORK/input-stdin-huge.out" 2>"$WORK/input-stdin-huge.err")
rc=$?; rm -f "$GEN/zeros"; OUTDIR="$GEN/none"; mkdir -p "$OUTDIR"
h_check input-stdin-huge 1 none grep "<stdin>: input larger than [0-9]+ bytes; refused"

# ------------------------------------------------------------------ bad output locations
VALID="$H/data/valid.fo"
h_run output-dir-missing fo "$VALID" -o nowhere/out.pdf
h_check output-dir-missing 1 none grep "cannot write into 'nowhere': no such directory"
mkdir -p "$GEN/adir.pdf"
h_run output-is-directory fo "$VALID" -o "$GEN/adir.pdf"
h_check output-is-directory 1 none grep "adir.pdf: cannot write: is a directory"
mkfifo "$GEN/fifo.pdf"
h_run output-fifo fo "$VALID" -o "$GEN/fifo.pdf"
h_check output-fifo 1 none grep "fifo.pdf: cannot write: not a regular file"
cp "$VALID" "$GEN/same.fo"
h_run output-is-input fo "$GEN/same.fo" -o "$GEN/same.fo"
h_check output-is-input 2 none grep "is the input"
h_run output-areas-is-input fo "$GEN/same.fo" -o out.pdf --areas "$GEN/same.fo"
h_check output-areas-is-input 1 none grep "same.fo: cannot write: it is the input file"
cmp -s "$VALID" "$GEN/same.fo" && t_ok "output-is-input: input unchanged" \
  || t_fail "output-is-input: input unchanged" "the input was overwritten"
# a record whose file name is the name of the document it yields
mkdir -p "$GEN/named"
(cd "$GEN/named" && timeout 60 "$GW" render "$H/data/record.xml" -o . >/dev/null 2>&1)
docname=$(ls "$GEN/named" | head -1)
if [ -n "$docname" ]; then
  mkdir -p "$GEN/clash"; cp "$H/data/record.xml" "$GEN/clash/$docname"
  h_run output-is-record render "$GEN/clash/$docname" -o "$GEN/clash"
  h_check output-is-record 1 none grep "cannot write: it is the input file"
  cmp -s "$H/data/record.xml" "$GEN/clash/$docname" && t_ok "output-is-record: record unchanged" \
    || t_fail "output-is-record: record unchanged" "the record was overwritten"
else
  t_fail "output-is-record" "data/record.xml yields no document"
fi
# a full device: /dev/full (as root a private one: a regression replacing the device by a
# regular file must not damage the machine's /dev/full)
FULL=/dev/full
if [ "$(id -u)" = 0 ] && mknod -m 666 "$GEN/full" c 1 7 2>/dev/null; then FULL="$GEN/full"; fi
if [ -c "$FULL" ]; then
  h_run output-device-full fo "$VALID" -o "$FULL"
  h_check output-device-full 1 none grep "writing the PDF failed: No space left on device"
  h_run output-device-full-areas fo "$VALID" -o out.pdf --areas "$FULL"
  h_check output-device-full-areas 1 none grep "cannot write area tree: No space left on device"
  [ -c "$FULL" ] && t_ok "output-device-full: still a device" \
    || t_fail "output-device-full: still a device" "$FULL was replaced by a regular file"
fi
if [ -c "$FULL" ]; then
  h_run xslt-output-device-full xslt "$H/xsl-not-fo-output.xsl" "$H/data/record.xml" -o "$FULL"
  h_check xslt-output-device-full 1 none grep "cannot write: No space left on device"
fi
# a stylesheet that only needs memory: the process cap stops it (not in sanitizer builds,
# which have no cap: the test would take the machine's memory)
if [ -z "${GW_SANITIZE:-}" ]; then
  export GONGWEN_MAX_MEMORY=256
  h_run xsl-memory-bomb render --xsl="$H/data/memory-bomb.xsl" "$H/data/record.xml" -o .
  h_check xsl-memory-bomb 1 none grep "memory-bomb.xsl: ran out of memory \(a gongwen process may use 256 MB"
  export GONGWEN_MAX_MEMORY=abc
  h_run memory-cap-not-a-number fo "$VALID" -o out.pdf
  h_check memory-cap-not-a-number 0 some grep "GONGWEN_MAX_MEMORY='abc' is not a number of MB"
  unset GONGWEN_MAX_MEMORY
fi
cp "$H/xsl-not-fo-output.xsl" "$GEN/same.xsl"
h_run xslt-output-is-input xslt "$GEN/same.xsl" "$H/data/record.xml" -o "$GEN/same.xsl"
h_check xslt-output-is-input 2 none grep "the output .*same.xsl is an input"
cmp -s "$H/xsl-not-fo-output.xsl" "$GEN/same.xsl" && t_ok "xslt-output-is-input: stylesheet unchanged" \
  || t_fail "xslt-output-is-input: stylesheet unchanged" "the stylesheet was overwritten"
NULLDEV=/dev/null
if [ "$(id -u)" = 0 ] && mknod -m 666 "$GEN/null" c 1 3 2>/dev/null; then NULLDEV="$GEN/null"; fi
h_run output-device-null fo "$VALID" -o "$NULLDEV" --areas out.xml
h_check output-device-null 0 some grep "1 page"
[ -c "$NULLDEV" ] && t_ok "output-device-null: still a device" \
  || t_fail "output-device-null: still a device" "$NULLDEV was replaced by a regular file"
# a full disk: file size limit, SIGXFSZ ignored so that write() fails with EFBIG
for what in pdf areas png; do
  case $what in
    pdf) args=(fo "$TOP/tests/formatter/notice.fo" -o out.pdf) ;;
    areas) args=(fo "$TOP/tests/formatter/notice.fo" -o out.pdf --areas out.xml) ;;
    png) args=(fo "$TOP/tests/formatter/notice.fo" -o out.png) ;;
  esac
  OUTDIR="$WORK/disk-full-$what.d"; rm -rf "$OUTDIR"; mkdir -p "$OUTDIR"
  (cd "$OUTDIR" && trap '' XFSZ && ulimit -f 2 && exec timeout 60 "$GW" "${args[@]}") \
    >"$WORK/disk-full-$what.out" 2>"$WORK/disk-full-$what.err"
  rc=$?
  h_check "disk-full-$what" 1 none grep "(writing the (PDF|PNG) failed|cannot write area tree): File too large"
done

# ------------------------------------------------------------------ usage errors
h_run usage-no-input fo -o out.pdf
h_check usage-no-input 2 none grep "expected one input file"
h_run usage-bad-option fo --no-such-option "$VALID"
h_check usage-bad-option 2 none grep "no-such-option"
h_run usage-unknown-command frobnicate
h_check usage-unknown-command 2 none grep "unknown command 'frobnicate'"

# ------------------------------------------------------------------ truncated files
# a valid FO and a valid record cut at 20 places: a clear parse error with FILE:LINE
for src in "$VALID" "$TOP/xml/examples/case.xml"; do
  size=$(stat -c %s "$src"); end=$(grep -bo '</[a-z:]*>' "$src" | tail -1 | cut -d: -f1)
  ext=${src##*.}
  for k in $(seq 1 20); do
    at=$((end * k / 21))
    f="$GEN/cut-$k.$ext"
    head -c "$at" "$src" > "$f"
    if [ "$ext" = fo ]; then h_run "truncated-$ext-at-$at" fo "$f" -o out.pdf
    else h_run "truncated-$ext-at-$at" render "$f" -o .; fi
    h_check "truncated-$ext-at-$at" 1 none grep "cut-$k\.$ext(:[0-9]+)?: "
  done
done

# ------------------------------------------------------------------ huge and deep inputs
# made here so that the corpus stays small
FOHEAD='<?xml version="1.0"?><fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
FOTAIL='</fo:flow></fo:page-sequence></fo:root>'
repeat() { local i; for ((i = 0; i < $2; i++)); do printf '%s' "$1"; done; }
{ printf '%s<fo:block font-family="' "$FOHEAD"; head -c 20000000 /dev/zero | tr '\0' a
  printf '">x</fo:block>%s\n' "$FOTAIL"; } > "$GEN/huge-attribute.fo"
h_run huge-attribute-20MB fo "$GEN/huge-attribute.fo" -o out.pdf
h_check huge-attribute-20MB 1 none grep "huge-attribute.fo:1: AttValue length too long"
{ printf '%s<fo:block font-family="' "$FOHEAD"; repeat 'a,' 100000; printf 'serif">x</fo:block>%s\n' "$FOTAIL"; } \
  > "$GEN/font-families.fo"
h_run font-family-100000-families fo "$GEN/font-families.fo" -o out.pdf
h_check font-family-100000-families 0 some grep "invalid value 'a,a,.*…' for property 'font-family'"
{ printf '%s' "$FOHEAD"; repeat '<fo:block>' 10000; printf x; repeat '</fo:block>' 10000; printf '%s\n' "$FOTAIL"; } \
  > "$GEN/deep.fo"
h_run deep-nesting-10000-fo fo "$GEN/deep.fo" -o out.pdf
h_check deep-nesting-10000-fo 1 none grep "deep.fo:1: Excessive depth in document: 256"
{ printf '%s' "$FOHEAD"; repeat '<fo:block>' 230; printf x; repeat '</fo:block>' 230; printf '%s\n' "$FOTAIL"; } \
  > "$GEN/deep230.fo"
h_run deep-nesting-230-fo fo "$GEN/deep230.fo" -o out.pdf
h_check deep-nesting-230-fo 1 none grep "deep230.fo:1: elements nested deeper than 200 levels"
{ sed -n '1,/<name>/p' "$H/data/record.xml" | sed '$d'
  printf '  <department label="x"><name>'; repeat '<b>' 10000; repeat '</b>' 10000; printf '</name></department>\n</duties>\n'; } \
  > "$GEN/deep-record.xml"
h_run deep-nesting-10000-record render "$GEN/deep-record.xml" -o .
h_check deep-nesting-10000-record 1 none grep "deep-record.xml:[0-9]+: Excessive depth in document: 256"
{ printf '%s' "$FOHEAD"; repeat '<fo:block break-after="page">x</fo:block>' 5100; printf '%s\n' "$FOTAIL"; } \
  > "$GEN/pages.fo"
h_run too-many-pages fo "$GEN/pages.fo" -o out.pdf
h_check too-many-pages 1 none grep "pages.fo:1: document exceeds 5000 pages; stopped"
{ printf '%s' "$FOHEAD"; repeat '<fo:inline font-size="larger">' 150; printf x; repeat '</fo:inline>' 150; printf '%s\n' "$FOTAIL"; } \
  > "$GEN/larger.fo"
h_run font-size-larger-150-times fo "$GEN/larger.fo" -o out.pdf
h_check font-size-larger-150-times 0 some nogrep "[0-9]{6,}pt tall"

# no temporary file may be left anywhere the cases wrote
left=$(find "$GEN" "$WORK" -name '.*.tmp' -o -name '.*.??????' -newer "$H/run.sh" 2>/dev/null | head -5)
[ -z "$left" ] && t_ok "no temporary files left" || t_fail "no temporary files left" "$left"
rm -rf "$GEN"
