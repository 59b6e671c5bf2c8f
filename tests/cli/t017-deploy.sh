# The generated files start the server on the weights the plan chose:
# the model reference is the checkpoint of the planned format, the weights
# step fetches exactly that (every shard of a split GGUF), before the
# server (Compose waits for it, Kubernetes runs it as an init container),
# and the engine's own switches follow the plan (flash attention for a
# quantized cache, Ollama's context).  Plans are made here, from the
# catalog, so that a change to its rows is seen.
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/user.db"
load="--qps 1 --input-len 1000 --output-len 200 --ttft-p99 3 --tpot-p99 0.2 --top 1"

plan() {  # NAME ARGS...: a one-candidate plan file
	name=$1; shift
	run "$PROG" plan $load "$@" --out "$tmp/$name.json"
	check "$name: plan exits 0" [ "$rc" = 0 ]
}
field() {  # NAME KEY: a field of the plan's candidate
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["candidates"][0][sys.argv[2]])' \
		"$tmp/$1.json" "$2"
}

# fp8 Llama 3.1 70B on H200s: the server and its init container name the
# published FP8 repository, not the base model's.
plan l70 --model llama-3.1-70b --gpu h200-sxm --engine vllm --precision fp8
repo=$(field l70 checkpoint_repo)
check "l70: the fp8 checkpoint is not the base repository" [ "$repo" != "meta-llama/Llama-3.1-70B-Instruct" ]
run "$PROG" generate k8s --plan "$tmp/l70.json"
printf '%s\n' "$out" >"$tmp/l70.yaml"
check "l70: the server loads the checkpoint and the init container fetches it" python3 -c '
import yaml, sys
repo = sys.argv[2]
dep = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d and d["kind"] == "Deployment"][0]
pod = dep["spec"]["template"]["spec"]
args = pod["containers"][0]["args"]
assert args[args.index("--model") + 1] == repo, args
init = pod["initContainers"][0]
assert init["args"][-1] == repo and init["command"] == ["python3"], init
assert init["image"] == pod["containers"][0]["image"]
mounts = lambda c: {m["name"]: m["mountPath"] for m in c["volumeMounts"]}
assert mounts(init)["cache"] == mounts(pod["containers"][0])["cache"]' "$tmp/l70.yaml" "$repo"

# llama.cpp, Q4_K_M with a q8_0 cache: the file fetched is the file the
# server reads, and flash attention is on (a quantized V cache needs it).
for rel in llama-cpp@b10573 llama-cpp@b5849; do
	plan "lc-$rel" --model llama-3.1-8b --gpu rtx-4070-ti-super --engine "$rel" --precision gguf-q4_k_m
	python3 - "$tmp/lc-$rel.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["candidates"][0]["kv_precision"] = "q8_0"
json.dump(d, open(sys.argv[1], "w"))
PY
	run "$PROG" generate docker --plan "$tmp/lc-$rel.json"
	printf '%s\n' "$out" >"$tmp/lc.sh"
	check "$rel: the docker script passes shellcheck" shellcheck -s sh "$tmp/lc.sh"
	check "$rel: the weights step fetches the file the server reads, before it" python3 -c '
import shlex, sys
lines = [shlex.split(l) for l in open(sys.argv[1]) if l.startswith("docker run")]
fetch, server = lines[0], lines[1]
assert "--rm" in fetch and "-d" in server, (fetch, server)
model = server[server.index("-m") + 1]
assert model.startswith("/models/") and model[len("/models/"):] in fetch[-1:], (model, fetch)
assert fetch[-2] == sys.argv[2], fetch' "$tmp/lc.sh" "$(field "lc-$rel" checkpoint_repo)"
	case $rel in
	*b10573) want="-fa on" ;;
	*) want="-fa --host" ;;
	esac
	check "$rel: q8_0 cache with flash attention ($want)" has "$out" "-ctv q8_0 $want"
done

# Llama 3.1 70B Q4_K_M on RTX 4090s: one card holds 44 of the 81 -ngl
# units (the head and 43 layers, b10573's order); the plan says so, gives
# each replica its own host, and the server is started with that -ngl.
run "$PROG" plan --model llama-3.1-70b --qps 0.01 --input-len 512 --output-len 256 --ttft-p99 30 \
	--tpot-p99 1 --gpu rtx-4090 --engine llama-cpp --precision gguf-q4_k_m --tp 1 --top 1 \
	--out "$tmp/off.json"
check "offload: plan exits 0" [ "$rc" = 0 ]
check "... and says how many layers run on the CPU" has "$out" "layers on the CPU"
ngl=$(field off gpu_layers)
check "... a split recorded (-ngl $ngl of 81)" [ "$(field off offloaded)" = True ] && [ "$ngl" -gt 0 ] && [ "$ngl" -lt 81 ]
run "$PROG" generate docker --plan "$tmp/off.json"
printf '%s\n' "$out" >"$tmp/off.sh"
check "offload: the docker script passes shellcheck" shellcheck -s sh "$tmp/off.sh"
check "... the server starts with -ngl $ngl" has "$out" "-ngl $ngl --metrics"

# NVFP4 on Blackwell (an RTX 5090; no chassis in the catalog takes a B200
# board yet): NVIDIA's FP4 checkpoint; SGLang is told its method
# (modelopt_fp4, among its --quantization choices), vLLM reads it from the
# checkpoint's config.
plan fp4s --model llama-3.1-8b --gpu rtx-5090 --engine sglang --precision nvfp4
check "nvfp4: the checkpoint is NVIDIA's FP4 repository" [ "$(field fp4s checkpoint_repo)" = nvidia/Llama-3.1-8B-Instruct-FP4 ]
run "$PROG" generate docker --plan "$tmp/fp4s.json"
check "... SGLang starts with --quantization modelopt_fp4" has "$out" "--quantization modelopt_fp4"
plan fp4v --model llama-3.1-8b --gpu rtx-5090 --engine vllm --precision nvfp4
run "$PROG" generate docker --plan "$tmp/fp4v.json"
check "... vLLM takes no --quantization for it" sh -c 'case "$1" in *--quantization*) exit 1;; esac' - "$out"
run "$PROG" plan $load --model llama-3.1-8b --gpu h100-sxm --precision nvfp4
check "nvfp4 on H100s only: nothing feasible (exit 5)" [ "$rc" = 5 ]

# --gpu-memory-utilization: the share the plan was made with is the share
# the servers are started with, in each engine's own flag.
plan mf --model llama-3.1-8b --gpu l40s --engine vllm --precision bf16 --gpu-memory-utilization 0.95
run "$PROG" generate docker --plan "$tmp/mf.json"
check "memory fraction: vLLM starts with --gpu-memory-utilization 0.95" has "$out" "--gpu-memory-utilization 0.95"
plan mfs --model llama-3.1-8b --gpu l40s --engine sglang --precision bf16 --gpu-memory-utilization 0.95
run "$PROG" generate docker --plan "$tmp/mfs.json"
check "... SGLang with --mem-fraction-static 0.95" has "$out" "--mem-fraction-static 0.95"

# --enforce-eager: the plan's servers start without CUDA graphs, in each
# engine's own flag; llama.cpp, without the switch, is no candidate.
plan eg --model llama-3.1-8b --gpu l40s --engine vllm --precision bf16 --enforce-eager
run "$PROG" generate docker --plan "$tmp/eg.json"
check "eager: vLLM starts with --enforce-eager" has "$out" "--enforce-eager"
plan egs --model llama-3.1-8b --gpu l40s --engine sglang --precision bf16 --enforce-eager
run "$PROG" generate docker --plan "$tmp/egs.json"
check "... SGLang with --disable-cuda-graph" has "$out" "--disable-cuda-graph"
run "$PROG" plan $load --model llama-3.1-8b --gpu rtx-4090 --engine llama-cpp --precision gguf-q4_k_m --enforce-eager
check "... llama.cpp alone: nothing feasible (exit 5)" [ "$rc" = 5 ]

# A split GGUF (gpt-oss-120b in three files): every shard is fetched.
plan oss --model gpt-oss-120b --gpu rtx-pro-6000-blackwell --engine llama-cpp --precision gguf-mxfp4
run "$PROG" generate docker --plan "$tmp/oss.json"
check "gpt-oss-120b: the three shards are fetched" python3 -c '
import shlex, sys
fetch = shlex.split([l for l in sys.argv[1].splitlines() if l.startswith("docker run --rm")][0])
shards = [w for w in fetch if w.endswith(".gguf")]
assert shards == ["gpt-oss-120b-mxfp4-%05d-of-00003.gguf" % k for k in (1, 2, 3)], shards' "$out"

# Ollama: the model is pulled before the server, the planned context set;
# its health check uses the Ollama CLI (the image has no curl).
plan ol --model llama-3.1-8b --gpu rtx-4070-ti-super --engine ollama
run "$PROG" generate compose --plan "$tmp/ol.json"
printf '%s\n' "$out" >"$tmp/ol.compose"
check "ollama: pull first, the context planned, no curl" python3 -c '
import yaml, sys
svc = yaml.safe_load(open(sys.argv[1]))["services"]
names = list(svc)
pull, server = svc[names[0]], svc[names[1]]
assert names[0].endswith("-weights") and pull["restart"] == "no", names
assert "ollama pull" in pull["command"][1] and pull["command"][-1], pull
assert server["depends_on"][names[0]]["condition"] == "service_completed_successfully"
assert "OLLAMA_CONTEXT_LENGTH=%s" % sys.argv[2] in server["environment"], server["environment"]
assert "curl" not in server["healthcheck"]["test"], server["healthcheck"]' "$tmp/ol.compose" "$(field ol max_model_len)"
if command -v docker-compose >/dev/null 2>&1; then
	run docker-compose -f "$tmp/ol.compose" config -q
	check "ollama: docker-compose accepts the file" [ "$rc" = 0 ]
fi
python3 - "$tmp/ol.json" "$tmp/ol-old.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); c = d["candidates"][0]
c["engine_version"] = "0.5.4"; c["engine_image"] = "ollama/ollama:0.5.4"
json.dump(d, open(sys.argv[2], "w"))
PY
run "$PROG" generate docker --plan "$tmp/ol-old.json"
check "ollama 0.5.4 (no OLLAMA_CONTEXT_LENGTH): refused, exit 2" [ "$rc" = 2 ]
check "... saying why" has "$err" "OLLAMA_CONTEXT_LENGTH came in 0.5.13"

# A replica over two nodes (tp 8 x pp 2 on H200s), for each launch: the
# leader serves, the workers join it, both carry the pipeline; the
# Service reaches the leader alone.
python3 - "$tmp/l70.json" "$tmp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); c = d["candidates"][0]
c.update(tp=8, pp=2, gpus_per_replica=16, gpu_count=16, replicas=1, nodes=2)
json.dump(d, open(sys.argv[2] + "/mn-native.json", "w"))
c.update(engine_version="0.12.0", engine_image="vllm/vllm-openai:v0.12.0", multinode="ray")
json.dump(d, open(sys.argv[2] + "/mn-ray.json", "w"))
c.update(engine="sglang", engine_version="0.5.6.post1", engine_image="lmsysorg/sglang:v0.5.6.post1",
         multinode="native", port=30000, gpu_memory_utilization=None, max_num_seqs=0)
json.dump(d, open(sys.argv[2] + "/mn-sglang.json", "w"))
c.update(engine="tensorrt-llm", engine_version="1.2.1", engine_image="nvcr.io/nvidia/tensorrt-llm/release:1.2.1",
         multinode="mpi", port=8000)
json.dump(d, open(sys.argv[2] + "/mn-trtllm.json", "w"))
PY
for kind in native ray sglang; do
	run "$PROG" generate k8s --plan "$tmp/mn-$kind.json"
	check "mn-$kind: k8s exits 0" [ "$rc" = 0 ]
	printf '%s\n' "$out" >"$tmp/mn-$kind.yaml"
	check "mn-$kind: leader and worker launch one replica over 2 nodes" python3 -c '
import yaml, sys
kind = sys.argv[2]
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
lws = [d for d in docs if d["kind"] == "LeaderWorkerSet"][0]["spec"]["leaderWorkerTemplate"]
assert lws["size"] == 2
lead = lws["leaderTemplate"]["spec"]["containers"][0]["command"]
work = lws["workerTemplate"]["spec"]["containers"][0]["command"]
assert lead[:2] == ["/bin/sh", "-c"] and work[:2] == ["/bin/sh", "-c"], (lead, work)
# Kubernetes reads $$ in a command as one literal $
lead, work = lead[2].replace("$$", "$"), work[2].replace("$$", "$")
if kind == "native":
    for s in (lead, work):
        assert "--pipeline-parallel-size 2" in s and "--nnodes 2" in s and "--node-rank \"$LWS_WORKER_INDEX\"" in s, s
    assert "--headless" in work and "--headless" not in lead
elif kind == "ray":
    assert lead.startswith("bash /vllm-workspace/examples/online_serving/multi-node-serving.sh leader --ray_cluster_size=2 && exec vllm serve"), lead
    assert "--distributed-executor-backend ray" in lead and "--pipeline-parallel-size 2" in lead
    assert "multi-node-serving.sh worker --ray_address=\"$LWS_LEADER_ADDRESS\"" in work, work
else:
    for s in (lead, work):
        assert "--pp-size 2" in s and "--nnodes 2" in s and "--dist-init-addr \"$LWS_LEADER_ADDRESS\":5000" in s, s
svc = [d for d in docs if d["kind"] == "Service"][0]["spec"]["selector"]
assert svc.get("leaderworkerset.sigs.k8s.io/worker-index") == "0", svc' "$tmp/mn-$kind.yaml" "$kind"
	if [ -n "${RIGPLAN_K8S_VALIDATOR:-}" ] && [ -d "$RIGPLAN_K8S_VALIDATOR" ]; then
		run env NODE_PATH="$RIGPLAN_K8S_VALIDATOR" node "$TOP_SRCDIR/tests/tools/validate-k8s.cjs" "$tmp/mn-$kind.yaml"
		check "mn-$kind: kubernetes-models validates the manifests" [ "$rc" = 0 ]
	fi
	run "$PROG" generate docker --plan "$tmp/mn-$kind.json"
	check "mn-$kind: docker exits 0" [ "$rc" = 0 ]
	printf '%s\n' "$out" >"$tmp/mn-$kind.sh"
	check "mn-$kind: the per-node script passes shellcheck" shellcheck -s sh "$tmp/mn-$kind.sh"
	# run it with docker replaced by printf: node 1 starts a worker, a
	# bad rank or address is refused before anything runs
	mkdir -p "$tmp/fakebin"
	printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>"%s/docker.log"\n' "$tmp" >"$tmp/fakebin/docker"
	chmod +x "$tmp/fakebin/docker"
	rm -f "$tmp/docker.log"
	run env PATH="$tmp/fakebin:$PATH" sh "$tmp/mn-$kind.sh" 1 10.0.0.1
	check "mn-$kind: node 1 fetches the weights and starts a worker" sh -c \
		'[ "$1" = 0 ] && grep -q -- "--rm" "$2" && grep -q -- "-worker " "$2" && ! grep -q -- "-leader " "$2"' - "$rc" "$tmp/docker.log"
	rm -f "$tmp/docker.log"
	run env PATH="$tmp/fakebin:$PATH" sh "$tmp/mn-$kind.sh" 2 10.0.0.1
	check "mn-$kind: rank 2 of 2 nodes refused, nothing run" sh -c '[ "$1" = 2 ] && [ ! -e "$2" ]' - "$rc" "$tmp/docker.log"
	run env PATH="$tmp/fakebin:$PATH" sh "$tmp/mn-$kind.sh" 0 '10.0.0.1;reboot'
	check "mn-$kind: a leader address with a ; refused" [ "$rc" = 2 ]
done
# InfiniBand between a replica's nodes: NCCL on the HCAs (vLLM's
# multi-node docs), the devices and locked memory in docker; in
# Kubernetes IPC_LOCK and, named by --rdma-resource, the cluster's RDMA
# device; without it a comment says NCCL falls back to sockets.
python3 - "$tmp/mn-native.json" "$tmp/mn-ib.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["candidates"][0]["node"]["fabric"] = "infiniband"
json.dump(d, open(sys.argv[2], "w"))
PY
run "$PROG" generate k8s --plan "$tmp/mn-ib.json" --rdma-resource rdma/ib
check "ib: k8s with --rdma-resource exits 0" [ "$rc" = 0 ]
printf '%s\n' "$out" >"$tmp/mn-ib.yaml"
check "ib: every pod gets NCCL_IB_HCA, IPC_LOCK and one rdma/ib" python3 -c '
import yaml, sys
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
lws = [d for d in docs if d["kind"] == "LeaderWorkerSet"][0]["spec"]["leaderWorkerTemplate"]
for t in ("leaderTemplate", "workerTemplate"):
    c = lws[t]["spec"]["containers"][0]
    assert {"name": "NCCL_IB_HCA", "value": "mlx5"} in c["env"], c["env"]
    assert c["securityContext"]["capabilities"]["add"] == ["IPC_LOCK"]
    assert c["resources"]["limits"]["rdma/ib"] == 1 and c["resources"]["requests"]["rdma/ib"] == 1' "$tmp/mn-ib.yaml"
if [ -n "${RIGPLAN_K8S_VALIDATOR:-}" ] && [ -d "$RIGPLAN_K8S_VALIDATOR" ]; then
	run env NODE_PATH="$RIGPLAN_K8S_VALIDATOR" node "$TOP_SRCDIR/tests/tools/validate-k8s.cjs" "$tmp/mn-ib.yaml"
	check "ib: kubernetes-models validates the manifests" [ "$rc" = 0 ]
fi
run "$PROG" generate k8s --plan "$tmp/mn-ib.json"
check "ib: without --rdma-resource the file says what falls back" has "$out" "else NCCL falls back to TCP sockets"
run "$PROG" generate docker --plan "$tmp/mn-ib.json"
printf '%s\n' "$out" >"$tmp/mn-ib.sh"
check "ib: docker passes the HCAs and locked memory to each node" sh -c \
	'[ "$(grep -c -- "--device=/dev/infiniband --cap-add=IPC_LOCK --ulimit memlock=-1" "$1")" = 2 ] && grep -q "NCCL_IB_HCA=mlx5" "$1"' - "$tmp/mn-ib.sh"
check "ib: the script passes shellcheck" shellcheck -s sh "$tmp/mn-ib.sh"
run "$PROG" generate k8s --plan "$tmp/mn-native.json" --rdma-resource rdma/ib
check "--rdma-resource on a plan without InfiniBand: exit 2" [ "$rc" = 2 ]
run "$PROG" generate k8s --plan "$tmp/mn-ib.json" --rdma-resource 'rdma/ib;x'
check "--rdma-resource that is no resource name: exit 2, naming it" sh -c '[ "$1" = 2 ]' - "$rc"
check "... naming it" has "$err" "rdma/ib;x"
run "$PROG" generate docker --plan "$tmp/mn-ib.json" --rdma-resource rdma/ib
check "--rdma-resource with docker: exit 2" [ "$rc" = 2 ]
python3 - "$tmp/mn-ib.json" "$tmp/mn-badfab.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["candidates"][0]["node"]["fabric"] = "carrier pigeon"
json.dump(d, open(sys.argv[2], "w"))
PY
run "$PROG" generate k8s --plan "$tmp/mn-badfab.json"
check "a plan file's unknown fabric: exit 3" [ "$rc" = 3 ]

run "$PROG" generate k8s --plan "$tmp/mn-trtllm.json"
check "TensorRT-LLM over nodes (MPI): refused, exit 2" [ "$rc" = 2 ]
check "... naming the launch rigplan does not write" has "$err" "spans nodes by mpi"

# AutoGLM-Phone-9B: Open-AutoGLM serves it with vLLM 0.12.0 or later and
# multimodal flags; an older vLLM is refused naming that source, and the
# flags reach the server, each one word.
run "$PROG" estimate --model autoglm-phone-9b --gpu rtx-5090 --engine vllm@0.10.2
check "autoglm on vllm 0.10.2: refused, exit 2" [ "$rc" = 2 ]
check "... naming the release it needs and the source" has "$err" "from 0.12.0 on, not 0.10.2 (https://github.com/zai-org/Open-AutoGLM/"
plan ag --model autoglm-phone-9b --gpu rtx-5090 --engine vllm
run "$PROG" generate docker --plan "$tmp/ag.json"
check "autoglm: the multimodal flags reach vLLM" python3 -c '
import shlex, sys
server = shlex.split([l for l in sys.argv[1].splitlines() if l.startswith("docker run -d")][0])
for flag, value in (("--limit-mm-per-prompt", "{\"image\":10}"), ("--mm-processor-kwargs", "{\"max_pixels\":5000000}"),
                    ("--chat-template-content-format", "string")):
    assert server[server.index(flag) + 1] == value, (flag, server)' "$out"

# --api-key: the key is never written into a file; each runtime takes it
# from where its users keep secrets, and a server without a key option is
# refused rather than left open.
run "$PROG" generate docker --plan "$tmp/ag.json" --api-key
check "api key: docker exits 0" [ "$rc" = 0 ]
printf '%s\n' "$out" >"$tmp/key.sh"
check "api key: the script passes shellcheck" shellcheck -s sh "$tmp/key.sh"
rm -f "$tmp/docker.log"
run env -u RIGPLAN_API_KEY PATH="$tmp/fakebin:$PATH" sh "$tmp/key.sh"
check "api key: without RIGPLAN_API_KEY the script stops before any docker run" \
	sh -c '[ "$1" != 0 ] && [ ! -e "$2" ]' - "$rc" "$tmp/docker.log"
run env RIGPLAN_API_KEY='s3cret $(touch /tmp/rigplan-pwned) x' PATH="$tmp/fakebin:$PATH" sh "$tmp/key.sh"
check "api key: with it, the server gets the key as one word" python3 -c '
import sys
line = [l for l in open(sys.argv[1]) if l.startswith("run -d")][0]
assert "--api-key s3cret $(touch /tmp/rigplan-pwned) x" in line, line' "$tmp/docker.log"
check "... and nothing in it ran" [ ! -e /tmp/rigplan-pwned ]
run "$PROG" generate k8s --plan "$tmp/ag.json" --api-key
printf '%s\n' "$out" >"$tmp/key.yaml"
check "api key: k8s reads it from the Secret rigplan-api-key" python3 -c '
import yaml, sys
dep = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d and d["kind"] == "Deployment"][0]
c = dep["spec"]["template"]["spec"]["containers"][0]
assert c["args"][c["args"].index("--api-key") + 1] == "$(RIGPLAN_API_KEY)", c["args"]
env = {e["name"]: e for e in c["env"]}
assert env["RIGPLAN_API_KEY"]["valueFrom"]["secretKeyRef"] == {"name": "rigplan-api-key", "key": "key"}' "$tmp/key.yaml"
if command -v docker-compose >/dev/null 2>&1; then
	run "$PROG" generate compose --plan "$tmp/ag.json" --api-key
	printf '%s\n' "$out" >"$tmp/key.compose"
	run env RIGPLAN_API_KEY=k3y docker-compose -f "$tmp/key.compose" config
	check "api key: Compose takes it from the environment" has "$out" "- k3y"
	run env -u RIGPLAN_API_KEY docker-compose -f "$tmp/key.compose" config
	check "... and refuses to start without it" [ "$rc" != 0 ]
fi
run "$PROG" generate docker --plan "$tmp/ol.json" --api-key
check "api key on Ollama (no key option): exit 2" [ "$rc" = 2 ]
check "... saying what to do instead" has "$err" "authenticating proxy"
run "$PROG" generate bom --plan "$tmp/ag.json" --api-key
check "api key on a bill of materials: exit 2" [ "$rc" = 2 ]

# A GPU the catalog has no price for is still planned (ranked after the
# priced ones, its cost per token unknown), not dropped without a reason.
run "$PROG" plan --model llama-3.1-8b $load --gpu h100-nvl --engine vllm --precision fp8 --json
check "unpriced GPU: plan exits 0" [ "$rc" = 0 ]
check "... with a simulated candidate whose cost is unknown" python3 -c '
import json, sys
c = json.loads(sys.argv[1])["candidates"][0]
assert c["simulated"] and c["gpu"] == "h100-nvl" and c["usd_per_million_tokens"] is None, c' "$out"

# A family named alone is searched over its releases: on a V100, which the
# newest vLLM builds no kernels for, the newest that does (0.12.0) is
# planned, with its own image.
run "$PROG" plan --model llama-3.1-8b $load --gpu v100-pcie-32gb --engine vllm --precision fp16 --json
check "V100: plan exits 0" [ "$rc" = 0 ]
check "... on vllm 0.12.0, the newest release that runs sm_70" python3 -c '
import json, sys
c = json.loads(sys.argv[1])["candidates"][0]
assert (c["engine_version"], c["engine_image"]) == ("0.12.0", "vllm/vllm-openai:v0.12.0"), c' "$out"

# An Apple silicon Mac serves natively (no container reaches its GPU):
# 'generate native' writes the script each Mac runs, which downloads the
# release archive the catalog pins for darwin/arm64 and the GGUF file the
# server then reads; the container writers refuse the plan, and 'native'
# refuses a plan of containers.
macload="--qps 0.05 --input-len 1000 --output-len 200 --ttft-p99 30 --tpot-p99 0.3 --top 1"
run "$PROG" plan --model llama-3.1-70b $macload --gpu apple-m2-ultra-76c-192gb --engine llama-cpp --precision gguf-q4_k_m --out "$tmp/mac.json"
check "mac: plan exits 0" [ "$rc" = 0 ]
check "... on the catalog's macOS archive" [ "$(field mac engine_image)" = "https://github.com/ggml-org/llama.cpp/releases/download/b10573/llama-b10573-bin-macos-arm64.tar.gz" ]
run "$PROG" generate native --plan "$tmp/mac.json"
check "mac: generate native exits 0" [ "$rc" = 0 ]
printf '%s\n' "$out" >"$tmp/serve.sh"
check "... and the script passes shellcheck" shellcheck -s sh "$tmp/serve.sh"
check "... it fetches the archive, then the file the server reads from the archive's llama-server" python3 -c '
import shlex, sys
text = open(sys.argv[1]).read()
assert "tar -xzf" in text and sys.argv[2] in text, text
files = [shlex.split(l)[2:] for l in text.splitlines() if l.startswith("set -- ")][0]
server = shlex.split(text[text.index("exec "):].replace("\\\n", " "))
assert server[1] == "$program" and "program=\"$release\"/llama-b10573/llama-server" in text, server
model = server[server.index("-m") + 1]
assert model == "./" + files[0], (model, files)
assert server[server.index("-ngl") + 1] == "999" and "0.0.0.0" in server, server' "$tmp/serve.sh" "$(field mac engine_image)"
run "$PROG" generate docker --plan "$tmp/mac.json"
check "mac: generate docker refuses, exit 2, naming native" sh -c '[ "$1" = 2 ] && printf "%s" "$2" | grep -q "use '"'"'generate native'"'"'"' _ "$rc" "$err"
run "$PROG" generate k8s --plan "$tmp/mac.json"
check "... and so does k8s" [ "$rc" = 2 ]
run "$PROG" plan --model llama-3.1-8b $macload --gpu apple-m4-max-40c-128gb --engine ollama --precision gguf-q4_k_m --out "$tmp/macol.json"
run "$PROG" generate native --plan "$tmp/macol.json"
printf '%s\n' "$out" >"$tmp/serve-ollama.sh"
check "mac ollama: the script passes shellcheck" shellcheck -s sh "$tmp/serve-ollama.sh"
check "... serves with the planned context, then pulls the planned tag" python3 -c '
import sys
t = open(sys.argv[1]).read()
assert "export OLLAMA_CONTEXT_LENGTH=" in t and "\"$program\" serve &" in t, t
assert t.index("serve &") < t.index("pull llama3.1:8b-instruct-q4_K_M"), t' "$tmp/serve-ollama.sh"
run "$PROG" generate native --plan "$tmp/l70.json"
check "a plan of containers: generate native refuses, exit 2" [ "$rc" = 2 ]

done_testing
