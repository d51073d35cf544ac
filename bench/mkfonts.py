#!/usr/bin/env python3
"""mkfonts.py — role fonts subset to the characters a bureau uses, in every variant the benchmark
compares (stdlib only).

The product makes one of these variants (the desubroutinized CFF subsets, cffd-*) with
fonts/mkfonts.py as a build step (`make fonts`), and fonts/fonts.conf lists them first.  This
script makes them all side by side for bench/run.sh, with the product script's code point list,
hb-subset call and renaming: CFF with and without subroutines, and TrueType.

  bench/mkfonts.py OUTDIR [TOPDIR]

writes into OUTDIR:
  chars.txt            the code points kept, one U+XXXX a line: ASCII, Latin-1, general
                       punctuation, CJK symbols, full-width forms, GB 2312 (7,445 characters) and
                       every character of TOPDIR/xml and TOPDIR/xsl (records and stylesheets)
  <name>.otf / .ttf    one subset per role font (see FONTS), renamed "GW Subset <name>" (family)
                       and "GWSubset-<name>" (PostScript name, so pdffonts shows which was used);
                       cff-* keep the CFF subroutines, cffd-* are made with --desubroutinize
  fonts-subset-cff.conf       gongwen's fonts/fonts.conf roles → the Noto CJK SC subsets, then
                               the full Noto fonts (fallback)
  fonts-subset-cffd.conf      the same with the desubroutinized subsets
  fonts-subset-truetype.conf  the same with the TrueType fonts (AR PL UMing CN / WenQuanYi Zen Hei)
Fonts are made only when missing or older than this script, fonts/mkfonts.py or chars.txt
(hb-subset takes well under a second per font).  Prints one line per font: size before → after.
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PRODUCT = os.path.join(HERE, "..", "fonts", "mkfonts.py")
# loaded by path, without writing a __pycache__ into fonts/ (installed, and hashed by gongwen
# batch's up-to-date check)
sys.dont_write_bytecode = True
_spec = importlib.util.spec_from_file_location("gw_mkfonts", PRODUCT)
gw_mkfonts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gw_mkfonts)

# name → (family to look up, face style for fc-match, extra hb-subset options)
FONTS = {
    "cff-xbs": ("Noto Serif CJK SC", "SemiBold", []),    # 小标宋
    "cff-serif": ("Noto Serif CJK SC", "Regular", []),   # 仿宋, 宋体, 楷体, serif
    "cff-sans": ("Noto Sans CJK SC", "Regular", []),     # 黑体, sans-serif
    "tt-serif": ("AR PL UMing CN", "Light", []),         # everything but 黑体
    "tt-sans": ("WenQuanYi Zen Hei", "Regular", []),     # 黑体, sans-serif
}
# the CFF fonts once more without subroutines: cairo then copies only the charstrings a document
# uses, instead of (most of) the subroutines of the whole font
for _n in ("xbs", "serif", "sans"):
    FONTS["cffd-" + _n] = FONTS["cff-" + _n][:2] + (["--desubroutinize"],)

# conf name → role → [subset font name, full family fallback…]
CONFS = {
    "fonts-subset-cff.conf": {
        "小标宋": ["cff-xbs", "Noto Serif CJK SC SemiBold", "Noto Serif CJK SC"],
        "仿宋": ["cff-serif", "Noto Serif CJK SC"],
        "宋体": ["cff-serif", "Noto Serif CJK SC"],
        "楷体": ["cff-serif", "Noto Serif CJK SC"],
        "黑体": ["cff-sans", "Noto Sans CJK SC"],
        "serif": ["cff-serif", "Noto Serif CJK SC", "DejaVu Serif"],
        "sans-serif": ["cff-sans", "Noto Sans CJK SC", "DejaVu Sans"],
    },
    "fonts-subset-cffd.conf": {},  # as fonts-subset-cff.conf with the cffd-* fonts, see below
    "fonts-subset-truetype.conf": {
        "小标宋": ["tt-serif", "AR PL UMing CN"],
        "仿宋": ["tt-serif", "AR PL UMing CN"],
        "宋体": ["tt-serif", "AR PL UMing CN"],
        "楷体": ["tt-serif", "AR PL UMing CN"],
        "黑体": ["tt-sans", "WenQuanYi Zen Hei"],
        "serif": ["tt-serif", "AR PL UMing CN", "DejaVu Serif"],
        "sans-serif": ["tt-sans", "WenQuanYi Zen Hei", "DejaVu Sans"],
    },
}
CONFS["fonts-subset-cffd.conf"] = {role: ["cffd-" + fams[0][4:]] + fams[1:]
                                   for role, fams in CONFS["fonts-subset-cff.conf"].items()}
# the licensed names the stylesheets may also ask for, as in fonts/fonts.conf
ALIASES = {"FZXiaoBiaoSong-B05S": "小标宋", "FangSong_GB2312": "仿宋", "FangSong": "仿宋",
           "SimHei": "黑体", "KaiTi_GB2312": "楷体", "SimSun": "宋体"}


def conf(outdir, name, roles):
    """A fontconfig file: fonts/fonts.conf's roles, the subsets first, the full fonts after."""
    lines = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
             f"<!-- Written by bench/mkfonts.py: roles → subset fonts in {outdir}, then the full"
             " fonts (fallback for characters the subsets lack). -->",
             "<fontconfig>", f"  <dir>{outdir}</dir>", "  <dir>/usr/share/fonts</dir>",
             "  <dir>/usr/local/share/fonts</dir>",
             '  <cachedir prefix="xdg">fontconfig</cachedir>',
             "  <cachedir>/var/cache/fontconfig</cachedir>",
             '  <include ignore_missing="yes">/etc/fonts/conf.d/90-synthetic.conf</include>']
    every = dict(roles)
    every.update({alias: roles[role] for alias, role in ALIASES.items()})
    for role, fams in every.items():
        fams = [f"GW Subset {fams[0]}"] + fams[1:]
        lines.append(f'  <alias binding="same"><family>{role}</family><prefer>'
                     + "".join(f"<family>{f}</family>" for f in fams) + "</prefer></alias>")
    lines.append("</fontconfig>")
    path = os.path.join(outdir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    outdir = os.path.abspath(sys.argv[1])
    top = sys.argv[2] if len(sys.argv) == 3 else os.path.join(HERE, "..")
    os.makedirs(outdir, exist_ok=True)
    cps = gw_mkfonts.code_points(top)
    listing = os.path.join(outdir, "chars.txt")
    gw_mkfonts.write_if_changed(listing, "".join(f"U+{c:04X}\n" for c in cps).encode())
    newest = max(os.path.getmtime(p) for p in (listing, __file__, PRODUCT))
    full = os.path.join(HERE, "fonts-noto-full.conf")  # the system fonts, no subsets
    for name, (family, style, extra) in FONTS.items():
        found = gw_mkfonts.find(full, family, style)
        if not found:
            raise SystemExit(f"mkfonts: {family} {style} not installed")
        src, index = found
        ext = ".otf" if name.startswith("cff") else ".ttf"
        dst = os.path.join(outdir, name + ext)
        if not os.path.exists(dst) or os.path.getmtime(dst) < newest:
            gw_mkfonts.subset(src, index, listing, dst, f"GW Subset {name}", f"GWSubset-{name}",
                              extra)
        print(f"mkfonts: {name}: {family} {style} ({os.path.basename(src)} #{index}, "
              f"{os.path.getsize(src) / 1e6:.1f} MB file) → {os.path.basename(dst)} "
              f"{os.path.getsize(dst) / 1e6:.2f} MB, {len(cps)} code points")
    for name, roles in CONFS.items():
        conf(outdir, name, roles)


if __name__ == "__main__":
    main()
