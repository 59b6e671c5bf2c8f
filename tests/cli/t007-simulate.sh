# simulate and capacity: the JSON contract, one seed one output, the
# timeline file, traces, and bad input (exit 2 for flags, 3 for a bad
# trace, 5 when nothing meets the objectives; nothing on stdout).
. "$TOP_SRCDIR/tests/cli/lib.sh"
field() { python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d=d[k]
print(d)' "$tmp/out" "$1"; }
has_field() { field "$1" >/dev/null; }
base="-m llama-3.1-8b -g h100-sxm"

run "$PROG" simulate --help
check "simulate --help exits 0" [ "$rc" = 0 ]
check "--help lists --trace" has "$out" "--trace"

run "$PROG" simulate $base --qps 4 --requests 400 --json
check "simulate --json exits 0" [ "$rc" = 0 ]
for f in completed dropped duration_s mean_in_system throughput_requests_per_s \
         throughput_tokens_per_s ttft_s.mean ttft_s.p50 ttft_s.p90 ttft_s.p99 \
         tpot_s.mean tpot_s.p99 e2e_s.mean e2e_s.p99 mean_queue kv_cache_use \
         preemptions gpu_busy energy_per_request_j goodput_requests_per_s; do
  check "json has $f" has_field "$f"
done
check "all 400 requests complete" [ "$(field completed)" = 400 ]
check "p50 <= p90 <= p99" python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
for k in ("ttft_s","tpot_s","e2e_s"):
    q=d[k]; assert q["p50"] <= q["p90"] <= q["p99"], k' "$tmp/out"
cp "$tmp/out" "$tmp/first"
run "$PROG" simulate $base --qps 4 --requests 400 --json
check "the same seed prints the same bytes" cmp -s "$tmp/out" "$tmp/first"
run "$PROG" simulate $base --qps 4 --requests 400 --json --seed 2
check "another seed prints other numbers" sh -c '! cmp -s "$1" "$2"' - "$tmp/out" "$tmp/first"

run "$PROG" simulate $base --qps 4 --requests 200 --ttft-slo 0.1 --tpot-slo 0.02
check "report exits 0" [ "$rc" = 0 ]
check "report shows the latency table" has "$out" "TTFT"
check "report shows goodput" has "$out" "goodput"

run "$PROG" simulate $base --qps 4 --requests 200 --timeline "$tmp/tl.csv" --timeline-interval 5
check "--timeline exits 0" [ "$rc" = 0 ]
check "timeline has its header" [ "$(head -1 "$tmp/tl.csv")" = "time_s,in_system,waiting,running,kv_used,completed,output_tokens,preemptions" ]
check "timeline has rows every 5 s" [ "$(sed -n 3p "$tmp/tl.csv" | cut -d, -f1)" = "5.000" ]
check "no temporary file is left" [ "$(ls "$tmp" | grep -c tmp)" = 0 ]

# An Azure-format trace: 3 requests, replayed as recorded.
printf 'TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44\n2023-11-16 18:15:47.1805900,1000,12\n2023-11-16 18:15:50.6805900,20,7\n' >"$tmp/trace.csv"
run "$PROG" simulate $base --trace "$tmp/trace.csv" --json
check "a trace replays" [ "$rc" = 0 ]
check "every row is a request" [ "$(field completed)" = 3 ]
# the tokens out: 44 + 12 + 7 = 63 over the run
check "its lengths are the trace's" python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
assert abs(d["throughput_tokens_per_s"]*d["duration_s"]-63)<1e-6' "$tmp/out"

# Bad flags: exit 2, nothing on stdout.
for bad in abc -1 0 inf nan 1e99 5x; do
  run "$PROG" simulate $base --qps "$bad"
  check "--qps $bad exits 2 with nothing printed" [ "$rc" = 2 -a -z "$out" ]
done
for bad in 0 -5 abc 1.5 uniform:9:3 lognormal:0:1 exponential:-2 99999999999 empirical:; do
  run "$PROG" simulate $base --qps 1 --input-len "$bad"
  check "--input-len $bad exits 2 with nothing printed" [ "$rc" = 2 -a -z "$out" ]
done
run "$PROG" simulate $base --qps 1 --output-len 0
check "--output-len 0 exits 2" [ "$rc" = 2 ]
check "and names the value" has "$err" "'0'"
run "$PROG" simulate $base --qps 1 --arrival gamma:0
check "--arrival gamma:0 exits 2" [ "$rc" = 2 ]
run "$PROG" simulate $base --qps 1 --balance random
check "unknown --balance exits 2" [ "$rc" = 2 ]
run "$PROG" simulate $base --qps 1 --disaggregate 2
check "--disaggregate without D exits 2" [ "$rc" = 2 ]
run "$PROG" simulate $base
check "missing --qps exits 2" [ "$rc" = 2 ]

# A bad trace: exit 3 naming the line; a timeline asked for is not written.
for rows in '1,374,44\nxx,1,1' '1,374' '1,-3,4' '1,5,lots' '1,99999999999,2' '5,1,1\n4,1,1'; do
  printf "TIMESTAMP,ContextTokens,GeneratedTokens\n$rows\n" >"$tmp/bad.csv"
  run "$PROG" simulate $base --trace "$tmp/bad.csv" --timeline "$tmp/bad-tl.csv"
  check "bad trace ($rows) exits 3 with nothing printed" [ "$rc" = 3 -a -z "$out" ]
  check "and names the line" has "$err" "bad.csv:"
  check "and writes no timeline" [ ! -e "$tmp/bad-tl.csv" ]
done
run "$PROG" simulate $base --trace "$tmp/missing.csv"
check "a missing trace exits 1" [ "$rc" = 1 ]

# Empirical lengths from a CSV column.
printf 'prompt,answer\n100,20\n300,40\n' >"$tmp/lens.csv"
run "$PROG" simulate $base --qps 1 --requests 50 --input-len "empirical:$tmp/lens.csv:prompt" --output-len "empirical:$tmp/lens.csv:2" --json
check "empirical lengths run" [ "$rc" = 0 ]
printf 'prompt\n100\nfoo\n' >"$tmp/badlens.csv"
run "$PROG" simulate $base --qps 1 --input-len "empirical:$tmp/badlens.csv:prompt"
check "a bad length file exits 3" [ "$rc" = 3 ]
check "naming its line" has "$err" "badlens.csv:3"

# capacity
run "$PROG" capacity $base --ttft-p99 0.5 --tpot-p99 0.05 --qps 60 --requests 800 --json
check "capacity --json exits 0" [ "$rc" = 0 ]
for f in max_qps bracket_qps analytic_max_qps bottleneck binding replicas gpus at_max.ttft_p99_s; do
  check "capacity json has $f" has_field "$f"
done
check "the capacity bracket holds max_qps and is narrow" python3 -c 'import json,sys
d=json.load(open(sys.argv[1])); lo,hi=d["bracket_qps"]
assert lo == d["max_qps"] and lo < hi <= lo*1.021
assert d["at_max"]["ttft_p99_s"] <= 0.5 and d["at_max"]["tpot_p99_s"] <= 0.05' "$tmp/out"
check "60 req/s needs at least 60/max_qps replicas" python3 -c 'import json,sys,math
d=json.load(open(sys.argv[1]))
assert d["replicas"] >= math.ceil(60/d["bracket_qps"][1]) and d["at_target"]["ttft_p99_s"] <= 0.5' "$tmp/out"
run "$PROG" capacity $base --ttft-p99 0.001 --tpot-p99 0.05
check "objectives nobody can meet exit 5" [ "$rc" = 5 -a -z "$out" ]
check "and say by how much" has "$err" "p99 TTFT"
run "$PROG" capacity $base --ttft-p99 0.5
check "capacity without --tpot-p99 exits 2" [ "$rc" = 2 ]
run "$PROG" capacity $base --ttft-p99 -1 --tpot-p99 0.05
check "a negative objective exits 2" [ "$rc" = 2 ]
# --- Images (issue 20): one AutoGLM request with a phone screenshot.  Alone
# in the engine, its TTFT is the estimate's: the 3,354 image tokens in its
# prompt and the tower's time before it (the estimate prefills the same
# 2048-token chunks; a simulated step shares nothing else).
ag="--model autoglm-phone-9b --gpu rtx-4090 --input-len 1000 --output-len 50"
agq="$ag --qps 1"
run "$PROG" simulate $agq --requests 1 --images 1 --image-size 1080x2400 --json
check "one request with a screenshot: exit 0" [ "$rc" = 0 ]
printf '%s' "$out" >"$tmp/sim-img.json"
run "$PROG" estimate $ag --images 1 --image-size 1080x2400 --json
printf '%s' "$out" >"$tmp/est-img.json"
run "$PROG" simulate $agq --requests 1 --json
printf '%s' "$out" >"$tmp/sim-noimg.json"
check "... its TTFT is the estimate's, tower included, and far above the text alone" python3 -c '
import json, sys
s, e, t = (json.load(open(f)) for f in sys.argv[1:])
assert s["image_tokens"] == 3354 and s["images_per_request"] == 1, s
ttft = s["ttft_s"]["mean"]
assert abs(ttft - e["latency"]["ttft_s"]) < 0.05 * e["latency"]["ttft_s"], (ttft, e["latency"])
assert ttft > t["ttft_s"]["mean"] + e["latency"]["vision_s"], (ttft, t["ttft_s"])' \
	"$tmp/sim-img.json" "$tmp/est-img.json" "$tmp/sim-noimg.json"
printf 'time,input_tokens,output_tokens,images\n0,500,20,1\n0.5,400,20,0\n1.0,300,20,2\n' >"$tmp/img.csv"
run "$PROG" simulate --model autoglm-phone-9b --gpu rtx-4090 --trace "$tmp/img.csv" --image-size 1080x2400
check "a trace with an Images column: exit 0" [ "$rc" = 0 ]
check "... replayed with its images" has "$out" "the trace's images, 1.00 a request"
run "$PROG" simulate --model autoglm-phone-9b --gpu rtx-4090 --trace "$tmp/img.csv"
check "... without --image-size: exit 2, asking for it" has "$err" "expected --image-size"
run "$PROG" simulate --model llama-3.1-8b --gpu rtx-4090 --trace "$tmp/img.csv"
check "... for a text model: exit 2" [ "$rc" = 2 ]
printf 'time,input_tokens,output_tokens,images\n0,500,20,many\n' >"$tmp/badimg.csv"
run "$PROG" simulate --model autoglm-phone-9b --gpu rtx-4090 --trace "$tmp/badimg.csv" --image-size 1080x2400
check "a bad Images value: refused, naming the line and value" has "$err" "badimg.csv:2: images 'many'"
# --- Admission per engine: TensorRT-LLM reserves each request's whole
# output (GUARANTEED_NO_EVICT) and never preempts; vLLM, on the same
# KV-starved card, preempts and recomputes.
starve="--model llama-3.1-8b --gpu l4 --precision fp8 --qps 4 --requests 300 --input-len 1000 --output-len 600 --json"
run "$PROG" simulate $starve --engine tensorrt-llm
check "tensorrt-llm on a full cache: no preemption" python3 -c '
import json, sys
assert json.loads(sys.argv[1])["preemptions"] == 0' "$out"
run "$PROG" simulate $starve --engine vllm
check "... vLLM on the same: preemptions" python3 -c '
import json, sys
assert json.loads(sys.argv[1])["preemptions"] > 0' "$out"
# --- A closed loop, as benchmark_serving --max-concurrency runs: never
# more than N in flight; --qps and --trace do not go with it.
run "$PROG" simulate --model llama-3.1-8b --gpu h100-sxm --concurrency 16 --input-len 1000 --output-len 200 --requests 200 --json
check "--concurrency 16: exit 0, at most 16 in flight" python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["concurrency"] == 16 and d["peak_in_flight"] <= 16 and d["completed"] == 200, d' "$out"
run "$PROG" simulate --model llama-3.1-8b --gpu h100-sxm --concurrency 16 --qps 3
check "--concurrency with --qps: exit 2, saying why" has "$err" "closed loop"
run "$PROG" simulate --model llama-3.1-8b --gpu h100-sxm --concurrency 16 --trace "$tmp/img.csv"
check "--concurrency with --trace: exit 2" [ "$rc" = 2 ]
done_testing
