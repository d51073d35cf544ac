#!/bin/bash
# tests/ofd/run.sh — OFD (GB/T 33190) checked without an OFD reader (none is packaged).
# Prints one line per test, "ok - NAME" or "not ok - NAME: why".
#
#   ofd NAME schema|parts|ids|fonts|text|positions
#                  check_ofd.py on formatter FOs (blocks, collapse, kinsoku, notice, rotated, toc) and on
#                  a rectification order and the annual register written with --format
#                  pdf,ofd from one layout (see check_ofd.py)
#   ofd images …   pictures: JPEG as-is, others PNG, EXIF/TIFF orientation (check_ofd_images.py)
#   ofd seal       the order records the GB/T 9704 seal area (a 42 mm Stamp annotation
#                  centred on the organ line)
#   ofd bytes …    two runs give identical bytes, also under another time zone; the
#                  DocID changes with the content
#   ofd checker …  check_ofd.py fails on a package with a font removed and a run moved
#   ofd batch …    --format pdf,ofd: both files, the manifest's ofd-sha256, up to date on a
#                  rerun, a removed OFD made again, another --format remakes; render
#                  --format ofd writes OFD only; --combine needs the PDF
#   ofd usage …    --format: .ofd output name, unknown formats exit 2
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
GW=${GW:-$TOP/build/gongwen}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
. "$TOP/tests/lib.sh"
t_plan 73
HERE="$TOP/tests/ofd"
export GONGWEN_FONTS_CONF=${GONGWEN_FONTS_CONF:-$TOP/tests/fonts.conf}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1435017600}
export PYTHONDONTWRITEBYTECODE=1
PY=/usr/bin/python3   # Debian's, with python3-fonttools

$PY -c 'import fontTools' 2>/dev/null || t_fail "ofd tools" "python3-fonttools is not installed"

# check NAME OFD PDF AREAS — runs check_ofd.py (its lines are the results)
check() {
  local out
  out=$($PY "$HERE/check_ofd.py" "$2" "$3" "$4" "$HERE/ofd-subset.rng" "ofd $1" 2>"$WORK/check.err")
  [ -n "$out" ] && printf '%s\n' "$out"
  if ! grep -q "positions" <<<"$out"; then t_fail "ofd $1" "check_ofd.py died: $(tail -1 "$WORK/check.err")"; fi
}

# fo NAME FO — PDF, OFD and area dump from one layout
fo() {
  if "$GW" fo -q "$2" --format pdf,ofd -o "$WORK/$1.pdf" --areas "$WORK/$1.areas.xml" >"$WORK/$1.log" 2>&1 \
     && [ -s "$WORK/$1.ofd" ] && [ -s "$WORK/$1.pdf" ]; then
    check "$1" "$WORK/$1.ofd" "$WORK/$1.pdf" "$WORK/$1.areas.xml"
  else
    t_fail "ofd $1" "fo failed: $(head -2 "$WORK/$1.log" | tr '\n' ' ')"
  fi
}

for n in blocks collapse kinsoku notice rotated toc; do
  [ -f "$TOP/tests/formatter/$n.fo" ] && fo "$n" "$TOP/tests/formatter/$n.fo"
done
(cd "$TOP" && "$GW" xslt xsl/case-order.xsl xml/cases/case-2015-014-wire.xml -o "$WORK/order.fo") \
  && fo order "$WORK/order.fo"
(cd "$TOP" && "$GW" xslt xsl/annual.xsl xml/annual.xml -o "$WORK/annual.fo") \
  && fo annual "$WORK/annual.fo"

# pictures: every raster format, EXIF-turned JPEG (check_ofd_images.py), then the package checks
$PY "$HERE/check_ofd_images.py" "$GW" "$WORK/img" 2>"$WORK/img.err" || t_fail "ofd images" "$(tail -1 "$WORK/img.err")"
[ -s "$WORK/img/images.ofd" ] && check images "$WORK/img/images.ofd" "$WORK/img/images.pdf" "$WORK/img/images.xml"

# the seal area
if [ -s "$WORK/order.ofd" ] && unzip -p "$WORK/order.ofd" 'Doc_0/Annots/Page_*/Annotation.xml' 2>/dev/null \
     | grep -q 'Subtype="gongwen.SealArea".*Boundary="[0-9.]* [0-9.]* 42 42"'; then
  t_ok "ofd seal"
else
  t_fail "ofd seal" "no 42 mm seal annotation in the order"
fi

# identical bytes: again, under another time zone; a changed document changes the DocID
if [ -s "$WORK/order.ofd" ]; then
  TZ=Asia/Shanghai "$GW" fo -q "$WORK/order.fo" -o "$WORK/order2.ofd" >/dev/null 2>&1
  t_expect "ofd bytes: two runs identical" cmp "$WORK/order.ofd" "$WORK/order2.ofd"
  sed 's/永清县/永青县/g' "$WORK/order.fo" > "$WORK/order3.fo"
  "$GW" fo -q "$WORK/order3.fo" -o "$WORK/order3.ofd" >/dev/null 2>&1
  id() { unzip -p "$1" OFD.xml | grep -o '<ofd:DocID>[0-9a-f]*' ; }
  if [ -n "$(id "$WORK/order.ofd")" ] && [ "$(id "$WORK/order.ofd")" != "$(id "$WORK/order3.ofd")" ]; then
    t_ok "ofd bytes: DocID follows the content"
  else
    t_fail "ofd bytes: DocID follows the content" "same DocID for different documents"
  fi
  first=$(unzip -Z1 "$WORK/order.ofd" | head -1)
  t_expect "ofd bytes: OFD.xml is the first entry" test "$first" = OFD.xml
fi

# the checker finds a broken package: a font file gone, a TextCode moved
if [ -s "$WORK/blocks.ofd" ]; then
  mkdir -p "$WORK/broken" && (cd "$WORK/broken" && unzip -qo "$WORK/blocks.ofd" \
    && rm -f Doc_0/Res/font_*.otf Doc_0/Res/font_*.ttf \
    && sed -i '0,/TextCode X="/s/TextCode X="/TextCode X="1/' Doc_0/Pages/Page_0/Content.xml \
    && rm -f ../broken.ofd && zip -qrX ../broken.ofd OFD.xml Doc_0)
  out=$($PY "$HERE/check_ofd.py" "$WORK/broken.ofd" "$WORK/blocks.pdf" "$WORK/blocks.areas.xml" "$HERE/ofd-subset.rng" b 2>&1)
  if grep -q '^not ok - b parts' <<<"$out" && grep -q '^not ok - b positions' <<<"$out"; then
    t_ok "ofd checker finds a missing font and a moved run"
  else
    t_fail "ofd checker finds a missing font and a moved run" "$(tr '\n' ' ' <<<"$out")"
  fi
fi

# render and batch: --format ofd / pdf,ofd, the manifest and the incremental stamp
B="$WORK/batch"; rm -rf "$B"
if (cd "$TOP" && "$GW" batch -q --format pdf,ofd -j 2 -o "$B" xml/cases/case-2015-014-wire.xml) >"$WORK/b1.log" 2>&1; then
  pdfs=$(ls "$B"/*.pdf 2>/dev/null | wc -l); ofds=$(ls "$B"/*.ofd 2>/dev/null | wc -l)
  t_expect "ofd batch pdf,ofd: a PDF and an OFD per document" test "$pdfs" = 2 -a "$ofds" = 2
  ok=1
  for f in "$B"/*.ofd; do
    sum=$(sha256sum "$f" | cut -c1-64)
    grep -q "ofd=\"$(basename "$f")\" ofd-sha256=\"$sum\"" "$B/manifest.xml" || ok=0
  done
  t_expect "ofd batch: the manifest records each OFD's SHA-256" test $ok = 1
  (cd "$TOP" && "$GW" batch --format pdf,ofd -j 2 -o "$B" xml/cases/case-2015-014-wire.xml) >"$WORK/b2.log" 2>&1
  t_expect "ofd batch: a rerun is up to date" grep -q "0 documents written, 2 up to date" "$WORK/b2.log"
  rm -f "$B"/送达回证*.ofd
  (cd "$TOP" && "$GW" batch --format pdf,ofd -j 2 -o "$B" xml/cases/case-2015-014-wire.xml) >"$WORK/b3.log" 2>&1
  t_expect "ofd batch: a removed OFD is made again" sh -c "grep -q '1 document written, 1 up to date' '$WORK/b3.log' && ls '$B'/送达回证*.ofd"
  (cd "$TOP" && "$GW" batch --format ofd -j 2 -o "$B" xml/cases/case-2015-014-wire.xml) >"$WORK/b4.log" 2>&1
  t_expect "ofd batch: another --format remakes (the stamp holds it)" grep -q "2 documents written, 0 up to date" "$WORK/b4.log"
else
  t_fail "ofd batch pdf,ofd" "$(head -2 "$WORK/b1.log" | tr '\n' ' ')"
fi
R="$WORK/render"; rm -rf "$R"
(cd "$TOP" && "$GW" render -q --format ofd -o "$R" xml/cases/case-2015-014-wire.xml) >/dev/null 2>&1
t_expect "ofd render --format ofd: OFD only" sh -c "ls '$R'/*.ofd && ! ls '$R'/*.pdf"
(cd "$TOP" && "$GW" render -q --format xps -o "$R" xml/cases/case-2015-014-wire.xml) >/dev/null 2>&1
t_expect "ofd render: unknown format exits 2" test $? = 2
(cd "$TOP" && "$GW" batch -q --format ofd --combine "$WORK/all.pdf" -o "$R" xml/cases/case-2015-014-wire.xml) >/dev/null 2>&1
t_expect "ofd batch: --combine without PDF exits 2" test $? = 2

# usage
"$GW" fo -q "$TOP/tests/formatter/blocks.fo" -o "$WORK/byname.ofd" >/dev/null 2>&1
t_expect "ofd usage: -o X.ofd writes OFD" sh -c "unzip -Z1 '$WORK/byname.ofd' | grep -qx OFD.xml"
"$GW" fo -q "$TOP/tests/formatter/blocks.fo" --format ofd,xps -o "$WORK/bad.ofd" >/dev/null 2>&1
t_expect "ofd usage: unknown format exits 2" test $? = 2
"$GW" fo -q "$TOP/tests/formatter/blocks.fo" --format png,ofd -o "$WORK/bad.ofd" >/dev/null 2>&1
t_expect "ofd usage: png with ofd exits 2" test $? = 2
