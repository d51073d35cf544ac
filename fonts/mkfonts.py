#!/usr/bin/env python3
"""mkfonts.py — the role fonts cut to the characters a bureau uses (python3 stdlib + hb-subset).

Cairo subsets the embedded font again in every PDF.  With CFF fonts (the Noto CJK collections,
~26 MB .ttc; FandolFang and FandolKai, 7–8 MB .otf) that is most of the cost of a document:
loading a large CFF table and copying most of its subroutines each time.  This script makes, once,
smaller copies of the role fonts with `hb-subset` (Debian package libharfbuzz-bin): cut to the
code points listed below and made without CFF subroutines (--desubroutinize), so cairo copies
only the charstrings a document uses.  fonts/fonts.conf lists each subset before the full font it
was cut from; a character the subset lacks falls back to the faces after it.  Measured
(bench/README.md): a batch document 3× cheaper and its PDF 3× smaller.  The one script for the
job: the benchmark's variants come from it too (--bench).

  fonts/mkfonts.py [OUTDIR [TOPDIR]]      (default: TOPDIR/fonts/subset, TOPDIR = the source tree)
  fonts/mkfonts.py --bench OUTDIR [TOPDIR]

writes into OUTDIR:
  chars.txt       the code points kept, one U+XXXX a line: ASCII, Latin-1, general punctuation,
                  CJK symbols, full-width forms, GB 2312 (7,445 characters) and every character
                  of TOPDIR/xml and TOPDIR/xsl (records and stylesheets)
  GWSubset-*.otf  one subset per role font (see FONTS), renamed: the SIL Open Font License asks
                  a modified font not to carry the original's name, and fontconfig must tell the
                  two apart to list the subset first
  .stamp          what the fonts were made from (this script, hb-subset, the code points, the
                  source font files); hidden, so that neither fontconfig nor gongwen batch's
                  up-to-date check reads it
The fonts are made again only when that differs or a font is missing, and a font whose bytes come
out the same is left alone (its modification time is part of gongwen batch's up-to-date check).
The output is deterministic: the same inputs give the same bytes.  A role font that is not
installed is skipped with a warning (its full font is missing too; fontconfig falls through).

With --bench (for bench/run.sh), every variant the benchmark compares instead, side by side, made
when missing or older than this script or chars.txt, one line per font (size before → after):
  <name>.otf / .ttf   one subset per BENCH_FONTS row, family "GW Subset <name>", PostScript name
                      "GWSubset-<name>" (pdffonts shows which was used); cff-* keep the CFF
                      subroutines, cffd-* are made with --desubroutinize, tt-* are TrueType
  fonts-subset-cff.conf, fonts-subset-cffd.conf, fonts-subset-truetype.conf
                      the roles → those subsets, then the full fonts (fallback)
"""

import hashlib
import os
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# subset file (= PostScript name) → (installed family, style, family of the subset).  The faces
# the stylesheets embed (pdffonts over `make demo`): FandolFang (仿宋), FandolKai (楷体), Noto
# Serif CJK SC SemiBold (小标宋), Regular (宋体, the fall-back of 仿宋 and 楷体, serif) and Noto
# Sans CJK SC Regular (黑体, sans-serif).  All CFF; the TrueType AR PL UKai CN after FandolKai
# needs none: cairo already copies only the glyphs used from it.
FONTS = {
    "GWSubset-FandolFang-Regular": ("FandolFang", "Regular", "GW Subset Fandol Fang"),
    "GWSubset-FandolKai-Regular": ("FandolKai", "Regular", "GW Subset Fandol Kai"),
    "GWSubset-SerifSC-SemiBold": ("Noto Serif CJK SC", "SemiBold",
                                  "GW Subset Serif SC SemiBold"),
    "GWSubset-SerifSC-Regular": ("Noto Serif CJK SC", "Regular", "GW Subset Serif SC"),
    "GWSubset-SansSC-Regular": ("Noto Sans CJK SC", "Regular", "GW Subset Sans SC"),
}
# the 'name' records rename() replaces: family, subfamily, unique ID, full name, PostScript name,
# and the typographic and WWS families that would otherwise still say "Noto Serif CJK SC"
RENAMED = {1, 2, 3, 4, 6, 16, 17, 21, 22}


def code_points(top):
    """The code points to keep, sorted."""
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
    cps |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    for path in sources(top):
        try:
            with open(path, encoding="utf-8") as fh:
                cps.update(ord(c) for c in fh.read() if ord(c) >= 0x80)
        except (UnicodeDecodeError, OSError):
            pass
    return sorted(c for c in cps if not 0xD800 <= c < 0xE000)


def sources(top):
    """The files under TOP/xml and TOP/xsl whose characters are kept (hidden entries skipped,
    as the Makefile's list of this step's prerequisites skips them)."""
    for sub in ("xml", "xsl"):
        for dirpath, dirs, files in os.walk(os.path.join(top, sub)):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith("."):
                    yield os.path.join(dirpath, f)


def find(conf, family, style):
    """(file, face index) of FAMILY:style=STYLE as fontconfig with CONF sees it (the full font
    the subset falls back to), or None when that family is not installed."""
    env = dict(os.environ, FONTCONFIG_FILE=conf)
    out = subprocess.run(["fc-match", "-f", "%{file}\n%{index}\n%{family}\n",
                          f"{family}:style={style}"], capture_output=True, text=True,
                         env=env).stdout
    path, index, fams = (out.split("\n") + ["", "", ""])[:3]
    if family not in fams.split(","):
        return None
    return path, int(index or 0)


def checksum(data):
    """The sfnt table checksum of DATA."""
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


def name_table(old, family, psname):
    """The 'name' table OLD with the names in RENAMED replaced by FAMILY/PSNAME (Windows, US
    English); copyright, trademark, licence and the other records are kept, as the OFL asks."""
    _, count, strings_at = struct.unpack(">HHH", old[:6])
    records = []
    for i in range(count):
        plat, enc, lang, nid, length, off = struct.unpack(">HHHHHH", old[6 + 12 * i:18 + 12 * i])
        if nid not in RENAMED and lang < 0x8000:  # no language-tag records (format 1)
            records.append((plat, enc, lang, nid,
                            old[strings_at + off:strings_at + off + length]))
    names = {1: family, 2: "Regular", 3: psname, 4: family, 6: psname}
    records += [(3, 1, 0x0409, nid, s.encode("utf-16-be")) for nid, s in names.items()]
    records.sort()
    recs, strings = b"", b""
    for plat, enc, lang, nid, s in records:
        recs += struct.pack(">HHHHHH", plat, enc, lang, nid, len(s), len(strings))
        strings += s
    return struct.pack(">HHH", 0, len(records), 6 + len(recs)) + recs + strings


def rename(font, family, psname):
    """The sfnt FONT (bytes) with its 'name' table rewritten (see name_table) and the
    checksums recomputed."""
    version, ntables = struct.unpack(">LH", font[:6])
    tables = {}
    for i in range(ntables):
        tag, _, off, length = struct.unpack(">4sLLL", font[12 + 16 * i:28 + 16 * i])
        tables[tag] = font[off:off + length]
    tables[b"name"] = name_table(tables[b"name"], family, psname)
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
    return whole[:hoff + 8] + struct.pack(">L", adj) + whole[hoff + 12:]


def subset(src, index, listing, dst, family, psname, extra=()):
    """Cuts face INDEX of SRC to the code points in the file LISTING with hb-subset, renamed
    FAMILY/PSNAME, into DST; DST is left alone (modification time included) when its bytes
    would not change.  Returns True when DST was (re)written."""
    tmp = dst + ".hb"
    subprocess.run(["hb-subset", f"--font-file={src}", f"--face-index={index}",
                    f"--unicodes-file={listing}", "--name-IDs=*", *extra, "-o", tmp], check=True)
    with open(tmp, "rb") as f:
        font = rename(f.read(), family, psname)
    os.remove(tmp)
    return write_if_changed(dst, font)


def write_if_changed(path, data):
    """Writes DATA (bytes) to PATH unless PATH holds exactly that; True when written."""
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except OSError:
        pass
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)
    return True


# --bench: name → (family to look up, face style for fc-match, extra hb-subset options), found
# with bench/fonts-noto-full.conf (the system fonts, no subsets)
BENCH_FONTS = {
    "cff-xbs": ("Noto Serif CJK SC", "SemiBold", []),    # 小标宋
    "cff-serif": ("Noto Serif CJK SC", "Regular", []),   # 仿宋, 宋体, 楷体, serif
    "cff-sans": ("Noto Sans CJK SC", "Regular", []),     # 黑体, sans-serif
    "tt-serif": ("AR PL UMing CN", "Light", []),         # everything but 黑体
    "tt-sans": ("WenQuanYi Zen Hei", "Regular", []),     # 黑体, sans-serif
}
# the CFF fonts once more without subroutines (what FONTS above is made as)
for _n in ("xbs", "serif", "sans"):
    BENCH_FONTS["cffd-" + _n] = BENCH_FONTS["cff-" + _n][:2] + (["--desubroutinize"],)
# --bench: conf name → role → [subset font name, full family fallback…]
BENCH_CONFS = {
    "fonts-subset-cff.conf": {
        "小标宋": ["cff-xbs", "Noto Serif CJK SC SemiBold", "Noto Serif CJK SC"],
        "仿宋": ["cff-serif", "Noto Serif CJK SC"],
        "宋体": ["cff-serif", "Noto Serif CJK SC"],
        "楷体": ["cff-serif", "Noto Serif CJK SC"],
        "黑体": ["cff-sans", "Noto Sans CJK SC"],
        "serif": ["cff-serif", "Noto Serif CJK SC", "DejaVu Serif"],
        "sans-serif": ["cff-sans", "Noto Sans CJK SC", "DejaVu Sans"],
    },
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
BENCH_CONFS["fonts-subset-cffd.conf"] = {
    role: ["cffd-" + fams[0][4:]] + fams[1:]
    for role, fams in BENCH_CONFS["fonts-subset-cff.conf"].items()}
# the licensed names the stylesheets may also ask for, as in fonts/fonts.conf
BENCH_ALIASES = {"FZXiaoBiaoSong-B05S": "小标宋", "FangSong_GB2312": "仿宋", "FangSong": "仿宋",
                 "SimHei": "黑体", "KaiTi_GB2312": "楷体", "SimSun": "宋体"}


def bench_conf(outdir, name, roles):
    """Writes OUTDIR/NAME, a fontconfig file: the roles → the subsets first, the full fonts after."""
    lines = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
             f"<!-- Written by fonts/mkfonts.py --bench: roles → subset fonts in {outdir}, then"
             " the full fonts (fallback for characters the subsets lack). -->",
             "<fontconfig>", f"  <dir>{outdir}</dir>", "  <dir>/usr/share/fonts</dir>",
             "  <dir>/usr/local/share/fonts</dir>",
             '  <cachedir prefix="xdg">fontconfig</cachedir>',
             "  <cachedir>/var/cache/fontconfig</cachedir>",
             '  <include ignore_missing="yes">/etc/fonts/conf.d/90-synthetic.conf</include>']
    every = dict(roles)
    every.update({alias: roles[role] for alias, role in BENCH_ALIASES.items()})
    for role, fams in every.items():
        fams = [f"GW Subset {fams[0]}"] + fams[1:]
        lines.append(f'  <alias binding="same"><family>{role}</family><prefer>'
                     + "".join(f"<family>{f}</family>" for f in fams) + "</prefer></alias>")
    lines.append("</fontconfig>")
    write_if_changed(os.path.join(outdir, name), ("\n".join(lines) + "\n").encode())


def bench(outdir, top):
    """--bench: every BENCH_FONTS variant and the BENCH_CONFS files into OUTDIR."""
    listing = os.path.join(outdir, "chars.txt")
    newest = max(os.path.getmtime(p) for p in (listing, os.path.abspath(__file__)))
    full = os.path.join(top, "bench", "fonts-noto-full.conf")
    for name, (family, style, extra) in BENCH_FONTS.items():
        found = find(full, family, style)
        if not found:
            raise SystemExit(f"mkfonts: {family} {style} not installed")
        src, index = found
        dst = os.path.join(outdir, name + (".otf" if name.startswith("cff") else ".ttf"))
        if not os.path.exists(dst) or os.path.getmtime(dst) < newest:
            subset(src, index, listing, dst, f"GW Subset {name}", f"GWSubset-{name}", extra)
        print(f"mkfonts: {name}: {family} {style} ({os.path.basename(src)} #{index}, "
              f"{os.path.getsize(src) / 1e6:.1f} MB file) → {os.path.basename(dst)} "
              f"{os.path.getsize(dst) / 1e6:.2f} MB")
    for name, roles in BENCH_CONFS.items():
        bench_conf(outdir, name, roles)


def main():
    args = sys.argv[1:]
    bench_mode = args[:1] == ["--bench"]
    if bench_mode:
        args = args[1:]
    if len(args) > 2 or (bench_mode and not args) or args[:1] in (["-h"], ["--help"]):
        raise SystemExit(__doc__)
    top = os.path.abspath(args[1] if len(args) == 2 else os.path.join(HERE, ".."))
    outdir = os.path.abspath(args[0] if args else os.path.join(top, "fonts", "subset"))
    conf = os.path.join(top, "fonts", "fonts.conf")
    os.makedirs(outdir, exist_ok=True)
    cps = code_points(top)
    listing = os.path.join(outdir, "chars.txt")
    write_if_changed(listing, "".join(f"U+{c:04X}\n" for c in cps).encode())
    if bench_mode:
        print(f"mkfonts: {len(cps)} code points")
        bench(outdir, top)
        return
    with open(os.path.abspath(__file__), "rb") as f:
        stamp = [f"mkfonts.py sha256 {hashlib.sha256(f.read()).hexdigest()}"]
    version = subprocess.run(["hb-subset", "--version"], capture_output=True, text=True).stdout
    stamp.append(version.split("\n")[0])
    with open(listing, "rb") as f:
        stamp.append(f"chars.txt sha256 {hashlib.sha256(f.read()).hexdigest()}")
    found = {}
    for name, (family, style, _) in FONTS.items():
        found[name] = find(conf, family, style)
        if found[name]:
            src, index = found[name]
            st = os.stat(src)
            stamp.append(f"{name} from {src} #{index} {st.st_size} bytes mtime {int(st.st_mtime)}")
        else:
            print(f"mkfonts: warning: {family} {style} is not installed; no {name}",
                  file=sys.stderr)
    stamp_file = os.path.join(outdir, ".stamp")
    stamp_text = "\n".join(stamp) + "\n"
    try:
        with open(stamp_file, encoding="utf-8") as f:
            old = f.read()
    except OSError:
        old = ""
    if old != stamp_text or not all(os.path.exists(os.path.join(outdir, n + ".otf"))
                                    for n in found if found[n]):
        # subsets of an earlier FONTS table would still be found by fontconfig
        for f in os.listdir(outdir):
            if f.startswith("GWSubset-") and f.endswith(".otf") and f[:-4] not in FONTS:
                os.remove(os.path.join(outdir, f))
        for name, (family, style, subset_family) in FONTS.items():
            if not found[name]:
                continue
            src, index = found[name]
            dst = os.path.join(outdir, name + ".otf")
            written = subset(src, index, listing, dst, subset_family, name, ["--desubroutinize"])
            print(f"  FONT {os.path.relpath(dst)}: {os.path.getsize(dst) / 1e6:.1f} MB, "
                  f"{len(cps)} code points of {family} {style} ({os.path.basename(src)} #{index})"
                  + ("" if written else ", unchanged"))
    # written (hence touched) every time: make compares its time with the prerequisites'
    with open(stamp_file, "w", encoding="utf-8") as f:
        f.write(stamp_text)


if __name__ == "__main__":
    main()
