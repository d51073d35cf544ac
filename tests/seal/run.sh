#!/bin/bash
# tests/seal/run.sh — the documents a clerk seals and serves (issue #13), on area dumps and
# PDF text. Prints "ok - NAME" / "not ok - NAME: why" lines.
#   stress       one order and one directive whose facts grow by 0–24 sentences (stress.py):
#                the page of the signature/seal block holds body lines, the seal area
#                geometry holds, 承办股室/联系电话 never split (check_seal.py)
#   demo         every case document of xml/ (orders, directives, 行政处罚告知书/决定书):
#                the same seal checks
#   statute      orders cite 《中华人民共和国产品质量法》第十七条, directives
#                《中华人民共和国特种设备安全法》第六十二条; no 监督检查事项 clause numbers
#   penalty      23号: no fine in the 责令整改通知书; 告知书 with 陈述、申辩, 决定书 with payment
#                and remedies; the order's receipt lists the 告知书 served with it
#   receipt      the 检验报告 served the same day is listed; the seal row is ≥ 42 mm
#   inspection   blank opinion and signatures (nothing pre-printed), signatures in every
#                page's footer, a named witness's line, pages filled, content on the last page
#   sample       every page of every sample record's documents says 样例
#   validate     a case without a statute basis, or with a penalty but no <sanction>, fails
. "${TOP:?}/tests/lib.sh"
GW=${GW:-$TOP/build/gongwen}
WORK=${WORK:-$(mktemp -d)}
HERE="$TOP/tests/seal"
mkdir -p "$WORK"
command -v pdftotext >/dev/null 2>&1 || { echo "# pdftotext missing: skipped"; exit 0; }

# fo NAME XSL RECORD REGIME → $WORK/NAME.{pdf,areas.xml,txt} (txt: the text without white
# space, page numbers and the 样例 header, so a sentence across pages is found)
fo() {
  "$GW" xslt --param regime-href="$TOP/xml/$4" "$TOP/xsl/$2" "$3" -o "$WORK/$1.fo" 2>"$WORK/$1.err" &&
  "$GW" fo -q "$WORK/$1.fo" -o "$WORK/$1.pdf" --areas "$WORK/$1.areas.xml" 2>>"$WORK/$1.err" &&
  pdftotext -enc UTF-8 "$WORK/$1.pdf" - | sed 's/[[:space:]]//g; s/　//g' | tr -d '\n\f' |
    sed 's/—[0-9]*—//g; s/样例数据，不得作为正式文书使用样例//g' >"$WORK/$1.txt"   # page furniture out
}
# has NAME TEXT… / hasnt NAME TEXT…
has() { local n=$1 s; shift; for s in "$@"; do grep -qF -- "$s" "$WORK/$n.txt" || { echo "missing '$s'"; return 1; }; done; }
hasnt() { local n=$1 s; shift; for s in "$@"; do ! grep -qF -- "$s" "$WORK/$n.txt" || { echo "printed '$s'"; return 1; }; done; }
expect() { local name=$1 why; shift; if why=$("$@"); then t_ok "$name"; else t_fail "$name" "$why"; fi; }

# 1. stress set
python3 "$HERE/stress.py" "$TOP" "$WORK/stress"
for f in "$WORK"/stress/*.xml; do
  b=$(basename "$f" .xml)
  case $b in order-*) x=case-order.xsl r=regime-6-product-sampling.xml;; *) x=case-directive.xsl r=regime-7-special-equipment.xml;; esac
  if fo "stress-$b" "$x" "$f" "$r"; then python3 "$HERE/check_seal.py" "stress $b" "$WORK/stress-$b.areas.xml" "$f"
  else t_fail "stress $b" "$(head -c 200 "$WORK/stress-$b.err")"; fi
done

# 2. the case documents of xml/
for f in "$TOP"/xml/cases/*.xml "$TOP"/xml/examples/case.xml; do
  b=$(basename "$f" .xml)
  if grep -q 'kind="special-equipment"' "$f"; then x=case-directive.xsl r=regime-7-special-equipment.xml k=directive
  else x=case-order.xsl r=regime-6-product-sampling.xml k=order; fi
  fo "$k-$b" "$x" "$f" "$r" || { t_fail "render $k-$b" "$(head -c 200 "$WORK/$k-$b.err")"; continue; }
  python3 "$HERE/check_seal.py" "seal $k-$b" "$WORK/$k-$b.areas.xml" "$f"
  fo "receipt-$b" case-receipt.xsl "$f" "$r" || t_fail "render receipt-$b" "$(head -c 200 "$WORK/receipt-$b.err")"
  python3 "$HERE/check_pages.py" "receipt-$b" "$WORK/receipt-$b.areas.xml" "$WORK/receipt-$b.pdf" seal-row sample
  python3 "$HERE/check_pages.py" "$k-$b" "$WORK/$k-$b.areas.xml" "$WORK/$k-$b.pdf" sample
  if [ $k = order ]; then expect "statute $b" has "$k-$b" 依据《中华人民共和国产品质量法》第十七条的规定
  else expect "statute $b" has "$k-$b" 依据《中华人民共和国特种设备安全法》第六十二条的规定; fi
  expect "no internal clause numbers $b" hasnt "$k-$b" 监督检查事项
  if grep -q '<sanction>' "$f"; then
    for w in notice decision; do
      fo "penalty-$w-$b" "penalty-$w.xsl" "$f" "$r" || { t_fail "render penalty-$w-$b" "$(head -c 200 "$WORK/penalty-$w-$b.err")"; continue; }
      python3 "$HERE/check_seal.py" "seal penalty-$w-$b" "$WORK/penalty-$w-$b.areas.xml" "$f" "{urn:gongwen:record:1}sanction/{urn:gongwen:record:1}$w"
      python3 "$HERE/check_pages.py" "penalty-$w-$b" "$WORK/penalty-$w-$b.areas.xml" "$WORK/penalty-$w-$b.pdf" sample
    done
  fi
done
expect "penalty not decided in the order (23号)" hasnt order-case-2015-023-film 罚款 贰万元
expect "penalty notice (23号)" has penalty-notice-case-2015-023-film 行政处罚告知书 永质监罚告〔2015〕23号 拟对你单位作出如下行政处罚 陈述、申辩 3日内 20,000.00元
expect "penalty decision (23号)" has penalty-decision-case-2015-023-film 行政处罚决定书 决定对你单位作出如下行政处罚 15日内 缴纳罚款 申请行政复议 永质监罚告〔2015〕23号
expect "no hearing below the regime's amount (23号)" hasnt penalty-notice-case-2015-023-film 听证
expect "receipt lists the notice served with the order (23号)" has receipt-case-2015-023-film 1.责令整改通知书 2.行政处罚告知书（永质监罚告〔2015〕23号）
expect "receipt lists the test report served the same day (14号)" has receipt-case-2015-014-wire 检验报告（（2015）冀质检字第DL0714号）

# a fine at the regime's hearing amount brings the right to a hearing
sed 's/amount-yuan="20000"/amount-yuan="30000"/' "$TOP/xml/cases/case-2015-023-film.xml" >"$WORK/hearing.xml"
fo hearing penalty-notice.xsl "$WORK/hearing.xml" regime-6-product-sampling.xml
expect "hearing at the regime's amount" has hearing 要求举行听证的权利 3日内

# 3. 现场检查笔录
for f in "$TOP"/xml/inspections/*.xml "$TOP"/xml/examples/inspection.xml; do
  b=$(basename "$f" .xml); r=$(sed -n 's/.*regime="\(regime-[0-9]\)".*/\1/p' "$f" | head -1)
  r=$(cd "$TOP/xml" && ls "$r"-*.xml)
  fo "insp-$b" inspection-record.xsl "$f" "$r" || { t_fail "render insp-$b" "$(head -c 200 "$WORK/insp-$b.err")"; continue; }
  python3 "$HERE/check_pages.py" "insp-$b" "$WORK/insp-$b.areas.xml" "$WORK/insp-$b.pdf" fill footer-sign sample
  expect "nothing pre-printed insp-$b" hasnt "insp-$b" 以上记录我已看过 签字：马春来 签字：孙立新 签字：田志勇
  expect "opinion and signature blanks insp-$b" has "insp-$b" 被检查单位意见 记录人签字 检查人员签字
  expect "no clause numbers insp-$b" hasnt "insp-$b" （二（
done
expect "witness line" has insp-inspection-2015-1110-scales 见证人（赵春生）签字

# 4. every document of every sample record says 样例 on every page (gongwen render)
mkdir -p "$WORK/out"
"$GW" render -q "$TOP"/xml/examples/*.xml "$TOP"/xml/cases/*.xml "$TOP"/xml/inspections/*.xml -o "$WORK/out" >"$WORK/render.log" 2>&1 ||
  t_fail "render samples" "$(head -c 300 "$WORK/render.log")"
n=0; bad=""
for p in "$WORK"/out/*.pdf; do
  n=$((n + 1)); pages=$(pdfinfo "$p" | awk '/^Pages/{print $2}')
  for i in $(seq 1 "$pages"); do
    pdftotext -f "$i" -l "$i" -enc UTF-8 "$p" - | grep -q 样例 || bad="$bad $(basename "$p") p$i"
  done
done
if [ -z "$bad" ] && [ "$n" -gt 20 ]; then t_ok "样例 on every page of $n sample documents"
else t_fail "样例 on every page" "$n documents;$bad"; fi

# 5. validation: the statute basis and the sanction are required
sed '/<legal-basis /d' "$TOP/xml/cases/case-2015-014-wire.xml" >"$WORK/no-basis.xml"
if "$GW" validate "$WORK/no-basis.xml" >"$WORK/v1.log" 2>&1; then t_fail "validate: no statute basis" "accepted"
else t_ok "validate: no statute basis fails"; fi
sed '/<sanction>/,/<\/sanction>/d' "$TOP/xml/cases/case-2015-023-film.xml" >"$WORK/no-sanction.xml"
if "$GW" validate "$WORK/no-sanction.xml" >"$WORK/v2.log" 2>&1; then t_fail "validate: penalty without sanction" "accepted"
else t_ok "validate: penalty without sanction fails"; fi
sed 's/article="第十七条"/article="17"/' "$TOP/xml/cases/case-2015-014-wire.xml" >"$WORK/bad-article.xml"
if "$GW" validate "$WORK/bad-article.xml" >"$WORK/v3.log" 2>&1; then t_fail "validate: article not 第…条" "accepted"
else t_ok "validate: article not 第…条 fails"; fi

# 6. registers: no text crosses a cell rule (the seed's registers and the examples, which
#    also say 样例 on every page); the annual register: one-line running heads, contents and
#    page 1 on right-hand pages, portrait pages with GB/T page numbers
for k in duties boundaries services; do
  for f in "$TOP/xml/$k.xml" "$TOP/xml/examples/$k.xml"; do
    n="reg-$k-$(basename "$(dirname "$f")")"
    fo "$n" "$k-register.xsl" "$f" regime-6-product-sampling.xml || { t_fail "render $n" "$(head -c 200 "$WORK/$n.err")"; continue; }
    python3 "$HERE/check_cells.py" "$n" "$WORK/$n.areas.xml"
  done
  python3 "$HERE/check_pages.py" "reg-$k-examples" "$WORK/reg-$k-examples.areas.xml" "$WORK/reg-$k-examples.pdf" sample
done
expect "no editorial note in 备注" hasnt reg-duties-xml 原表本行
if fo annual annual.xsl "$TOP/xml/annual.xml" regime-6-product-sampling.xml; then
  python3 "$HERE/check_annual.py" "$WORK/annual.areas.xml"
else t_fail "render annual" "$(head -c 200 "$WORK/annual.err")"; fi
