# catalog import-nvsmi: real captures, hostile files; it stores nothing.
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/user.db"
run "$PROG" catalog import-nvsmi "$TOP_SRCDIR/tests/data/nvsmi/h100-sxm.xml" --json
check "import H100 exits 0" [ "$rc" = 0 ]
check "H100 matched to h100-sxm" has "$out" '"id": "h100-sxm"'
check "match is exact" has "$out" '"match": "exact"'
check "81559 MiB reported in bytes" has "$out" '"memory_bytes": 85520809984'
check "power limit" has "$out" '"power_limit_w": 700'
run "$PROG" catalog import-nvsmi "$TOP_SRCDIR/tests/data/nvsmi/h200-sxm.xml"
check "H200 table shows h200-sxm" has "$out" "h200-sxm"
check "reading does not create the overlay" [ ! -e "$RIGPLAN_USER_DB" ]
for f in bomb external-entity undeclared-entity truncated empty binary wrong-root no-gpu \
         absurd-memory negative-power junk-number no-product-name; do
  run timeout 10 "$PROG" catalog import-nvsmi "$TOP_SRCDIR/tests/fixtures/nvsmi/$f.xml"
  check "$f.xml exits 3" [ "$rc" = 3 ]
  check "$f.xml prints nothing on stdout" [ -z "$out" ]
  check "$f.xml gives one error line" [ "$(printf '%s\n' "$err" | wc -l)" = 1 ]
done
check "nothing stored from bad files" [ ! -e "$RIGPLAN_USER_DB" ]
run "$PROG" catalog import-nvsmi "$tmp/missing.xml"
check "missing file exits 1" [ "$rc" = 1 ]
run "$PROG" catalog import-nvsmi "$TOP_SRCDIR/tests/fixtures/nvsmi/mismatch-memory.xml"
check "a name-only match exits 0" [ "$rc" = 0 ]
check "name-only match explained" has "$out" "but catalog 'h100-sxm'"
# --save stored rows nothing could list or use: it is gone, and the help
# says where the file goes instead.
run "$PROG" catalog import-nvsmi "$TOP_SRCDIR/tests/data/nvsmi/h100-sxm.xml" --save
check "--save exits 2" [ "$rc" = 2 ]
check "... naming the option" has "$err" "unknown option '--save'"
check "... and no overlay is created" [ ! -e "$RIGPLAN_USER_DB" ]
run "$PROG" catalog import-nvsmi --help
check "the help points at plan --owned" has "$out" "rigplan plan --owned FILE"
run "$PROG" plan --model llama-3.1-8b --qps 1 --input-len 512 --output-len 128 --ttft-p99 1 --tpot-p99 0.1 --owned "$TOP_SRCDIR/tests/data/nvsmi/h100-sxm.xml" --top 1
check "... which takes the same file" [ "$rc" = 0 ]
done_testing
