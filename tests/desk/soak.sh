#!/bin/bash
# tests/desk/soak.sh — the long-running check of the desk (make desk-soak): N previews (default
# 1000) of a one-page document in one server process; its resident memory after the first
# 100 and after all of them must stay within 5 % (+1 MB). Prints "ok - …" / "not ok - …".
cd "$(dirname "$0")/../.." || exit 2
GW=${GW:-build/gongwen}
N=${N:-1000}
WORK=$(mktemp -d)
trap 'kill $SPID 2>/dev/null; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/data/cases"
cp xml/cases/case-2015-014-wire.xml "$WORK/data/cases/"
cp xml/regime-6-*.xml "$WORK/data/"
"$GW" serve "$WORK/data" --port 0 > "$WORK/out" 2> "$WORK/err" &
SPID=$!
for _ in $(seq 1 100); do URL=$(head -1 "$WORK/out"); [ -n "$URL" ] && break; sleep 0.1; done
REC="$WORK/data/cases/case-2015-014-wire.xml"
rss() { awk '/^VmRSS/ {print $2}' /proc/$SPID/status; }
t0=$(date +%s%N)
for i in $(seq 1 "$N"); do
  # each preview differs (the legal representative's name), as when a clerk types
  sed "s|赵建军|赵建军$i|" "$REC" | curl -s -o /dev/null -X POST --data-binary @- \
    "${URL}api/render?path=cases/x.xml&document=2&format=png&page=1" || { echo "not ok - preview $i failed"; exit 1; }
  [ "$i" = 100 ] && r100=$(rss)
done
t1=$(date +%s%N)
rN=$(rss)
echo "# $N previews in $(( (t1 - t0) / 1000000 )) ms wall (with curl and sed per request); RSS after 100: $r100 kB, after $N: $rN kB"
if [ "$rN" -le $(( r100 * 105 / 100 + 1024 )) ]; then echo "ok - RSS flat over $N previews"; else echo "not ok - RSS grew: $r100 → $rN kB"; exit 1; fi
