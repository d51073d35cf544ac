#!/bin/bash
# tests/transform/run.sh — the transform and records areas: gw: extension functions,
# stylesheet safety (no writing, no network, reads only under allowed roots, recursion and
# run-time limits), stylesheet parameters, and record validation (schema + semantic rules
# citing the regime) through `gongwen validate` and `gongwen xslt`.
# Prints one line per test: "ok - NAME" or "not ok - NAME: why".
# Env: GW (binary under test), TOP (repo root), WORK (scratch directory).
. "$TOP/tests/lib.sh"
t_plan 156
export GONGWEN_DATADIR="${GONGWEN_DATADIR:-$TOP}"
D="$TOP/tests/transform"
R="$D/records"
cd "$WORK" || exit 2

# run CMD… : runs the command, keeping stdout, stderr and the exit status in $WORK.
run() {
  "$@" >"$WORK/out" 2>"$WORK/err"
  echo $? >"$WORK/rc"
}

# check NAME RC [TEXT…] : the last run exited with RC and its stderr contains every TEXT.
check() {
  local name=$1 want=$2 got
  shift 2
  got=$(cat "$WORK/rc")
  if [ "$got" != "$want" ]; then
    t_fail "$name" "exit $got, want $want: $(head -c 300 "$WORK/err" | tr '\n' ' ')"
    return
  fi
  for text in "$@"; do
    if ! grep -qF -- "$text" "$WORK/err"; then
      t_fail "$name" "stderr lacks '$text': $(head -c 300 "$WORK/err" | tr '\n' ' ')"
      return
    fi
  done
  t_ok "$name"
}

# check_out NAME TEXT : the last run's stdout contains TEXT.
check_out() {
  if grep -qF -- "$2" "$WORK/out"; then t_ok "$1"; else
    t_fail "$1" "stdout lacks '$2': $(head -c 300 "$WORK/out" | tr '\n' ' ')"; fi
}

# ---------------------------------------------------------------- extension functions
run "$GW" xslt "$D/ext.xsl" "$D/ext-cases.xml"
want=$(grep -c '<t ' "$D/ext-cases.xml")
if [ "$(cat rc)" != 0 ]; then
  t_fail "gw: functions (ext.xsl)" "exit $(cat rc): $(head -c 300 err | tr '\n' ' ')"
else
  grep -E '^(ok|not ok) - ' out
  have=$(grep -cE '^(ok|not ok) - ' out)
  [ "$have" = "$want" ] && t_ok "gw: functions: all $want cases ran" \
    || t_fail "gw: functions: all cases ran" "$have of $want results"
fi

# Invalid arguments: an XSLT error naming the function and the value, exit 1, no crash.
while IFS='|' read -r call text; do
  [ -z "$call" ] && continue
  sed "s|@CALL@|$call|" "$D/bad-call.xsl.in" > bad-call.xsl
  run "$GW" xslt bad-call.xsl "$D/ext-cases.xml"
  check "invalid argument refused: $call" 1 "bad-call.xsl:7: element <value-of>:" "$text"
done <<'EOF'
gw:date-add('2015-02-30', 1)|gw:date-add(): '2015-02-30' is not a date
gw:date-add('2015-06-22', 1.5)|gw:date-add(): number of days '1.5' is not a whole number
gw:date-add('2015-06-22', 'soon')|gw:date-add(): number of days 'soon' is not a whole number
gw:date-add('2015-06-22')|gw:date-add(): takes 2 arguments, not 1
gw:date-add('9999-12-31', 1)|gw:date-add(): 9999-12-31 + 1 days falls outside years 1000–9999
gw:deadline('next week', 30)|gw:deadline(): 'next week' is not a date
gw:date-add-months('2015-01-31', 'x')|gw:date-add-months(): number of months 'x' is not a whole number
gw:date-cn('')|gw:date-cn(): '' is not a date
gw:date-cn('22/06/2015')|gw:date-cn(): '22/06/2015' is not a date
gw:date-cn-upper('2015-6-22')|gw:date-cn-upper(): '2015-6-22' is not a date
gw:weekday-cn('2015-13-01')|gw:weekday-cn(): '2015-13-01' is not a date
gw:numeral-cn('seven')|gw:numeral-cn(): number 'seven' is not a whole number
gw:numeral-cn(1.5)|gw:numeral-cn(): number '1.5' is not a whole number
gw:numeral-cn(1, 2)|gw:numeral-cn(): takes 1 argument, not 2
gw:amount-cn(-1)|gw:amount-cn(): negative amount -1.00 has no capital form
gw:amount-cn('12.345')|gw:amount-cn(): '12.345' is not an amount in yuan
gw:amount-cn('1,000')|gw:amount-cn(): '1,000' is not an amount in yuan
gw:amount-cn('1000000000000')|gw:amount-cn(): '1000000000000' is not an amount in yuan
gw:amount-fmt('abc')|gw:amount-fmt(): 'abc' is not an amount in yuan
EOF

# ---------------------------------------------------------------- stylesheet safety
run "$GW" xslt "$D/exsl-document.xsl" "$D/ext-cases.xml" -p target="$WORK/written.txt"
check "exsl:document refused, naming the stylesheet" 1 \
  "exsl-document.xsl:7: refused: stylesheet" "uses <exsl:document>" "may not write files"
[ ! -e "$WORK/written.txt" ] && t_ok "exsl:document wrote nothing" \
  || t_fail "exsl:document wrote nothing" "$WORK/written.txt exists"

run "$GW" xslt "$D/exsl-document-imported.xsl" "$D/ext-cases.xml"
check "exsl:document in an imported stylesheet refused" 1 "exsl-document.xsl:7: refused" \
  "may not write files"

run "$GW" xslt "$D/network-document.xsl" "$D/ext-cases.xml"
check "document('http://…') refused, naming the stylesheet" 1 \
  "network-document.xsl:5: refused: stylesheet" "may not use the network" \
  "http://127.0.0.1:9/records.xml"

run "$GW" xslt "$D/network-import.xsl" "$D/ext-cases.xml"
check "xsl:import over the network refused" 1 "network-import.xsl:4:" \
  "may not read 'http://127.0.0.1:9/evil.xsl': stylesheets may not use the network"

run "$GW" xslt "$D/read-outside.xsl" "$D/ext-cases.xml"
check "document() outside the allowed directories refused" 1 \
  "read-outside.xsl:5: refused: stylesheet" "outside the allowed directories" "/etc/passwd"

run "$GW" xslt "$D/read-inside.xsl" "$D/ext-cases.xml"
check "document() under the data directory allowed" 0
check_out "document() under the data directory reads the file" "$want"

run "$GW" xslt "$D/recursion.xsl" "$D/ext-cases.xml"
check "infinite recursion stopped with a clear message" 1 "recursion.xsl:" \
  "template recursion deeper than 3000 levels (infinite recursion?)"
if grep -q "Templates:" err; then t_fail "infinite recursion: no libxslt debug dump" "dump printed"
else t_ok "infinite recursion: no libxslt debug dump"; fi

run "$GW" xslt "$D/runaway.xsl" "$D/ext-cases.xml"
check "runaway stylesheet stopped by the operation limit" 1 "runaway.xsl:" \
  "the stylesheet ran too long"

run "$GW" xslt "$D/nonexistent.xsl" "$D/ext-cases.xml"
check "missing stylesheet reported" 1 "nonexistent.xsl: cannot read"

run "$GW" xslt "$D/ext-cases.xml" "$D/ext-cases.xml"
check "a non-stylesheet reported" 1 "ext-cases.xml:5: element <cases>: document is not a stylesheet"

# ---------------------------------------------------------------- parameters, messages, output
run "$GW" xslt "$D/params.xsl" "$D/ext-cases.xml" -p "who=a'b\"c concat(1, 2) \$x"
check "string parameter accepted" 0
check_out "string parameter passed literally (quotes, XPath syntax)" "[a'b\"c concat(1, 2) \$x]"

run "$GW" xslt "$D/params.xsl" "$D/ext-cases.xml" -p "novalue"
check "malformed --param is a usage error" 1 "--param 'novalue': expected NAME=VALUE"

run "$GW" xslt "$D/message.xsl" "$D/ext-cases.xml"
check "xsl:message is a note, not a failure, at the xsl:message line" 0 "message.xsl:7: note: just saying"
run "$GW" xslt "$D/message.xsl" "$D/ext-cases.xml" -p stop=yes
check "xsl:message terminate=\"yes\" fails the run" 1 "giving up"

run "$GW" xslt "$D/params.xsl" "$D/ext-cases.xml" -o "$WORK/result.txt"
if [ "$(cat rc)" = 0 ] && [ "$(cat "$WORK/result.txt" 2>/dev/null)" = "[nobody]" ] && [ ! -s out ]; then
  t_ok "xslt -o writes the result file"
else t_fail "xslt -o writes the result file" "exit $(cat rc), file: $(cat "$WORK/result.txt" 2>&1)"; fi

run "$GW" xslt "$D/params.xsl"
check "xslt with one argument is a usage error" 2
run "$GW" xslt --help
check "xslt --help" 0
check_out "xslt --help describes the command" "STYLESHEET FILE"

# ---------------------------------------------------------------- records: validate
mapfile -t records < <(find "$TOP/xml" -name '*.xml' -not -path '*/schema/*' | sort)
run "$GW" validate "${records[@]}"
check "validate: every record in xml/ is valid (${#records[@]} files)" 0
[ "$(grep -c ': ok$' out)" = "${#records[@]}" ] && t_ok "validate: prints FILE: ok per record" \
  || t_fail "validate: prints FILE: ok per record" "$(grep -c ': ok$' out) ok lines"

run "$GW" validate --quiet "$R/case-ok.xml"
if [ "$(cat rc)" = 0 ] && [ ! -s out ] && [ ! -s err ]; then t_ok "validate --quiet prints nothing"
else t_fail "validate --quiet prints nothing" "exit $(cat rc), $(cat out err | head -c 200)"; fi

run "$GW" validate "$R/case-one-inspector.xml"
check "validate: one inspector fails, citing the regime rule" 1 \
  "case-one-inspector.xml:52: 1 inspector, fewer than the 2 required by 《产品质量监督抽查监管》四、（三）1、 (regime-6 rule samplers"

run "$GW" validate "$R/case-se-uncertified.xml"
check "validate: special equipment needs 2 certified inspectors (regime-7)" 1 \
  "only 1 of 2 inspectors holds a 特种设备安全监察人员证书" "(regime-7 rule inspectors"

run "$GW" validate "$R/case-penalty-range.xml"
check "validate: penalty outside the legal range fails, citing the rule" 1 \
  "case-penalty-range.xml:72: penalty 80000 yuan is outside 《产品质量监督抽查监管》五、（二） range 0–30000 yuan (regime-6 rule p-sample-tamper)"

run "$GW" validate "$R/case-penalty-no-fine.xml"
check "validate: penalty under a rule without a fine fails" 1 \
  "penalty 5000 yuan, but 《产品质量监督抽查监管》五、（四） provides no fine (regime-6 rule p-failed-product)"

run "$GW" validate "$R/case-rectify-date.xml"
check "validate: rectify-by inconsistent with the regime deadline fails" 1 \
  "<rectify-by> 2015-09-10 should be 2015-09-02: <notice-served> 2015-08-03 + 30 days" \
  "(regime-6 rule rectify)"

run "$GW" validate "$R/case-unknown-regime.xml"
check "validate: unknown regime and unknown rule reported" 1 \
  "regime 'regime-99' not found" "regime-6 has no rule 'no-such-rule'"

run "$GW" validate "$R/inspection-bad-clause.xml"
check "validate: inspection clause and check references resolve" 1 \
  "<check clause=\"s9.9\">: no section 's9.9' in regime-7" "<problem check=\"c99\">: no <check id=\"c99\">"

sed 's/<sampled>2015-07-08</<sampled>2015-13-08</' "$R/case-ok.xml" > bad-date.xml
run "$GW" validate bad-date.xml
check "validate: schema error as FILE:LINE: element <x>: what was expected" 1 \
  "bad-date.xml:58: 抽样日期: '2015-13-08' is not a date; write it as 2015-07-08"

run "$GW" validate "$TOP/xml/schema/case.rng"
check "validate: a non-record is reported, not crashed on" 1 "not a gongwen record"

printf '<case xmlns="urn:gongwen:record:1"><oops></case>\n' > broken.xml
run "$GW" validate broken.xml "$R/case-ok.xml"
check "validate: malformed XML fails, other files still checked" 1 "broken.xml"
check_out "validate: the valid file after a broken one is ok" "case-ok.xml: ok"

printf '<memo xmlns="urn:gongwen:record:1" version="1" id="m"/>\n' > memo.xml
run "$GW" validate memo.xml
check "validate: a record kind without schema is reported" 1 "unknown record kind <memo>"

run "$GW" validate
check "validate without files is a usage error" 2
run "$GW" validate --no-such-option x.xml
check "validate with an unknown option is a usage error" 2
run "$GW" validate --help
check "validate --help" 0

# ---------------------------------------------------------------- documents registry
run "$GW" validate -d "$TOP/xml/examples/case.xml" "$TOP/xml/cases/case-2015-se03-boiler.xml"
check "validate -d lists the documents" 0
check_out "registry: product-sampling case → 责令整改通知书" \
  "case-order.xsl: 责令整改通知书-永质监责改〔2015〕14号-永清县华通电线电缆有限公司"
check_out "registry: every case → 送达回证" "case-receipt.xsl: 送达回证-永质监责改〔2015〕14号-"
check_out "registry: special-equipment case → 指令书 with 第N号" \
  "case-directive.xsl: 特种设备安全监察指令书-永质监特令〔2015〕第3号-永清县瑞丰热力有限公司"
if grep -q "case-order.xsl: 责令整改通知书-永质监特令" out; then
  t_fail "registry: no 责令整改通知书 for a special-equipment case" "listed"
else t_ok "registry: no 责令整改通知书 for a special-equipment case"; fi

run "$GW" validate -d "$R/case-odd-name.xml"
check "registry: odd enterprise name still valid" 0
names=$(sed -n 's/^  [a-z-]*\.xsl: //p' out)
if [ -n "$names" ] && ! printf '%s' "$names" | grep -q '[/:	]'; then
  t_ok "registry: output names are safe (no / : or control characters)"
else t_fail "registry: output names are safe (no / : or control characters)" "$names"; fi
