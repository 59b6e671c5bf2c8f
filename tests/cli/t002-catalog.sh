# catalog list and show: every kind, every output format, bad input.
. "$TOP_SRCDIR/tests/cli/lib.sh"
json_ok() { python3 -c 'import json,sys; json.load(sys.stdin)' <"$tmp/out" 2>/dev/null || ! command -v python3 >/dev/null; }
for k in gpus models ssds psus chassis cpus memory engines; do
  run "$PROG" catalog list "$k"
  check "list $k exits 0" [ "$rc" = 0 ]
  run "$PROG" catalog list "$k" --json
  check "list $k --json is valid JSON" json_ok
  run "$PROG" catalog list "$k" --csv
  check "list $k --csv has a header with id first" has "$(echo "$out" | head -1)" "id,"
done
run "$PROG" catalog list gpus --json
check "json array has h100-sxm" has "$out" '"id": "h100-sxm"'
run "$PROG" catalog show gpu h100-sxm --json
for f in id name vendor memory_bytes memory_bandwidth_bytes_per_s bf16_dense_flops fp8_dense_flops \
         int8_dense_ops fp32_flops tdp_w price_usd source as_of; do
  check "show gpu --json has $f" has "$out" "\"$f\":"
done
check "memory_bytes is 80 GiB" has "$out" '"memory_bytes": 85899345920'
run "$PROG" catalog show gpu a100-sxm-80gb --json
check "fp8 is null where unsupported" has "$out" '"fp8_dense_flops": null'
run "$PROG" catalog show gpu "NVIDIA H100 80GB HBM3"
check "alias resolves" has "$out" "h100-sxm"
check "a full product name gives no note" [ -z "$err" ]
# A short alias that several parts' names begin with: kept, with a note
# that names the part taken and the others, once, on stderr.
run "$PROG" catalog show gpu H100
check "H100 still shows h100-sxm" has "$out" "h100-sxm"
check "... with one note line" [ "$err" = "rigplan: note: gpu 'H100' is taken as h100-sxm; it could also be h100-nvl, h100-pcie (give the id to choose)" ]
run "$PROG" estimate --model llama-3.1-8b --gpu a100 --json
check "estimate --gpu a100 exits 0" [ "$rc" = 0 ]
check "... noting the other A100s" has "$err" "rigplan: note: gpu 'a100' is taken as a100-sxm-80gb; it could also be a100-pcie-40gb, a100-pcie-80gb, a100-sxm-40gb"
run "$PROG" plan --model llama-3.1-8b --qps 1 --input-len 512 --output-len 128 --ttft-p99 1 --tpot-p99 0.1 --gpu H200,h200-nvl --top 1
check "plan --gpu H200 notes it once" [ "$(printf '%s\n' "$err" | grep -c "note: gpu 'H200' is taken as h200-sxm")" = 1 ]
run "$PROG" catalog show gpu h100-pcie
check "an id gives no note" [ -z "$err" ]
# A name that no row is but several begin with is refused with them.
run "$PROG" estimate --model llama-3.1-8b --gpu "A100 PCIe"
check "'A100 PCIe' exits 2" [ "$rc" = 2 ]
check "... listing the candidates" has "$err" "ambiguous gpu 'A100 PCIe': it could be a100-pcie-40gb, a100-pcie-80gb"
run "$PROG" catalog show gpu "geforce rtx 4090"
check "loose name resolves" has "$out" "rtx-4090"
run "$PROG" catalog show gpu h1000
check "unknown id exits 2" [ "$rc" = 2 ]
check "unknown id lists nearest" has "$err" "nearest: h100"
run "$PROG" catalog show gpu "x'; DROP TABLE gpu; --"
check "SQL metacharacters exit 2" [ "$rc" = 2 ]
run "$PROG" catalog list gpus
check "catalog intact after hostile name" has "$out" "h100-sxm"
run "$PROG" catalog list toasters
check "unknown kind exits 2" [ "$rc" = 2 ]
# The help names exactly the kinds list takes: every kind in it lists, and
# the kinds the refusal expects are the same ones.
taken=$(printf '%s' "$err" | sed 's/.*expected //; s/ (see.*//; s/,//g; s/ or / /')
run "$PROG" catalog list --help
named=$(printf '%s\n' "$out" | sed -n '/^KIND is one of/,/)\.$/p' | tr '\n' ' ' |
	sed 's/.*one of //; s/ (or the singular.*//; s/,//g; s/ or / /')
check "list --help names every kind list takes ($taken)" [ -n "$named" -a "$named" = "$taken" ]
for k in $named; do
  run "$PROG" catalog list "$k" --csv
  check "list $k (named by --help) exits 0" [ "$rc" = 0 ]
done
run "$PROG" catalog show gpu
check "missing operand exits 2" [ "$rc" = 2 ]
run "$PROG" catalog list gpus extra
check "extra operand exits 2" [ "$rc" = 2 ]
run "$PROG" catalog list gpus --json --csv
check "--json with --csv exits 2" [ "$rc" = 2 ]
run "$PROG" catalog show model autoglm
check "Open-AutoGLM model by alias" has "$out" "autoglm-phone-9b"
done_testing
