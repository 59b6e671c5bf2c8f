# Hostile input, table-driven: every command gets malformed, malicious or
# out-of-range input.  Each must exit with its documented status (2 bad
# usage or value, 3 malformed file, 1 a file that cannot be read), say what
# was wrong in one line on stderr, print nothing on stdout, finish within
# 20 s and 1 GiB of address space, and write nothing anywhere.
. "$TOP_SRCDIR/tests/cli/lib.sh"
fx="$TOP_SRCDIR/tests/fixtures"
export RIGPLAN_USER_DB="$tmp/user.db"
work="$tmp/work"; mkdir "$work"
# sanitizer and valgrind builds reserve far more address space than they use
limit=1048576
( ulimit -v $limit && "$PROG" --version ) >/dev/null 2>&1 || { limit=unlimited; echo "# no memory limit: this build cannot run under one"; }

# files to feed
head -c 4096 /dev/urandom >"$tmp/binary"
: >"$tmp/empty"
printf '{"candidates": [' >"$tmp/truncated.json"
printf '[1, 2, 3]\n' >"$tmp/array.json"
sed 's/"tp": [0-9]*/"tp": 1e99/' "$fx/plan/autoglm-consumer.json" >"$tmp/huge-tp.json"
printf 'TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46,nan,5\n' >"$tmp/nan-trace.csv"
printf 'TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46,100,5\ngarbage\n' >"$tmp/junk-trace.csv"
mkdir "$tmp/badrec"; printf '{"format": "rigplan-calibration-1", "gpu": 5}' >"$tmp/badrec/calibration.json"
# plan files whose names are not the catalog's (the generators once
# crashed on an engine they did not know)
plan_with() {  # NAME SED-SCRIPT: the committed consumer plan, edited
	sed "$2" "$fx/plan/autoglm-consumer.json" >"$tmp/$1.json"
}
plan_with engine-foo 's/"engine": "tgi"/"engine": "foo"/'
plan_with engine-upper 's/"engine": "tgi"/"engine": "VLLM"/'
plan_with engine-empty 's/"engine": "tgi"/"engine": ""/'
plan_with engine-vllm2 's/"engine": "tgi"/"engine": "vllm2"/'
plan_with engine-newline 's/"engine": "tgi"/"engine": "tgi\\nrm -rf \/"/'
plan_with model-unknown 's/"model": "autoglm-phone-9b"/"model": "no-such-model"/'
plan_with gpu-unknown 's/"gpu": "rtx-5060-ti-16gb"/"gpu": "rtx-9090"/'
plan_with precision-not-loaded 's/"precision": "fp8"/"precision": "gguf-q4_k_m"/'
plan_with kv-not-kept 's/"kv_precision": "bf16"/"kv_precision": "q8_0"/'
plan_with llama-cpp-bf16 's/"engine": "tgi"/"engine": "llama-cpp"/; s/"precision": "fp8"/"precision": "bf16"/'
plan_with chassis-unknown 's/"chassis": "corsair-7000d-airflow"/"chassis": "no-such-case"/'
plan_with part-unknown 's/"id": "corsair-rm850x"/"id": "no-such-psu"/'
# a line without end, for the line bound (/dev/zero gives NULs)
head -c 100000 /dev/zero | tr '\0' 1 >"$tmp/long-line.csv"

E="--model llama-3.1-8b --gpu h100-sxm"
P="--model llama-3.1-8b --qps 1 --input-len 512 --output-len 128 --ttft-p99 1 --tpot-p99 0.1"
while IFS='|' read -r status args; do
	case $status in ''|'#'*) continue ;; esac
	eval "set -- $args"
	set +e
	( ulimit -v $limit; cd "$work" && exec timeout 20 "$PROG" "$@" ) >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	err=$(cat "$tmp/err")
	check "$args: exits $status" [ "$rc" = "$status" ]
	check "... one line on stderr" [ "$(wc -l <"$tmp/err")" = 1 ]
	check "... naming the error" has "$err" "rigplan: error: "
	check "... nothing on stdout" [ ! -s "$tmp/out" ]
done <<EOF_TABLE
# unknown names, with SQL in them
2|estimate --model "x'; DROP TABLE model; --" --gpu h100-sxm
2|estimate --model llama-3.1-8b --gpu "h100' OR '1'='1"
2|estimate $E --engine "vllm\"; --"
2|catalog show gpu "'; DROP TABLE gpu; --"
2|catalog show nonsense h100
2|validate --gpu "%' --"
2|plan $P --gpu "h100-sxm,' OR 1=1 --"
# numbers: NaN, infinities, negatives, zero, overflow, trailing junk
2|estimate $E --batch nan
2|estimate $E --batch inf
2|estimate $E --batch -1
2|estimate $E --batch 0
2|estimate $E --batch 1e99
2|estimate $E --batch 12x
2|estimate $E --context 99999999999999999999
2|estimate $E --gpus 0x10
2|estimate $E --power-limit -700
2|estimate $E --ram lots
2|estimate $E --ram 12PiB
2|plan $P --ram -1GiB
2|simulate $E --qps nan
2|simulate $E --qps -5
2|simulate $E --qps 0
2|simulate $E --qps 1 --input-len lognormal:abc:1
2|simulate $E --qps 1 --requests 1e30
2|capacity $E --ttft-p99 inf --tpot-p99 0.1
2|plan $P --budget -5
2|plan $P --budget nan
2|plan --model llama-3.1-8b --qps 1e400 --input-len 512 --output-len 128 --ttft-p99 1 --tpot-p99 0.1
2|calibrate --device -1
2|calibrate --device 1e9
# malformed, malicious and wrong files
3|catalog import-nvsmi $fx/nvsmi/bomb.xml
3|catalog import-nvsmi $fx/nvsmi/external-entity.xml
3|catalog import-nvsmi $fx/nvsmi/undeclared-entity.xml
3|catalog import-nvsmi $fx/nvsmi/truncated.xml
3|catalog import-nvsmi $fx/nvsmi/wrong-root.xml
3|catalog import-nvsmi $fx/nvsmi/binary.xml
3|catalog import-nvsmi $fx/nvsmi/empty.xml
3|catalog import-nvsmi $tmp/binary
1|catalog import-nvsmi $tmp/no-such-file.xml
3|plan $P --owned $fx/nvsmi/bomb.xml
3|simulate $E --qps 1 --trace $tmp/binary
3|simulate $E --qps 1 --trace $tmp/empty
3|simulate $E --qps 1 --trace $tmp/nan-trace.csv
3|simulate $E --qps 1 --trace $tmp/junk-trace.csv
3|plan $P --trace $tmp/junk-trace.csv
3|plan $P --trace $tmp/nan-trace.csv
3|generate docker --plan $tmp/truncated.json
3|generate docker --plan $tmp/array.json
3|generate docker --plan $tmp/binary
3|generate k8s --plan $tmp/empty
3|generate bom --plan $tmp/huge-tp.json
3|calibrate --replay $tmp/badrec --no-store
# plan files naming rows the catalog has not: refused before any generator
2|generate docker --plan $tmp/engine-foo.json
2|generate compose --plan $tmp/engine-upper.json
2|generate k8s --plan $tmp/engine-empty.json
2|generate docker --plan $tmp/engine-vllm2.json
2|generate k8s --plan $tmp/engine-newline.json
2|generate bom --plan $tmp/engine-foo.json
2|generate compose --plan $tmp/model-unknown.json
2|generate docker --plan $tmp/gpu-unknown.json
2|generate k8s --plan $tmp/precision-not-loaded.json
2|generate docker --plan $tmp/kv-not-kept.json
2|generate docker --plan $tmp/llama-cpp-bf16.json
2|generate bom --plan $tmp/chassis-unknown.json
2|generate bom --format md --plan $tmp/part-unknown.json
# endless input: cut at the first NUL, the line bound, the size bound
3|simulate $E --qps 1 --trace /dev/zero
3|plan $P --trace /dev/zero
3|simulate $E --qps 1 --input-len empirical:/dev/zero:1
3|simulate $E --qps 1 --output-len empirical:/dev/zero:GeneratedTokens
3|simulate $E --qps 1 --trace $tmp/long-line.csv
3|capacity $E --ttft-p99 1 --tpot-p99 0.1 --input-len empirical:$tmp/long-line.csv:1
EOF_TABLE
check "nothing was written in the working directory" [ -z "$(ls -A "$work")" ]
check "no user catalog was created" [ ! -e "$RIGPLAN_USER_DB" ]

# --- Endless input is cut off by its cause, within the table's limits: a
# NUL at once, a line without end at 4096 bytes.  (getline once grew its
# buffer until memory ran out, and the failed read then passed for the
# end of an empty file.)  A trace is read twice, so a pipe is refused
# rather than replayed as no requests.
endless() {  # WORDS ARGS...: exit 3 naming the cause
	want=$1; shift
	set +e
	( ulimit -v $limit; exec timeout 20 "$PROG" "$@" ) >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	err=$(cat "$tmp/err")
	check "$*: exits 3 saying '$want'" exited_with 3 "$err" "$want"
}
exited_with() { [ "$rc" = "$1" ] && has "$2" "$3"; }  # STATUS TEXT WORDS
endless "/dev/zero:1: a NUL byte" simulate $E --qps 1 --trace /dev/zero
endless "/dev/zero:1: a NUL byte" simulate $E --qps 1 --input-len empirical:/dev/zero:1
endless "/dev/zero:1: a NUL byte" plan $P --trace /dev/zero
mkfifo "$tmp/endless"
for len in input output; do
	timeout 30 sh -c 'tr "\0" 7 </dev/zero >"$1"' sh "$tmp/endless" 2>/dev/null &
	endless "endless:1: line longer than 4096 characters" simulate $E --qps 1 --$len-len "empirical:$tmp/endless:1"
	wait $! || :
done
set +e
printf 'TIMESTAMP,ContextTokens,GeneratedTokens\n0,100,10\n1,100,10\n' | "$PROG" simulate $E --trace /dev/stdin >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
check "a trace from a pipe: exits 2, saying why" exited_with 2 "$(cat "$tmp/err")" "cannot be read twice"
check "... and prints no result" [ ! -s "$tmp/out" ]

# --- The user catalog survives a writer killed mid-write, and an overlay
# from an older rigplan (schema 2, without the measurement tables) is
# upgraded in place with its rows kept.
export RIGPLAN_USER_DB="$tmp/kill.db"
"$PROG" catalog set-price gpu l4 2000 --source first >/dev/null
# The writers carry a source no other test's command line has, so that
# killing them by name cannot hit a test running beside this one.
mark="t010-killed-writer-$$"
( i=0; while [ $i -lt 200 ]; do "$PROG" catalog set-price gpu l4 $((2000 + i)) --source "$mark" >/dev/null 2>&1; i=$((i + 1)); done ) &
loop=$!
sleep 0.3
kill -9 $loop 2>/dev/null || true
pkill -9 -f -- "--source $mark" 2>/dev/null || true
wait $loop 2>/dev/null || true
check "killed writers leave the database intact" [ "$(sqlite3 "$RIGPLAN_USER_DB" 'PRAGMA integrity_check')" = ok ]
run "$PROG" catalog show gpu l4 --json
check "... and readable, with one of the prices" has "$out" '"price_usd": 2'
export RIGPLAN_USER_DB="$tmp/old.db"
sed -n '/^CREATE TABLE measurement/,$!p' "$RIGPLAN_SCHEMA" | sqlite3 "$RIGPLAN_USER_DB"
sqlite3 "$RIGPLAN_USER_DB" "PRAGMA user_version = 2"
"$PROG" catalog set-price gpu l4 1999 --source "old overlay" >/dev/null
check "an older overlay is upgraded on write" [ "$(sqlite3 "$RIGPLAN_USER_DB" 'PRAGMA user_version')" = 3 ]
check "... gaining the new tables" [ "$(sqlite3 "$RIGPLAN_USER_DB" "SELECT count(*) FROM sqlite_master WHERE name IN ('measurement', 'calibration')")" = 2 ]
run "$PROG" catalog show gpu l4 --json
check "... keeping its rows" has "$out" "old overlay"
done_testing
