#!/bin/bash
# tests/cli/gen-cases.sh SRC_DIR DEST_DIR COUNT — writes COUNT case records into DEST_DIR,
# made from the sample cases in SRC_DIR (round robin) with a new id and document serial
# each, so that every record yields differently named documents (penalties and their
# <sanction> are left out: every record yields its order and its receipt). Used by tests/cli/run.sh
# and to measure batch throughput.
src=$1; dest=$2; count=$3
mkdir -p "$dest" || exit 2
mapfile -t templates < <(ls "$src"/case-*.xml | sort)
n=${#templates[@]}
[ "$n" -gt 0 ] || { echo "gen-cases.sh: no case-*.xml in $src" >&2; exit 2; }
for ((i = 1; i <= count; i++)); do
  t=${templates[$(( (i - 1) % n ))]}
  printf -v num '%05d' "$i"
  sed -e "0,/ id=\"[^\"]*\"/s// id=\"gen-$num\"/" \
      -e "0,/serial=\"[0-9]*\"/s//serial=\"$((1000 + i))\"/" \
      -e '/<penalty /d' -e '/<sanction>/,/<\/sanction>/d' \
      "$t" > "$dest/case-gen-$num.xml"
done
