#!/bin/bash
# tests/records/run.sh — the record area: the XML records in xml/ and their schemas.
# Prints one line per test ("ok - NAME" / "not ok - NAME: why"); "#" lines are notes.
# Env: TOP = repo root, WORK = scratch dir (from tests/run.sh); SEED overrides the seed.
#   validate FILE        every record validates against xml/schema/<root name>.rng
#   seed coverage        every text piece of the seed is in the seed records, and every
#                        text of those records is in the seed (seed_coverage.py)
#   rules FILE           cases/inspections/regimes agree with the regimes' <rules>
#                        (deadlines, penalty ranges, inspector counts, clause ids)
#   inventory            all six kinds present; ≥6 cases (≥2 special-equipment),
#                        3 inspections, 7 regimes; samples marked sample="true"
#   bad schema|rules F   each fixture in tests/records/bad/ is rejected for its reason
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK"
HERE="$TOP/tests/records"
XML="$TOP/xml"
SCHEMA="$XML/schema"
SEED=${SEED:-$HERE/seed/000_c3f4dae673c18ae0.txt}
NSURI='urn:gongwen:record:1'
. "$TOP/tests/lib.sh"
t_plan 66

ok()   { echo "ok - $1"; }
fail() { echo "not ok - $1: $2"; }

if ! command -v xmllint >/dev/null 2>&1; then fail "xmllint present" "xmllint not installed"; exit 0; fi
if ! command -v python3 >/dev/null 2>&1; then fail "python3 present" "python3 not installed"; exit 0; fi

# kind_of FILE: local name of the root element ("" if not parseable).
kind_of() { xmllint --xpath 'local-name(/*)' "$1" 2>/dev/null; }
# ns_of FILE: namespace URI of the root element.
ns_of() { xmllint --xpath 'namespace-uri(/*)' "$1" 2>/dev/null; }

# (a) every record validates against its schema.
while IFS= read -r f; do
  rel=${f#"$TOP"/}
  kind=$(kind_of "$f")
  if [ -z "$kind" ]; then fail "validate $rel" "not well-formed XML"; continue; fi
  if [ "$(ns_of "$f")" != "$NSURI" ]; then fail "validate $rel" "root not in namespace $NSURI"; continue; fi
  if [ ! -f "$SCHEMA/$kind.rng" ]; then fail "validate $rel" "no schema xml/schema/$kind.rng"; continue; fi
  if xmllint --noout --relaxng "$SCHEMA/$kind.rng" "$f" >"$WORK/validate.log" 2>&1; then
    ok "validate $rel"
  else
    fail "validate $rel" "$(grep -m1 -v 'fails to validate' "$WORK/validate.log")"
  fi
done < <(find "$XML" -path "$SCHEMA" -prune -o -name '*.xml' -print | sort)

# (b) seed coverage (both directions).
if [ ! -f "$SEED" ]; then
  fail "seed coverage" "seed not found: $SEED"
elif python3 "$HERE/seed_coverage.py" "$SEED" "$XML" >"$WORK/coverage.log" 2>&1; then
  ok "seed coverage ($(sed -n 's/.*covered: [0-9]* (\(.*\)).*/\1/p' "$WORK/coverage.log"))"
else
  fail "seed coverage" "$(head -1 "$WORK/coverage.log" | sed 's/^# //'); $(grep -c -E '^(MISSING|FOREIGN)' "$WORK/coverage.log") problem(s)"
  grep -E '^(MISSING|FOREIGN)' "$WORK/coverage.log" | head -20 | sed 's/^/#   /'
fi

# (d) semantic cross-checks against the regimes' rules (one line per record).
python3 "$HERE/check_rules.py" "$XML" 2>&1 | sed "s|$TOP/||"

# labels: every schema field has a row in its kind's label table (labels.py).
python3 "$HERE/labels.py" "$SCHEMA" 2>&1

# inventory: the kinds and the sample counts the brief asks for.
count_kind() { # count_kind KIND [XPATH-CONDITION]
  local n=0 f
  while IFS= read -r f; do
    [ "$(kind_of "$f")" = "$1" ] || continue
    if [ -n "$2" ]; then [ "$(xmllint --xpath "$2" "$f" 2>/dev/null)" = true ] || continue; fi
    n=$((n+1))
  done < <(find "$XML" -path "$SCHEMA" -prune -o -name '*.xml' -print)
  echo "$n"
}
why=""
for k in duties boundaries services regime case inspection; do
  [ -f "$SCHEMA/$k.rng" ] || why="$why no schema $k.rng;"
  [ "$(count_kind "$k")" -ge 1 ] || why="$why no $k record;"
done
n=$(count_kind regime "not(/*/@sample='true')"); [ "$n" -eq 7 ] || why="$why $n seed regimes (want 7);"
n=$(ls "$XML"/cases/*.xml 2>/dev/null | wc -l); [ "$n" -ge 6 ] || why="$why $n case files (want >=6);"
n=$(grep -l 'kind="special-equipment"' "$XML"/cases/*.xml 2>/dev/null | wc -l); [ "$n" -ge 2 ] || why="$why $n special-equipment cases (want >=2);"
n=$(ls "$XML"/inspections/*.xml 2>/dev/null | wc -l); [ "$n" -ge 3 ] || why="$why $n inspection files (want >=3);"
for f in "$XML"/cases/*.xml "$XML"/inspections/*.xml "$XML"/examples/*.xml; do
  [ -f "$f" ] || continue
  [ "$(xmllint --xpath "string(/*/@sample)" "$f" 2>/dev/null)" = true ] || why="$why ${f#"$TOP"/} not marked sample=\"true\";"
done
if [ -z "$why" ]; then ok "inventory"; else fail "inventory" "${why# }"; fi

# samples carry names outside GB2312 (as real clerks meet them).
if python3 - "$XML" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
def outside(s):
    for ch in s:
        try: ch.encode('gb2312')
        except UnicodeEncodeError: return ch >= '\u4e00'
    return False
hit = [f for f in glob.glob(sys.argv[1] + '/cases/*.xml')
       if any(outside(e.text or '') for e in ET.parse(f).getroot().iter())]
sys.exit(0 if hit else 1)
PY
then ok "samples use names outside GB2312"; else fail "samples use names outside GB2312" "no case has an ideograph outside GB2312"; fi

# (c) negative: bad records are rejected.
for f in "$HERE"/bad/schema-*.xml; do
  [ -f "$f" ] || continue
  rel=${f#"$TOP"/}; kind=$(kind_of "$f")
  if [ -z "$kind" ] || [ ! -f "$SCHEMA/$kind.rng" ]; then fail "bad schema $rel" "no kind/schema for it"; continue; fi
  if xmllint --noout --relaxng "$SCHEMA/$kind.rng" "$f" >/dev/null 2>&1; then
    fail "bad schema $rel" "validates against $kind.rng but must not"
  else
    ok "bad schema $rel"
  fi
done
for f in "$HERE"/bad/rules-*.xml; do
  [ -f "$f" ] || continue
  rel=${f#"$TOP"/}; kind=$(kind_of "$f")
  if ! xmllint --noout --relaxng "$SCHEMA/$kind.rng" "$f" >/dev/null 2>&1; then
    fail "bad rules $rel" "fails the schema already (must fail the rules only)"
  elif python3 "$HERE/check_rules.py" "$XML" "$f" >/dev/null 2>&1; then
    fail "bad rules $rel" "passes check_rules.py but must not"
  else
    ok "bad rules $rel"
  fi
done
exit 0
