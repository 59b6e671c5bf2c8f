#!/bin/sh
# bench_process.sh - wall time of whole `rigplan estimate` processes
# (start-up, catalog open, model, report), the mean of 200 runs.
# Usage: bench_process.sh RIGPLAN ARGS...   Target: a few milliseconds.
prog=$1; shift
n=200
"$prog" estimate "$@" >/dev/null || { echo "bench_process: '$prog estimate $*' failed" >&2; exit 1; }
start=$(date +%s%N)
i=0
while [ $i -lt $n ]; do
	"$prog" estimate "$@" >/dev/null
	i=$((i + 1))
done
end=$(date +%s%N)
# the same number of /bin/true processes: what fork and exec cost here
i=0
while [ $i -lt $n ]; do
	/bin/true
	i=$((i + 1))
done
base=$(date +%s%N)
awk -v ns=$((end - start)) -v bs=$((base - end)) -v n=$n -v a="$*" 'BEGIN {
	ms = ns / n / 1e6
	printf "whole process: rigplan estimate %s\n", a
	printf "%-44s %12.2f ms each  (target a few ms: %s)\n", "  wall time", ms, ms <= 5 ? "met" : "MISSED"
	printf "%-44s %12.2f ms each\n", "  of which starting any process (/bin/true)", bs / n / 1e6
}'
