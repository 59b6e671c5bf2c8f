#!/bin/sh
# bench_plan.sh - wall time of whole `rigplan plan` processes over the
# whole catalog: screening alone (--simulate 0) and with the default ten
# simulated finalists, for an 8B and a 70B model.  The mean of 5 runs.
# Usage: bench_plan.sh RIGPLAN.   Target: about a second.
prog=$1
one() {
	label=$1; shift
	"$prog" plan "$@" >/dev/null 2>&1
	case $? in 0|5) ;; *) echo "bench_plan: '$prog plan $*' failed" >&2; exit 1 ;; esac
	start=$(date +%s%N)
	for i in 1 2 3 4 5; do "$prog" plan "$@" >/dev/null 2>&1; done
	end=$(date +%s%N)
	awk -v ns=$((end - start)) -v l="$label" 'BEGIN {
		s = ns / 5 / 1e9
		printf "%-44s %12.3f s  (target about 1 s: %s)\n", l, s, s <= 1.5 ? "met" : "MISSED" }'
}
echo "whole-catalog plan (rigplan plan)"
set -- --qps 10 --input-len 1024 --output-len 256 --ttft-p99 1 --tpot-p99 0.05
one "  llama-3.1-8b, screening only" --model llama-3.1-8b "$@" --simulate 0
one "  llama-3.1-8b, 10 finalists simulated" --model llama-3.1-8b "$@"
set -- --qps 5 --input-len 2000 --output-len 300 --ttft-p99 2 --tpot-p99 0.08
one "  llama-3.1-70b, screening only" --model llama-3.1-70b "$@" --simulate 0
one "  llama-3.1-70b, 10 finalists simulated" --model llama-3.1-70b "$@"
