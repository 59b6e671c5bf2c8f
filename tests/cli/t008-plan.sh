# plan and generate: the JSON contract, the plan's promises (budget,
# PSU capacity with redundancy, ranking), the golden file of every
# generated format (t016 pins their bytes) through real validators
# (Kubernetes schemas, YAML, sh, the docker client), hostile strings
# staying inert, and bad input.
. "$TOP_SRCDIR/tests/cli/lib.sh"
fx="$TOP_SRCDIR/tests/fixtures/plan"
golden="$TOP_SRCDIR/tests/golden/generate"
seed="--model autoglm-phone-9b --qps 1 --input-len 1024 --output-len 256 --ttft-p99 2 --tpot-p99 0.1"

run "$PROG" plan $seed --consumer-only --budget 3000 --top 3 --json
check "plan --json exits 0" [ "$rc" = 0 ]
cp "$tmp/out" "$tmp/seed.json"
run "$PROG" plan $seed --consumer-only --budget 3000 --top 3 --out "$tmp/seed-out.json"
check "plan --out writes the bytes --json prints" cmp -s "$tmp/seed-out.json" "$tmp/seed.json"
check "candidates carry the DESIGN.md fields" python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["candidates"], "no candidates"
for c in d["candidates"]:
    for k in ("gpu","gpu_count","tp","pp","precision","engine","replicas","nodes","capex_usd",
              "usd_per_million_tokens","ttft_p99_s","tpot_p99_s","power_w","parts"):
        assert k in c, k
for k in ("unsupported","does_not_fit","misses_slo","over_budget","over_power",
          "not_enough_slots","not_enough_lanes","no_price"):
    assert k in d["rejected"], k' "$tmp/seed.json"
# the seed: Open-AutoGLM on one consumer card under a small budget
check "the seed case fits one consumer card" python3 -c '
import json,sys
c=json.load(open(sys.argv[1]))["candidates"][0]
assert c["gpu_count"] == 1 and c["nodes"] == 1, c
assert c["node"]["chassis_kind"] == "tower", c["node"]' "$tmp/seed.json"
check "no candidate exceeds the budget; capex is the sum of priced lines" python3 -c '
import json,sys,math
for c in json.load(open(sys.argv[1]))["candidates"]:
    assert c["capex_usd"] <= 3000, c["capex_usd"]
    s=sum(p["unit_usd"]*p["quantity"] for p in c["parts"] if p["unit_usd"] is not None)
    assert abs(s - c["capex_usd"]) < 1e-6, (s, c["capex_usd"])' "$tmp/seed.json"
check "simulated p99s meet the objectives" python3 -c '
import json,sys
for c in json.load(open(sys.argv[1]))["candidates"]:
    assert c["simulated"] and c["ttft_p99_s"] <= 2 and c["tpot_p99_s"] <= 0.1, c' "$tmp/seed.json"
check "ranked by cost per million tokens" python3 -c '
import json,sys
v=[c["usd_per_million_tokens"] for c in json.load(open(sys.argv[1]))["candidates"]]
assert v == sorted(v), v' "$tmp/seed.json"

run "$PROG" plan --model llama-3.1-8b --qps 20 --input-len 1024 --output-len 256 --ttft-p99 1 \
  --tpot-p99 0.05 --gpu h100-sxm,l40s,rtx-4090 --psu-redundancy n+1 --top 10 --json
check "plan with n+1 exits 0" [ "$rc" = 0 ]
check "PSUs carry the peak with the redundancy asked for" python3 -c '
import json,sys
for c in json.load(open(sys.argv[1]))["candidates"]:
    n=c["node"]
    assert n["psu_redundancy"] == "n+1", n
    assert n["psus"] >= n["psus_needed"] + 1, n
    assert n["psu_capacity_w"] >= n["peak_w"], n
    assert n["psu_capacity_w"] == n["psus_needed"] * n["psu_rated_w"], n' "$tmp/out"
check "enough GPUs for the rate: replicas x per-replica maximum covers it" python3 -c '
import json,sys
for c in json.load(open(sys.argv[1]))["candidates"]:
    assert c["replicas"] * c["qps_per_replica_max"] >= 20, c' "$tmp/out"

# ATX PSUs share no load: redundancy asked never comes from a tower's
# ATX PSUs, only from a server chassis's own
run "$PROG" plan --model llama-3.1-8b --qps 1 --input-len 512 --output-len 128 --ttft-p99 1 \
  --tpot-p99 0.1 --gpu rtx-5090,rtx-5080 --psu-redundancy n+1 --top 10 --simulate 0 --json
check "plan for GeForce cards with n+1 exits 0" [ "$rc" = 0 ]
check "... and no redundancy rests on ATX PSUs" python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["candidates"]
for c in d["candidates"]:
    psu=[p for p in c["parts"] if p["role"] == "psu"][0]
    assert c["node"]["psu_redundancy"] == "n+1", c["node"]
    assert psu["name"] == "PSUs shipped with the chassis", psu' "$tmp/out"
run "$PROG" plan --model llama-3.1-8b --qps 1 --input-len 512 --output-len 128 --ttft-p99 1 \
  --tpot-p99 0.1 --gpu rtx-5090 --simulate 0 --top 10 --json
check "... without it, two ATX PSUs only in a tower that mounts two" python3 -c '
import json,sys
for c in json.load(open(sys.argv[1]))["candidates"]:
    psu=[p for p in c["parts"] if p["role"] == "psu"][0]
    if psu["name"] != "PSUs shipped with the chassis" and c["node"]["psus"] > 1:
        assert c["node"]["chassis"] == "phanteks-enthoo-pro-2", c["node"]
        assert "each feeding its own devices" in psu["note"], psu' "$tmp/out"
check "... and a tower's chassis line names the outlet its peak needs" python3 -c '
import json,sys
towers=0
for c in json.load(open(sys.argv[1]))["candidates"]:
    ch=[p for p in c["parts"] if p["role"] == "chassis"][0]
    if c["node"]["chassis_kind"] == "tower":
        towers+=1
        assert " circuit or larger" in ch["note"], ch
assert towers, "a tower among the candidates"' "$tmp/out"

run "$PROG" plan --model llama-3.1-8b --qps 40 --input-len 1024 --output-len 256 --ttft-p99 1 \
  --tpot-p99 0.05 --gpu l40s --engine vllm --precision fp8 --simulate 0 --json
check "plan at 40 req/s exits 0" [ "$rc" = 0 ]
g40=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["candidates"][0]["gpu_count"])' "$tmp/out")
run "$PROG" plan --model llama-3.1-8b --qps 10 --input-len 1024 --output-len 256 --ttft-p99 1 \
  --tpot-p99 0.05 --gpu l40s --engine vllm --precision fp8 --simulate 0 --json
g10=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["candidates"][0]["gpu_count"])' "$tmp/out")
check "four times the load needs more GPUs ($g10 -> $g40)" [ "$g40" -gt "$g10" ]

run "$PROG" plan $seed --budget 100
check "nothing under \$100: exit 5" [ "$rc" = 5 ]
check "... with the rejections counted" has "$err" "over_budget"
run "$PROG" plan $seed --node-power-max 60 --consumer-only
check "nothing under 60 W per node: exit 5" [ "$rc" = 5 ]
check "... over_power counted" has "$err" "over_power"
run "$PROG" plan $seed --power-limit 60 --consumer-only
check "--power-limit is the GPU cap of estimate, not a plan option: exit 2" [ "$rc" = 2 ]
check "... and the message points at --node-power-max" has "$err" "node-power-max"
run "$PROG" plan --model autoglm-phone-9b --qps 1
check "missing lengths: exit 2" [ "$rc" = 2 ]
run "$PROG" plan $seed --qps nan
check "--qps nan: exit 2" [ "$rc" = 2 ]
run "$PROG" plan $seed --gpu no-such-gpu
check "unknown GPU: exit 2" [ "$rc" = 2 ]
check "... named" has "$err" "no-such-gpu"
run "$PROG" plan $seed --precision fp8,no-such-format
check "unknown precision: exit 2, as in estimate" [ "$rc" = 2 ]
check "... named, with the formats" has "$err" "unknown precision 'no-such-format': expected one of bf16"

# Golden files: that the committed plans give the committed bytes is
# tests/golden/cases.tsv's to say (t016); here they are read as what
# generate writes.
for f in autoglm-consumer llama70b-hgx; do
  check "docker $f is valid sh" sh -n "$golden/$f.docker"
  check "compose and k8s $f parse as YAML" python3 -c '
import yaml,sys
yaml.safe_load(open(sys.argv[1])); list(yaml.safe_load_all(open(sys.argv[2])))' \
    "$golden/$f.compose" "$golden/$f.k8s"
done
run "$PROG" generate bom --plan "$fx/autoglm-consumer.json" --candidate 2
check "--candidate 2 exits 0" [ "$rc" = 0 ]
check "... and is another candidate" has "$out" "rtx-4060-ti-16gb"

# A multi-node plan (pipeline over two nodes): a LeaderWorkerSet; docker refuses.
python3 - "$fx/llama70b-hgx.json" "$tmp/multi.json" <<'PY'
import json,sys
d=json.load(open(sys.argv[1])); c=d["candidates"][0]
c.update(tp=8, pp=2, gpus_per_replica=16, gpu_count=16, replicas=1, nodes=2)
json.dump(d, open(sys.argv[2], "w"))
PY
run "$PROG" generate k8s --plan "$tmp/multi.json"
check "multi-node k8s exits 0" [ "$rc" = 0 ]
check "... as a LeaderWorkerSet of size 2" has "$out" "size: 2"
cp "$tmp/out" "$tmp/multi.yaml"
run "$PROG" generate compose --plan "$tmp/multi.json"
check "multi-node compose: exit 2" [ "$rc" = 2 ]
check "... naming what writes it" has "$err" "'generate docker' writes a script for every node"

# Real validators where CI installed them.
if [ -n "${RIGPLAN_K8S_VALIDATOR:-}" ] && [ -d "$RIGPLAN_K8S_VALIDATOR" ]; then
  for f in "$golden/autoglm-consumer.k8s" "$golden/llama70b-hgx.k8s" "$tmp/multi.yaml"; do
    run env NODE_PATH="$RIGPLAN_K8S_VALIDATOR" node "$TOP_SRCDIR/tests/tools/validate-k8s.cjs" "$f"
    check "kubernetes-models validates $(basename "$f")" [ "$rc" = 0 ]
  done
  sed 's/^    size: /    sise: /' "$tmp/multi.yaml" >"$tmp/multi-bad.yaml"
  run env NODE_PATH="$RIGPLAN_K8S_VALIDATOR" node "$TOP_SRCDIR/tests/tools/validate-k8s.cjs" "$tmp/multi-bad.yaml"
  check "the LeaderWorkerSet CRD schema refuses a misspelt field" sh -c '[ "$1" != 0 ] && case "$2" in *sise*) ;; *) exit 1;; esac' - "$rc" "$out"
else
  echo "ok $((n=n+1)) # SKIP kubernetes-models not installed (RIGPLAN_K8S_VALIDATOR)"
fi
if command -v docker >/dev/null 2>&1 && docker run --help >"$tmp/dh" 2>/dev/null; then
  for flag in --name --gpus --ipc --shm-size --publish --volume --env --restart --detach; do
    check "docker run knows $flag" grep -q -- "$flag" "$tmp/dh"
  done
else
  echo "ok $((n=n+1)) # SKIP no docker client"
fi
# Compose files through Compose's own schema check: the v2 plugin where
# it is, else Debian's docker-compose (1.29, which .ci/run installs).
compose=
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose="docker compose"
elif command -v docker-compose >/dev/null 2>&1; then
  compose=docker-compose
fi
if [ -n "$compose" ]; then
  for f in "$golden/autoglm-consumer.compose" "$golden/llama70b-hgx.compose"; do
    run $compose -f "$f" config -q
    check "$compose config accepts $(basename "$f")" [ "$rc" = 0 ]
  done
  # The validator must be able to say no: a misspelt key is refused.
  sed 's/restart:/restrat:/' "$golden/autoglm-consumer.compose" >"$tmp/bad.compose"
  run $compose -f "$tmp/bad.compose" config -q
  check "$compose config refuses a misspelt key" [ "$rc" != 0 ]
else
  echo "ok $((n=n+1)) # SKIP no docker compose"
fi

# Hostile strings from a plan file stay one inert value in every format.
python3 - "$fx/autoglm-consumer.json" "$tmp/hostile.json" <<'PY'
import json,sys
d=json.load(open(sys.argv[1])); c=d["candidates"][0]
evil='a"b\'c: d\n#e $(touch /tmp/rigplan-pwned) `x` \\ {f}'
for k in ("hf_repo","checkpoint_repo","gpu_product","health_path"):
    c[k]=evil
c["parts"][0]["name"]=evil; c["parts"][0]["note"]="=cmd|' /C calc'!A0"
json.dump(d, open(sys.argv[2], "w"))
PY
evil_py='a"b'"'"'c: d\n#e $(touch /tmp/rigplan-pwned) `x` \\ {f}'
for k in compose k8s; do
  run "$PROG" generate $k --plan "$tmp/hostile.json"
  check "hostile $k exits 0" [ "$rc" = 0 ]
  printf '%s' "$out" > "$tmp/h.$k"
done
check "hostile strings round-trip through the YAML" python3 -c '
import yaml,sys
evil="a\"b'"'"'c: d\n#e $(touch /tmp/rigplan-pwned) `x` \\ {f}"
docs=list(yaml.safe_load_all(open(sys.argv[2])))
dep=[x for x in docs if x and x["kind"]=="Deployment"][0]
pod=dep["spec"]["template"]["spec"]
import re
label=pod["nodeSelector"]["nvidia.com/gpu.product"]
assert re.fullmatch(r"(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", label) and len(label) <= 63, label
# Kubernetes expands $(VAR) in args and reads $$ as one $.
assert evil in [a.replace("$$", "$") for a in pod["containers"][0]["args"]]
assert pod["containers"][0]["readinessProbe"]["httpGet"]["path"] == evil
svc=list(yaml.safe_load(open(sys.argv[1]))["services"].values())[0]
unesc=lambda v: v.replace("$$", "$")  # Compose: $$ is one literal $
assert evil in map(unesc, svc["command"])' "$tmp/h.compose" "$tmp/h.k8s"
if [ -n "${RIGPLAN_K8S_VALIDATOR:-}" ] && [ -d "$RIGPLAN_K8S_VALIDATOR" ]; then
  run env NODE_PATH="$RIGPLAN_K8S_VALIDATOR" node "$TOP_SRCDIR/tests/tools/validate-k8s.cjs" "$tmp/h.k8s"
  check "kubernetes-models validates the hostile manifests" [ "$rc" = 0 ]
fi
if [ -n "$compose" ]; then
  # Unescaped, "$(" is an interpolation error and ${HOME} a substitution.
  run $compose -f "$tmp/h.compose" config
  check "$compose reads the hostile Compose file" [ "$rc" = 0 ]
  printf '%s\n' "$out" >"$tmp/h.config"
  check "... and gets the hostile strings back, nothing substituted" python3 -c '
import yaml,sys
evil="a\"b'"'"'c: d\n#e $(touch /tmp/rigplan-pwned) `x` \\ {f}"
svc=list(yaml.safe_load(open(sys.argv[1]))["services"].values())[0]
assert evil in [w.replace("$$", "$") for w in svc["command"]], svc["command"]' "$tmp/h.config"
fi
python3 - "$tmp/hostile.json" "$tmp/h2.json" <<'PY'
import json,sys
d=json.load(open(sys.argv[1])); c=d["candidates"][0]
c["engine"]="vllm"
json.dump(d, open(sys.argv[2], "w"))
PY
run "$PROG" generate docker --plan "$tmp/h2.json"
check "hostile docker exits 0" [ "$rc" = 0 ]
printf '%s\n' "$out" > "$tmp/h.sh"
rm -f /tmp/rigplan-pwned
check "hostile docker lines parse back to the same words" python3 -c '
import shlex,sys
evil="a\"b'"'"'c: d\n#e $(touch /tmp/rigplan-pwned) `x` \\ {f}"
text=open(sys.argv[1]).read()
words=shlex.split(text, comments=True)
assert evil in words, "hf_repo not one word"' "$tmp/h.sh"
check "running the script'\''s words expands nothing" sh -c 'sed "s/^docker run/printf \"%s\\\\n\"/" "$1" > "$2.run"; sh "$2.run" >/dev/null; [ ! -e /tmp/rigplan-pwned ]' _ "$tmp/h.sh" "$tmp/h"
run "$PROG" generate bom --plan "$tmp/hostile.json"
check "hostile BOM CSV parses with the strings intact, formula defused" python3 -c '
import csv,sys,io
evil="a\"b'"'"'c: d\n#e $(touch /tmp/rigplan-pwned) `x` \\ {f}"
rows=list(csv.reader(io.StringIO(open(sys.argv[1]).read(), newline="")))
assert rows[1][2] == evil, rows[1][2]
assert rows[1][9].startswith("'"'"'="), rows[1][9]' "$tmp/out"

# Bad plan files: exit 3, one line, nothing written.
printf '{"candidates": [' > "$tmp/trunc.json"
run "$PROG" generate k8s --plan "$tmp/trunc.json" --out "$tmp/o1"
check "truncated plan: exit 3" [ "$rc" = 3 ]
check "... nothing written" [ ! -e "$tmp/o1/k8s.yaml" ]
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["candidates"][0]["tp"]=-1; json.dump(d,open(sys.argv[2],"w"))' \
  "$fx/autoglm-consumer.json" "$tmp/badtp.json"
run "$PROG" generate k8s --plan "$tmp/badtp.json"
check "tp -1: exit 3" [ "$rc" = 3 ]
check "... naming the field" has "$err" "candidates[0].tp"
run "$PROG" generate k8s --plan "$fx/autoglm-consumer.json" --candidate 9
check "candidate beyond the plan: exit 2" [ "$rc" = 2 ]
run "$PROG" generate yaml --plan "$fx/autoglm-consumer.json"
check "unknown output: exit 2" [ "$rc" = 2 ]
run "$PROG" generate k8s --plan "$fx/autoglm-consumer.json" --out "$tmp/o2"
check "--out writes the file" cmp -s "$tmp/o2/k8s.yaml" "$golden/autoglm-consumer.k8s"
check "... and leaves no temporary beside it" [ "$(ls "$tmp/o2" | wc -l)" = 1 ]
: > "$tmp/afile"
run "$PROG" generate k8s --plan "$fx/autoglm-consumer.json" --out "$tmp/afile"
check "--out onto a file: non-zero exit" [ "$rc" != 0 ]
# A server platform is completed with the CPUs its board takes: every
# barebones rack server in the catalog is an Intel (LGA-4677) platform, so
# an 8-GPU H100 plan must not put AMD EPYCs in it; a DGX comes with its
# own CPUs, memory and drives, so its bill buys none of them again.
run "$PROG" plan --model llama-3.1-70b --qps 2 --input-len 2000 --output-len 300 --ttft-p99 2 --tpot-p99 0.08 --gpu h100-sxm --json
check "H100 SXM plan exits 0" [ "$rc" = 0 ]
check "its platforms get Intel Xeons, a DGX none" python3 -c '
import json, sys
c = json.loads(sys.argv[1])["candidates"]
assert c
for x in c:
    roles = {p["role"]: p["id"] for p in x["parts"]}
    if x["node"]["chassis"].startswith("nvidia-dgx"):
        assert not {"cpu", "memory", "ssd", "nic"} & set(roles), roles
    else:
        assert roles["cpu"].startswith("xeon-") and "rdimm" in roles["memory"], roles' "$out"

# Verification finds the smallest box: each simulated candidate of n
# replicas on k nodes meets both p99s at 1/n of the load per replica, as
# the plan says, and the replicas that k - 1 such nodes hold miss one of
# them (the same simulation: Poisson, fixed lengths, 2000 requests, seed 1).
slo="--ttft-p99 1 --tpot-p99 0.05"
run "$PROG" plan --model llama-3.1-8b --gpu rtx-4070-ti-super --precision fp8 --engine tgi \
  --qps 10 --input-len 2000 --output-len 300 $slo --simulate 2 --top 2 --json
check "8B plan on 4070 Ti SUPERs exits 0" [ "$rc" = 0 ]
printf '%s' "$out" >"$tmp/few.json"
python3 - "$tmp/few.json" >"$tmp/few.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["candidates"]:
    fewer = (c["nodes"] - 1) * (c["node"]["gpus"] // c["gpus_per_replica"])
    print(c["gpu"], c["tp"], c["pp"], c["precision"], c["kv_precision"], c["engine"],
          c["replicas"], fewer, repr(c["ttft_p99_s"]), repr(c["tpot_p99_s"]))
PY
check "... with candidates of several nodes" awk '$8 > 0 { m = 1 } END { exit !m }' "$tmp/few.txt"
while read -r g tp pp fm kv en nrep fewer t99 p99; do
  for k in "$nrep" "$fewer"; do
    [ "$k" -gt 0 ] || continue
    run "$PROG" simulate --model llama-3.1-8b --gpu "$g" --tp "$tp" --pp "$pp" --precision "$fm" \
      --kv-precision "$kv" --engine "$en" --qps "$(awk -v k="$k" 'BEGIN { printf "%.17g", 10 / k }')" \
      --input-len 2000 --output-len 300 --requests 2000 --seed 1 --json
    printf '%s' "$out" >"$tmp/sim$k.json"
  done
  check "$g tp $tp: $nrep replicas meet both p99s, as the plan reports" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
t, p = s["ttft_s"]["p99"], s["tpot_s"]["p99"]
assert t <= 1 and p <= 0.05, (t, p)
assert abs(t - float(sys.argv[2])) <= 1e-9 * t and abs(p - float(sys.argv[3])) <= 1e-9 * p, (t, p)' \
    "$tmp/sim$nrep.json" "$t99" "$p99"
  [ "$fewer" -gt 0 ] || continue
  check "$g tp $tp: a node fewer ($fewer replicas) misses one" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["ttft_s"]["p99"] > 1 or s["tpot_s"]["p99"] > 0.05' "$tmp/sim$fewer.json"
done <"$tmp/few.txt"

# A replica over two nodes gets a GPU network: a NIC per GPU (none bought
# for a DGX, which has them), cables (two NICs per splitter), a switch;
# independent replicas none.  Rack servers on more than one node get
# racks, ceil(nodes / floor(42 / U)), and PDUs.
run "$PROG" plan --model llama-3.1-405b --gpu h100-sxm --qps 1 --input-len 1000 --output-len 200 \
  --ttft-p99 5 --tpot-p99 0.2 --precision bf16 --top 3 --simulate 0 --json
check "405B over two H100 boxes exits 0" [ "$rc" = 0 ]
printf '%s' "$out" >"$tmp/405.json"
check "... NICs, cables, switches and racks counted where they belong" python3 -c '
import json, math, sys
d = json.load(open(sys.argv[1]))
seen = 0
for c in d["candidates"]:
    q = {p["role"]: p["quantity"] for p in c["parts"]}
    multi = c["gpus_per_replica"] > c["node"]["gpus"]
    dgx = c["node"]["chassis"].startswith("nvidia-dgx")
    if multi:
        assert q.get("nic") == (None if dgx else c["gpu_count"]), q
        assert q["cable"] == math.ceil(c["gpu_count"] / 2) and q["switch"] >= 1, q
    else:
        assert not {"nic", "cable", "switch"} & set(q), q
    ru = c["node"]["rack_units"]
    if ru and c["nodes"] > 1:
        assert q["rack"] == math.ceil(c["nodes"] / (42 // ru)), (q, c["nodes"], ru)
        assert q["pdu"] >= 2, q
        seen += 1
    else:
        assert "rack" not in q, q
assert seen' "$tmp/405.json"

# --trace: the finalists replay the trace at each replica's share of its
# rate (heavy-tailed prompts), and max_model_len admits its longest row.
python3 - "$tmp/tr.csv" <<'PY'
import random, sys
r = random.Random(7); t = 0.0
with open(sys.argv[1], "w") as f:
    f.write("timestamp,input_tokens,output_tokens\n")
    for i in range(600):
        t += r.expovariate(2.0)
        f.write("%.4f,%d,%d\n" % (t, max(16, min(30000, int(r.lognormvariate(6.5, 1.0)))),
                                   max(1, min(2000, int(r.expovariate(1 / 256))))))
PY
run "$PROG" plan --model llama-3.1-8b --trace "$tmp/tr.csv" --ttft-p99 2 --tpot-p99 0.08 \
  --gpu rtx-5080,rtx-5070-ti --precision fp8 --top 2 --simulate 2 --json
check "plan --trace exits 0" [ "$rc" = 0 ]
printf '%s' "$out" >"$tmp/trplan.json"
check "... max_model_len admits the trace's longest request" python3 -c '
import csv, json, sys
d = json.load(open(sys.argv[1]))
longest = max(int(r["input_tokens"]) + int(r["output_tokens"]) for r in csv.DictReader(open(sys.argv[2])))
assert d["request"]["max_len"] == longest, (d["request"]["max_len"], longest)
assert d["candidates"] and all(c["max_model_len"] >= longest for c in d["candidates"])' \
  "$tmp/trplan.json" "$tmp/tr.csv"
python3 - "$tmp/trplan.json" >"$tmp/tr.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["candidates"]:
    print(c["gpu"], c["tp"], c["precision"], c["kv_precision"], c["engine"], c["replicas"],
          repr(d["request"]["qps"] / c["replicas"]), repr(c["ttft_p99_s"]), repr(c["tpot_p99_s"]))
PY
while read -r g tp fm kv en nrep rate t99 p99; do
  run "$PROG" simulate --model llama-3.1-8b --gpu "$g" --tp "$tp" --precision "$fm" --kv-precision "$kv" \
    --engine "$en" --trace "$tmp/tr.csv" --qps "$rate" --requests 2000 --json
  printf '%s' "$out" >"$tmp/trsim.json"
  check "$g x $nrep: replaying the trace gives the plan's p99s" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
t, p = s["ttft_s"]["p99"], s["tpot_s"]["p99"]
assert abs(t - float(sys.argv[2])) <= 1e-9 * t and abs(p - float(sys.argv[3])) <= 1e-9 * p, (t, p)
assert t <= 2 and p <= 0.08 and s["dropped"] == 0' "$tmp/trsim.json" "$t99" "$p99"
done <"$tmp/tr.txt"

# --ram: host memory per node is at least what was asked, in whole DIMMs;
# more than any board holds is rejected as not enough slots.
ramq="--model autoglm-phone-9b --qps 1 --input-len 1024 --output-len 256 --ttft-p99 2 --tpot-p99 0.1 --consumer-only --top 2 --simulate 2"
run "$PROG" plan $ramq --json
printf '%s' "$out" >"$tmp/ram0.json"
run "$PROG" plan $ramq --ram 100GiB --json
check "--ram 100GiB exits 0" [ "$rc" = 0 ]
printf '%s' "$out" >"$tmp/ram1.json"
check "... every node holds 100 GiB or more, more than the default's" python3 -c '
import json, sys
d0, d1 = (json.load(open(f)) for f in sys.argv[1:3])
assert d1["request"]["ram_bytes"] == 100 * 2**30 and d0["request"]["ram_bytes"] is None
r0 = [c["node"]["ram_bytes"] for c in d0["candidates"]]
r1 = [c["node"]["ram_bytes"] for c in d1["candidates"]]
assert r1 and all(r >= 100 * 2**30 for r in r1), r1
assert max(r0) < 100 * 2**30, r0
assert all("--ram" in p["note"] for c in d1["candidates"] for p in c["parts"] if p["role"] == "memory")' \
  "$tmp/ram0.json" "$tmp/ram1.json"
run "$PROG" plan $ramq --ram 4TiB
check "--ram 4TiB: nothing holds it, exit 5" [ "$rc" = 5 ]
check "... counted as not enough slots" has "$err" "not_enough_slots"
run "$PROG" plan $ramq --ram lots
check "--ram lots: exit 2 naming --ram" sh -c '[ "$1" = 2 ] && case "$2" in *--ram*) ;; *) exit 1;; esac' - "$rc" "$err"

# Directly from plan flags: the same as planning then generating.
run "$PROG" generate docker $seed --consumer-only --budget 3000 --top 3
check "generate from plan flags exits 0" [ "$rc" = 0 ]
check "... equals generating from the plan file" [ "$out" = "$(cat "$golden/autoglm-consumer.docker")" ]
# --- Images: a screenshot per request is prompt tokens and tower time, so
# the seed's agent step needs more than its text; refused for a text model
# and without a size.
ag="--model autoglm-phone-9b --qps 1 --input-len 1000 --output-len 100 --ttft-p99 3 --tpot-p99 0.1 --consumer-only --top 1 --simulate 1"
run "$PROG" plan $ag --json
printf '%s' "$out" >"$tmp/ag0.json"
run "$PROG" plan $ag --images 1 --image-size 1080x2400 --json
check "plan with a screenshot a request: exit 0" [ "$rc" = 0 ]
printf '%s' "$out" >"$tmp/ag1.json"
check "... its request records the images, its best box costs more" python3 -c '
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
assert b["request"]["images"] == 1 and b["request"]["image_size"] == [1080, 2400], b["request"]
assert b["candidates"][0]["capex_usd"] > a["candidates"][0]["capex_usd"]' "$tmp/ag0.json" "$tmp/ag1.json"
run "$PROG" plan $ag --images 1
check "--images without --image-size: exit 2" [ "$rc" = 2 ]
run "$PROG" plan --model llama-3.1-8b --qps 1 --input-len 100 --output-len 10 --ttft-p99 3 --tpot-p99 0.1 --images 1 --image-size 100x100
check "--images for a text model: exit 2, saying it reads none" has "$err" "reads no images"
done_testing
