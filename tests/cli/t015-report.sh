# rigplan report: one self-contained HTML page (no scripts, nothing fetched)
# with the charts and tables; deterministic; rendered by headless Chromium
# where it is installed (.ci/run installs it).
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/user.db"
fx="$TOP_SRCDIR/tests/fixtures/plan"
pagecheck() {  # FILE: structure of the page
	python3 - "$1" <<'PY'
import sys, re, html.parser, xml.etree.ElementTree as ET
text = open(sys.argv[1], encoding="utf-8").read()
tags = {}
external = []
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        tags[tag] = tags.get(tag, 0) + 1
        for k, v in attrs:
            if k != "xmlns" and v and re.match(r"\s*(https?:|//|data:|javascript:)", v):
                external.append((tag, k, v))
P().feed(text)
for banned in ("script", "link", "img", "iframe", "object", "embed"):
    assert banned not in tags, "a <%s>" % banned
assert not external, external
assert tags.get("svg", 0) >= 5, "%d charts" % tags.get("svg", 0)
assert tags.get("table", 0) >= 2, "tables"
for h in ("Candidates", "Latency against load", "Memory", "Power and heat", "Bill of materials"):
    assert "<h2>%s</h2>" % h in text, h
for svg in re.findall(r"<svg .*?</svg>", text, re.S):
    ET.fromstring(svg)      # every chart well-formed
for label in ("p99 time to first token (s)", "load (requests/s, whole plan)", "GiB", "(USD"):
    assert label in text, label
PY
}
for p in llama70b-hgx autoglm-consumer; do
	run "$PROG" report --plan "$fx/$p.json" --out "$tmp/$p.html" --requests 400
	check "$p: report exits 0" [ "$rc" = 0 ]
	check "$p: nothing on stdout" [ -z "$out" ]
	check "$p: a self-contained page with five charts, tables and units" pagecheck "$tmp/$p.html"
done
"$PROG" report --plan "$fx/llama70b-hgx.json" --out "$tmp/again.html" --requests 400
check "the same plan gives the same bytes" cmp -s "$tmp/llama70b-hgx.html" "$tmp/again.html"
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chrome" ]; then
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--screenshot="$tmp/shot.png" --window-size=1100,3600 "file://$tmp/llama70b-hgx.html" \
		>/dev/null 2>&1
	check "Chromium renders the page" [ -s "$tmp/shot.png" ]
	# a blank page compresses to a few kilobytes; charts and tables do not
	check "... into a screenshot with content" [ "$(wc -c <"$tmp/shot.png")" -gt 60000 ]
fi
# GeForce cards the planner put in a server chassis: the page lays out
# their memory without sizing a tower's ATX PSUs for them
"$PROG" plan --model llama-3.1-70b --qps 1 --input-len 512 --output-len 128 --ttft-p99 2 \
  --tpot-p99 0.1 --gpu rtx-5090 --simulate 0 --top 5 --json >"$tmp/5090.json"
python3 -c '
import json,sys
p=json.load(open(sys.argv[1]))
p["candidates"]=[c for c in p["candidates"] if c["gpu_count"] == 4][:1]
assert p["candidates"], "a candidate of 4 x rtx-5090"
json.dump(p, open(sys.argv[1], "w"))' "$tmp/5090.json"
run "$PROG" report --plan "$tmp/5090.json" --out "$tmp/5090.html"
check "4 x rtx-5090 in a server chassis: the report exits 0" [ "$rc" = 0 ]
run "$PROG" report --out "$tmp/x.html"
check "without --plan exits 2" [ "$rc" = 2 ]
printf '{"candidates": [], "request": {}}' >"$tmp/empty-plan.json"
run "$PROG" report --plan "$tmp/empty-plan.json" --out "$tmp/x.html"
check "a plan without a request exits 3" [ "$rc" = 3 ]
run "$PROG" report --plan "$fx/llama70b-hgx.json" --out "$tmp/nowhere/x.html"
check "an unwritable --out exits 1" [ "$rc" = 1 ]
check "... and nothing is written" [ ! -e "$tmp/x.html" ] && [ ! -e "$tmp/nowhere" ]
done_testing
