# A model from its own files: --model PATH reads a config.json (or a
# model's folder) without storing it, `catalog import-model` stores it in
# the overlay, and a model's Hugging Face repository id finds its catalog
# row.  The same model from its config.json and from the catalog holds the
# same weights; bad files exit 3 with one line and write nothing.
. "$TOP_SRCDIR/tests/cli/lib.sh"
# the schema version this rigplan writes (data/schema.sql)
schema_version=$(sed -n 's/^PRAGMA user_version = \([0-9]*\);$/\1/p' "$TOP_SRCDIR/data/schema.sql")
export RIGPLAN_USER_DB="$tmp/user.db"
hf="$TOP_SRCDIR/tests/fixtures/hf"

weights() {  # MODEL: bytes of weights per GPU on 8 x H200
	"$PROG" estimate --model "$1" --gpu h200-sxm --gpus 8 --json </dev/null |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["memory"]["weights_bytes"])'
}
# the catalog's rows are the same models' published dimensions: the
# weights agree to the norms and biases the shapes leave out and the
# catalog rows' rounded parameter counts (30.5e9 for 30.53e9): < 0.2%
for pair in meta-llama--Llama-3.1-8B-Instruct:llama-3.1-8b Qwen--Qwen3-30B-A3B:qwen3-30b-a3b \
	deepseek-ai--DeepSeek-V3:deepseek-v3 openai--gpt-oss-20b:gpt-oss-20b \
	mistralai--Mixtral-8x7B-v0.1:mixtral-8x7b; do
	file=${pair%%:*} id=${pair#*:}
	a=$(weights "$hf/$file.config.json") b=$(weights "$id")
	check "$file: config.json and catalog row $id hold the same weights ($a, $b)" \
		python3 -c 'import sys; a, b = map(float, sys.argv[1:]); assert abs(a - b) <= 2e-3 * b' "$a" "$b"
done
check "nothing was stored by --model PATH" [ ! -e "$RIGPLAN_USER_DB" ]

# a model's folder, with its safetensors index
run "$PROG" estimate --model "$hf/gemma-2-9b-it" --gpu l40s
check "gemma folder: estimate exits 0" [ "$rc" = 0 ]
check "... named by its folder" has "$out" "gemma-2-9b-it on 1 x l40s"
check "... says it has no repository to fetch from" has "$out" "your own files"

# a repository id resolves to the catalog row that publishes it
run "$PROG" estimate --model meta-llama/Llama-2-70b-hf --gpu h100-sxm --gpus 2
check "meta-llama/Llama-2-70b-hf: exit 0" [ "$rc" = 0 ]
check "... is llama-2-70b" has "$out" "llama-2-70b on 2 x h100-sxm"
run "$PROG" estimate --model QWEN/qwen3-30b-a3b --gpu h100-sxm
check "a repository id in another case: exit 0" [ "$rc" = 0 ]

# import, then plan and generate with it
run "$PROG" catalog import-model "$hf/microsoft--phi-4.config.json" --id my-phi --hf-repo microsoft/phi-4
check "import-model: exit 0" [ "$rc" = 0 ]
check "... reports what it read" has "$out" "model my-phi: Phi3ForCausalLM, 40 layers"
run "$PROG" catalog show model my-phi --json
check "... stored with its origin as source" python3 -c '
import json, sys
m = json.loads(sys.argv[1])
assert m["hf_repo"] == "microsoft/phi-4" and m["heads"] == 40 and m["kv_heads"] == 10, m
assert m["source"].startswith("imported from ") and "phi-4.config.json" in m["source"], m["source"]' "$out"
run "$PROG" plan --model my-phi --gpu l40s --qps 1 --input-len 1000 --output-len 200 \
	--ttft-p99 3 --tpot-p99 0.2 --engine vllm --top 1 --simulate 0 --out "$tmp/phi.json"
check "... plans" [ "$rc" = 0 ]
run "$PROG" generate docker --plan "$tmp/phi.json"
check "... and its servers fetch the repository given" has "$out" "microsoft/phi-4"
# a vision-language model's tower travels with it: from the path, and
# stored by import-model; one screenshot a request costs prompt tokens
ttft() {  # MODEL [ARGS]: TTFT seconds of a 1000-token prompt on an L40S
	m=$1
	shift
	"$PROG" estimate --model "$m" --gpu l40s --precision fp8 --input-len 1000 --output-len 100 \
		--json "$@" </dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["latency"]["ttft_s"])'
}
run "$PROG" catalog import-model "$hf/google--gemma-3-27b-it.config.json" --id my-gemma3 \
	--hf-repo google/gemma-3-27b-it
check "import-model of a vision-language model: exit 0" [ "$rc" = 0 ]
check "... with its tower" has "$out" "with its vision tower"
a=$(ttft my-gemma3) b=$(ttft my-gemma3 --images 1 --image-size 1080x2400)
c=$(ttft "$hf/google--gemma-3-27b-it.config.json" --images 1 --image-size 1080x2400)
check "... an image a request lengthens its TTFT ($a, $b s)" python3 -c 'import sys; a, b = map(float, sys.argv[1:]); assert b > 1.1 * a' "$a" "$b"
check "... the stored tower is the config's ($b, $c s)" [ "$b" = "$c" ]
cp "$RIGPLAN_USER_DB" "$tmp/before.db"
run "$PROG" catalog import-model "$hf/microsoft--phi-4.config.json" --id my-phi
check "the same id again: exit 2" [ "$rc" = 2 ]
check "... naming it" has "$err" "model 'my-phi' is in the catalog already"
check "... the overlay untouched" cmp -s "$RIGPLAN_USER_DB" "$tmp/before.db"
run "$PROG" catalog import-model "$hf/microsoft--phi-4.config.json" --id llama-3.1-8b
check "a system id: exit 2" [ "$rc" = 2 ]
run "$PROG" catalog import-model "$hf/microsoft--phi-4.config.json" --id 'Bad Id'
check "a malformed --id: exit 2" [ "$rc" = 2 ]
run "$PROG" catalog import-model "$hf/microsoft--phi-4.config.json" --hf-repo 'no repo'
check "a malformed --hf-repo: exit 2" [ "$rc" = 2 ]
run "$PROG" catalog import-model "$hf/gemma-2-9b-it"
check "a folder without a repository: stored" [ "$rc" = 0 ]
run "$PROG" plan --model gemma-2-9b-it --gpu l40s --qps 1 --input-len 1000 --output-len 200 \
	--ttft-p99 3 --tpot-p99 0.2 --engine vllm --top 1 --simulate 0 --out "$tmp/gem.json"
run "$PROG" generate docker --plan "$tmp/gem.json"
check "... its files cannot be generated: exit 2" [ "$rc" = 2 ]
check "... saying what is missing" has "$err" "names no repository"

# a model planned from files, not imported: generate says how
run "$PROG" plan --model "$hf/microsoft--phi-4.config.json" --gpu l40s --qps 1 --input-len 1000 \
	--output-len 200 --ttft-p99 3 --tpot-p99 0.2 --engine vllm --top 1 --simulate 0 --out "$tmp/raw.json"
check "plan --model PATH: exit 0" [ "$rc" = 0 ]
run "$PROG" generate k8s --plan "$tmp/raw.json"
check "... generate refuses it, exit 2" [ "$rc" = 2 ]
check "... and says to import it" has "$err" "import-model"

# a GGUF file's header, written here (tests/tools/write-gguf.py): a
# two-layer Llama in Q4_K_M's mix whose tensors hold 1,107,152 bytes
# (worked in tests/unit/t_gguf.c), estimated on llama.cpp, the engine of
# GGUF files, unless another is named.  llama.cpp keeps the input
# embedding on the host: an untied one at the file's base type, Q4_K here
# (256 x 1000 weights, 1000 blocks of 144 bytes = 144,000 bytes), so the
# GPU's weights are 1,107,152 - 144,000 = 963,152 bytes
python3 - "$tmp/mini.json" <<'PY'
import json, sys
kv = [["general.architecture", 8, "llama"], ["general.name", 8, "Mini Llama"], ["general.file_type", 4, 15],
      ["llama.block_count", 4, 2], ["llama.embedding_length", 4, 256], ["llama.feed_forward_length", 4, 512],
      ["llama.attention.head_count", 4, 4], ["llama.attention.head_count_kv", 4, 2],
      ["llama.context_length", 4, 8192], ["tokenizer.ggml.tokens", 9, [8, ["t%d" % i for i in range(1000)]]]]
Q4K, Q6K, F32 = 12, 14, 0
t = [["token_embd.weight", [256, 1000], Q4K], ["output.weight", [256, 1000], Q6K], ["output_norm.weight", [256], F32]]
for l in range(2):
    b = "blk.%d." % l
    t += [[b + "attn_norm.weight", [256], F32], [b + "attn_q.weight", [256, 256], Q4K],
          [b + "attn_k.weight", [256, 128], Q4K], [b + "attn_v.weight", [256, 128], Q6K],
          [b + "attn_output.weight", [256, 256], Q4K], [b + "ffn_norm.weight", [256], F32],
          [b + "ffn_gate.weight", [256, 512], Q4K], [b + "ffn_up.weight", [256, 512], Q4K],
          [b + "ffn_down.weight", [512, 256], Q6K]]
json.dump({"kv": kv, "tensors": t}, open(sys.argv[1], "w"))
PY
python3 "$TOP_SRCDIR/tests/tools/write-gguf.py" "$tmp/Mini-Q4_K_M.gguf" "$tmp/mini.json"
run "$PROG" estimate --model "$tmp/Mini-Q4_K_M.gguf" --gpu rtx-4090 --json
check "a GGUF file: estimate exits 0" [ "$rc" = 0 ]
check "... its exact bytes less the embedding on the host, in its format, on llama.cpp" python3 -c '
import json, sys
e = json.loads(sys.argv[1])
assert e["memory"]["weights_bytes"] == 963152, e["memory"]["weights_bytes"]
assert e["precision"] == "gguf-q4_k_m" and e["engine"].startswith("llama-cpp@"), (e["precision"], e["engine"])' "$out"
cp "$tmp/out" "$tmp/from-file.json"
run "$PROG" catalog import-model "$tmp/Mini-Q4_K_M.gguf" --id mini-gguf
check "import-model of a GGUF file: exit 0" [ "$rc" = 0 ]
check "... stored in its format" has "$out" "gguf-q4_k_m"
run "$PROG" estimate --model mini-gguf --gpu rtx-4090 --json
check "... and estimated by id as from the file, to the byte" python3 -c '
import json, sys
a, b = json.load(open(sys.argv[1])), json.loads(sys.argv[2])
for k in ("weights_bytes", "kv_cache_bytes", "total_per_gpu_bytes"):
    assert a["memory"][k] == b["memory"][k], (k, a["memory"][k], b["memory"][k])
assert a["precision"] == b["precision"] and a["engine"] == b["engine"]
assert a["latency"]["tpot_s"] == b["latency"]["tpot_s"]' "$tmp/from-file.json" "$out"
# an overlay of version 9, whose model table refused a GGUF format, with
# a model of its own: upgraded on the import's write, the row kept
python3 - "$RIGPLAN_SCHEMA" "$tmp/old-schema.sql" <<'PY'
import sys
s = open(sys.argv[1]).read()
new = "CHECK (native_dtype IN ('bf16', 'fp16', 'fp8', 'mxfp4') OR\n                                    native_dtype GLOB 'gguf-[a-z0-9_]*'),"
assert new in s
open(sys.argv[2], "w").write(s.replace(new, "CHECK (native_dtype IN ('bf16', 'fp16', 'fp8', 'mxfp4')),"))
PY
sqlite3 "$tmp/old.db" <"$tmp/old-schema.sql"
sqlite3 "$tmp/old.db" "PRAGMA user_version = 9; ATTACH '$RIGPLAN_CATALOG' AS s;
  CREATE TEMP TABLE t AS SELECT * FROM s.model WHERE id = 'llama-3.1-8b';
  UPDATE t SET id = 'my-old-llama'; INSERT INTO model SELECT * FROM t;"
RIGPLAN_USER_DB="$tmp/old.db" run "$PROG" catalog import-model "$tmp/Mini-Q4_K_M.gguf" --id mini-in-old
check "a version-9 overlay takes a GGUF model: exit 0" [ "$rc" = 0 ]
check "... upgraded to version $schema_version" [ "$(sqlite3 "$tmp/old.db" 'PRAGMA user_version')" = "$schema_version" ]
check "... its own model kept" [ "$(sqlite3 "$tmp/old.db" "SELECT count(*) FROM model WHERE id IN ('my-old-llama', 'mini-in-old')")" = 2 ]
# an overlay of version 10, before efficiency.dequant_ops and Apple's
# GPUs, holding a calibrated efficiency row: the new column is added on
# the next write and the row moves over with it, its value NULL
python3 - "$RIGPLAN_SCHEMA" "$tmp/v10-schema.sql" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
col = re.search(r",\n(  -- ALU operations per weight.*?\n)*  dequant_ops REAL[^\n]*\n", s, re.S)
assert col, "dequant_ops"
s = s[:col.start()] + "\n" + s[col.end():]
assert "'nvidia', 'amd', 'intel', 'apple'" in s
s = s.replace("'nvidia', 'amd', 'intel', 'apple'", "'nvidia', 'amd', 'intel'")
open(sys.argv[2], "w").write(s)
PY
sqlite3 "$tmp/v10.db" <"$tmp/v10-schema.sql"
sqlite3 "$tmp/v10.db" "PRAGMA user_version = 10; ATTACH '$RIGPLAN_CATALOG' AS s;
  INSERT INTO efficiency SELECT id, name, 'gpu', bw, kernel_s, layer_s, step_s, launch_layer_s,
    0.55, gemm_fp8, attn_prefill, roofline_p, power_mem, power_comp, thermal_r_k_per_w,
    thermal_tau_s, temp_slowdown_c, context_bytes, err_decode_lo, err_decode_hi, err_prefill_lo,
    err_prefill_hi, source, as_of FROM s.efficiency WHERE id = 'h100-sxm';"
check "a version-10 overlay has no dequant_ops" [ "$(sqlite3 "$tmp/v10.db" "SELECT count(*) FROM pragma_table_info('efficiency') WHERE name = 'dequant_ops'")" = 0 ]
RIGPLAN_USER_DB="$tmp/v10.db" run "$PROG" catalog import-model "$tmp/Mini-Q4_K_M.gguf" --id mini-in-v10
check "... takes a write: exit 0" [ "$rc" = 0 ]
check "... upgraded to version $schema_version, the column added" [ "$(sqlite3 "$tmp/v10.db" "PRAGMA user_version; SELECT count(*) FROM pragma_table_info('efficiency') WHERE name = 'dequant_ops'" | tr '\n' ' ')" = "$schema_version 1 " ]
check "... its calibrated row kept, dequant_ops NULL" [ "$(sqlite3 "$tmp/v10.db" "SELECT gemm, dequant_ops IS NULL FROM efficiency WHERE id = 'h100-sxm'")" = "0.55|1" ]
RIGPLAN_USER_DB="$tmp/v10.db" run "$PROG" estimate --model llama-3.1-8b --gpu h100-sxm --json
check "... and estimates read it" [ "$(printf '%s' "$out" | jq -r .efficiency_source)" = h100-sxm ]
head -c 200 "$tmp/Mini-Q4_K_M.gguf" >"$tmp/cut.gguf"
run "$PROG" estimate --model "$tmp/cut.gguf" --gpu rtx-4090
check "a truncated GGUF file: exit 3" [ "$rc" = 3 ]
check "... one line naming where it ends" sh -c 'case "$1" in *truncated*) [ "$(printf "%s
" "$1" | wc -l)" = 1 ];; *) exit 1;; esac' - "$err"

# a GPU the catalog lacks, from the fields 'catalog show --json' prints:
# an RTX 4090's entry edited into a 12 GB card of 504 GB/s and 200 W
run "$PROG" catalog show gpu rtx-4090 --json
printf '%s' "$out" | python3 -c '
import json, sys
g = json.load(sys.stdin)
g.update(id="my-card", name="My 12 GB card", memory_bytes=12 * 2**30,
         memory_bandwidth_bytes_per_s=504e9, tdp_w=200, slot_width=2, target="8.9")
json.dump(g, open(sys.argv[1], "w"))' "$tmp/card.json"
run "$PROG" catalog add gpu "$tmp/card.json"
check "catalog add gpu: exit 0" [ "$rc" = 0 ]
run "$PROG" estimate --model llama-3.1-8b --gpu my-card --precision fp8 --json
check "... the card estimates with its own memory" python3 -c '
import json, sys
e = json.loads(sys.argv[1])
assert e["memory"]["gpu_capacity_bytes"] == 12 * 2**30, e["memory"]' "$out"
cp "$RIGPLAN_USER_DB" "$tmp/before-add.db"
run "$PROG" catalog add gpu "$tmp/card.json"
check "the same card again: exit 2" [ "$rc" = 2 ]
python3 -c 'import json, sys; g = json.load(open(sys.argv[1])); g.update(id="card2", tdp_w="hot"); json.dump(g, open(sys.argv[2], "w"))' \
	"$tmp/card.json" "$tmp/card2.json"
run "$PROG" catalog add gpu "$tmp/card2.json"
check "a value of the wrong type: exit 3 naming the field" sh -c '[ "$1" = 3 ] && case "$2" in *gpu.tdp_w*) ;; *) exit 1;; esac' - "$rc" "$err"
python3 -c 'import json, sys; g = json.load(open(sys.argv[1])); g.update(id="card3", memory_bytes=-1); json.dump(g, open(sys.argv[2], "w"))' \
	"$tmp/card.json" "$tmp/card3.json"
run "$PROG" catalog add gpu "$tmp/card3.json"
check "a value the schema refuses: exit 3" [ "$rc" = 3 ]
python3 -c 'import json, sys; g = json.load(open(sys.argv[1])); g.update(id="card4"); del g["target"]; json.dump(g, open(sys.argv[2], "w"))' \
	"$tmp/card.json" "$tmp/card4.json"
run "$PROG" catalog add gpu "$tmp/card4.json"
check "a GPU without its compute target: exit 3 saying why it is needed" sh -c '[ "$1" = 3 ] && case "$2" in *"compute capability"*) ;; *) exit 1;; esac' - "$rc" "$err"
printf '{"id": "x", "speed": 1}' >"$tmp/ssd.json"
run "$PROG" catalog add ssd "$tmp/ssd.json"
check "a key that is no field: exit 3 naming it" sh -c '[ "$1" = 3 ] && case "$2" in *"speed"*) ;; *) exit 1;; esac' - "$rc" "$err"
run "$PROG" catalog add engine "$tmp/ssd.json"
check "engines cannot be added: exit 2" [ "$rc" = 2 ]
check "... and none of these wrote anything" cmp -s "$RIGPLAN_USER_DB" "$tmp/before-add.db"

# bad files: exit 3, one line, the overlay untouched
cp "$RIGPLAN_USER_DB" "$tmp/before.db"
printf '{"model_type": "mamba", "architectures": ["MambaForCausalLM"]}' >"$tmp/mamba.json"
run "$PROG" catalog import-model "$tmp/mamba.json"
check "an architecture rigplan does not understand: exit 3" [ "$rc" = 3 ]
check "... naming its model_type" has "$err" "model_type 'mamba'"
check "... on one line" [ "$(printf '%s\n' "$err" | wc -l)" = 1 ]
printf '{"model_type": "llama", "architectures": ["LlamaForCausalLM"], "hidden_size": 4096}' >"$tmp/part.json"
run "$PROG" estimate --model "$tmp/part.json" --gpu l40s
check "a config missing a field: exit 3" [ "$rc" = 3 ]
check "... naming the field" has "$err" "num_hidden_layers: missing"
head -c 300 "$hf/deepseek-ai--DeepSeek-V3.config.json" >"$tmp/trunc.json"
run "$PROG" catalog import-model "$tmp/trunc.json"
check "a truncated file: exit 3" [ "$rc" = 3 ]
mkdir -p "$tmp/empty"
run "$PROG" catalog import-model "$tmp/empty"
check "a folder without config.json: exit 1" [ "$rc" = 1 ]
check "... the overlay untouched by all of them" cmp -s "$RIGPLAN_USER_DB" "$tmp/before.db"
done_testing
