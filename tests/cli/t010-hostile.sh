# Hostile input, table-driven: every command gets malformed, malicious or
# out-of-range input.  Each must exit with its documented status (2 bad
# usage or value, 3 malformed file, 1 a file that cannot be read), say what
# was wrong in one line on stderr, print nothing on stdout, finish within
# 20 s and 1 GiB of address space, and write nothing anywhere.
. "$TOP_SRCDIR/tests/cli/lib.sh"
# the schema version this rigplan writes (data/schema.sql)
schema_version=$(sed -n 's/^PRAGMA user_version = \([0-9]*\);$/\1/p' "$TOP_SRCDIR/data/schema.sql")
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
# a good record whose samples archive is noise
mkdir "$tmp/badarch"; cp "$TOP_SRCDIR/tests/data/calibration/h100-sxm/calibration.json" "$tmp/badarch/"
head -c 4096 /dev/urandom >"$tmp/badarch/nvsmi.tar.xz"
# terminal escapes in names and files: every message prints them as \xNN
esc=$(printf '\033'); bel=$(printf '\007'); cr=$(printf '\r'); c1=$(printf '\302\233'); raw=$(printf '\233')
nl=$(printf '\nx'); nl=${nl%x}
printf 'TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46,1%s[2J00,5\n' "$esc" >"$tmp/esc-trace.csv"
# plan files whose names are not the catalog's (the generators once
# crashed on an engine they did not know)
plan_with() {  # NAME SED-SCRIPT: the committed consumer plan, edited
	sed "$2" "$fx/plan/autoglm-consumer.json" >"$tmp/$1.json"
}
plan_with engine-foo 's/"engine": "vllm"/"engine": "foo"/'
plan_with engine-upper 's/"engine": "vllm"/"engine": "VLLM"/'
plan_with engine-empty 's/"engine": "vllm"/"engine": ""/'
plan_with engine-vllm2 's/"engine": "vllm"/"engine": "vllm2"/'
plan_with engine-newline 's/"engine": "vllm"/"engine": "vllm\\nrm -rf \/"/'
plan_with engine-version 's/"engine_version": "[^"]*"/"engine_version": "0.0.1"/'
plan_with engine-image 's/"engine_image": "[^"]*"/"engine_image": "vllm\/vllm-openai:latest"/'
plan_with model-unknown 's/"model": "autoglm-phone-9b"/"model": "no-such-model"/'
plan_with gpu-unknown 's/"gpu": "rtx-5060-ti-16gb"/"gpu": "rtx-9090"/'
plan_with precision-not-loaded 's/"precision": "fp8"/"precision": "gguf-q4_k_m"/'
plan_with kv-not-kept 's/"kv_precision": "bf16"/"kv_precision": "q8_0"/'
plan_with llama-cpp-bf16 's/"engine": "vllm"/"engine": "llama-cpp"/; s/"engine_version": "[^"]*"/"engine_version": "b10573"/'
plan_with chassis-unknown 's/"chassis": "[^"]*"/"chassis": "no-such-case"/'
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
	label=$(printf '%s' "$args" | LC_ALL=C tr '\000-\037\177-\377' '?')
	check "$label: exits $status" [ "$rc" = "$status" ]
	check "... one line on stderr" [ "$(wc -l <"$tmp/err")" = 1 ]
	check "... naming the error" has "$err" "rigplan: error: "
	check "... nothing on stdout" [ ! -s "$tmp/out" ]
	check "... and no control bytes" sh -c '! tr -d "\n" <"$1" | LC_ALL=C grep -q "[[:cntrl:]]"' _ "$tmp/err"
done <<EOF_TABLE
# unknown names, with SQL in them
2|estimate --model "x'; DROP TABLE model; --" --gpu h100-sxm
2|estimate --model llama-3.1-8b --gpu "h100' OR '1'='1"
2|estimate $E --engine "vllm\"; --"
2|catalog show gpu "'; DROP TABLE gpu; --"
2|catalog show nonsense h100
2|validate --gpu "%' --"
2|plan $P --gpu "h100-sxm,' OR 1=1 --"
# terminal escapes (ESC, BEL, CR, a C1 CSI, a lone 0x9b) and newlines in names and files
2|estimate --model "x${esc}[2J${esc}]0;pwned${bel}" --gpu h100-sxm
2|catalog show gpu "h100${cr}${c1}31m${raw}"
2|estimate --model llama-3.1-8b --gpu "two\${nl}lines"
2|estimate $E --engine "${esc}[31mvllm"
1|plan $P --owned "no${esc}[8msuch.xml"
3|simulate $E --qps 1 --trace $tmp/esc-trace.csv
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
2|estimate $E --power-limit 1
2|estimate --model llama-3.1-8b --gpu t4
2|estimate $E --psu-redundancy 3n
2|estimate $E --psu-redundancy "n+1 "
2|plan $P --psu-redundancy n+3
2|capacity $E --ttft-p99 1 --tpot-p99 0.1 --psu-redundancy 1+1
# redundant PSUs are a server's: a desktop host's ATX PSUs share no load
2|estimate --model llama-3.1-8b --gpu rtx-4090 --psu-redundancy n+1
2|estimate --model llama-3.1-8b --gpu rtx-5090 --psu-redundancy 2N
2|capacity --model llama-3.1-8b --gpu rtx-4090 --ttft-p99 1 --tpot-p99 0.1 --psu-redundancy n+2
2|simulate --model llama-3.1-8b --gpu rtx-3090 --qps 1 --psu-redundancy n+n
# ... and more of them than a tower mounts
2|estimate --model llama-3.1-8b --gpu rtx-5090 --gpus 4
# an edge module is a whole system: no model split across modules, no PSUs
2|estimate --model llama-3.2-1b --gpu jetson-orin-nano-8gb --gpus 4
2|estimate --model llama-3.2-1b --gpu jetson-agx-orin-64gb --tp 2
2|estimate --model llama-3.2-1b --gpu jetson-agx-orin-64gb --gpus 2 --pp 2
2|simulate --model llama-3.2-1b --gpu jetson-orin-nano-8gb --gpus 2 --qps 1
2|estimate --model llama-3.2-1b --gpu jetson-orin-nano-8gb --psu-redundancy n+1
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
2|catalog set-price gpu l4 100 --source s --date 2025-02-30
2|catalog set-price gpu l4 100 --source s --date 2023-02-29
2|catalog set-price gpu l4 100 --source s --date 2024-13-01
2|catalog set-price gpu l4 100 --source s --date 2024-00-10
2|catalog set-price gpu l4 100 --source s --kind wholesale
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
2|catalog import-nvsmi $TOP_SRCDIR/tests/data/nvsmi/h100-sxm.xml --save
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
2|generate compose --plan $tmp/engine-version.json
2|generate k8s --plan $tmp/engine-image.json
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
# output paths that cannot be a file
2|simulate $E --qps 1 --requests 10 --svg $tmp
2|simulate $E --qps 1 --requests 10 --timeline $tmp/
2|plan $P --gpu l4 --out $tmp
2|report --plan $fx/plan/autoglm-consumer.json --out $tmp
2|generate docker --plan $fx/plan/autoglm-consumer.json --out $tmp/binary
3|calibrate --replay $tmp/badarch --no-store
EOF_TABLE
# --- Reports whose JSON has nulls (nothing completed, no price, no
# prefill, a GPU that never throttles): the text says "-" there, never
# "nan" or "inf".
while IFS='|' read -r args; do
	case $args in ''|'#'*) continue ;; esac
	eval "set -- $args"
	run "$PROG" "$@"
	check "$args: exits 0" [ "$rc" = 0 ]
	check "... prints no nan or inf" sh -c '! printf "%s" "$1" | grep -qiwE -- "-?(nan|inf)"' _ "$out"
	run "$PROG" "$@" --json
	check "... and its JSON has a null" has "$out" ": null"
done <<EOF_NULLS
simulate $E --qps 1 --requests 5 --input-len 200000
simulate $E --qps 1 --requests 5 --input-len 200000 --ttft-slo 1 --tpot-slo 0.1
estimate --model llama-3.1-8b --gpu a10
estimate $E --context 100
estimate $E --batch 10000 --context 100000
EOF_NULLS
run "$PROG" simulate $E --qps 1 --requests 5 --input-len 200000
check "energy with nothing completed is -" has "$out" "energy                 - J per request"

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

# --- Output paths.  Every option that writes a file (plan --out and --svg,
# simulate --svg and --timeline, capacity --svg, report --out, generate
# --out DIR) is pointed at a new file, a file with its own mode, a
# symbolic link, a FIFO with a reader, character devices made here (a
# null and a full one), /dev/stdout and /dev/full, and a directory; what
# is left there afterwards must be what was there: a file replaced whole
# with its mode kept (a new one 0644, generate's shell script 0755), the
# link still a link with its target written, the FIFO and the devices
# still what they were, written in place ("no space left" with exit 1 on
# a full one), a directory refused with exit 2.  The real /dev/stdout and
# /dev/full are only tried by an option that left the stand-ins made here
# intact (once, as root, a rigplan replaced them with regular files).
umask 022
o="$tmp/outputs"; mkdir "$o"
G="--plan $fx/plan/autoglm-consumer.json"
write() {  # OPTION TARGET: run the command; generate writes docker-run.sh into TARGET's folder
	case $1 in
	plan-out) timeout 20 "$PROG" plan $P --gpu l4 --top 1 --out "$2" ;;
	plan-svg) timeout 20 "$PROG" plan $P --gpu l4 --top 1 --svg "$2" ;;
	simulate-svg) timeout 20 "$PROG" simulate $E --qps 1 --requests 50 --svg "$2" ;;
	simulate-timeline) timeout 20 "$PROG" simulate $E --qps 1 --requests 50 --timeline "$2" ;;
	capacity-svg) timeout 20 "$PROG" capacity $E --input-len 512 --output-len 128 --ttft-p99 1 \
		--tpot-p99 0.1 --requests 200 --svg "$2" ;;
	report-out) timeout 20 "$PROG" report $G --requests 100 --out "$2" ;;
	generate-out) timeout 20 "$PROG" generate docker $G --out "${2%/*}" ;;
	esac
}
first_line() {  # OPTION: how its file starts
	case $1 in
	plan-out) echo '{' ;;
	*-svg) echo '<svg xmlns="http://www.w3.org/2000/svg"' ;;
	simulate-timeline) echo 'time_s,in_system' ;;
	report-out) echo '<!DOCTYPE html>' ;;
	generate-out) echo '#!/bin/sh' ;;
	esac
}
starts() { [ -f "$1" ] && head -n 1 "$1" | grep -qF "$2"; }
link_to() { [ -L "$1" ] && [ "$(readlink "$1")" = "$2" ]; }
kind() { stat -c '%F %a' "$1"; }
mknod "$o/probe" c 1 3 2>/dev/null && devices=1 || { devices=0; echo "# mknod refused: no device sub-checks"; }
rm -f "$o/probe"
for opt in plan-out plan-svg simulate-svg simulate-timeline capacity-svg report-out generate-out; do
	head=$(first_line $opt)
	name=out; [ $opt = generate-out ] && name=docker-run.sh
	d="$o/$opt"; mkdir "$d" "$d/new" "$d/old" "$d/link" "$d/dangling" "$d/fifo" "$d/null" "$d/full"
	run write $opt "$d/new/$name"
	want=644; [ $opt = generate-out ] && want=755
	check "$opt to a new file: exits 0" [ "$rc" = 0 ]
	check "... a regular file of mode $want with the output" [ "$(kind "$d/new/$name")" = "regular file $want" ]
	check "... whole" starts "$d/new/$name" "$head"
	echo old >"$d/old/$name"; chmod 640 "$d/old/$name"
	run write $opt "$d/old/$name"
	check "$opt over a file of mode 640: replaced, mode kept" [ "$(kind "$d/old/$name")" = "regular file 640" ]
	check "... with the output" starts "$d/old/$name" "$head"
	echo old >"$d/real"; chmod 600 "$d/real"; ln -s ../real "$d/link/$name"
	run write $opt "$d/link/$name"
	check "$opt to a symbolic link: exits 0" [ "$rc" = 0 ]
	check "... the link stays, pointing where it did" link_to "$d/link/$name" ../real
	check "... its target written, mode 600 kept" [ "$(kind "$d/real")" = "regular file 600" ]
	check "... with the output" starts "$d/real" "$head"
	ln -s ../dangling-target "$d/dangling/$name"
	run write $opt "$d/dangling/$name"
	check "$opt to a dangling link: the link stays" link_to "$d/dangling/$name" ../dangling-target
	check "... its target made, mode $want" [ "$(kind "$d/dangling-target")" = "regular file $want" ]
	check "... with the output" starts "$d/dangling-target" "$head"
	mkfifo "$d/fifo/$name"
	timeout 20 cat "$d/fifo/$name" >"$d/from-fifo" & reader=$!
	run write $opt "$d/fifo/$name"
	wait $reader || :
	check "$opt to a FIFO: exits 0" [ "$rc" = 0 ]
	check "... still a FIFO" [ "$(kind "$d/fifo/$name")" = "fifo 644" ]
	check "... its reader got the output" starts "$d/from-fifo" "$head"
	stand_ins=0
	if [ $devices = 1 ]; then
		mknod -m 666 "$d/null/$name" c 1 3; mknod -m 666 "$d/full/$name" c 1 7
		run write $opt "$d/null/$name"
		check "$opt to a null device: exits 0" [ "$rc" = 0 ]
		check "... still that device, mode kept" [ "$(kind "$d/null/$name")" = "character special file 666" ]
		run write $opt "$d/full/$name"
		check "$opt to a full device: exits 1" [ "$rc" = 1 ]
		check "... saying so" has "$err" "No space left on device"
		check "... still that device, mode kept" [ "$(kind "$d/full/$name")" = "character special file 666" ]
		[ "$(kind "$d/null/$name")$(kind "$d/full/$name")" = "character special file 666character special file 666" ] && stand_ins=1
	fi
	[ $opt = generate-out ] && continue  # its --out is a folder: /dev/stdout is not one
	# /dev/stdout stand-in: a link to this process's descriptor 1, as
	# /dev/stdout is on Linux
	ln -s /proc/self/fd/1 "$d/stdout"
	run write $opt "$d/stdout"
	check "$opt to a link to /proc/self/fd/1: exits 0, the output on stdout" exited_with 0 "$out" "$head"
	check "... the link stays" [ -L "$d/stdout" ]
	[ -L "$d/stdout" ] || stand_ins=0
	if [ $stand_ins = 1 ] || [ "$(id -u)" != 0 ]; then
		before=$(kind /dev/stdout)
		run write $opt /dev/stdout
		check "$opt to /dev/stdout: exits 0, the output on stdout" exited_with 0 "$out" "$head"
		check "... /dev/stdout as it was" [ "$(kind /dev/stdout)" = "$before" ]
		before=$(kind /dev/full)
		run write $opt /dev/full
		check "$opt to /dev/full: exits 1" [ "$rc" = 1 ]
		check "... saying no space is left" exited_with 1 "$err" "No space left on device"
		check "... on one line" [ "$(printf '%s\n' "$err" | wc -l)" = 1 ]
		check "... /dev/full as it was" [ "$(kind /dev/full)" = "$before" ]
	else
		echo "# $opt: /dev/stdout and /dev/full not tried (no device stand-ins)"
	fi
	run write $opt "$d"
	check "$opt to a directory: exits 2, saying so" exited_with 2 "$err" "is a directory"
done
run write generate-out "$tmp/binary/docker-run.sh"
check "generate --out a file: exits 2, saying it is not a directory" exited_with 2 "$err" "not a directory"

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
# A writer forked just before the loop died may exec after pkill looked:
# it runs to its end (a whole transaction).  Wait for it, and give the
# check a busy timeout, so that a live writer's lock is not read as damage.
i=0
while pgrep -f -- "--source $mark" >/dev/null 2>&1 && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "killed writers leave the database intact" \
	[ "$(sqlite3 -cmd '.timeout 5000' "$RIGPLAN_USER_DB" 'PRAGMA integrity_check')" = ok ]
run "$PROG" catalog show gpu l4 --json
check "... and readable, with one of the prices" has "$out" '"price_usd": 2'
export RIGPLAN_USER_DB="$tmp/old.db"
sed -n '/^CREATE TABLE measurement/,$!p' "$RIGPLAN_SCHEMA" | sqlite3 "$RIGPLAN_USER_DB"
sqlite3 "$RIGPLAN_USER_DB" "PRAGMA user_version = 2"
"$PROG" catalog set-price gpu l4 1999 --source "old overlay" >/dev/null
check "an older overlay is upgraded on write" [ "$(sqlite3 "$RIGPLAN_USER_DB" 'PRAGMA user_version')" = "$schema_version" ]
check "... gaining the new tables" [ "$(sqlite3 "$RIGPLAN_USER_DB" "SELECT count(*) FROM sqlite_master WHERE name IN ('measurement', 'calibration', 'default_part', 'engine_image', 'engine_model', 'gpu_target', 'checkpoint', 'engine_kernel', 'cpu_core')")" = 9 ]
run "$PROG" catalog show gpu l4 --json
check "... keeping its rows" has "$out" "old overlay"
check "... and gains rigplan's overlay mark" [ "$(sqlite3 "$RIGPLAN_USER_DB" 'PRAGMA application_id')" = 1380405324 ]

# --- Only an overlay is ever used as one: another program's database, a
# copy of the system catalog (marked, or built before the mark) and the
# system catalog itself are refused by readers and writers alike, and
# left byte for byte as they were.
rigplan_tables=$(sed -n '/^CREATE TABLE measurement/,$!p' "$RIGPLAN_SCHEMA")
while IFS='|' read -r name setup; do
	case $name in ''|'#'*) continue ;; esac
	f="$tmp/$name.db"
	eval "$setup"
	cp "$f" "$tmp/$name.orig"
	for cmd in "catalog set-price gpu l4 1999 --source t010" "catalog show gpu l4" \
		"catalog remove gpu l4"; do
		set +e
		RIGPLAN_USER_DB=$f "$PROG" $cmd >"$tmp/out" 2>"$tmp/err"
		rc=$?
		set -e
		err=$(cat "$tmp/err")
		check "$name as the overlay: $cmd exits 1" [ "$rc" = 1 ]
		check "... one line on stderr" [ "$(wc -l <"$tmp/err")" = 1 ]
		check "... naming the file" has "$err" "rigplan: error: user catalog '$f'"
		check "... file unchanged" cmp -s "$f" "$tmp/$name.orig"
	done
done <<'EOF_OVERLAYS'
foreign-app-id|sqlite3 "$f" "CREATE TABLE notes (x); INSERT INTO notes VALUES (1); PRAGMA application_id = 1234"
foreign-no-version|sqlite3 "$f" "CREATE TABLE notes (x); INSERT INTO notes VALUES (1)"
foreign-table|printf '%s\nCREATE TABLE notes (x);\n' "$rigplan_tables" | sqlite3 "$f"
foreign-trigger|printf '%s\nCREATE TRIGGER t AFTER INSERT ON gpu BEGIN SELECT 1; END;\n' "$rigplan_tables" | sqlite3 "$f"
system-copy|cp "$RIGPLAN_CATALOG" "$f"
old-system-copy|cp "$RIGPLAN_CATALOG" "$f"; sqlite3 "$f" "PRAGMA application_id = 0"
system-itself|ln -s "$RIGPLAN_CATALOG" "$f"
EOF_OVERLAYS

# what the errors above say, where the words matter
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-4090 --psu-redundancy n+1
check "redundancy on a desktop host is refused saying why" has "$err" "ATX PSUs cannot share a load"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-5090 --gpus 4
check "more ATX PSUs than a tower mounts: refused saying how many" has "$err" "a tower mounts 2"
run "$PROG" estimate --model llama-3.1-8b --gpu rtx-5090 --gpus 4 --gpus-per-node 2
check "... and fewer GPUs per node build" [ "$rc" = 0 ]
run "$PROG" estimate --model llama-3.2-1b --gpu jetson-orin-nano-8gb --gpus 4
check "more Jetson modules for one model: refused saying why" has "$err" "(a module on its carrier board): no tensor, pipeline or expert parallelism across systems"
run "$PROG" estimate $E --power-limit 1
check "a cap below idle names the idle draw" has "$err" "idle draw of 127 W"
run "$PROG" estimate --model llama-3.1-8b --gpu t4
check "bf16 on a T4 is refused naming the fp16 it has" has "$err" "it has fp16 ones (--precision fp16)"
run "$PROG" estimate --model llama-3.1-8b --gpu t4 --precision fp16
check "fp16 weights on a T4: an fp16 KV cache, not bf16" has "$out" "fp16 weights, fp16 KV cache"
run "$PROG" estimate --model llama-3.1-8b --gpu v100-sxm2-32gb --precision int4-awq
check "vLLM 0.25 on a V100: refused, naming the rule and its CUDA image" sh -c '[ "$1" = 2 ] && case "$2" in *"(engine_gpu)"*"vllm/vllm-openai:v0.25.1 "*) ;; *) exit 1;; esac' - "$rc" "$err"
run "$PROG" estimate --model llama-3.1-8b --gpu v100-sxm2-32gb --precision int4-awq --engine vllm@0.12.0
check "AWQ on a V100 (no bf16): an fp16 KV cache" has "$out" "int4-awq weights, fp16 KV cache"
done_testing
