# rigplan validate --serving: a file of serving benchmark runs replayed
# (planner/reference.c; the published runs are t_serving's), its JSON and
# table, the GPU filter, and bad files (exit 3 naming the run and field,
# exit 1 for a file that cannot be read; nothing on stdout).
. "$TOP_SRCDIR/tests/cli/lib.sh"
cat >"$tmp/runs.json" <<'JSON'
{"experiments": [
 {"id": "one-client", "model": "llama-3.1-8b", "gpu": "h100-sxm", "engine": "vllm", "tp": 1,
  "concurrency": 1, "num_prompts": 6,
  "measured": {"total_input_tokens": 3000, "total_output_tokens": 600,
               "ttft_mean_ms": 30, "tpot_mean_ms": 7.5, "output_throughput": 120}},
 {"id": "four-clients", "model": "llama-3.1-8b", "gpu": "l40s", "concurrency": 4, "num_prompts": 12,
  "input_lengths": "fixed", "output_lengths": "fixed", "max_num_seqs": 2,
  "measured": {"total_input_tokens": 6000, "total_output_tokens": 1200, "tpot_p99_ms": 30}}
]}
JSON
run "$PROG" validate --serving "$tmp/runs.json" --json
check "validate --serving exits 0" [ "$rc" = 0 ]
check "... every published figure beside its replay, the rest left out" python3 -c '
import json, sys
d = json.loads(sys.argv[1])
r = {x["id"]: x for x in d["runs"]}
m = r["one-client"]["metrics"]
assert set(m) == {"ttft_mean_ms", "tpot_mean_ms", "output_throughput"}, m
for v in m.values():
    assert v["predicted"] > 0 and abs(v["error"] - (v["predicted"] / v["published"] - 1)) < 1e-9, v
assert r["four-clients"]["gpus"] == 1
assert r["four-clients"]["metrics"]["tpot_p99_ms"]["scored"].startswith("no"), "a p99 of 12"
s = {(x["gpu"], x["metric"]): x for x in d["summary"]}
assert s[("all", "tpot_mean_ms")]["n"] == 1 and ("l40s", "tpot_p99_ms") not in s' "$out"
run "$PROG" validate --serving "$tmp/runs.json"
check "the table names each run and metric" has "$out" "one-client"
check "... and marks a p99 of few requests" has "$out" "(n)"
run "$PROG" validate --serving "$tmp/runs.json" --gpu l40s --json
check "--gpu keeps that GPU's runs" python3 -c '
import json, sys
d = json.loads(sys.argv[1]); assert [x["id"] for x in d["runs"]] == ["four-clients"], d["runs"]' "$out"
bad() {  # DESCRIPTION JSON EXPECTED
  printf '%s' "$2" >"$tmp/bad.json"
  run "$PROG" validate --serving "$tmp/bad.json"
  check "$1: exit 3, one line naming '$3', nothing on stdout" sh -c '[ "$1" = 3 ] && [ -z "$2" ] &&
    case "$3" in *"$4"*) [ "$(printf "%s\n" "$3" | wc -l)" = 1 ];; *) exit 1;; esac' - "$rc" "$out" "$err" "$3"
}
bad "not JSON" '{"experiments": [' "line 1"
bad "no runs" '{"experiments": []}' "experiments: expected a list"
bad "a run without concurrency" '{"experiments": [{"id": "x", "model": "llama-3.1-8b", "gpu": "l4", "num_prompts": 2, "measured": {"total_input_tokens": 2, "total_output_tokens": 2}}]}' "experiments[0].concurrency"
bad "no token totals" '{"experiments": [{"id": "x", "model": "llama-3.1-8b", "gpu": "l4", "concurrency": 1, "num_prompts": 2, "measured": {}}]}' "measured.total_input_tokens"
bad "a negative figure" '{"experiments": [{"id": "x", "model": "llama-3.1-8b", "gpu": "l4", "concurrency": 1, "num_prompts": 2, "measured": {"total_input_tokens": 2, "total_output_tokens": 2, "tpot_mean_ms": -1}}]}' "measured.tpot_mean_ms"
bad "a length spread it does not know" '{"experiments": [{"id": "x", "model": "llama-3.1-8b", "gpu": "l4", "concurrency": 1, "num_prompts": 2, "input_lengths": "lognormal", "measured": {"total_input_tokens": 2, "total_output_tokens": 2}}]}' "experiments[0].input_lengths"
bad "an unknown model" '{"experiments": [{"id": "mine", "model": "no-such-model", "gpu": "l4", "concurrency": 1, "num_prompts": 2, "measured": {"total_input_tokens": 2, "total_output_tokens": 2}}]}' "run 'mine'"
run "$PROG" validate --serving "$tmp/none.json"
check "a file that cannot be read: exit 1" [ "$rc" = 1 ]
done_testing
