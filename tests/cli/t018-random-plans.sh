# Property: for 200 random plans over the catalog (models, loads, engine
# families, budgets; a fixed seed), every candidate satisfies every
# compatibility rule it was planned under (estimate, which refuses an
# impossible combination, accepts its model, GPU, release, formats and
# layout), and every file generated for it is accepted: the docker
# scripts by shellcheck, the Compose files by docker-compose, the
# Kubernetes objects by their schemas, and every engine flag in them by
# the release's own argument list (tests/data/engine-flags).
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/user.db"
mkdir -p "$tmp/p" "$tmp/g"
rc=0 err=

python3 - "$tmp/requests" <<'PY'
import random, sys
rng = random.Random(18)
models = ["llama-3.1-8b", "llama-3.1-70b", "qwen3-8b", "qwen3-32b", "qwen3-30b-a3b", "mistral-7b",
          "mixtral-8x7b", "gemma-2-9b", "qwen2.5-7b", "qwen2.5-72b", "phi-3-mini", "gpt-oss-20b",
          "gpt-oss-120b", "autoglm-phone-9b", "glm-4-9b", "llama-3.2-3b", "llama-3.1-405b", "deepseek-v3"]
engines = [None, None, "vllm", "sglang", "tgi", "tensorrt-llm", "llama-cpp", "ollama", "mlx-lm"]
with open(sys.argv[1], "w") as f:
    for i in range(200):
        a = ["--model", rng.choice(models), "--qps", rng.choice(["0.2", "1", "4"]),
             "--input-len", rng.choice(["256", "1024", "4000"]), "--output-len", rng.choice(["64", "256"]),
             "--ttft-p99", rng.choice(["2", "5"]), "--tpot-p99", rng.choice(["0.1", "0.2"]),
             "--top", "2", "--simulate", "0"]
        e = rng.choice(engines)
        if e:
            a += ["--engine", e]
        if rng.random() < 0.3:
            a += ["--consumer-only"]
        f.write(" ".join(a) + "\n")
PY
i=0 plans=0
while read -r req; do
	i=$((i + 1))
	set +e
	# shellcheck disable=SC2086
	"$PROG" plan $req --json </dev/null >"$tmp/p/$i.json" 2>/dev/null
	rc=$?
	set -e
	case $rc in
	0) plans=$((plans + 1)) ;;
	5) rm -f "$tmp/p/$i.json" ;;   # nothing feasible: a plan, not a failure
	*) echo "# plan $i ($req) exited $rc"; ok 1 "plan $i exits 0 or 5" ;;
	esac
done <"$tmp/requests"
check "most of the 200 random requests plan ($plans)" [ "$plans" -ge 100 ]

# every candidate: its combination passes the rules, its files are written
python3 - "$tmp/p" >"$tmp/cands" <<'PY'
import json, os, sys
for f in sorted(os.listdir(sys.argv[1]), key=lambda s: int(s.split(".")[0])):
    d = json.load(open(os.path.join(sys.argv[1], f)))
    for k, c in enumerate(d["candidates"], 1):
        print(f, k, c["model"], c["gpu"], c["engine"] + "@" + c["engine_version"], c["precision"],
              c["kv_precision"], c["tp"], c["pp"], c["gpus_per_replica"] > c["node"]["gpus"],
              c["node"]["gpus"], c["engine_image"].startswith(("https://", "pypi:")))
PY
bad_compat=0 bad_gen=0 n_cands=0
while read -r f k model gpu release wf kv tp pp multi per_node native; do
	n_cands=$((n_cands + 1))
	set +e
	"$PROG" estimate --model "$model" --gpu "$gpu" --engine "$release" --precision "$wf" \
		--kv-precision "$kv" --tp "$tp" --pp "$pp" --gpus-per-node "$per_node" \
		</dev/null >/dev/null 2>"$tmp/err"
	rc=$?
	set -e
	# the rules only: a node estimate completes differently (its own
	# default chassis) is not what this checks
	if [ "$rc" != 0 ] && grep -q 'incompatible (' "$tmp/err"; then
		bad_compat=$((bad_compat + 1))
		echo "# $f #$k $model $gpu $release $wf: $(cat "$tmp/err")"
	fi
	# a Mac's server runs natively: its script, and no container
	kinds="docker compose k8s"
	[ "$native" = True ] && kinds=native
	for kind in $kinds; do
		[ "$kind" = compose ] && [ "$multi" = True ] && continue
		out="$tmp/g/${f%.json}-$k.$kind"
		if ! "$PROG" generate "$kind" --plan "$tmp/p/$f" --candidate "$k" </dev/null >"$out" 2>"$tmp/err"; then
			bad_gen=$((bad_gen + 1))
			echo "# generate $kind $f #$k: $(cat "$tmp/err")"
			rm -f "$out"
		fi
	done
done <"$tmp/cands"
check "every candidate ($n_cands) passes the rules it was planned under" [ "$bad_compat" = 0 ]
check "every file of every candidate is written" [ "$bad_gen" = 0 ]

check "every docker script passes shellcheck" shellcheck -s sh "$tmp"/g/*.docker
# an AMD GPU's files reach it through ROCm, never NVIDIA's toolkit; a CPU
# alone's ask for no device at all
check "every AMD candidate's files ask for AMD's GPUs, every CPU one's for none" python3 - "$tmp/g" "$tmp/p" <<'PY'
import json, os, sys
gdir, pdir = sys.argv[1:3]
bad = 0
for f in sorted(os.listdir(gdir)):
    plan, rest = f.rsplit("-", 1)
    k, kind = rest.split(".")
    c = json.load(open(os.path.join(pdir, plan + ".json")))["candidates"][int(k) - 1]
    text = open(os.path.join(gdir, f)).read()
    want = {"docker": "/dev/kfd", "compose": "/dev/kfd", "k8s": "amd.com/gpu"}.get(kind)
    if c.get("gpu_vendor") == "amd" and want and ("nvidia" in text or want not in text):
        bad += 1
        print("#", f)
    # a CPU alone: no device asked for, no layers offered to a GPU
    if c.get("gpu_vendor") == "none" and kind in ("docker", "compose", "k8s") and \
            any(s in text for s in ("nvidia", "--gpus", "/dev/kfd", "amd.com", "-ngl")):
        bad += 1
        print("#", f)
sys.exit(1 if bad else 0)
PY
if ls "$tmp"/g/*.native >/dev/null 2>&1; then
	check "every native script passes shellcheck" shellcheck -s sh "$tmp"/g/*.native
fi
if command -v docker-compose >/dev/null 2>&1; then
	# docker-compose checks each file it is given against the schema as
	# it loads it: fifty files a run
	bad=0
	set -- "$tmp"/g/*.compose
	while [ $# -gt 0 ]; do
		args= k=0
		while [ $# -gt 0 ] && [ $k -lt 50 ]; do args="$args -f $1"; shift; k=$((k + 1)); done
		# shellcheck disable=SC2086
		docker-compose $args config -q 2>"$tmp/err" || { bad=$((bad + 1)); head -3 "$tmp/err" | sed 's/^/# /'; }
	done
	check "docker-compose accepts every Compose file" [ "$bad" = 0 ]
fi
if [ -n "${RIGPLAN_K8S_VALIDATOR:-}" ] && [ -d "$RIGPLAN_K8S_VALIDATOR" ]; then
	cat "$tmp"/g/*.k8s >"$tmp/all.yaml"
	run env NODE_PATH="$RIGPLAN_K8S_VALIDATOR" node "$TOP_SRCDIR/tests/tools/validate-k8s.cjs" "$tmp/all.yaml"
	check "kubernetes-models validates every object" [ "$rc" = 0 ]
	[ "$rc" = 0 ] || printf '%s\n' "$out" | grep -v '^ok' | head -5 | sed 's/^/# /'
fi

# the flags, from the Kubernetes objects (the same commands as the other
# files), against the release's argument list
check "every engine flag is one its release accepts, with a valid value" python3 - \
	"$tmp/g" "$tmp/p" "$TOP_SRCDIR/tests/data/engine-flags" <<'PY'
import json, os, shlex, sys, yaml
gdir, pdir, fdir = sys.argv[1:4]
def flags(release):
    t = {}
    for line in open(os.path.join(fdir, release + ".tsv")):
        if line.startswith("#") or not line.strip():
            continue
        name, kind, choices = (line.rstrip("\n").split("\t") + ["*"])[:3]
        t[name] = (kind, choices)
    return t
def check_words(words, table, where):
    i = 0
    while i < len(words):
        w = words[i]
        if not w.startswith("-"):
            i += 1
            continue
        assert w in table and table[w][0] != "env", (where, w)
        if table[w][0] == "value":
            v = words[i + 1]
            assert table[w][1] == "*" or v in table[w][1].split(","), (where, w, v)
            i += 1
        i += 1
bad = 0
for f in sorted(os.listdir(gdir)):
    if not f.endswith(".k8s"):
        continue
    plan, k = f[:-4].rsplit("-", 1)
    c = json.load(open(os.path.join(pdir, plan + ".json")))["candidates"][int(k) - 1]
    release = c["engine"] + "@" + c["engine_version"]
    table = flags(release)
    for doc in yaml.safe_load_all(open(os.path.join(gdir, f))):
        if not doc or doc["kind"] not in ("Deployment", "LeaderWorkerSet"):
            continue
        if doc["kind"] == "Deployment":
            pods = [doc["spec"]["template"]["spec"]]
        else:
            t = doc["spec"]["leaderWorkerTemplate"]
            pods = [t["leaderTemplate"]["spec"], t["workerTemplate"]["spec"]]
        for pod in pods:
            ctr = pod["containers"][0]
            try:
                if c["engine"] == "ollama":
                    for e in ctr.get("env", []):
                        assert e["name"] in table or e["name"].startswith("HF_"), (f, e["name"])
                    continue
                words = [w.replace("$$", "$") for w in ctr.get("command", []) + ctr.get("args", [])]
                if words[:2] == ["/bin/sh", "-c"]:
                    if "multi-node-serving.sh worker" in words[2]:
                        continue    # a Ray worker: no server flags
                    words = shlex.split(words[2].split("&& ")[-1])
                for program in ("sglang.launch_server", "serve"):
                    if program in words:
                        words = words[words.index(program) + 1:]
                        break
                if "trtllm-serve" in words:
                    words = words[words.index("trtllm-serve") + 2:]
                check_words(words, table, f)
            except AssertionError as e:
                bad += 1
                print("#", e)
sys.exit(1 if bad else 0)
PY
done_testing
