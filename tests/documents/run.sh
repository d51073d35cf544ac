#!/bin/bash
# tests/documents/run.sh — golden area dumps of every document: each record in xml/ (and
# xml/examples/, xml/cases/ …) rendered, in one `gongwen render --areas` run, into every
# document the registry (xsl/documents.xml) names for it; each area tree equals its golden
# file tests/documents/golden/<record path>--<stylesheet>.areas.xml, so a change to any
# stylesheet or to the formatter shows up as a diff. `make golden-update` (GW_UPDATE=1)
# rewrites them all (pinned fonts tests/fonts.conf, SOURCE_DATE_EPOCH, LC_ALL from
# tests/run.sh); review with `git diff --stat tests/documents/golden`.
# Prints "ok - NAME" / "not ok - NAME: why"; the plan is one test per golden file plus 3.
#   render              every record renders (exit 0), without a warning
#   registry            the documents `gongwen validate -d` lists are those rendered
#   areas R--X          the dump of record R by stylesheet X equals its golden file
#   no stale golden     every golden file belongs to a document (else: a lost document)
. "${TOP:?}/tests/lib.sh"
GW=${GW:-$TOP/build/gongwen}
WORK=${WORK:-$(mktemp -d)}
GOLDEN="$TOP/tests/documents/golden"
cd "$TOP" || exit 2
t_plan $(( $(find "$GOLDEN" -name '*.areas.xml' 2>/dev/null | wc -l) + 3 ))

mapfile -t records < <(find xml -name '*.xml' ! -path 'xml/schema/*' | LC_ALL=C sort)
# the registry's documents: "RECORD<TAB>STYLESHEET<TAB>OUTPUT NAME" per document
"$GW" validate -d "${records[@]}" 2>"$WORK/validate.err" | awk '
  /: ok$/ { rec = substr($0, 1, length($0) - 4); next }
  /^  [^ ]+\.xsl: / { i = index($0, ": "); print rec "\t" substr($0, 3, i - 3) "\t" substr($0, i + 2) }
' >"$WORK/documents.tsv"

"$GW" render --areas -q -o "$WORK/out" "${records[@]}" >"$WORK/render.log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
  t_fail "render" "exit $rc: $(head -3 "$WORK/render.log" | tr '\n' ' ' | cut -c1-300)"
elif [ -s "$WORK/render.log" ]; then
  t_fail "render" "messages: $(head -3 "$WORK/render.log" | tr '\n' ' ' | cut -c1-300)"
else
  t_ok "render (${#records[@]} records, $(wc -l <"$WORK/documents.tsv") documents)"
fi

# the golden file of each document; the registry's list against what was rendered
want=$(cut -f3 "$WORK/documents.tsv" | LC_ALL=C sort)
got=$(find "$WORK/out" -name '*.areas.xml' -printf '%f\n' 2>/dev/null | sed 's/\.areas\.xml$//' | LC_ALL=C sort)
if [ -n "$want" ] && [ "$want" = "$got" ]; then
  t_ok "registry: the $(wc -l <<<"$want") documents validate -d lists are rendered"
else
  t_fail "registry" "validate -d and render disagree: $(diff <(echo "$want") <(echo "$got") | grep '^[<>]' | head -3 | tr '\n' ' ')"
fi
: >"$WORK/expected"
while IFS=$'\t' read -r rec xsl name; do
  key="${rec#xml/}"; key="${key%.xml}--${xsl%.xsl}"
  echo "$key.areas.xml" >>"$WORK/expected"
  if [ -s "$WORK/out/$name.areas.xml" ]; then
    t_golden "areas $key" "$WORK/out/$name.areas.xml" "$GOLDEN/$key.areas.xml"
  elif [ "${GW_UPDATE:-0}" != 1 ] && [ -f "$GOLDEN/$key.areas.xml" ]; then
    t_fail "areas $key" "not rendered (see render above)"
  fi
done <"$WORK/documents.tsv"

# golden files that no document produced any more
stale=$(cd "$GOLDEN" 2>/dev/null && find . -name '*.areas.xml' | sed 's|^\./||' | LC_ALL=C sort \
        | comm -23 - <(LC_ALL=C sort "$WORK/expected"))
if [ -z "$stale" ]; then
  t_ok "no stale golden file"
elif [ "${GW_UPDATE:-0}" = 1 ]; then
  (cd "$GOLDEN" && rm -f $stale)
  t_ok "no stale golden file (removed: $(echo $stale))"
else
  for f in $stale; do t_fail "areas ${f%.areas.xml}" "golden file, but no such document (record or registry entry lost?)"; done
  t_fail "no stale golden file" "$(echo $stale | wc -w) golden files without a document"
fi
exit 0
