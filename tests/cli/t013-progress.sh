# The progress bar: drawn on stderr when it is a terminal (script(1) gives
# the command one), erased at the end; never written into a pipe or file.
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/user.db"
sim="simulate --model llama-3.1-8b --gpu h100-sxm --qps 20 --input-len 1024 --output-len 256 --requests 100000"
plan="plan --model llama-3.1-8b --qps 10 --input-len 1024 --output-len 256 --ttft-p99 1 --tpot-p99 0.05 --simulate 2"
run "$PROG" $sim
check "simulate into a pipe exits 0" [ "$rc" = 0 ]
check "... and writes nothing on stderr" [ -z "$err" ]
run "$PROG" $plan
check "plan into a pipe writes nothing on stderr" [ -z "$err" ]
if command -v script >/dev/null; then
	script -qec "$PROG $sim >/dev/null" "$tmp/tty" >/dev/null 2>&1
	check "simulate on a terminal exits 0" [ $? = 0 ]
	check "... draws the bar" grep -q 'simulating *\[[#.]*\] *[0-9]*%' "$tmp/tty"
	check "... and erases it" grep -q "$(printf '\r\033\\[K')" "$tmp/tty"
	script -qec "$PROG $plan >/dev/null" "$tmp/tty2" >/dev/null 2>&1
	check "plan on a terminal draws its phases" grep -q 'screening *\[' "$tmp/tty2"
fi
done_testing
