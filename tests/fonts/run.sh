#!/bin/bash
# tests/fonts/run.sh — the product's fonts (fonts/fonts.conf, not the pinned tests/fonts.conf):
#   subset    the role fonts `make fonts` cuts into fonts/subset (fonts/mkfonts.py) are renamed
#             "GW Subset …" and are all a case record embeds, its text intact
#   body      the order's body is set in a 仿宋 (FandolFang's subset), 楷体 in FandolKai's
#   fallback  a character outside the subsets is drawn from the full fonts after them
#   style     `gongwen fonts` warns when a role falls back to a face of another style
#   licensed  fonts renamed here to licensed names (FangSong_GB2312, SimHei, KaiTi_GB2312: their
#             only family names) win their roles over the free faces and their subsets
#   rare      CJK Extension B characters (𠀀 𪚥) print, in an FO and in a record; a private-use
#             and an unassigned code point are still "no font has"
#   relative  a copy of fonts.conf finds the subset/ folder beside itself (installed copies)
#   mkfonts   fonts/mkfonts.py gives the same bytes again and rewrites nothing when up to date
#   no subset a data directory without fonts/subset still renders, with the full Noto fonts
# The subset checks are skipped (a "#" note) when hb-subset is not installed.
# Prints one line per test ("ok - NAME" / "not ok - NAME: why"); "#" lines are notes.
# Env (from tests/run.sh): GW = gongwen binary, TOP = repo root, WORK = scratch dir, GW_LABEL.
. "${TOP:?}/tests/lib.sh"
t_plan 26 asan=24
export GONGWEN_DATADIR="$TOP"
export GONGWEN_FONTS_CONF="$TOP/fonts/fonts.conf"
CASE="$TOP/xml/cases/case-2015-014-wire.xml"
SUBSET="$TOP/fonts/subset"
cd "$WORK" || exit 2

# embedded PDF… : the fonts the PDFs embed, one PostScript name a line without the subset tag
# (ABCDEF+), sorted, each once.
embedded() {
  local f
  for f in "$@"; do pdffonts "$f" | tail -n +3 | awk '{ print $1 }'; done \
    | sed 's/^[A-Z]\{6\}+//' | sort -u
}

# chars_by_font AREAS.xml : "COUNT FONT" lines, most characters first, of an area tree dump.
chars_by_font() {
  python3 - "$1" <<'PY'
import collections, sys, xml.etree.ElementTree as ET
count = collections.Counter()
for t in ET.parse(sys.argv[1]).iter("text"):
    count[t.get("font")] += len(t.text or "")
for font, n in count.most_common():
    print(n, font)
PY
}

# render_case NAME DIR : renders the case record into DIR; ok when it exits 0 with two PDFs
# (the order and its receipt) whose text has the title and the party.
render_case() {
  local name=$1 dir=$2 pdf
  if ! "$GW" render "$CASE" -o "$dir" -q 2>"$dir.err"; then
    t_fail "$name: render" "$(head -3 "$dir.err" | tr '\n' ' ')"; return 1
  fi
  pdf=$(find "$dir" -name '责令整改通知书*.pdf')
  if [ "$(find "$dir" -name '*.pdf' | wc -l)" != 2 ] || [ -z "$pdf" ]; then
    t_fail "$name: render" "expected the order and the receipt in $dir"; return 1
  fi
  pdftotext "$pdf" "$dir.txt"
  if grep -q 责令整改通知书 "$dir.txt" && grep -q 永清县华通电线电缆有限公司 "$dir.txt"; then
    t_ok "$name: render, the order's text intact"
  else
    t_fail "$name: render, the order's text intact" "pdftotext lacks the title or the party"
    return 1
  fi
}

if ! command -v hb-subset >/dev/null 2>&1; then
  echo "# fonts: hb-subset not installed (Debian libharfbuzz-bin): subset checks skipped"
elif [ ! -f "$SUBSET/GWSubset-SerifSC-Regular.otf" ]; then
  t_fail "subset: fonts/subset made" "no $SUBSET/GWSubset-SerifSC-Regular.otf (run make fonts)"
else
  # subset: renamed, so fontconfig tells them from the full fonts (and as the OFL asks)
  for f in "$SUBSET"/GWSubset-*.otf; do
    fam=$(fc-scan -f '%{family}' "$f"); ps=$(fc-scan -f '%{postscriptname}' "$f")
    n=$(basename "$f" .otf)
    case "$fam|$ps" in
      "GW Subset "*"|$n") [[ $fam != *,* ]] && t_ok "subset: $n is family '$fam' only" \
                             || t_fail "subset: $n renamed" "families '$fam'" ;;
      *) t_fail "subset: $n renamed" "family '$fam', PostScript name '$ps'" ;;
    esac
  done

  # subset: a case record embeds no full CFF font, only the subsets (and the TrueType AR PL
  # UKai CN for the ² FandolFang lacks: cairo copies only the glyphs used from TrueType)
  if render_case "subset" "$WORK/subset"; then
    got=$(embedded "$WORK"/subset/*.pdf | tr '\n' ' ')
    if [ "$got" = "GWSubset-FandolFang-Regular GWSubset-SerifSC-Regular GWSubset-SerifSC-SemiBold UKaiCN " ]; then
      t_ok "subset: a case record embeds the subsets and UKai only ($got)"
    else
      t_fail "subset: a case record embeds the subsets and UKai only" "embedded: $got"
    fi
  fi

  # body: the order's text is set in a 仿宋 (most of its characters), which the PDF embeds
  pdf_order=$(find "$WORK/subset" -name '责令整改通知书*.pdf')
  if [ -n "$pdf_order" ]; then
    got=$(embedded "$pdf_order" | tr '\n' ' ')
    case " $got" in
      *" GWSubset-FandolFang-Regular "*) t_ok "body: the order PDF embeds a 仿宋 ($got)" ;;
      *) t_fail "body: the order PDF embeds a 仿宋" "embedded: $got" ;;
    esac
  fi
  if "$GW" xslt "$TOP/xsl/case-order.xsl" "$CASE" -o "$WORK/order.fo" 2>"$WORK/order.err" \
     && "$GW" fo "$WORK/order.fo" -o "$WORK/order.pdf" --areas "$WORK/order.xml" -q 2>>"$WORK/order.err"; then
    got=$(chars_by_font "$WORK/order.xml" | head -1)
    [ "${got#* }" = "GW Subset Fandol Fang" ] \
      && t_ok "body: most of the order's characters are in 仿宋 ($got)" \
      || t_fail "body: most of the order's characters are in 仿宋" "$(chars_by_font "$WORK/order.xml" | tr '\n' ',')"
  else
    t_fail "body: the order's area tree" "$(head -3 "$WORK/order.err" | tr '\n' ' ')"
  fi

  # fallback: 龘 and 㐀 are in no subset (not GB 2312, not in xml/ or xsl/)
  if grep -qx -e U+9F98 -e U+3400 "$SUBSET/chars.txt"; then
    t_fail "fallback: test characters outside the subset" "龘 or 㐀 is in $SUBSET/chars.txt"
  else
    cat >"$WORK/fallback.fo" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="25mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="A4">
    <fo:flow flow-name="xsl-region-body" font-size="16pt">
      <fo:block font-family="仿宋">仿宋正文龘㐀</fo:block>
      <fo:block font-family="黑体">黑体标题龘</fo:block>
      <fo:block font-family="楷体">楷体标题</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
    if "$GW" fo "$WORK/fallback.fo" -o "$WORK/fallback.pdf" -q 2>"$WORK/fallback.err"; then
      got=$(embedded "$WORK/fallback.pdf" | tr '\n' ' ')
      want="GWSubset-FandolFang-Regular GWSubset-FandolKai-Regular GWSubset-SansSC-Regular NotoSansCJKsc-Regular"
      want="$want NotoSerifCJKsc-Regular UKaiCN "
      [ "$got" = "$want" ] && t_ok "fallback: 仿宋 embeds its subset, UKai (龘) and the full Noto Serif (㐀), 黑体 its subset and the full Noto Sans, 楷体 FandolKai's subset" \
        || t_fail "fallback: 仿宋 embeds its subset, UKai (龘) and the full Noto Serif (㐀), 黑体 its subset and the full Noto Sans, 楷体 FandolKai's subset" "embedded: $got"
      pdftotext "$WORK/fallback.pdf" "$WORK/fallback.txt"
      grep -q 仿宋正文龘㐀 "$WORK/fallback.txt" && grep -q 黑体标题龘 "$WORK/fallback.txt" \
        && t_ok "fallback: the characters outside the subset are printed" \
        || t_fail "fallback: the characters outside the subset are printed" \
                  "pdftotext: $(tr '\n' ' ' <"$WORK/fallback.txt")"
    else
      t_fail "fallback: gongwen fo" "$(head -3 "$WORK/fallback.err" | tr '\n' ' ')"
    fi
  fi

  # relative: fonts.conf names its subset folder relative to itself, so a copy elsewhere (as
  # installed in PREFIX/share/gongwen/fonts) with subset/ beside it resolves the roles to it
  mkdir -p "$WORK/elsewhere"
  cp "$TOP/fonts/fonts.conf" "$WORK/elsewhere/"
  ln -sfn "$SUBSET" "$WORK/elsewhere/subset"
  got=$(FONTCONFIG_FILE="$WORK/elsewhere/fonts.conf" fc-match -f '%{postscriptname}' '仿宋:lang=zh-cn')
  [ "$got" = GWSubset-FandolFang-Regular ] \
    && t_ok "relative: a copy of fonts.conf finds subset/ beside it (仿宋 → $got)" \
    || t_fail "relative: a copy of fonts.conf finds subset/ beside it" "仿宋 → $got"

  # mkfonts: deterministic, and nothing rewritten when up to date (gongwen batch's up-to-date
  # check hashes the font files' modification times). The script itself needs no gongwen.
  if [ "${GW_LABEL:-normal}" = normal ]; then
    if python3 "$TOP/fonts/mkfonts.py" "$WORK/again" "$TOP" >"$WORK/again.log" 2>&1; then
      if ! cmp -s "$WORK/again/.stamp" "$SUBSET/.stamp"; then
        t_fail "mkfonts: the same bytes as fonts/subset" "fonts/subset out of date (make fonts)"
      elif (cd "$SUBSET" && for f in *.otf chars.txt; do cmp "$f" "$WORK/again/$f" || exit 1; done) \
             >"$WORK/cmp.log" 2>&1; then
        t_ok "mkfonts: the same bytes as fonts/subset"
      else
        t_fail "mkfonts: the same bytes as fonts/subset" "$(head -2 "$WORK/cmp.log" | tr '\n' ' ')"
      fi
      before=$(stat -c '%n %Y.%y' "$WORK"/again/*)
      python3 "$TOP/fonts/mkfonts.py" "$WORK/again" "$TOP" >"$WORK/again2.log" 2>&1
      [ "$(stat -c '%n %Y.%y' "$WORK"/again/*)" = "$before" ] && [ ! -s "$WORK/again2.log" ] \
        && t_ok "mkfonts: up to date, nothing rewritten" \
        || t_fail "mkfonts: up to date, nothing rewritten" "$(head -2 "$WORK/again2.log" | tr '\n' ' ')"
    else
      t_fail "mkfonts: runs" "$(tail -3 "$WORK/again.log" | tr '\n' ' ')"
    fi
  fi
fi

# no subset: a data directory as `make install` lays it out, without fonts/subset.  Its own
# copy: gongwen adds the data directory's fonts/ (subfolders included) as application fonts, so
# the source tree's subsets must be out of reach; and copies, not symbolic links, as gongwen
# refuses a stylesheet that reads through a link out of the data directory.
mkdir -p "$WORK/data/fonts" "$WORK/data/xml"
cp -r "$TOP/xsl" "$WORK/data/"
cp -r "$TOP/xml/schema" "$WORK/data/xml/"
cp "$TOP/fonts/fonts.conf" "$WORK/data/fonts/"
if GONGWEN_DATADIR="$WORK/data" GONGWEN_FONTS_CONF="" render_case "no subset" "$WORK/full"; then
  got=$(embedded "$WORK"/full/*.pdf | tr '\n' ' ')
  [ "$got" = "FandolFang-Regular NotoSerifCJKsc-Regular NotoSerifCJKsc-SemiBold UKaiCN " ] \
    && t_ok "no subset: the full FandolFang and Noto fonts serve ($got)" \
    || t_fail "no subset: the full FandolFang and Noto fonts serve" "embedded: $got"
fi

# style: the product's configuration serves every role in its own style, without a warning; one
# without a 仿宋 face (the pinned tests/fonts.conf: Noto Serif for 仿宋) is warned of
if "$GW" fonts >"$WORK/roles.out" 2>"$WORK/roles.err"; then
  if [ ! -s "$WORK/roles.err" ] && grep -q '^  仿宋 .*→ .*Fang (仿宋)$' "$WORK/roles.out" \
     && grep -q '^  楷体 .*→ .*Kai (楷体)$' "$WORK/roles.out"; then
    t_ok "style: 仿宋 and 楷体 in their own style, no warning"
  else
    t_fail "style: 仿宋 and 楷体 in their own style, no warning" \
           "$(cat "$WORK/roles.out" "$WORK/roles.err" | tr '\n' ' ')"
  fi
else
  t_fail "style: gongwen fonts" "$(head -3 "$WORK/roles.err" | tr '\n' ' ')"
fi
GONGWEN_FONTS_CONF="$TOP/tests/fonts.conf" "$GW" fonts >"$WORK/roles2.out" 2>"$WORK/roles2.err"
if grep -q 'warning: 仿宋 falls back to Noto Serif CJK SC, a 宋体 face' "$WORK/roles2.err" \
   && ! grep -q 'warning: 楷体' "$WORK/roles2.err"; then
  t_ok "style: a 仿宋 role served by a 宋体 face is warned of"
else
  t_fail "style: a 仿宋 role served by a 宋体 face is warned of" "$(tr '\n' ' ' <"$WORK/roles2.err")"
fi

# licensed: a data directory whose fonts/ holds free fonts renamed here to licensed names, the
# English family name their only name (as a licensed FangSong_GB2312.ttf may carry): each wins
# its role (and its own name) over the free faces and their subsets, in `gongwen fonts` and in
# the fonts a PDF embeds.  The fixtures are FandolSong/FandolHei (texlive-lang-chinese) with the
# 'name' table rewritten by fontTools (Debian python3-fonttools).
FANDOL=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
PYFT=""
for py in python3 /usr/bin/python3; do
  "$py" -c 'import fontTools' 2>/dev/null && { PYFT=$py; break; }
done
if [ -z "$PYFT" ] || [ ! -f "$FANDOL/FandolSong-Regular.otf" ]; then
  t_fail "licensed: fixtures" "needs python3-fonttools and texlive-lang-chinese (.ci/deps)"
else
  LIC="$WORK/lic"
  mkdir -p "$LIC/fonts" "$LIC/xml"
  cp -r "$TOP/xsl" "$LIC/"
  cp -r "$TOP/xml/schema" "$LIC/xml/"
  cp "$TOP/fonts/fonts.conf" "$LIC/fonts/"
  [ -d "$SUBSET" ] && cp -r "$SUBSET" "$LIC/fonts/subset"
  "$PYFT" - "$FANDOL" "$LIC/fonts" <<'PY' 2>"$WORK/lic-fixture.err"
import os, sys
from fontTools.ttLib import TTFont
src, dst = sys.argv[1:]
for source, family in (("FandolSong-Regular", "FangSong_GB2312"), ("FandolHei-Regular", "SimHei"),
                       ("FandolSong-Bold", "KaiTi_GB2312")):
    font = TTFont(os.path.join(src, source + ".otf"))
    name = font["name"]
    ps = "GWTest-" + family.replace("_", "")
    name.names = [n for n in name.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 21, 22)]
    for nid, text in ((1, family), (2, "Regular"), (3, ps), (4, family), (6, ps)):
        name.setName(text, nid, 3, 1, 0x409)
    font["CFF "].cff.fontNames = [ps]
    font.save(os.path.join(dst, family + ".otf"))
PY
  fams=$(for f in "$LIC"/fonts/*.otf; do fc-scan -f '%{family}|' "$f"; done)
  if [ "$fams" != "FangSong_GB2312|KaiTi_GB2312|SimHei|" ]; then
    t_fail "licensed: fixtures named" "families '$fams' $(head -2 "$WORK/lic-fixture.err")"
  else
    GONGWEN_DATADIR="$LIC" GONGWEN_FONTS_CONF="" "$GW" fonts >"$WORK/lic.out" 2>"$WORK/lic.err"
    bad=""
    for pair in 仿宋=FangSong_GB2312 FangSong_GB2312=FangSong_GB2312 黑体=SimHei SimHei=SimHei \
                楷体=KaiTi_GB2312 KaiTi_GB2312=KaiTi_GB2312; do
      grep -q "^  ${pair%%=*} .*→ ${pair#*=} (" "$WORK/lic.out" || bad="$bad ${pair%%=*}"
    done
    [ -z "$bad" ] && [ ! -s "$WORK/lic.err" ] \
      && t_ok "licensed: gongwen fonts: 仿宋, 黑体, 楷体 and their licensed names → the licensed faces" \
      || t_fail "licensed: gongwen fonts: the licensed faces win" \
                "not for:$bad; $(tr '\n' ' ' <"$WORK/lic.out") $(tr '\n' ' ' <"$WORK/lic.err")"
    cat >"$WORK/lic.fo" <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="25mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="A4">
    <fo:flow flow-name="xsl-region-body" font-size="16pt">
      <fo:block font-family="仿宋">仿宋正文</fo:block>
      <fo:block font-family="黑体">黑体标题</fo:block>
      <fo:block font-family="楷体">楷体标题</fo:block>
      <fo:block font-family="FangSong_GB2312">仿宋正文</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
FO
    if GONGWEN_DATADIR="$LIC" GONGWEN_FONTS_CONF="" "$GW" fo "$WORK/lic.fo" -o "$WORK/lic.pdf" -q \
         2>"$WORK/lic-fo.err"; then
      got=$(embedded "$WORK/lic.pdf" | tr '\n' ' ')
      [ "$got" = "GWTest-FangSongGB2312 GWTest-KaiTiGB2312 GWTest-SimHei " ] \
        && t_ok "licensed: the PDF embeds the licensed faces only ($got)" \
        || t_fail "licensed: the PDF embeds the licensed faces only" "embedded: $got"
    else
      t_fail "licensed: gongwen fo" "$(head -3 "$WORK/lic-fo.err" | tr '\n' ' ')"
    fi
    if GONGWEN_DATADIR="$LIC" GONGWEN_FONTS_CONF="" render_case "licensed" "$WORK/lic-case"; then
      got=$(embedded "$WORK"/lic-case/责令整改通知书*.pdf | tr '\n' ' ')
      case " $got" in
        *" GWTest-FangSongGB2312 "*Fandol*|*Fandol*" GWTest-FangSongGB2312 "*) \
          t_fail "licensed: the order's body in FangSong_GB2312" "embedded: $got" ;;
        *" GWTest-FangSongGB2312 "*) t_ok "licensed: the order's body in FangSong_GB2312 ($got)" ;;
        *) t_fail "licensed: the order's body in FangSong_GB2312" "embedded: $got" ;;
      esac
    fi
  fi
fi

# rare: CJK Extension B characters print (fonts-hanazono, fonts-babelstone-han), in an FO and in
# a record's party name; a private-use (U+E000: the Debian faces' own glyphs are ignored) and an
# unassigned code point (U+323B0) are still "no font has"
rare_fo() {  # rare_fo TEXT : an FO with TEXT in a 仿宋 block
  cat <<FO
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="25mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="A4">
    <fo:flow flow-name="xsl-region-body" font-size="16pt">
      <fo:block font-family="仿宋">$1</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
FO
}
rare_fo '当事人张𠀀、李𪚥' >"$WORK/rare.fo"
if "$GW" fo "$WORK/rare.fo" -o "$WORK/rare.pdf" -q 2>"$WORK/rare.err"; then
  pdftotext "$WORK/rare.pdf" "$WORK/rare.txt"
  grep -q '当事人张𠀀、李𪚥' "$WORK/rare.txt" \
    && t_ok "rare: 𠀀 and 𪚥 in an FO print ($(embedded "$WORK/rare.pdf" | tr '\n' ' '))" \
    || t_fail "rare: 𠀀 and 𪚥 in an FO print" "pdftotext: $(tr '\n' ' ' <"$WORK/rare.txt")"
else
  t_fail "rare: 𠀀 and 𪚥 in an FO" "$(head -3 "$WORK/rare.err" | tr '\n' ' ')"
fi
mkdir -p "$WORK/rare-record"
sed 's|<name>永清县华通电线电缆有限公司</name>|<name>永清县𠀀𪚥电线电缆有限公司</name>|' "$CASE" \
  >"$WORK/rare-record/case-rare.xml"
if ! grep -q '𠀀𪚥' "$WORK/rare-record/case-rare.xml"; then
  t_fail "rare: a record with 𠀀 and 𪚥" "the party's name was not found in $CASE"
elif "$GW" render "$WORK/rare-record/case-rare.xml" -o "$WORK/rare-record/out" -q \
       2>"$WORK/rare-record.err"; then
  pdftotext "$(find "$WORK/rare-record/out" -name '责令整改通知书*.pdf' | head -1)" "$WORK/rare-record.txt"
  grep -q '永清县𠀀𪚥电线电缆有限公司' "$WORK/rare-record.txt" \
    && t_ok "rare: a record whose party has 𠀀 and 𪚥 renders, the name printed" \
    || t_fail "rare: a record whose party has 𠀀 and 𪚥 renders, the name printed" \
              "pdftotext lacks 永清县𠀀𪚥电线电缆有限公司"
else
  t_fail "rare: a record whose party has 𠀀 and 𪚥 renders" "$(head -3 "$WORK/rare-record.err" | tr '\n' ' ')"
fi
for cp in E000 323B0; do
  rare_fo "造字$(printf "\\U$(printf %08X 0x$cp)")" >"$WORK/rare-$cp.fo"
  "$GW" fo "$WORK/rare-$cp.fo" -o "$WORK/rare-$cp.pdf" -q 2>"$WORK/rare-$cp.err"
  status=$?
  [ "$status" = 1 ] && grep -q "no font has U+$cp" "$WORK/rare-$cp.err" \
    && t_ok "rare: U+$cp still has no font (exit 1)" \
    || t_fail "rare: U+$cp still has no font" "exit $status: $(head -2 "$WORK/rare-$cp.err" | tr '\n' ' ')"
done
