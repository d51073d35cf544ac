#!/usr/bin/env python3
"""tests/layering/graph.py — who calls whom, read from the built objects with `nm`.

Usage: graph.py OBJDIR SRCDIR [--summary]
Prints one TAP-style line per rule (see tests/lib.sh):
  - no stage calls a later stage or a driver: the stages (records → transform → fo →
    layout → area → render) call base and only the data structures they read or write
    (layout reads the fo tree and writes the area tree, render reads the area tree); the
    drivers engine < batch < serve < cli sit above all and call only drivers below them;
  - no circle of files except the block/table/list nesting in src/layout;
  - every file includes only the headers of the stages it may call (src/area: area and
    base only).
--summary prints the stage-to-stage graph and every cross-stage edge instead.
"""
import os
import re
import subprocess
import sys

STAGES = ["base", "records", "transform", "fo", "layout", "area", "render"]
DRIVERS = ["engine", "batch", "serve", "cli"]
# The document's own recursion: blocks hold tables and lists, whose cells and items hold
# blocks; text holds footnotes, whose bodies are blocks again (linebreak.c sets text's lines
# into the same vertical lists).
NESTING = {"layout/block.c", "layout/table.c", "layout/list.c", "layout/text.c",
           "layout/linebreak.c"}
# Known calls back that close a circle, each with its reason: left out of the circle check
# and reported as a comment; one that no longer occurs is reported too (drop it here).
KNOWN_BACK_CALLS = {}

# What each stage may call besides base and itself: the trees it reads or writes.
USES = {"layout": {"fo", "area"}, "render": {"area"}}


def rank(stage):
    """The stage's place in the pipeline, drivers above it in their order."""
    if stage in STAGES:
        return STAGES.index(stage)
    if stage in DRIVERS:
        return len(STAGES) + DRIVERS.index(stage)
    return len(STAGES) + len(DRIVERS)


def allowed(a, b):
    """May stage (or driver) a call stage (or driver) b?"""
    if a == b or b == "base":
        return True
    if a in DRIVERS:
        return b not in DRIVERS or rank(b) < rank(a)
    return b in USES.get(a, ())


def read_symbols(objdir, srcdir):
    """Maps each object (as 'stage/file.c') to its defined and undefined global symbols;
    objects whose source is gone (stale in the build folder) are skipped."""
    defs, uses = {}, {}
    for stage in sorted(os.listdir(objdir)):
        sdir = os.path.join(objdir, stage)
        if not os.path.isdir(sdir):
            continue
        for name in sorted(os.listdir(sdir)):
            if not name.endswith(".o"):
                continue
            key = f"{stage}/{name[:-2]}.c"
            if not os.path.exists(os.path.join(srcdir, key)):
                continue
            out = subprocess.run(["nm", os.path.join(sdir, name)], capture_output=True,
                                 text=True, check=True).stdout
            d, u = set(), set()
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 2 and parts[0] == "U":
                    u.add(parts[1])
                elif len(parts) == 3 and parts[1] in "TDBRGSVWC":
                    d.add(parts[2])
            defs[key], uses[key] = d, u
    return defs, uses


def call_graph(defs, uses):
    """File → {file: [symbols]} for every call (or data use) between two of our files."""
    owner = {}
    for f, syms in defs.items():
        for s in syms:
            owner.setdefault(s, f)
    graph = {f: {} for f in defs}
    for f, syms in uses.items():
        for s in sorted(syms):
            g = owner.get(s)
            if g and g != f:
                graph[f].setdefault(g, []).append(s)
    return graph


def circles(graph):
    """The strongly connected components of more than one file (Tarjan), each sorted."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def stage_of(f):
    """'layout/text.c' → 'layout'."""
    return f.split("/", 1)[0]


def upward_edges(graph):
    """(caller, callee, symbols) for each call to a later stage or to a driver."""
    bad = []
    for f in sorted(graph):
        for g, syms in sorted(graph[f].items()):
            a, b = stage_of(f), stage_of(g)
            if not allowed(a, b):
                bad.append((f, g, syms))
    return bad


def stage_circles(graph):
    """Circles between stage folders (catches drivers calling each other round)."""
    sg = {}
    for f, callees in graph.items():
        for g in callees:
            a, b = stage_of(f), stage_of(g)
            sg.setdefault(a, {})
            sg.setdefault(b, {})
            if a != b:
                sg[a][b] = 1
    return circles(sg)


def bad_includes(srcdir):
    """(file, header) for every include of a stage's header that the file's stage may not
    call (the same rule as for calls): src/area includes only area and base, render sees no
    FO types, and so on."""
    bad = []
    for stage in sorted(os.listdir(srcdir)):
        sdir = os.path.join(srcdir, stage)
        if not os.path.isdir(sdir):
            continue
        for name in sorted(os.listdir(sdir)):
            if not name.endswith((".c", ".h")):
                continue
            with open(os.path.join(sdir, name), encoding="utf-8") as fh:
                for line in fh:
                    m = re.match(r'\s*#\s*include\s+"([a-z]+)/([^"]+)"', line)
                    if m and not allowed(stage, m.group(1)):
                        bad.append((f"{stage}/{name}", f"{m.group(1)}/{m.group(2)}"))
    return bad


def main():
    """Runs the checks (or prints the summary)."""
    objdir, srcdir = sys.argv[1], sys.argv[2]
    defs, uses = read_symbols(objdir, srcdir)
    graph = call_graph(defs, uses)
    if "--summary" in sys.argv:
        sg = {}
        for f, callees in graph.items():
            for g, syms in callees.items():
                a, b = stage_of(f), stage_of(g)
                if a != b:
                    sg.setdefault((a, b), 0)
                    sg[(a, b)] += len(syms)
        print("# stage → stage (symbols used)")
        for (a, b), n in sorted(sg.items(), key=lambda e: (rank(e[0][0]), e[0][0], rank(e[0][1]))):
            print(f"#   {a} → {b} ({n})")
        return 0
    ok = True

    def report(good, name, why=""):
        nonlocal ok
        if good:
            print(f"ok - {name}")
        else:
            ok = False
            print(f"not ok - {name}: {why}")

    if not graph:
        report(False, "layering: objects found", f"no objects under {objdir}")
        return 1
    report(True, f"layering: {len(graph)} objects read")
    bad = upward_edges(graph)
    for f, g, syms in bad:
        report(False, f"layering: {f} calls {g}",
               f"{stage_of(f)} may call only {', '.join(sorted({'base'} | USES.get(stage_of(f), set())))} ({', '.join(syms[:4])})")
    if not bad:
        report(True, "layering: no stage calls a later stage or a driver")
    for (f, g), why in KNOWN_BACK_CALLS.items():
        if g in graph.get(f, {}):
            print(f"# known call back {f} → {g}: {why}")
            del graph[f][g]
        else:
            print(f"# known call back {f} → {g} is gone: drop it from tests/layering/graph.py")
    circ_bad = []
    for comp in circles(graph):
        if set(comp) <= NESTING:
            continue
        circ_bad.append(comp)
        report(False, f"layering: circle {' ↔ '.join(comp)}",
               "files call each other round (only block/table/list may nest)")
    if not circ_bad:
        report(True, "layering: no circle of files but the block/table/list nesting")
    sc = stage_circles(graph)
    for comp in sc:
        report(False, f"layering: stages call each other round: {' ↔ '.join(comp)}", "circle of stages")
    if not sc:
        report(True, "layering: no circle of stages")
    inc = bad_includes(srcdir)
    for h, i in inc:
        report(False, f"layering: {h} includes {i}",
               f"{stage_of(h)} may include only {', '.join(sorted({stage_of(h), 'base'} | USES.get(stage_of(h), set())))}")
    if not inc:
        report(True, "layering: every file includes only what its stage may call "
                     "(src/area: area and base)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
