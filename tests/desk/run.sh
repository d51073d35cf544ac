#!/bin/bash
# tests/desk — the clerk's desk (gongwen serve): the API, every refusal, the hostile corpus
# sent to /api/validate and /api/render, a clean stop, and (normal build) a real headless
# Chromium session (browser.js; needs `make desk-deps`: puppeteer-core in node_modules).
. "$TOP/tests/lib.sh"
cd "$TOP" || exit 1
# the browser's 14 (15 with the case label table: the message in Chinese), 2 on its record,
# and the print file: not in the sanitizer pass
labels=0; [ -f xml/schema/case.labels.xml ] && labels=1
t_plan $((74 + labels)) asan=57
DATA=$WORK/data
mkdir -p "$DATA/cases"
cp xml/cases/case-2015-014-wire.xml "$DATA/cases/"
cp xml/regime-6-*.xml "$DATA/"
CASE=cases/case-2015-014-wire.xml

# start_server OUT ERR ARGS… : starts the server in the background (PID in $SPID), waits for
# its URL (in $URL).
start_server() {
  out=$1 err=$2; shift 2
  mkdir -p "$WORK/tmp"
  TMPDIR=$WORK/tmp "$GW" serve "$@" > "$out" 2> "$err" &
  SPID=$!
  URL=""
  for _ in $(seq 1 200); do
    URL=$(head -1 "$out" 2>/dev/null)
    [ -n "$URL" ] && break
    kill -0 $SPID 2>/dev/null || break
    sleep 0.1
  done
}
# stop_server : Ctrl-C, then waits (the exit status in $SRC).
stop_server() {
  kill -INT $SPID 2>/dev/null
  for _ in $(seq 1 100); do kill -0 $SPID 2>/dev/null || break; sleep 0.1; done
  kill -0 $SPID 2>/dev/null && { kill -KILL $SPID; SRC=killed; return; }
  wait $SPID; SRC=$?
}
# code ARGS… : the HTTP status curl gets.
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

start_server "$WORK/serve.out" "$WORK/serve.err" "$DATA" --port 0
case "$URL" in
  http://127.0.0.1:[0-9]*/) t_ok "serve prints its URL first ($URL)" ;;
  *) t_fail "serve prints its URL first" "got '$URL'"; cat "$WORK/serve.err"; exit 0 ;;
esac
HP=${URL#http://}; HP=${HP%/}; PORT=${HP#*:}

# pages and the record list
t_expect "home page" sh -c "curl -sf '$URL' | grep -q '公文台'"
t_expect "form page" sh -c "curl -sf '${URL}new/case' | grep -q 'form.js'"
t_expect "schema served for the forms" sh -c "curl -sf '${URL}schema/case.rng' | grep -q 'relaxng'"
curl -s "${URL}api/records?today=2015-09-01" > "$WORK/records.json"
t_expect "GET /api/records lists the case as valid" python3 -c "
import json,sys; d=json.load(open('$WORK/records.json'))
r=[x for x in d['records'] if x['path']=='$CASE']
assert r and r[0]['state']=='valid' and r[0]['kind']=='case' and r[0]['id']=='case-2015-014', r
assert 'case' in d['kinds']"
t_expect "the 台账 lists a deadline due within 7 days" python3 -c "
import json; d=json.load(open('$WORK/records.json'))
assert [l for l in d['ledger'] if l['path']=='$CASE' and l['days_left']==1 and '〔2015〕14号' in l['number']], d['ledger']"
t_expect "a deadline 8 days ahead is not in the 台账" python3 -c "
import json,urllib.request; d=json.load(urllib.request.urlopen('${URL}api/records?today=2015-08-25'))
assert not d['ledger'], d['ledger']"

# validate
curl -s -X POST --data-binary "@$DATA/$CASE" "${URL}api/validate?path=$CASE" > "$WORK/v-ok.json"
t_expect "validate: a valid record is ok, with computed deadlines and its documents" python3 -c "
import json; d=json.load(open('$WORK/v-ok.json'))
assert d['ok'] and d['errors']==[] and len(d['documents'])==2, d
assert any(c['path']=='decision/rectify-by' and c['value'].startswith('2015年9月2日') for c in d['computed']), d"
sed 's|<legal-representative>[^<]*</legal-representative>|<legal-representative></legal-representative>|; s|<sampled>2015-07-08|<sampled>2015-13-08|' \
  "$DATA/$CASE" > "$WORK/bad.xml"
curl -s -X POST --data-binary "@$WORK/bad.xml" "${URL}api/validate?path=$CASE" > "$WORK/v-bad.json"
t_expect "validate: a bad record names the line and field" python3 -c "
import json; d=json.load(open('$WORK/v-bad.json'))
assert d['ok'] is False and d['errors'], d
e=d['errors'][0]; assert isinstance(e['line'], int) and e['line']>1 and e['path'] and e['field'] and e['message'], e"

# render
curl -s -D "$WORK/r.h" -o "$WORK/r.pdf" -X POST --data-binary "@$DATA/$CASE" "${URL}api/render?path=$CASE"
t_expect "render: the first document as PDF" sh -c "head -c 5 '$WORK/r.pdf' | grep -q '%PDF-' && grep -qi '^content-type: application/pdf' '$WORK/r.h'"
t_expect "render: its text is the case's" sh -c "pdftotext '$WORK/r.pdf' - | grep -q '责令整改通知书'"
curl -s -o "$WORK/r2.pdf" -X POST --data-binary "@$DATA/$CASE" "${URL}api/render?path=$CASE&document=2"
t_expect "render ?document=2: the receipt" sh -c "pdftotext '$WORK/r2.pdf' - | grep -q '送达回证'"
for i in 1 2 3 4 5; do
  curl -s -o "$WORK/p.png" -D "$WORK/p.h" -X POST --data-binary "@$DATA/$CASE" \
    "${URL}api/render?path=$CASE&document=2&format=png&page=1&dpi=60"
  grep -i '^server-timing' "$WORK/p.h" | sed 's/.*dur=\([0-9.]*\).*/\1/' | tr -d '\r' >> "$WORK/p.times"
done
t_expect "render ?format=png&page=1: a PNG page" sh -c "head -c 8 '$WORK/p.png' | grep -q PNG"
echo "# one-page receipt preview, server time (Server-Timing) of 5: $(sort -n "$WORK/p.times" | tr '\n' ' ')ms"
t_expect "render: a page that does not exist is 422" test "$(code -X POST --data-binary "@$DATA/$CASE" "${URL}api/render?path=$CASE&document=2&format=png&page=9")" = 422
t_expect "render: a bad parameter is 400" test "$(code -X POST --data-binary "@$DATA/$CASE" "${URL}api/render?document=0")" = 400
t_expect "render: an invalid record is 422 with its errors" sh -c "curl -s -X POST --data-binary @'$WORK/bad.xml' '${URL}api/render' | grep -q '\"errors\"'"

# GET / PUT with ETag
curl -s -D "$WORK/g.h" -o "$WORK/g.xml" "${URL}api/records/$CASE"
ETAG=$(grep -i '^etag:' "$WORK/g.h" | sed 's/^[^:]*: *//; s/\r$//')
t_expect "GET a record: its XML and an ETag" sh -c "cmp -s '$WORK/g.xml' '$DATA/$CASE' && [ -n '$ETAG' ]"
sed 's|赵建军|赵建国|' "$DATA/$CASE" > "$WORK/edit.xml"
t_expect "PUT without If-Match over an existing record: 412" test "$(code -X PUT --data-binary "@$WORK/edit.xml" "${URL}api/records/$CASE")" = 412
t_expect "PUT with a stale ETag: 412, file unchanged" sh -c "[ \$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'If-Match: \"0000\"' --data-binary @'$WORK/edit.xml' '${URL}api/records/$CASE') = 412 ] && cmp -s '$WORK/g.xml' '$DATA/$CASE'"
t_expect "PUT an invalid record: 422, file unchanged" sh -c "[ \$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'If-Match: $ETAG' --data-binary @'$WORK/bad.xml' '${URL}api/records/$CASE') = 422 ] && cmp -s '$WORK/g.xml' '$DATA/$CASE'"
curl -s -D "$WORK/p.h" -o "$WORK/put.json" -X PUT -H "If-Match: $ETAG" --data-binary "@$WORK/edit.xml" "${URL}api/records/$CASE"
ETAG2=$(grep -i '^etag:' "$WORK/p.h" | sed 's/^[^:]*: *//; s/\r$//')
t_expect "PUT with the current ETag saves (200, new ETag, same bytes)" sh -c "grep -q '^HTTP/1.1 200' '$WORK/p.h' && [ '$ETAG2' != '$ETAG' ] && cmp -s '$WORK/edit.xml' '$DATA/$CASE'"
t_expect "the saved record is valid" "$GW" validate -q "$DATA/$CASE"
t_expect "saving made its documents in out/" sh -c "ls '$DATA/out/' | grep -q '^责令整改通知书-.*\.pdf$' && ls '$DATA/out/' | grep -q '^送达回证-.*\.pdf$'"
t_expect "no temporary file left beside it" sh -c "! ls -A '$DATA/cases' | grep -q '^\.'"
t_expect "PUT again with the old ETag (another tab): 412" test "$(code -X PUT -H "If-Match: $ETAG" --data-binary "@$WORK/edit.xml" "${URL}api/records/$CASE")" = 412
sed 's|id="case-2015-014"|id="case-2015-099"|' "$WORK/edit.xml" > "$WORK/new.xml"
t_expect "PUT a new record: 201" test "$(code -X PUT -H 'If-None-Match: *' --data-binary "@$WORK/new.xml" "${URL}api/records/cases/case-2015-099.xml")" = 201
t_expect "GET /api/documents: a saved record's document as a download" sh -c "curl -s -D - -o '$WORK/d.pdf' '${URL}api/documents/$CASE?document=2' | grep -qi 'content-disposition: attachment' && pdftotext '$WORK/d.pdf' - | grep -q '送达回证'"
if [ -z "$GW_SANITIZE" ]; then # the child batch of a sanitizer build outlives its timeout
  printf '%s\n%s\n' "$CASE" cases/case-2015-099.xml > "$WORK/print.txt"
  curl -s -o "$WORK/print.pdf" -X POST --data-binary "@$WORK/print.txt" "${URL}api/print"
  t_expect "POST /api/print: one duplex print file of both records' documents" sh -c "[ \$(qpdf --show-npages '$WORK/print.pdf') -ge 4 ]"
fi
t_expect "POST /api/print: a path outside the folder 400" test "$(code -X POST --data-binary '../x.xml' "${URL}api/print")" = 400

# refusals
t_expect "refused: a foreign Host (DNS rebinding) 421" test "$(code -H "Host: evil.example:$PORT" "${URL}api/records")" = 421
t_expect "refused: a POST from another origin 403" test "$(code -X POST -H 'Origin: http://evil.example' --data-binary "@$DATA/$CASE" "${URL}api/validate")" = 403
t_expect "refused: Sec-Fetch-Site cross-site 403" test "$(code -X PUT -H 'Sec-Fetch-Site: cross-site' -H "If-Match: $ETAG2" --data-binary "@$WORK/edit.xml" "${URL}api/records/$CASE")" = 403
t_expect "allowed: a POST from the desk's own origin" test "$(code -X POST -H "Origin: http://$HP" -H 'Sec-Fetch-Site: same-origin' --data-binary "@$DATA/$CASE" "${URL}api/validate")" = 200
t_expect "refused: ../ in a record path" test "$(code --path-as-is "${URL}api/records/../../../etc/passwd.xml")" = 404
t_expect "refused: %2e%2e in a record path" test "$(code "${URL}api/records/cases/%2e%2e/%2e%2e/x.xml")" = 404
st=$(code -X PUT --data-binary "@$WORK/new.xml" "${URL}api/records/%2e%2e/evil.xml")
t_expect "refused: PUT outside the folder ($st)" sh -c "[ $st -ge 400 ] && [ ! -e '$WORK/evil.xml' ]"
t_expect "refused: an absolute path" test "$(code "${URL}api/records/%2Fetc%2Fpasswd.xml")" = 404
ln -s /etc "$DATA/etc"
ln -s /etc/hostname "$DATA/host.xml"
t_expect "refused: a symlinked folder leading out" test "$(code -X PUT --data-binary "@$WORK/new.xml" "${URL}api/records/etc/evil.xml")" = 403
t_expect "refused: a symlinked file" test "$(code "${URL}api/records/host.xml")" = 404
t_expect "refused: a hidden name" test "$(code -X PUT --data-binary "@$WORK/new.xml" "${URL}api/records/.x.xml")" = 403
t_expect "refused: not .xml" test "$(code -X PUT --data-binary "@$WORK/new.xml" "${URL}api/records/cases/x.sh")" = 403
st=$(code "${URL}web/..%2F..%2Fserve.c")
t_expect "refused: a static file outside web/ ($st)" sh -c "[ $st = 400 ] || [ $st = 404 ]"
head -c 2000000 /dev/zero | tr '\0' 'a' > "$WORK/big"
t_expect "refused: a body over the cap 413" test "$(code -X POST --data-binary "@$WORK/big" "${URL}api/validate")" = 413
t_expect "refused: a chunked body 411" test "$(code -X POST -H 'Transfer-Encoding: chunked' --data-binary "@$DATA/$CASE" "${URL}api/validate")" = 411
t_expect "refused: DELETE 405" test "$(code -X DELETE "${URL}api/records/$CASE")" = 405
t_expect "unknown API 404" test "$(code "${URL}api/nothing")" = 404

# the hostile corpus: no crash, every answer well-formed JSON or a document
bad=""
for f in tests/hostile/*.xml tests/hostile/*.fo tests/hostile/*.xsl; do
  for api in "validate" "render?format=png&page=1"; do
    st=$(curl -s -o "$WORK/h.out" -w '%{http_code}' --max-time 60 -X POST --data-binary "@$f" "${URL}api/$api")
    case "$st" in 200|422) ;; *) bad="$bad $(basename "$f"):$api:$st" ;; esac
  done
done
t_expect "hostile corpus to /api/validate and /api/render: answered, never a crash${bad:+ ($bad)}" test -z "$bad"
t_expect "the server still answers after the corpus" test "$(code "${URL}api/records")" = 200
t_expect "no preview scratch file left" sh -c "! ls '$WORK'/tmp/gongwen-desk-*/ 2>/dev/null | grep -q ."

# the browser (normal build only: the sanitizer build is exercised by the API above)
if [ -z "$GW_SANITIZE" ]; then
  if [ -d tests/desk/node_modules/puppeteer-core ] && command -v node >/dev/null; then
    shot=$WORK/desk.png
    [ "${GW_UPDATE:-0}" = 1 ] && shot=$TOP/doc/desk.png
    (cd tests/desk && GW_LABELS=$labels timeout 180 node browser.js "$URL" "$shot" "$CASE") > "$WORK/browser.out" 2>&1
    cat "$WORK/browser.out"
    grep -q '^ok - save writes the record' "$WORK/browser.out" && \
      t_expect "the record saved from the browser is valid" "$GW" validate -q "$DATA/cases/case-2026-001.xml"
    t_expect "the browser's record has its documents" sh -c "ls '$DATA/out/' | grep -q 'case-2026-001'"
  else
    t_fail "browser test" "puppeteer-core missing: run make desk-deps (npm ci in tests/desk)"
  fi
fi

stop_server
t_expect "Ctrl-C stops the server cleanly (exit 0, scratch folder removed)" sh -c "[ '$SRC' = 0 ] && ! ls '$WORK/tmp' | grep -q ."
grep -q 'AddressSanitizer\|runtime error' "$WORK/serve.err" && t_fail "no sanitizer report" "$(grep -m1 'Sanitizer\|runtime error' "$WORK/serve.err")"

# beyond loopback: a token
start_server "$WORK/l.out" "$WORK/l.err" "$DATA" --port 0 --listen 127.0.0.2
TOKEN=$(sed -n 's/.*token=\([0-9a-f]*\).*/\1/p' "$WORK/l.out")
B=${URL%%\?*}
t_expect "--listen prints a URL with a token, and says so" sh -c "[ -n '$TOKEN' ] && grep -q 'token' '$WORK/l.err'"
t_expect "--listen: a request without the token 403" test "$(code "${B}api/records")" = 403
t_expect "--listen: a wrong token 403" test "$(code -H 'X-Gongwen-Token: 0123' "${B}api/records")" = 403
t_expect "--listen: with the token 200" test "$(code -H "X-Gongwen-Token: $TOKEN" "${B}api/records")" = 200
t_expect "--listen: any Host name with the token (the machine's own names vary)" test "$(code -H "X-Gongwen-Token: $TOKEN" -H "Host: desk.example:1" "${B}api/records")" = 200
t_expect "--listen: the token in the URL sets a cookie" sh -c "curl -s -D - -o /dev/null '$URL' | grep -qi 'set-cookie: gongwen-token=$TOKEN'"
stop_server
t_expect "usage error: two folders" test "$("$GW" serve a b >/dev/null 2>&1; echo $?)" = 2
t_expect "a missing folder: exit 1" test "$("$GW" serve "$WORK/none" --port 0 >/dev/null 2>&1; echo $?)" = 1
