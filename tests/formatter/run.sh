#!/bin/bash
# tests/formatter/run.sh — the formatter area: XSL-FO → areas / PDF / PNG.
# Prints one line per test, "ok - NAME" or "not ok - NAME: why" ("#" lines are notes).
# Env (from tests/run.sh): GW = binary under test, TOP = repo root, WORK = scratch dir,
# GW_UPDATE=1 rewrites the golden area dumps tests/formatter/NAME.areas.xml.
#
#   render NAME / areas NAME   every tests/formatter/*.fo renders (PDF + area dump) without
#                              warnings; the dump equals the golden file
#   <file>.fo <assertion>      check_*.py assertions on the dumps (see each script)
#   images …                   every raster format, orientation, JPEG as-is, broken images,
#                              a batch with a broken photo, FOP's examples (check_images.py)
#   kinsoku / line-geometry    避头尾 and line boxes over every dump
#   breaking …                 the paragraph breaker on FO it writes (check_breaking.py):
#                              numbers whole at 28 start positions, squeezing, hanging
#   pdf …                      qpdf --check, fonts embedded and subset (pdffonts), reading
#                              order (pdftotext), byte-identical reruns (SOURCE_DATE_EPOCH)
#   missing glyph …            a character no pinned font has: exit 1, FILE:LINE message, no
#                              output written, an existing PDF left intact; a warning with
#                              --allow-missing-glyphs
#   usage …                    usage errors exit 2
#   warn once …                unsupported elements/properties are reported once
#   locale …                   the same dumps under LC_ALL=de_DE.UTF-8
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
GW=${GW:-$TOP/build/gongwen}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
. "$TOP/tests/lib.sh"
t_plan 391
HERE="$TOP/tests/formatter"
export GONGWEN_FONTS_CONF=${GONGWEN_FONTS_CONF:-$TOP/tests/fonts.conf}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1435017600}
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ in the source tree

for tool in python3 qpdf pdffonts pdftotext fc-list; do
  command -v "$tool" >/dev/null 2>&1 || t_fail "tool $tool" "$tool is not installed (poppler-utils, qpdf, fontconfig)"
done

# check NAME SCRIPT ARGS… — runs a check script (its lines are the results); a script that
# dies without saying "not ok" is a failure of NAME.
check() {
  local name=$1 script=$2; shift 2
  local out rc
  out=$(python3 "$HERE/$script" "$@" 2>"$WORK/check.err"); rc=$?
  [ -n "$out" ] && printf '%s\n' "$out"
  if [ $rc -ne 0 ] && ! grep -q '^not ok' <<<"$out"; then
    t_fail "$name" "check script failed: $(tail -1 "$WORK/check.err")"
  fi
}

# ---- 1. every FO: PDF + area dump, no warnings, golden dump ----
names=()
for fo in "$HERE"/*.fo; do
  name=$(basename "$fo" .fo)
  names+=("$name")
  if "$GW" fo "$fo" -o "$WORK/$name.pdf" --areas "$WORK/$name.areas.xml" >"$WORK/$name.log" 2>&1; then
    if grep -q 'warning:' "$WORK/$name.log"; then
      t_fail "render $name" "warnings: $(grep -m2 'warning:' "$WORK/$name.log" | sed "s|$TOP/||" | tr '\n' ' ')"
    else
      t_ok "render $name"
    fi
    t_golden "areas $name" "$WORK/$name.areas.xml" "$HERE/$name.areas.xml"
  else
    t_fail "render $name" "exit $?: $(grep -m1 -v ' pages\?$' "$WORK/$name.log" | sed "s|$TOP/||")"
  fi
done
have() { [ -s "$WORK/$1.areas.xml" ]; }
# pages rendered as PNG for the checks that look at pixels (1px = 1pt at 72 dpi)
png() { "$GW" fo "$HERE/$1.fo" -o "$WORK/$1-$2dpi.png" --dpi "$2" -q >/dev/null 2>&1; }

# ---- 2. assertions on the dumps ----
have kinsoku && check "kinsoku.fo" check_kinsoku.py --kinsoku-fo "$WORK/kinsoku.areas.xml"
have justify && check "justify.fo" check_justify.py "$WORK/justify.areas.xml"
have grid && check "grid.fo" check_grid.py "$WORK/grid.areas.xml"
have pagination && check "pagination.fo" check_pagination.py "$WORK/pagination.areas.xml"
have pagenum && check "pagenum.fo" check_pagenum.py "$WORK/pagenum.areas.xml"
have toc && check "toc.fo" check_toc.py "$WORK/toc.areas.xml" "$WORK/toc.pdf"
have markers && check "markers.fo" check_markers.py "$WORK/markers.areas.xml"
have table-header && png table-header 60 && check "table-header.fo" check_table_header.py "$WORK/table-header.areas.xml" "$WORK/table-header-60dpi-1.png"
have rowspan && check "rowspan.fo" check_rowspan.py "$WORK/rowspan.areas.xml"
have tallrow && check "tallrow.fo" check_tallrow.py "$WORK/tallrow.areas.xml"
have keepspace && check "keepspace.fo" check_keepspace.py "$WORK/keepspace.areas.xml"
have collapse && png collapse 72 && check "collapse.fo" check_collapse.py "$WORK/collapse.areas.xml" "$WORK/collapse-72dpi-1.png"
have autotable && check "autotable.fo" check_autotable.py "$WORK/autotable.areas.xml"
have lists && check "lists.fo" check_lists.py "$WORK/lists.areas.xml"
have absolute && check "absolute.fo" check_absolute.py "$WORK/absolute.areas.xml"
have blocks && png blocks 72 && check "blocks.fo" check_blocks.py "$WORK/blocks.areas.xml" "$WORK/blocks-72dpi"
check "breaking" check_breaking.py "$GW" "$WORK/breaking"
have rotated && check "rotated.fo" check_rotated.py "$WORK/rotated.areas.xml" "$WORK/rotated.pdf"
check "images" check_images.py "$GW" "$WORK/images" "$TOP/tests/hostile/data/record.xml"
have props && png props 72 && check "props.fo" check_props.py "$WORK/props.areas.xml" "$WORK/props-72dpi-1.png"
have tablemarker && check "tablemarker.fo" check_tablemarker.py "$WORK/tablemarker.areas.xml"
dumps=()
for name in "${names[@]}"; do have "$name" && dumps+=("$WORK/$name.areas.xml"); done
check "kinsoku" check_kinsoku.py "${dumps[@]}"

# ---- 3. the PDFs ----
for name in "${names[@]}"; do
  pdf="$WORK/$name.pdf"
  [ -s "$pdf" ] || continue
  if qpdf --check "$pdf" >"$WORK/qpdf.log" 2>&1; then t_ok "pdf structure $name"
  else t_fail "pdf structure $name" "$(grep -m1 -i -E 'warning|error' "$WORK/qpdf.log" | sed "s|$WORK/||")"; fi
  bad=$(pdffonts "$pdf" 2>&1 | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes") { print $1 }' | tr '\n' ' ')
  nfonts=$(pdffonts "$pdf" 2>/dev/null | awk 'NR > 2' | wc -l)
  if [ "$nfonts" -gt 0 ] && [ -z "$bad" ]; then t_ok "pdf fonts embedded and subset $name"
  else t_fail "pdf fonts embedded and subset $name" "${bad:-no fonts listed}"; fi
done
if [ -s "$WORK/notice.pdf" ]; then
  want=$(python3 - "$HERE/notice.fo" <<'EOF'
import sys, xml.etree.ElementTree as ET
FO = '{http://www.w3.org/1999/XSL/Format}'
flow = ET.parse(sys.argv[1]).getroot().find(f'.//{FO}flow')
print(''.join(''.join(''.join(b.itertext()).split()) for b in flow.iter(f'{FO}block')))
EOF
)
  got=$(pdftotext -enc UTF-8 "$WORK/notice.pdf" - 2>/dev/null | tr -d ' \n\f')
  if [ -n "$want" ] && [ "$got" = "$want" ]; then t_ok "pdf text in reading order notice"
  else t_fail "pdf text in reading order notice" "pdftotext gives '${got:0:60}…'"; fi
fi
for name in toc notice; do
  [ -s "$WORK/$name.pdf" ] || continue
  "$GW" fo "$HERE/$name.fo" -o "$WORK/$name-again.pdf" -q >/dev/null 2>&1
  if cmp -s "$WORK/$name.pdf" "$WORK/$name-again.pdf"; then t_ok "pdf byte-identical rerun $name"
  else t_fail "pdf byte-identical rerun $name" "two runs with SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH differ"; fi
done
date=$(pdfinfo -isodates "$WORK/notice.pdf" 2>/dev/null | awk '/^CreationDate/ { print $2 }')
if [ "$date" = "2015-06-23T00:00:00Z" ] || [ "$date" = "2015-06-23T00:00:00+00" ]; then t_ok "pdf date from SOURCE_DATE_EPOCH"
else t_fail "pdf date from SOURCE_DATE_EPOCH" "CreationDate '$date'"; fi

# ---- 4. a character no font has ----
# U+A000 (Yi syllable) is in none of the pinned fonts (U+A4D0 is: DejaVu Sans has Lisu).
if [ -n "$(FONTCONFIG_FILE="$GONGWEN_FONTS_CONF" fc-list ':charset=a000' file 2>/dev/null)" ]; then
  t_fail "missing glyph fixture" "a pinned font has U+A000: choose another code point"
else
  t_ok "missing glyph fixture (no pinned font has U+A000)"
fi
mkdir -p "$WORK/missing"
sed 's|<fo:block>永清县某某电线电缆有限公司：</fo:block>|<fo:block>永清县某某电线电缆有限公司ꀀ：</fo:block>|' \
  "$HERE/notice.fo" > "$WORK/missing/missing.fo"
line=$(grep -n 'ꀀ' "$WORK/missing/missing.fo" | cut -d: -f1)
"$GW" fo "$WORK/missing/missing.fo" -o "$WORK/missing/new.pdf" --areas "$WORK/missing/new.xml" \
  >"$WORK/missing/out.log" 2>&1
rc=$?
if [ $rc -eq 1 ]; then t_ok "missing glyph exits 1"; else t_fail "missing glyph exits 1" "exit $rc"; fi
if grep -q "missing.fo:$line: no font has U+A000" "$WORK/missing/out.log"; then t_ok "missing glyph message FILE:LINE"
else t_fail "missing glyph message FILE:LINE" "stderr: $(head -1 "$WORK/missing/out.log" | sed "s|$WORK/||")"; fi
if [ ! -e "$WORK/missing/new.pdf" ] && [ ! -e "$WORK/missing/new.xml" ]; then t_ok "missing glyph writes no output"
else t_fail "missing glyph writes no output" "$(find "$WORK/missing" -name 'new.*' | tr '\n' ' ')"; fi
cp "$WORK/notice.pdf" "$WORK/missing/good.pdf" 2>/dev/null
"$GW" fo "$WORK/missing/missing.fo" -o "$WORK/missing/good.pdf" >/dev/null 2>&1
if [ -s "$WORK/notice.pdf" ] && cmp -s "$WORK/notice.pdf" "$WORK/missing/good.pdf"; then t_ok "missing glyph keeps an existing PDF"
else t_fail "missing glyph keeps an existing PDF" "the good PDF at the output path was changed"; fi
left=$(find "$WORK/missing" -name '.*.tmp' | wc -l)
if [ "$left" -eq 0 ]; then t_ok "missing glyph leaves no temp files"; else t_fail "missing glyph leaves no temp files" "$left left"; fi
"$GW" fo "$WORK/missing/missing.fo" --allow-missing-glyphs -o "$WORK/missing/allowed.pdf" >"$WORK/missing/allow.log" 2>&1
rc=$?
if [ $rc -eq 0 ] && [ -s "$WORK/missing/allowed.pdf" ] && grep -q "missing.fo:$line: warning: no font has U+A000" "$WORK/missing/allow.log"; then
  t_ok "--allow-missing-glyphs makes it a warning"
else
  t_fail "--allow-missing-glyphs makes it a warning" "exit $rc: $(head -1 "$WORK/missing/allow.log" | sed "s|$WORK/||")"
fi

# ---- 5. usage errors exit 2, document errors exit 1 ----
usage() {  # NAME ARGS…
  local name=$1; shift
  "$GW" "$@" >"$WORK/usage.log" 2>&1
  local rc=$?
  if [ $rc -eq 2 ]; then t_ok "usage $name exits 2"; else t_fail "usage $name exits 2" "exit $rc"; fi
}
usage "no command"
usage "unknown command" frobnicate
usage "fo without input" fo
usage "fo without output" fo "$HERE/notice.fo"
usage "fo unknown option" fo --no-such-option "$HERE/notice.fo" -o "$WORK/u.pdf"
usage "fo two inputs" fo "$HERE/notice.fo" "$HERE/grid.fo" -o "$WORK/u.pdf"
usage "fo bad dpi" fo "$HERE/notice.fo" -o "$WORK/u.png" --dpi 5
usage "fo bad format" fo "$HERE/notice.fo" -o "$WORK/u.pdf" --format tiff
cp "$HERE/notice.fo" "$WORK/self.fo"
usage "fo output is the input" fo "$WORK/self.fo" -o "$WORK/self.fo"
if cmp -s "$HERE/notice.fo" "$WORK/self.fo"; then t_ok "usage output is the input: input intact"
else t_fail "usage output is the input: input intact" "the input was overwritten"; fi
printf '<?xml version="1.0"?>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">\n<fo:block>\n' > "$WORK/broken.fo"
"$GW" fo "$WORK/broken.fo" -o "$WORK/broken.pdf" >"$WORK/broken.log" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q 'broken.fo:[0-9]' "$WORK/broken.log" && [ ! -e "$WORK/broken.pdf" ]; then t_ok "malformed FO exits 1 with FILE:LINE"
else t_fail "malformed FO exits 1 with FILE:LINE" "exit $rc: $(head -1 "$WORK/broken.log" | sed "s|$WORK/||")"; fi
printf '<?xml version="1.0"?>\n<html><body/></html>\n' > "$WORK/notfo.fo"
"$GW" fo "$WORK/notfo.fo" -o "$WORK/notfo.pdf" >"$WORK/notfo.log" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q 'notfo.fo:2:' "$WORK/notfo.log"; then t_ok "non-FO document exits 1"
else t_fail "non-FO document exits 1" "exit $rc: $(head -1 "$WORK/notfo.log" | sed "s|$WORK/||")"; fi

# ---- 6. unsupported elements and properties: one warning each ----
cat > "$WORK/unsupported.fo" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body/></fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:flow flow-name="xsl-region-body" font-family="仿宋">
      <fo:block frobnication="3">甲<fo:frobnicator/></fo:block>
      <fo:block frobnication="4">乙<fo:frobnicator/></fo:block>
      <fo:block frobnication="5" font-size="huge">丙<fo:frobnicator/></fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
"$GW" fo "$WORK/unsupported.fo" -o "$WORK/unsupported.pdf" >"$WORK/unsupported.log" 2>&1
rc=$?
n_el=$(grep -c 'frobnicator' "$WORK/unsupported.log")
n_pr=$(grep -c "frobnication" "$WORK/unsupported.log")
if [ $rc -eq 0 ] && [ "$n_el" -eq 1 ] && grep -q 'unsupported.fo:8: .*fo:frobnicator' "$WORK/unsupported.log"; then
  t_ok "warn once unsupported element"
else t_fail "warn once unsupported element" "exit $rc, $n_el warning(s): $(grep -m1 frobnicator "$WORK/unsupported.log" | sed "s|$WORK/||")"; fi
if [ $rc -eq 0 ] && [ "$n_pr" -eq 1 ] && grep -q "unsupported.fo:8: .*'frobnication'" "$WORK/unsupported.log"; then
  t_ok "warn once unsupported property"
else t_fail "warn once unsupported property" "exit $rc, $n_pr warning(s): $(grep -m1 frobnication "$WORK/unsupported.log" | sed "s|$WORK/||")"; fi
if grep -q "unsupported.fo:10: warning: invalid value 'huge' for property 'font-size'" "$WORK/unsupported.log"; then
  t_ok "invalid property value warns with FILE:LINE"
else t_fail "invalid property value warns with FILE:LINE" "$(grep -m1 huge "$WORK/unsupported.log" | sed "s|$WORK/||")"; fi

# properties the formatter accepts but does not implement must not pass silently
cat > "$WORK/ignored.fo" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body column-count="2"/></fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:flow flow-name="xsl-region-body" font-family="仿宋">
      <fo:block writing-mode="tb-rl">竖排</fo:block>
      <fo:block-container reference-orientation="45"><fo:block>旋转</fo:block></fo:block-container>
      <fo:block>见第<fo:page-number-citation ref-id="no-such-id"/>页</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
"$GW" fo "$WORK/ignored.fo" -o "$WORK/ignored.pdf" --areas "$WORK/ignored.xml" >"$WORK/ignored.log" 2>&1
for prop in column-count writing-mode; do
  if grep -q "warning: .*$prop" "$WORK/ignored.log"; then t_ok "warn unimplemented property $prop"
  else t_fail "warn unimplemented property $prop" "$prop=\"…\" is ignored without a warning"; fi
done
if grep -q "ignored.fo:9: warning: invalid value '45' for property 'reference-orientation'" "$WORK/ignored.log"; then
  t_ok "reference-orientation other than a multiple of 90 warns"
else t_fail "reference-orientation other than a multiple of 90 warns" "$(grep -m1 orientation "$WORK/ignored.log" | sed "s|$WORK/||")"; fi
cited=$(python3 -c "import sys; sys.path.insert(0, sys.argv[1]); import arealib
print(''.join(arealib.line_text(l) for l in arealib.load(sys.argv[2]).iter('line') if '见第' in arealib.line_text(l)))" \
  "$HERE" "$WORK/ignored.xml" 2>/dev/null)
if grep -q "ignored.fo:10: warning: citation of unknown id 'no-such-id'" "$WORK/ignored.log" && [ "$cited" != "见第1页" ]; then
  t_ok "citation of an unknown id warns"
else
  t_fail "citation of an unknown id warns" "prints '$cited' with $(grep -c warning "$WORK/ignored.log") warning(s)"
fi

# ---- 7. locale independence ----
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  for name in notice grid blocks; do
    have "$name" || continue
    LC_ALL=de_DE.UTF-8 "$GW" fo "$HERE/$name.fo" --areas "$WORK/$name.de.xml" -q >/dev/null 2>&1
    if cmp -s "$WORK/$name.areas.xml" "$WORK/$name.de.xml"; then t_ok "locale de_DE.UTF-8 same areas $name"
    else t_fail "locale de_DE.UTF-8 same areas $name" "the dump differs under LC_ALL=de_DE.UTF-8"; fi
  done
else
  echo "# de_DE.UTF-8 locale not generated: locale comparison skipped"
fi
exit 0
