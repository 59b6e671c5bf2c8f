# estimate: the JSON contract, the report, bad input, and answers that
# follow from hand arithmetic (see each comment).
. "$TOP_SRCDIR/tests/cli/lib.sh"
field() { python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d=d[k]
print(d)' "$tmp/out" "$1"; }
has_field() { field "$1" >/dev/null; }

run "$PROG" estimate --help
check "--help exits 0" [ "$rc" = 0 ]
check "--help lists --kv-precision" has "$out" "--kv-precision"
run "$PROG" estimate --model llama-3.1-8b
check "missing --gpu exits 2" [ "$rc" = 2 ]
run "$PROG" estimate -m llama-3.1-8b -g h100 --bogus
check "unknown option exits 2" [ "$rc" = 2 ]

run "$PROG" estimate -m llama-3.1-8b -g h100-sxm --batch 8 --context 2048 --input-len 1024 --json
check "estimate --json exits 0" [ "$rc" = 0 ]
for f in memory.weights_bytes memory.kv_cache_bytes memory.activation_bytes memory.overhead_bytes \
         memory.total_per_gpu_bytes memory.gpu_capacity_bytes memory.fits memory.max_batch \
         latency.ttft_s latency.tpot_s latency.bound throughput.decode_tokens_per_s \
         throughput.prefill_tokens_per_s power.gpu_w power.system_w thermal.heat_btu_per_h \
         thermal.airflow_cfm load.cold_s load.warm_s cost.usd_per_million_tokens \
         cost.tokens_per_joule uncertainty.tpot_s uncertainty.ttft_s; do
  check "json has $f" has_field "$f"
done
# KV of Llama 3.1 8B: 2 * 32 layers * 8 heads * 128 * 2 B = 131072 B per
# token; 8 sequences of max(2048, 1024) tokens = 2 GiB exactly.
check "kv cache is 8 x 2048 x 128 KiB" [ "$(field memory.kv_cache_bytes)" = "2147483648.0" ]
check "decode rate is batch / tpot" python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
assert abs(d["throughput"]["decode_tokens_per_s"]*d["latency"]["tpot_s"]-8)<1e-9' "$tmp/out"
check "tpot lies inside its band" python3 -c 'import json,sys
d=json.load(open(sys.argv[1])); lo,hi=d["uncertainty"]["tpot_s"]
assert lo < d["latency"]["tpot_s"] < hi' "$tmp/out"
check "small-batch decode is memory-bound" [ "$(field latency.bound)" = memory ]

# 70B in bf16 is 141 GB of weights: it cannot fit one 24 GiB card; that is
# an answer (exit 0, fits false), not an error.
run "$PROG" estimate -m llama-3.1-70b -g rtx-4090 --json
check "a model that does not fit exits 0" [ "$rc" = 0 ]
check "and says fits false" [ "$(field memory.fits)" = False ]
check "with the reason" has "$(field memory.reason)" "weights alone need 131.5 GiB"

# What to change: 70.6e9 params x 2 B = 131.5 GiB on one H100 (80 GiB).
# Two GPUs hold 65.7 GiB each plus vLLM's 10% reserve (8 GiB) and the
# cache; fp8 halves the linear layers (70 GiB with the 16-bit embedding
# and head).  Every suggestion, applied, must fit.
run "$PROG" estimate -m llama-3.1-70b -g h100-sxm --json
check "70B bf16 on one H100 does not fit" [ "$(field memory.fits)" = False ]
check "suggests tp 2" [ "$(field memory.to_fit.tp)" = 2 ]
check "suggests fp8 (not GGUF on vLLM)" [ "$(field memory.to_fit.precision)" = fp8 ]
run "$PROG" estimate -m llama-3.1-70b -g h100-sxm --gpus 2 --json
check "applied: --gpus 2 fits" [ "$(field memory.fits)" = True ]
check "a fitting estimate has no advice" [ "$(field memory.to_fit)" = None ]
run "$PROG" estimate -m llama-3.1-70b -g h100-sxm --precision fp8 --json
check "applied: --precision fp8 fits" [ "$(field memory.fits)" = True ]
# A long context on a 12 GiB card: 2 x 32 x 8 x 128 x 2 B x 100000 tokens
# = 12.2 GiB of f16 cache.  The GPU holds 7.4 GiB of q8_0 weights (the
# input embedding stays on the host, llama.cpp's input layer); q8_0 halves
# the cache (6.5 GiB): 7.4 + 6.5 + 0.7 > 12, still too much; q4_0 (18
# bytes per 32 values, 3.4 GiB): 7.4 + 3.4 + 0.7 = 11.5 fits.
run "$PROG" estimate -m llama-3.1-8b -g rtx-3060-12gb -e llama-cpp -p gguf-q8_0 -b 1 --context 100000 --json
check "100k context on 12 GiB does not fit" [ "$(field memory.fits)" = False ]
check "the reason sums the parts" has "$(field memory.reason)" "KV cache 12.2"
check "a q4_0 KV cache is the KV format that is enough" [ "$(field memory.to_fit.kv_precision)" = q4_0 ]
check "two cards are" [ "$(field memory.to_fit.gpus)" = 2 ]
# At 50k tokens: 6.1 GiB of f16 cache, 34/64 of that in q8_0 = 3.2 GiB:
# 7.4 + 3.2 + 0.2 + 0.5 = 11.3 GiB, under 12; or q5_k_m weights (5.69 of
# 8.5 bits: 5.0 GiB): 5.0 + 6.1 + 0.7 = 11.8.
run "$PROG" estimate -m llama-3.1-8b -g rtx-3060-12gb -e llama-cpp -p gguf-q8_0 -b 1 --context 50000 --json
check "at 50k tokens q8_0 KV suffices" [ "$(field memory.to_fit.kv_precision)" = q8_0 ]
check "or q5_k_m weights" [ "$(field memory.to_fit.precision)" = gguf-q5_k_m ]
run "$PROG" estimate -m llama-3.1-8b -g rtx-3060-12gb -e llama-cpp -p gguf-q8_0 -b 1 --context 50000 --kv-precision q8_0 --json
check "applied: q8_0 KV fits" [ "$(field memory.fits)" = True ]
run "$PROG" estimate -m llama-3.1-70b -g h100-sxm
check "the report says why and what to change" has "$out" "to fit                --gpus 2 (tp 2, pp 1), or --precision fp8"

# Expert parallelism with data-parallel attention.  DeepSeek-V3's MLA
# cache is (512 + 64) values x 2 B x 61 layers = 70272 B per token, 4096
# tokens = 287834112 B per sequence.  Under tp 8 every GPU keeps the whole
# latent of all 64 sequences (it cannot be split by heads); under ep 8 each
# GPU keeps its own 8: one eighth, exactly.
run "$PROG" estimate -m deepseek-v3 -g h200-sxm -p fp8 --gpus 8 -b 64 --context 4096 --json
check "deepseek tp 8 runs" [ "$rc" = 0 ]
tp8=$(field memory.kv_cache_bytes)
check "tp 8: 64 sequences of 287834112 B per GPU" [ "$tp8" = "$((64 * 287834112)).0" ]
run "$PROG" estimate -m deepseek-v3 -g h200-sxm -p fp8 --ep 8 -b 64 --context 4096 --json
check "deepseek ep 8 runs" [ "$rc" = 0 ]
check "ep 8: 8 sequences per GPU" [ "$(field memory.kv_cache_bytes)" = "$((8 * 287834112)).0" ]
check "ep 8 is 8 GPUs" [ "$(field deployment.gpus)" = 8 ]
check "ep 8 reports ep" [ "$(field deployment.ep)" = 8 ]
run "$PROG" estimate -m llama-3.1-8b -g h100-sxm --ep 2
check "--ep on a dense model exits 2" [ "$rc" = 2 ]
check "and says why" has "$err" "mixture-of-experts"
run "$PROG" estimate -m deepseek-v3 -g h200-sxm -p fp8 --ep 3
check "--ep not dividing 256 experts exits 2" [ "$rc" = 2 ]
run "$PROG" estimate -m deepseek-v3 -g h200-sxm -p fp8 --ep 8 --tp 2
check "--ep with --tp 2 exits 2" [ "$rc" = 2 ]
run "$PROG" estimate -m deepseek-v3 -g h200-sxm -p fp8 --ep 8 --gpus 4
check "--ep 8 --gpus 4 exits 2" [ "$rc" = 2 ]

# Units do not change results: --ram 256GiB and its byte count.
run "$PROG" estimate -m llama-3.1-8b -g h100 --ram 256GiB --json
a=$out
run "$PROG" estimate -m llama-3.1-8b -g h100 --ram 274877906944 --json
check "--ram in GiB or bytes gives the same estimate" [ "$a" = "$out" ]

run "$PROG" estimate -m llama-3.1-8b -g h100-sxm --context 1024
check "report exits 0" [ "$rc" = 0 ]
check "report shows TPOT" has "$out" "TPOT"
check "report shows the memory breakdown" has "$out" "KV cache"

# Bad input: exit 2, one line naming the value.
run "$PROG" estimate -m llama-3.1-8b -g h100 --tp 3
check "tp that does not divide the heads exits 2" [ "$rc" = 2 ]
check "and names the heads" has "$err" "32 attention heads"
run "$PROG" estimate -m llama-3.1-8b -g rtx-3090 -p fp8
check "fp8 on a GPU without fp8 units exits 2" [ "$rc" = 2 ]
run "$PROG" estimate -m llama-3.1-8b -g h100 -p int4-awq -e llama-cpp
check "a format the engine cannot load exits 2" [ "$rc" = 2 ]
run "$PROG" estimate -m llama-3.1-8b -g h100 -p q9
check "unknown precision exits 2" [ "$rc" = 2 ]
check "and lists the formats" has "$err" "gguf-q4_k_m"
for bad in nan -1 0 1e99 12x; do
  run "$PROG" estimate -m llama-3.1-8b -g h100 --batch "$bad"
  check "--batch $bad exits 2" [ "$rc" = 2 ]
done
run "$PROG" estimate -m llama-3.1-8b -g h100 --pue nan
check "--pue nan exits 2" [ "$rc" = 2 ]
run "$PROG" estimate -m llama-3.1-8b -g h100 --context 999999
check "context past the model's maximum exits 2" [ "$rc" = 2 ]
run "$PROG" estimate -m llama-3.1-8x -g h100
check "unknown model exits 2" [ "$rc" = 2 ]
check "and suggests the nearest" has "$err" "llama-3.1-8b"
run "$PROG" estimate -m llama-3.1-8b -g h100 --gpus 4 --tp 2 --pp 3
check "gpus that are not tp x pp exit 2" [ "$rc" = 2 ]
# PSU redundancy: the documented names in any case, and the one used is said
run "$PROG" estimate -m llama-3.1-8b -g h100-sxm
check "the default redundancy of a server is printed" has "$out" "PSUs, n+1 redundancy,"
run "$PROG" estimate -m llama-3.1-8b -g rtx-4090
check "... and of a tower" has "$out" "PSU, no redundancy,"
for r in N+1 n+2 2N N+N None; do
  run "$PROG" estimate -m llama-3.1-8b -g h100-sxm --psu-redundancy "$r" --json
  want=$(printf '%s' "$r" | tr 'A-Z' 'a-z' | sed 's/^2n$/n+n/')
  check "--psu-redundancy $r is accepted" [ "$rc" = 0 ]
  check "... and is power.psu_redundancy $want" [ "$(printf '%s' "$out" | jq -r .power.psu_redundancy)" = "$want" ]
done
# A desktop tower plugs into one household outlet: which one its peak needs
run "$PROG" estimate -m llama-3.1-8b -g rtx-5090 --gpus 2 --json
check "two rtx-5090 in a tower: over a 120 V 20 A outlet" [ "$(printf '%s' "$out" | jq -r .power.circuit)" = "230 V 16 A" ]
check "... from a wall peak past 1920 W" [ "$(printf '%s' "$out" | jq '.power.peak_wall_w > 1920')" = true ]
run "$PROG" estimate -m llama-3.1-8b -g rtx-5090 --gpus 2
check "... and the text says so" has "$out" "on a 230 V 16 A circuit or larger"
run "$PROG" estimate -m llama-3.1-8b -g rtx-3060-12gb --json
check "one small card: a 120 V 15 A outlet" [ "$(printf '%s' "$out" | jq -r .power.circuit)" = "120 V 15 A" ]
run "$PROG" estimate -m llama-3.1-8b -g h100-sxm --json
check "a server's circuit is its rack's: null" [ "$(printf '%s' "$out" | jq -r .power.circuit)" = null ]
run "$PROG" --help
check "--help lists the household circuits" has "$out" "circuit-120v-15a     1440 W"
# An edge module is a whole system: its memory is shared with the OS and
# CPU, its power is its power mode and its carrier board, it has no PSU,
# and no advice splits a model across modules
run "$PROG" estimate -m llama-3.2-1b -g jetson-orin-nano-8gb --json
check "Jetson Orin Nano: the model gets 8 GiB less the OS's 2" [ "$(printf '%s' "$out" | jq .memory.gpu_capacity_bytes)" = 6442450944 ]
check "... the unified memory is said" [ "$(printf '%s' "$out" | jq .memory.unified_bytes)" = 8589934592 ]
check "... its system draws its 25 W mode and a carrier, not a server's" [ "$(printf '%s' "$out" | jq '.power.system_w <= 30 and .power.psu_peak_w == 30')" = true ]
check "... from no PSU" [ "$(printf '%s' "$out" | jq -c '[.power.psu, .power.psu_units]')" = '[null,0]' ]
run "$PROG" estimate -m llama-3.2-1b -g jetson-agx-orin-64gb
check "Jetson AGX Orin: the text names the power mode and no PSU" has "$out" "(the module in its 60 W power mode, and its carrier board; no PSU)"
run "$PROG" estimate -m llama-3.1-8b -g jetson-orin-nano-8gb --json
check "8B on an Orin Nano does not fit" [ "$(printf '%s' "$out" | jq .memory.fits)" = false ]
check "... and the advice is no more modules" [ "$(printf '%s' "$out" | jq -c '[.memory.to_fit.gpus, .memory.to_fit.tp]')" = '[null,null]' ]
run "$PROG" estimate -m llama-3.1-8b -g jetson-orin-nano-8gb
check "... nor does its text suggest --gpus" sh -c '! printf "%s" "$1" | grep -q -- "--gpus"' _ "$out"
run "$PROG" plan --model llama-3.2-1b --qps 1 --input-len 512 --output-len 128 --ttft-p99 2 --tpot-p99 0.1 --gpu jetson-orin-nano-8gb,jetson-agx-orin-64gb --simulate 0 --top 10 --json
check "plan on Jetson modules exits 0" [ "$rc" = 0 ]
check "... one module per system, a drive and nothing else in the bill" python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["candidates"]
for c in d["candidates"]:
    assert c["tp"] == 1 and c["pp"] == 1 and c["gpus_per_replica"] == 1, c
    assert c["nodes"] == c["gpu_count"], c
    assert c["node"]["chassis_kind"] == "edge" and c["node"]["psus"] == 0, c["node"]
    assert sorted(set(p["role"] for p in c["parts"])) == ["gpu", "ssd"], c["parts"]
    assert c["node"]["peak_w"] <= 65, c["node"]' "$tmp/out"
# An Apple silicon Mac is a whole system too: the GPU may wire 3/4 of a
# memory over 32 GB (Metal's recommendedMaxWorkingSetSize), 2/3 below;
# its row's power is the whole Mac's at the wall; only the engines with a
# macOS release run on it, and a Mac never splits a model.
run "$PROG" estimate -m llama-3.1-70b -g apple-m2-ultra-76c-192gb --engine llama-cpp --precision gguf-q4_k_m --json
check "M2 Ultra 192 GB: the GPU gets 3/4, 144 GiB" [ "$(printf '%s' "$out" | jq .memory.gpu_capacity_bytes)" = 154618822656 ]
check "... the whole Mac at the wall: no carrier, no PSU" [ "$(printf '%s' "$out" | jq -c '[.power.carrier_w, .power.psu, .power.system_w <= 295]')" = '[0,null,true]' ]
run "$PROG" estimate -m llama-3.1-70b -g apple-m2-ultra-76c-192gb --engine llama-cpp --precision gguf-q4_k_m
check "... the text says what macOS lets the GPU wire" has "$out" "of which macOS lets the GPU wire 144.00"
check "... and the whole Mac's maximum" has "$out" "(the whole Mac, whose maximum is 295 W)"
run "$PROG" estimate -m llama-3.1-70b -g apple-m2-ultra-76c-192gb --engine vllm
check "vLLM on a Mac: refused, exit 2" [ "$rc" = 2 ]
check "... naming the platform it has no release for" has "$err" "ships nothing that runs on darwin/arm64"
run "$PROG" estimate -m llama-3.1-70b -g apple-m2-ultra-76c-192gb --engine llama-cpp --precision gguf-q4_k_m --gpus 2
check "two Macs for one model: refused, exit 2" [ "$rc" = 2 ]
check "... as a whole system" has "$err" "is a whole system (a Mac)"
# Decode on a Mac sits between its unpacking and its memory rooflines:
# 70B Q4_K_M streams about 39.5 GiB (42.4 GB) from the GPU's memory a
# token, at most 800 GB/s / 42.4 GB = 18.9 tokens/s (18.5 kept as the
# bound); unpacking 70.6e9 weights at the catalog's ~15 ops each on 27.2
# TFLOP/s takes ~39 ms alone, 26 tokens/s; the prediction is below both.
run "$PROG" estimate -m llama-3.1-70b -g apple-m2-ultra-76c-192gb --engine llama-cpp --precision gguf-q4_k_m --batch 1 --input-len 128 --output-len 128 --json
check "70B Q4_K_M on an M2 Ultra decodes under its rooflines, above half of them" python3 -c '
import json, sys
d = json.loads(sys.argv[1]); r = 1 / d["latency"]["tpot_s"]
assert 0.5 * 18.5 < r < 18.5, r' "$out"
run "$PROG" plan --model llama-3.1-8b --qps 1 --input-len 512 --output-len 128 --ttft-p99 1 --tpot-p99 0.1 --psu-redundancy 2N --top 1
check "plan takes --psu-redundancy 2N" [ "$rc" = 0 ]
check "... and names it n+n" has "$out" "(n+n)"
# Sweeps (the seed's batch-size tables): a list to --batch, --context or
# --gpu gives one row per point, each the single estimate of that point;
# memory grows with the batch and the context.
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090,rtx-4070 --batch 1,4,16 --context 2048,8192 --json
check "sweep: exit 0" [ "$rc" = 0 ]
printf '%s' "$out" >"$tmp/sweep.json"
check "... 2 GPUs x 3 batches x 2 contexts = 12 points" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert len(a) == 12, len(a)
for g in ("rtx-4090", "rtx-4070"):
    for c in (2048, 8192):
        m = [p["memory"]["total_per_gpu_bytes"] for p in a if p["gpu"] == g and p["workload"]["context"] == c]
        assert m == sorted(m) and len(set(m)) == 3, m
    for b in (1, 4, 16):
        m = [p["memory"]["total_per_gpu_bytes"] for p in a if p["gpu"] == g and p["workload"]["batch"] == b]
        assert m[0] < m[1], m' "$tmp/sweep.json"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4070 --batch 4 --context 8192 --json
check "... each point is the single estimate" python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); one = json.loads(sys.argv[2])
p = [x for x in a if x["gpu"] == "rtx-4070" and x["workload"]["batch"] == 4 and x["workload"]["context"] == 8192][0]
assert p["latency"] == one["latency"] and p["memory"] == one["memory"], (p["latency"], one["latency"])' "$tmp/sweep.json" "$out"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --batch 1,2,4,8,16,32,64 --context 4096 --csv
check "--csv: a header and 7 rows" [ "$(printf '%s\n' "$out" | wc -l)" = 8 ]
check "... SI units" has "$out" "gpu,ssd,batch,context,memory_per_gpu_bytes,fits,max_batch,ttft_s,tpot_s"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --batch 1,,4
check "an empty list item: exit 2" [ "$rc" = 2 ]
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --batch 1,0
check "a zero batch in a list: exit 2" [ "$rc" = 2 ]
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --csv
check "--csv without a sweep: exit 2" [ "$rc" = 2 ]
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090,nope --batch 1,2
check "an unknown GPU in a sweep: exit 2, naming it" sh -c '[ "$1" = 2 ] && case "$2" in *nope*) ;; *) exit 1;; esac' - "$rc" "$err"
# The seed's KV question: a cache restored from NVMe or SATA, at each
# drive's own read rate: restore = latency + one sequence's cache bytes
# (all its GPUs) / sequential read (models/storage.c).
run "$PROG" estimate --model llama-3.1-70b --gpu h100-sxm --gpus 2 --context 131072 \
	--ssd samsung-990-pro-2tb,samsung-870-evo-1tb --json
printf '%s' "$out" >"$tmp/kv.json"
"$PROG" catalog show ssd samsung-990-pro-2tb --json >"$tmp/nvme.json"
"$PROG" catalog show ssd samsung-870-evo-1tb --json >"$tmp/sata.json"
check "KV restore: each drive's read rate, the same 40 GiB" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert len(a) == 2
# 80 layers x 2 x 8 KV heads x 128 x 2 bytes x 131072 tokens = 40 GiB
kv = 80 * 2 * 8 * 128 * 2 * 131072
for p, f in zip(a, sys.argv[2:]):
    d = json.load(open(f))
    want = (d["read_latency_s"] or 0) + kv / d["seq_read_bytes_per_s"]
    got = p["load"]["kv_restore_s"]
    assert abs(got - want) <= 1e-9 * want, (p["load"]["ssd"], got, want)
assert a[1]["load"]["kv_restore_s"] > 10 * a[0]["load"]["kv_restore_s"]' "$tmp/kv.json" "$tmp/nvme.json" "$tmp/sata.json"
# The seed's workload: AutoGLM-Phone-9B with one phone screenshot per
# request.  The tower's 891,523,072 weights are in memory either way
# (1.66 GiB in bf16); the screenshot is 3,354 more prompt tokens (1092 x
# 2408 after the resize, tests/unit/t_vision.c) and the tower's time in
# TTFT, so the KV cache and TTFT grow and TTFT includes the tower.
run "$PROG" estimate --model autoglm-phone-9b --gpu rtx-4090 --input-len 500 --output-len 100 --json
printf '%s' "$out" >"$tmp/ag0.json"
run "$PROG" estimate --model autoglm-phone-9b --gpu rtx-4090 --input-len 500 --output-len 100 \
	--images 1 --image-size 1080x2400 --json
check "a screenshot per request: exit 0" [ "$rc" = 0 ]
printf '%s' "$out" >"$tmp/ag1.json"
check "... 3,354 image tokens, more KV and TTFT, the tower inside the TTFT" python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
assert b["workload"]["image_tokens"] == 3354 and b["workload"]["input_len"] == 500 + 3354, b["workload"]
assert b["memory"]["kv_per_sequence_bytes"] > a["memory"]["kv_per_sequence_bytes"]
assert b["latency"]["ttft_s"] > a["latency"]["ttft_s"] + b["latency"]["vision_s"] > a["latency"]["ttft_s"]
assert a["memory"]["weights_bytes"] == b["memory"]["weights_bytes"]
# the tower is counted: 9.4e9 language + 891,523,072 tower parameters, 2 bytes each
# (to the embeddings, which the rounded 9.4e9 of its row leaves unscaled)
assert abs(a["memory"]["weights_bytes"] - 2 * (9.4e9 + 891523072)) < 1e-4 * a["memory"]["weights_bytes"]' \
	"$tmp/ag0.json" "$tmp/ag1.json"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --images 1 --image-size 1080x2400
check "images for a text model: exit 2" [ "$rc" = 2 ]
check "... saying it reads none" has "$err" "reads no images"
run "$PROG" estimate --model autoglm-phone-9b --gpu rtx-4090 --images 1
check "--images without --image-size: exit 2" [ "$rc" = 2 ]
run "$PROG" estimate --model autoglm-phone-9b --gpu rtx-4090 --images 1 --image-size 1080by2400
check "a malformed --image-size: exit 2" [ "$rc" = 2 ]
run "$PROG" estimate --model autoglm-phone-9b --gpu rtx-4090 --images 1 --image-size 10x2500
check "an aspect over 200: exit 2" [ "$rc" = 2 ]
# --- Offload (issue 20).  70B Q4_K_M on one 24 GB card with 64 GB of RAM:
# auto puts as many layers on the GPU as fit, the rest on the CPU, and the
# estimate says so; the flags belong to the engines that have them.
run "$PROG" estimate --model llama-3.1-70b --gpu rtx-4090 --engine llama-cpp --precision gguf-q4_k_m \
	--gpu-layers auto --ram 64GiB
check "--gpu-layers auto: exit 0" [ "$rc" = 0 ]
check "... the host's share and layers printed" has "$out" "in host memory"
check "... with the -ngl that does it" has "$out" "layers (-ngl "
check "... and the decode bound by the host" has "$out" "latency (host-bound)"
run "$PROG" estimate --model llama-3.1-70b --gpu rtx-4090 --engine llama-cpp --precision gguf-q4_k_m \
	--gpu-layers auto --ram 64GiB --json
check "... in JSON: memory.offload" python3 -c '
import json, sys
o = json.loads(sys.argv[1])["memory"]["offload"]
assert o["host_fits"] and 0 < o["host_layers"] < 80 and o["gpu_layers"] == 81 - o["host_layers"], o' "$out"
run "$PROG" estimate --model llama-3.1-70b --gpu rtx-4090 --engine llama-cpp --precision gguf-q4_k_m \
	--gpu-layers auto --ram 16GiB
check "16 GiB of RAM: exit 0, saying the host cannot hold it" has "$out" "DOES NOT FIT (more --ram)"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --gpu-layers 20
check "--gpu-layers on vLLM: exit 2" [ "$rc" = 2 ]
check "... naming llama.cpp's -ngl" has "$err" "-ngl"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --engine llama-cpp --precision gguf-q4_k_m --gpu-layers many
check "--gpu-layers many: exit 2" [ "$rc" = 2 ]
check "... naming the value and what was expected" has "$err" "'many': expected a count of layers"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --cpu-offload-gb 4 --json
check "--cpu-offload-gb 4 on vLLM: exit 0" [ "$rc" = 0 ]
check "... 4 GiB fewer weights on the GPU, streamed" python3 -c '
import json, sys
o = json.loads(sys.argv[1])["memory"]["offload"]
assert o["streamed_bytes_per_gpu"] == 4 * 2**30, o' "$out"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --kv-offload
check "--kv-offload on vLLM: exit 2" [ "$rc" = 2 ]
run "$PROG" estimate --model llama-3.1-8b --gpu jetson-agx-orin-64gb --engine llama-cpp --precision gguf-q4_k_m --gpu-layers 10
check "offload on a Jetson: exit 2, its memory is one" has "$err" "no host memory"
run "$PROG" estimate --model llama-3.1-8b --gpu h100-sxm --precision nvfp4
check "nvfp4 on an H100: exit 2, naming the FP4 units it lacks" has "$err" "needs fp4 (Blackwell) tensor units"
# --gpu-memory-utilization: the engine's reserve is what the share leaves
# (vLLM 0.25.1's default is 0.92): 0.95 of 80 GiB leaves 4.00 GiB.
run "$PROG" estimate --model llama-3.1-8b --gpu h100-sxm --gpu-memory-utilization 0.95 --json
check "--gpu-memory-utilization 0.95: the reserve is 4 GiB" python3 -c '
import json, sys
m = json.loads(sys.argv[1])["memory"]
assert abs(m["overhead_bytes"] - 0.05 * 80 * 2**30) < 1, m' "$out"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --engine llama-cpp --precision gguf-q4_k_m --gpu-memory-utilization 0.9
check "... on llama.cpp, which takes none: exit 2" has "$err" "takes no share"
# --enforce-eager: without CUDA graphs a decode step of 32 layers waits
# 32 x 0.35 ms for the host (vLLM; the GPU row's launch cost)
run "$PROG" estimate --model llama-3.1-8b --gpu h100-sxm --batch 1 --context 1024 --enforce-eager --json
check "--enforce-eager: TPOT 11.2 ms, the host's launches" python3 -c '
import json, sys
t = json.loads(sys.argv[1])["latency"]["tpot_s"]
assert abs(t - 0.0112) < 1e-9, t' "$out"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --engine llama-cpp --precision gguf-q4_k_m --enforce-eager
check "... on llama.cpp, which has no switch: exit 2" sh -c '[ "$1" = 2 ]' - "$rc"
done_testing
