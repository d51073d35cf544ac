#!/bin/bash
# tests/fonts/run.sh — the product's fonts (fonts/fonts.conf, not the pinned tests/fonts.conf):
#   subset    the role fonts `make fonts` cuts into fonts/subset (fonts/mkfonts.py) are renamed
#             "GW Subset …" and are all a case record embeds, its text intact
#   fallback  a character outside the subsets is drawn from the full Noto font after them
#   relative  a copy of fonts.conf finds the subset/ folder beside itself (installed copies)
#   mkfonts   fonts/mkfonts.py gives the same bytes again and rewrites nothing when up to date
#   no subset a data directory without fonts/subset still renders, with the full Noto fonts
# The subset checks are skipped (a "#" note) when hb-subset is not installed.
# Prints one line per test ("ok - NAME" / "not ok - NAME: why"); "#" lines are notes.
# Env (from tests/run.sh): GW = gongwen binary, TOP = repo root, WORK = scratch dir, GW_LABEL.
. "${TOP:?}/tests/lib.sh"
t_plan 12 asan=10
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

  # subset: a case record embeds only the subsets
  if render_case "subset" "$WORK/subset"; then
    got=$(embedded "$WORK"/subset/*.pdf | tr '\n' ' ')
    if [ -n "$got" ] && ! embedded "$WORK"/subset/*.pdf | grep -qv '^GWSubset-'; then
      t_ok "subset: a case record embeds only GWSubset-* ($got)"
    else
      t_fail "subset: a case record embeds only GWSubset-*" "embedded: $got"
    fi
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
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
    if "$GW" fo "$WORK/fallback.fo" -o "$WORK/fallback.pdf" -q 2>"$WORK/fallback.err"; then
      got=$(embedded "$WORK/fallback.pdf" | tr '\n' ' ')
      want="GWSubset-SansSC-Regular GWSubset-SerifSC-Regular NotoSansCJKsc-Regular"
      want="$want NotoSerifCJKsc-Regular "
      [ "$got" = "$want" ] && t_ok "fallback: 仿宋 and 黑体 embed the subset and the full Noto font" \
        || t_fail "fallback: 仿宋 and 黑体 embed the subset and the full Noto font" "embedded: $got"
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
  [ "$got" = GWSubset-SerifSC-Regular ] \
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
  [ "$got" = "NotoSerifCJKsc-Regular NotoSerifCJKsc-SemiBold " ] \
    && t_ok "no subset: the full Noto fonts serve ($got)" \
    || t_fail "no subset: the full Noto fonts serve" "embedded: $got"
fi
