#!/usr/bin/env python3
"""mkfonts.py — role fonts subset to the characters a bureau uses, for the benchmark (stdlib only).

Cairo subsets the embedded font again in every PDF; for the CFF-based Noto CJK collections that
means loading and parsing a ~15 MB CFF table per document.  This script tries the way under it:
smaller role fonts made once with `hb-subset` (Debian package libharfbuzz-bin), with the full fonts
kept as the fallback for any character the subset lacks.

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
Fonts are made only when missing or older than this script or chars.txt (hb-subset takes well
under a second per font).  Prints one line per font: size before → after.
"""

import os
import struct
import subprocess
import sys

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


def chars(top):
    """The code points to keep."""
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
    cps |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    for sub in ("xml", "xsl"):
        for dirpath, _, files in os.walk(os.path.join(top, sub)):
            for f in files:
                try:
                    with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                        cps.update(ord(c) for c in fh.read() if ord(c) >= 0x80)
                except (UnicodeDecodeError, OSError):
                    pass
    return sorted(c for c in cps if not 0xD800 <= c < 0xE000)


def find(family, style):
    """(file, face index) of FAMILY:style=STYLE as the system fontconfig sees it."""
    out = subprocess.run(["fc-match", "-f", "%{file}\n%{index}\n%{family}\n",
                          f"{family}:style={style}"], capture_output=True, text=True).stdout
    path, index, fams = (out.split("\n") + ["", "", ""])[:3]
    if family not in fams.split(","):
        raise SystemExit(f"mkfonts: {family} {style} not installed (fc-match gave {fams})")
    return path, int(index or 0)


def checksum(data):
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


def rename(path, family, psname):
    """Rewrites the 'name' table of the sfnt at PATH: family FAMILY (IDs 1, 4, 16 dropped),
    PostScript name PSNAME, Windows Unicode records only; recomputes the checksums."""
    with open(path, "rb") as f:
        font = f.read()
    version, ntables = struct.unpack(">LH", font[:6])
    tables = {}
    for i in range(ntables):
        tag, _, off, length = struct.unpack(">4sLLL", font[12 + 16 * i:28 + 16 * i])
        tables[tag] = font[off:off + length]
    names = {1: family, 2: "Regular", 3: psname, 4: family, 5: "Version 1.0", 6: psname}
    recs, strings = b"", b""
    for nid in sorted(names):
        s = names[nid].encode("utf-16-be")
        recs += struct.pack(">HHHHHH", 3, 1, 0x0409, nid, len(s), len(strings))
        strings += s
    tables[b"name"] = struct.pack(">HHH", 0, len(names), 6 + len(recs)) + recs + strings
    head = bytearray(tables[b"head"])
    head[8:12] = b"\0\0\0\0"
    tables[b"head"] = bytes(head)
    tags = sorted(tables)
    entry = 1
    while entry * 2 <= len(tags):
        entry *= 2
    log2 = entry.bit_length() - 1
    out = struct.pack(">LHHHH", version, len(tags), entry * 16, log2, len(tags) * 16 - entry * 16)
    off = 12 + 16 * len(tags)
    body = b""
    for tag in tags:
        data = tables[tag]
        out += struct.pack(">4sLLL", tag, checksum(data), off + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    whole = out + body
    adj = (0xB1B0AFBA - checksum(whole)) & 0xFFFFFFFF
    i = tags.index(b"head")
    hoff = struct.unpack(">L", out[12 + 16 * i + 8:12 + 16 * i + 12])[0]
    whole = whole[:hoff + 8] + struct.pack(">L", adj) + whole[hoff + 12:]
    with open(path + ".tmp", "wb") as f:
        f.write(whole)
    os.replace(path + ".tmp", path)


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
    top = sys.argv[2] if len(sys.argv) == 3 else os.path.join(os.path.dirname(__file__), "..")
    os.makedirs(outdir, exist_ok=True)
    cps = chars(top)
    listing = os.path.join(outdir, "chars.txt")
    text = "".join(f"U+{c:04X}\n" for c in cps)
    if not os.path.exists(listing) or open(listing).read() != text:
        with open(listing, "w") as f:
            f.write(text)
    newest = max(os.path.getmtime(listing), os.path.getmtime(__file__))
    for name, (family, style, extra) in FONTS.items():
        src, index = find(family, style)
        ext = ".otf" if name.startswith("cff") else ".ttf"
        dst = os.path.join(outdir, name + ext)
        if not os.path.exists(dst) or os.path.getmtime(dst) < newest:
            subprocess.run(["hb-subset", f"--font-file={src}", f"--face-index={index}",
                            f"--unicodes-file={listing}", *extra, "-o", dst + ".hb"], check=True)
            os.replace(dst + ".hb", dst)
            rename(dst, f"GW Subset {name}", f"GWSubset-{name}")
        print(f"mkfonts: {name}: {family} {style} ({os.path.basename(src)} #{index}, "
              f"{os.path.getsize(src) / 1e6:.1f} MB file) → {os.path.basename(dst)} "
              f"{os.path.getsize(dst) / 1e6:.2f} MB, {len(cps)} code points")
    for name, roles in CONFS.items():
        conf(outdir, name, roles)


if __name__ == "__main__":
    main()
