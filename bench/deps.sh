#!/bin/sh
# Installs what the benchmark needs beyond the build deps (Apache FOP, a TrueType CJK font FOP can
# read, hb-subset for the subset role fonts, valgrind for instruction counts) when missing, and
# writes bench/work/fop.xconf registering that font for FOP.
# Usage: bench/deps.sh            (called by `make bench-deps`)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${BENCH_WORK:-$HERE/work}
PKGS="fop fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-noto-cjk time poppler-utils python3 pkg-config
      libpango1.0-dev libcairo2-dev libharfbuzz-bin valgrind"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "bench-deps: installing$missing"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

mkdir -p "$WORK"

# FOP 2.8 reads TrueType (glyf) fonts, including one face of a .ttc picked by sub-font; it cannot
# use the CFF-flavoured Noto CJK collections.  AR PL UMing (uming.ttc, stands in for 仿宋/宋体) and
# WenQuanYi Zen Hei (wqy-zenhei.ttc, stands in for 黑体) are TrueType collections that both FOP and
# gongwen (through fontconfig) find under the same family names.  The bench FO never asks for bold
# or italic; those triplets map to the same face only so that a stray request is not replaced by
# FOP's Helvetica ('#' glyphs).
UMING=$(fc-list -f '%{file}\n' 'AR PL UMing CN' 2>/dev/null | head -n1)
[ -n "$UMING" ] || UMING=/usr/share/fonts/truetype/arphic/uming.ttc
ZENHEI=$(fc-list -f '%{file}\n' 'WenQuanYi Zen Hei' 2>/dev/null | head -n1)
[ -n "$ZENHEI" ] || ZENHEI=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
for f in "$UMING" "$ZENHEI"; do
  [ -r "$f" ] || { echo "bench-deps: font file $f is missing" >&2; exit 1; }
done

tmp="$WORK/fop.xconf.tmp"
cat >"$tmp" <<XCONF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by bench/deps.sh: FOP configuration registering TrueType CJK fonts. -->
<fop version="1.0">
  <renderers>
    <renderer mime="application/pdf">
      <fonts>
        <font embed-url="file://$UMING" sub-font="AR PL UMing CN" kerning="no">
          <font-triplet name="AR PL UMing CN" style="normal" weight="normal"/>
          <font-triplet name="AR PL UMing CN" style="normal" weight="bold"/>
          <font-triplet name="AR PL UMing CN" style="italic" weight="normal"/>
          <font-triplet name="AR PL UMing CN" style="italic" weight="bold"/>
        </font>
        <font embed-url="file://$ZENHEI" sub-font="WenQuanYi Zen Hei" kerning="no">
          <font-triplet name="WenQuanYi Zen Hei" style="normal" weight="normal"/>
          <font-triplet name="WenQuanYi Zen Hei" style="normal" weight="bold"/>
          <font-triplet name="WenQuanYi Zen Hei" style="italic" weight="normal"/>
          <font-triplet name="WenQuanYi Zen Hei" style="italic" weight="bold"/>
        </font>
      </fonts>
    </renderer>
  </renderers>
</fop>
XCONF
mv "$tmp" "$WORK/fop.xconf"
