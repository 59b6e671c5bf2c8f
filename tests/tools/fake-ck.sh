#!/bin/sh
# fake-ck.sh - stands in for rigplan-ck where there is no GPU: speaks its
# protocol (calibrate/ck_main.cu) with times from a simple roofline
# (2.7 TB/s, 700 TFLOP/s, 5 us per GEMM).  FAKE_CK_MODE: ok (default),
# fail-after:N (the N+1th case fails), hang (never answers a case),
# junk (answers with garbage), nodevice (fails to open the device).
mode=${FAKE_CK_MODE:-ok}
case $mode in
nodevice) printf 'fail\tno CUDA device is visible (none found)\n'; exit 1 ;;
esac
printf 'device\t%s\t1\t132\t9\t0\t85017493504\t552402944\t52428800\t13000\t13000\t1\t00000000:00:06.0\tNVIDIA H100 80GB HBM3\n' "$1"
i=0
while read -r kind a b c d e f; do
	case $mode in
	fail-after:*) [ "$i" -ge "${mode#fail-after:}" ] && { printf 'fail\tcublasLtMatmul: the GPU fell off the bus\n'; exit 1; } ;;
	hang) sleep 100; exit 1 ;;
	junk) echo 'ok banana'; continue ;;
	esac
	i=$((i + 1))
	case $kind in
	gemm) awk -v dt="$a" -v m="$b" -v n="$c" -v k="$d" -v reps="$e" 'BEGIN {
		es = dt == "fp8" ? 1 : 2; peak = dt == "fp8" ? 1400e12 : 700e12
		bytes = (m * k + n * k) * es + m * n * 2; flops = 2 * m * n * k
		tm = bytes / 2.7e12; tc = flops / peak; t = 5e-6 + (tm > tc ? tm : tc)
		printf "ok\t%.17g\t%.17g\t%.17g\t%d\t%.17g\t%.17g\t0.002\t0\t0\t0\n", t, t, t, reps, bytes, flops }' ;;
	copy|triad) awk -v kind="$kind" -v bytes="$a" -v reps="$b" 'BEGIN {
		moved = (kind == "copy" ? 2 : 3) * bytes; t = moved / 2.8e12
		printf "ok\t%.17g\t%.17g\t%.17g\t%d\t%.17g\t0\t0\t0\t0\t0\n", t, t, t, reps, moved }' ;;
	h2d|d2h) awk -v pinned="$a" -v bytes="$b" -v reps="$c" 'BEGIN {
		t = bytes / (pinned ? 53e9 : 9e9)
		printf "ok\t%.17g\t%.17g\t%.17g\t%d\t%.17g\t0\t0\t0\t0\t0\n", t, t, t, reps, bytes }' ;;
	p2p) printf 'skip\tone GPU is visible: no peer to copy to\n' ;;
	*) printf 'fail\tunreadable case\n'; exit 1 ;;
	esac
done
