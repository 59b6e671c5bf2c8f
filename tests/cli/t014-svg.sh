# --svg on plan, simulate and capacity: a well-formed, self-contained SVG
# (no scripts, no external references) with labelled axes and the data
# drawn; deterministic bytes; written whole or not at all.
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/user.db"
svgcheck() {  # FILE MIN-CIRCLES WORDS...: parses, has the words, enough markers, nothing external
	python3 - "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
f, n = sys.argv[1], int(sys.argv[2])
text = open(f, encoding="utf-8").read()
root = ET.fromstring(text)
ns = "{http://www.w3.org/2000/svg}"
assert root.tag == ns + "svg", root.tag
assert "<script" not in text and "href" not in text and "@import" not in text, "external or active content"
circles = root.findall(".//" + ns + "circle")
assert len(circles) >= n, "%d markers, want %d" % (len(circles), n)
words = " ".join(t.text or "" for t in root.iter(ns + "text")) + " " + (root.find(ns + "title").text or "")
for w in sys.argv[3:]:
    assert w in words, "no '%s' in the text" % w
PY
}
run "$PROG" plan --model llama-3.1-8b --qps 10 --input-len 1024 --output-len 256 --ttft-p99 1 --tpot-p99 0.05 --svg "$tmp/plan.svg" --json
check "plan --svg exits 0" [ "$rc" = 0 ]
ncand=$(printf '%s' "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["candidates"]))')
check "plan chart: every candidate drawn, axes with units" svgcheck "$tmp/plan.svg" "$((ncand + 2))" "capex" "(USD" "cost per million output tokens" "Pareto front" "#1 "
sim="--model llama-3.1-8b --gpu h100-sxm --qps 20 --input-len 1024 --output-len 256 --requests 3000 --seed 7"
run "$PROG" simulate $sim --svg "$tmp/sim.svg"
check "simulate --svg exits 0" [ "$rc" = 0 ]
check "simulate chart: three latencies, p50 and p99 marked" svgcheck "$tmp/sim.svg" 9 "percentile of requests" "latency (s)" "time to first token" "time per output token"
"$PROG" simulate $sim --svg "$tmp/sim2.svg" >/dev/null
check "the same run draws the same bytes" cmp -s "$tmp/sim.svg" "$tmp/sim2.svg"
run "$PROG" capacity --model llama-3.1-8b --gpu h100-sxm --max-num-batched-tokens 2048 --input-len 1024 --output-len 256 --ttft-p99 0.5 --tpot-p99 0.05 --requests 1000 --svg "$tmp/cap.svg" --json
check "capacity --svg exits 0" [ "$rc" = 0 ]
check "capacity chart: the probed rates against the objectives" svgcheck "$tmp/cap.svg" 6 "load (requests/s)" "TTFT objective" "TPOT objective" "p99 TTFT" "max "
run "$PROG" simulate $sim --svg "$tmp/no-such-dir/sim.svg"
check "an unwritable --svg exits 1" [ "$rc" = 1 ]
check "... and leaves nothing" [ ! -e "$tmp/no-such-dir" ]
done_testing
