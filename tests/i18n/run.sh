#!/bin/bash
# tests/i18n/run.sh — the clerk's language, in both locales: under LC_ALL=zh_CN.UTF-8 the
# messages, --help and the batch summary are Chinese (po/zh_CN.po, build/locale); under
# C.UTF-8 they are English; in both, a record's error names the field by its label
# (xml/schema/<kind>.labels.xml), never an XML element name or a libxml2 phrase. Also the
# checks that catch a clerk's mistakes (records/checks.c) and the registry and --param
# checks (records/templates.c), each failing with a message naming the field.
# Env: TOP, GW, WORK (tests/run.sh).
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
GW=${GW:-$TOP/build/gongwen}
WORK=${WORK:-$(mktemp -d)}
. "$TOP/tests/lib.sh"
mkdir -p "$WORK"
cd "$WORK" || exit 1
t_plan 39
ZH=zh_CN.UTF-8
if ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
  t_fail "zh_CN.UTF-8 locale" "not generated (.ci/deps generates it)"; exit 0
fi
[ -f "$TOP/build/locale/zh_CN/LC_MESSAGES/gongwen.mo" ] || t_fail "catalog built" "no build/locale (make locale)"

# run LOCALE CMD… : runs with that locale; stdout+stderr in $WORK/out, status in $WORK/rc.
run() { local loc=$1; shift; LC_ALL=$loc LANG=$loc "$@" >"$WORK/out" 2>&1; echo $? >"$WORK/rc"; }
# expect NAME RC TEXT… [-- NOT-TEXT…] : the last run exited RC, its output has each TEXT and
# none of the NOT-TEXTs.
expect() {
  local name=$1 want=$2 got; shift 2
  got=$(cat "$WORK/rc")
  if [ "$got" != "$want" ]; then t_fail "$name" "exit $got, want $want: $(head -c 300 "$WORK/out" | tr '\n' ' ')"; return; fi
  local neg=0 t
  for t in "$@"; do
    if [ "$t" = -- ]; then neg=1; continue; fi
    if [ $neg = 0 ] && ! grep -qF -- "$t" "$WORK/out"; then
      t_fail "$name" "output lacks '$t': $(head -c 300 "$WORK/out" | tr '\n' ' ')"; return; fi
    if [ $neg = 1 ] && grep -qF -- "$t" "$WORK/out"; then
      t_fail "$name" "output has '$t': $(grep -m1 -F -- "$t" "$WORK/out")"; return; fi
  done
  t_ok "$name"
}

CASE="$TOP/xml/cases/case-2015-014-wire.xml"
LEGAL=$(grep -n '<legal-representative>' "$CASE" | cut -d: -f1)    # where the messages point
INSP=$(grep -n '<inspectors>' "$CASE" | cut -d: -f1)
FILM="$TOP/xml/cases/case-2015-023-film.xml"
mkdir -p cases
cp "$TOP"/xml/regime-*.xml .   # the cases find their regimes one folder up

# ---- --help in Chinese, every command
run $ZH "$GW" --help
expect "zh: gongwen --help is Chinese" 0 "用法：gongwen 命令" "把记录生成文书" -- "Usage"
for c in render batch validate fo fonts import xslt; do
  run $ZH "$GW" $c --help
  expect "zh: gongwen $c --help is Chinese" 0 "用法：" "退出状态：" -- "Exit status" "Usage:"
done
run C.UTF-8 "$GW" validate --help
expect "C: gongwen validate --help is English" 0 "Usage:" "Exit status" -- "用法"
run $ZH "$GW" serve --help
expect "zh: gongwen serve --help is Chinese" 0 "用法：" "打开公文台" "一次提交内容的上限" -- "Usage:" "clerk's desk"
run $ZH "$GW" fo --help
expect "zh: fo's --format and -o name the OFD in Chinese" 0 "pdf、png、ofd 或 pdf,ofd（默认按输出文件名）" \
  "写入 OUT.pdf、OUT.ofd 或 OUT.png" -- "default: from the output name"
run $ZH "$GW" render --format xps nothing.xml
expect "zh: render: an unknown --format, in Chinese" 2 "不认识的 --format 'xps'（应为 pdf、ofd 或 pdf,ofd）" -- "unknown"
run C.UTF-8 "$GW" batch --format xps nothing
expect "C: batch: an unknown --format, in English" 2 "unknown --format 'xps' (pdf, ofd or pdf,ofd)" -- "不认识"
run $ZH "$GW" validate "$TOP/tests/transform/records/case-penalty-range.xml"
expect "zh: a regime rule's message (the penalty outside its range) is Chinese" 1 \
  "“行政处罚”80000 元，超出《产品质量监督抽查监管》五、（二）规定的 0–30000 元" -- "penalty 80000" "yuan"

# ---- a record missing its 法定代表人
grep -v legal-representative "$CASE" > cases/nolegal.xml
run $ZH "$GW" validate cases/nolegal.xml
expect "zh: a missing 法定代表人 is named, no element name" 1 "nolegal.xml:$LEGAL: 缺少“法定代表人”" \
  -- "legal-representative" "element" "expected" "Expecting" "<contact>"
run C.UTF-8 "$GW" validate cases/nolegal.xml
expect "C: a missing 法定代表人 is named by its label" 1 "nolegal.xml:$LEGAL: 法定代表人 is missing" \
  -- "legal-representative" "<contact>"
sed 's/<sampled>2015-07-08</<sampled>2015-13-08</' "$CASE" > cases/baddate.xml
run $ZH "$GW" validate cases/baddate.xml
expect "zh: a date that does not exist: the field, the value, what to write" 1 \
  "“抽样日期”写的是“2015-13-08”，不是有效的日期；请写成 2015-07-08" -- "sampled" "xs:date" "Type date"
sed 's|<brand>华通</brand>|<brand>华通</brand><colour>红</colour>|' "$CASE" > cases/extra.xml
run $ZH "$GW" validate cases/extra.xml
expect "zh: an element the form does not have: remove it" 1 "“产品/colour”不该写在这里，请删去" -- "Did not expect"

# ---- the checks: each mistake fails with a Chinese message naming the field
sed 's/amount-yuan="20000"/amount-yuan="25000"/' "$FILM" > cases/fine.xml
run $ZH "$GW" validate cases/fine.xml
expect "zh: fine in figures ≠ fine in words" 1 "“罚款金额（元）”写的是 25000 元，但“行政处罚”中大写金额是 20000 元"
run C.UTF-8 "$GW" validate cases/fine.xml
expect "C: fine in figures ≠ fine in words" 1 "罚款金额（元） is 25000 yuan, but 行政处罚 says 20000 yuan in words"
# amounts in words that agree with their figures pass (大写 and 小写 numerals, 万, 拾 alone)
n=0
for pair in "12500:壹万贰仟伍佰元整" "100000:人民币拾万元整" "30000:罚款三万元" "20500:贰万零伍佰元整" "1000000:壹佰万元整"; do
  n=$((n + 1))
  sed "s|amount-yuan=\"20000\">[^<]*<|amount-yuan=\"${pair%%:*}\">对你单位处以${pair#*:}。<|" "$FILM" > "cases/amount$n.xml"
done
run C.UTF-8 "$GW" validate -q cases/amount[1-5].xml
if [ "$(cat "$WORK/rc")" = 1 ] && grep -q "yuan in words" "$WORK/out"; then
  t_fail "amounts in words that agree with their figures pass the fine check" "$(grep -m2 'in words' "$WORK/out" | tr '\n' ' ')"
else
  t_ok "amounts in words that agree with their figures pass the fine check"
fi
sed 's|amount-yuan="20000">[^<]*<|amount-yuan="5000">罚款伍仟元伍角。<|' "$FILM" > cases/jiao.xml
run C.UTF-8 "$GW" validate cases/jiao.xml
expect "伍仟元伍角 is not 5000 yuan" 1 "says 5000… yuan in words"
sed 's/<report-served>2015-08-03</<report-served>2015-07-01</' "$CASE" > cases/dates.xml
run $ZH "$GW" validate cases/dates.xml
expect "zh: report served before sampled" 1 "“报告送达日期”2015-07-01 早于“抽样日期”2015-07-08"
sed 's|<issued date="2015-08-03"/>|<issued date="2015-07-01"/>|' "$CASE" > cases/issued.xml
run $ZH "$GW" validate cases/issued.xml
expect "zh: issued before sampled" 1 "“签发日期”2015-07-01 早于“抽样日期”2015-07-08"
SE="$TOP/xml/cases/case-2015-se03-boiler.xml"
if grep -q '<order-served>' "$SE"; then
  ins=$(sed -n 's/.*<inspected>\([^<]*\)<.*/\1/p' "$SE")
  sed "s|<order-served>[^<]*</order-served>|<order-served>2014-01-01</order-served>|" "$SE" > cases/se.xml
  run $ZH "$GW" validate cases/se.xml
  expect "zh: special equipment: order served before inspected" 1 "“指令书送达日期”2014-01-01 早于“检查日期”$ins"
fi
sed 's|<name>张伟</name><enforcement-id>13102300125|<name>刘建华</name><enforcement-id>13102300125|' "$CASE" > cases/twice.xml
run $ZH "$GW" validate cases/twice.xml
expect "zh: the same inspector twice" 1 "“执法人员”中 刘建华 写了两次"
sed 's|<name>张伟</name><enforcement-id>13102300125|<name>张伟</name><enforcement-id>13102300112|' "$CASE" > cases/sameid.xml
run $ZH "$GW" validate cases/sameid.xml
expect "zh: two inspectors with one enforcement ID" 1 "刘建华 和 张伟 的“执法证号”都是 13102300112"
sed '/<measure>/d' "$CASE" > cases/nomeasure.xml
run $ZH "$GW" validate cases/nomeasure.xml
expect "zh: an order without measures" 1 "没有“整改措施”：文书上这一部分只有标题、没有内容"
sed '/<remedies>/,/<\/remedies>/d' "$CASE" > cases/noremedies.xml
run $ZH "$GW" validate cases/noremedies.xml
expect "zh: a case without remedies" 1 "没有“救济途径”（复议机关、诉讼法院）"
run $ZH "$GW" validate "$TOP"/xml/cases/*.xml "$TOP"/xml/inspections/*.xml
expect "zh: the project's cases and inspections pass the checks" 0 ": ok" -- "早于" "没有“"

# ---- the registry and templates
D="$WORK/data"; rm -rf "$D"; mkdir -p "$D/xml"
cp -r "$TOP/xsl" "$TOP/fonts" "$D/"; cp -r "$TOP/xml/schema" "$D/xml/"
run C.UTF-8 "$GW" validate -d -q "$CASE"
expect "validate -d: the project's registry is fine" 0
sed -i "0,/xsl=\"case-order.xsl\"/s//xsl=\"case-ordr.xsl\"/; s/when=\"@kind = 'special-equipment'\"/when=\"@kind = 'special-equipment' and equipment\"/" \
  "$D/xsl/documents.xml"
GONGWEN_DATADIR=$D run $ZH "$GW" validate -d -q "$CASE"
expect "zh: validate -d: a stylesheet named that does not exist" 1 "没有样式表 $D/xsl/case-ordr.xsl"
expect "zh: validate -d: a when= without the r: prefix can never match" 1 "元素 'equipment' 没有 r: 前缀" "应写 r:equipment"
run $ZH "$GW" render "$CASE" -o rendered -p copise=2
expect "zh: a --param no stylesheet declares" 2 "--param copise：没有样式表声明这个参数" "copies"
run C.UTF-8 "$GW" render "$CASE" -o rendered -p copies=2 -q
expect "a --param a stylesheet declares is fine" 0

# ---- import and batch in Chinese
sed 's/2015\.10\.20/2015-13-01/' "$TOP/tests/cli/cases.csv" > cases-bad.csv
run $ZH "$GW" import cases-bad.csv -o imported
expect "zh: import: a bad cell names the row and the column" 1 "cases-bad.csv:4: “抽样日期”列：“2015-13-01”不是日期" \
  "已写入 2 份记录" "，1 行失败"
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old' > old.xls
run $ZH "$GW" import old.xls -o imported
expect "zh: import of an old .xls says how to save it" 1 "另存为 .xlsx（Excel 工作簿）或 CSV UTF-8"
cp "$TOP"/xml/regime-*.xml cases/ 2>/dev/null
cp "$CASE" cases/ok.xml
mkdir -p batch; cp "$CASE" cases/nolegal.xml batch/; cp "$TOP"/xml/regime-*.xml .
run $ZH "$GW" batch batch -o bout -j 1
expect "zh: the batch summary in Chinese, records in their own unit" 1 "已生成文书 2 份" "其中 1 份记录有误" \
  "失败：" "缺少“法定代表人”" -- "documents written" "legal-representative"
sed '/<inspector><name>张伟/d' "$CASE" > batch1/one.xml 2>/dev/null || { mkdir -p batch1; sed '/<inspector><name>张伟/d' "$CASE" > batch1/one.xml; }
run C.UTF-8 "$GW" batch batch1 -o bout1 -j 1 -q
grep -A1 '^failed:' "$WORK/out" | grep -q "one.xml:$INSP: 1 inspector, fewer than the 2 required by" \
  && t_ok "the batch summary shows the rule's message for one inspector, not the grammar's" \
  || t_fail "the batch summary shows the rule's message for one inspector" "$(grep -A1 '^failed:' "$WORK/out" | tr '\n' ' ')"
