# The user overlay: set-price, precedence, remove, bad values, concurrency.
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/dir/user.db"
run "$PROG" catalog path --json
check "path --json names the overlay" has "$out" "$tmp/dir/user.db"
check "overlay not created yet" has "$out" '"exists": false'
run "$PROG" catalog set-price gpu rtx-4090 1799 --source "local shop quote" --date 2026-11-20
check "set-price exits 0" [ "$rc" = 0 ]
run "$PROG" catalog show gpu rtx-4090 --json
check "user price shown" has "$out" '"price_usd": 1799'
check "origin is user" has "$out" '"origin": "user"'
check "user price source kept" has "$out" "local shop quote"
run "$PROG" catalog show gpu rtx-3090 --json
check "other rows still from system" has "$out" '"origin": "system"'
for bad in abc -5 0 nan inf 1e99 12x; do
  run "$PROG" catalog set-price gpu rtx-4090 "$bad" --source s
  check "price '$bad' exits 2" [ "$rc" = 2 ]
done
run "$PROG" catalog set-price gpu rtx-4090 100
check "missing --source exits 2" [ "$rc" = 2 ]
run "$PROG" catalog set-price gpu rtx-4090 100 --source s --date 2026-02-30x
check "bad date exits 2" [ "$rc" = 2 ]
run "$PROG" catalog set-price model llama-3.1-8b 100 --source s
check "model price exits 2" [ "$rc" = 2 ]
run "$PROG" catalog show gpu rtx-4090 --json
check "failed writes changed nothing" has "$out" '"price_usd": 1799'
# --price-kind (list, msrp or street): the KIND operand is the catalog's
run "$PROG" catalog set-price gpu rtx-3090 1499 --source s --price-kind msrp
check "--price-kind msrp exits 0" [ "$rc" = 0 ]
run "$PROG" catalog show gpu rtx-3090 --json
check "... and is stored as price_kind" has "$out" '"price_kind": "msrp"'
run "$PROG" catalog set-price gpu rtx-3090 1499 --source s --kind msrp
check "the old --kind exits 2" [ "$rc" = 2 ]
check "... pointing at --price-kind" has "$err" "did you mean '--price-kind'"
run "$PROG" catalog remove gpu rtx-3090
# Two writers at once: both succeed (SQLite serialises them).
"$PROG" catalog set-price gpu l4 2500 --source a >"$tmp/a" 2>&1 & p1=$!
"$PROG" catalog set-price gpu l40s 7500 --source b >"$tmp/b" 2>&1 & p2=$!
r1=0; wait $p1 || r1=$?; r2=0; wait $p2 || r2=$?
rc=$r1; check "concurrent writer 1 succeeds" [ "$r1" = 0 ]
rc=$r2; check "concurrent writer 2 succeeds" [ "$r2" = 0 ]
run "$PROG" catalog list gpus --csv
check "both concurrent prices stored" sh -c 'printf "%s" "$1" | grep -q "^l4,.*,2500," && printf "%s" "$1" | grep -q "^l40s,.*,7500,"' _ "$out"
run "$PROG" catalog remove gpu rtx-4090
check "remove exits 0" [ "$rc" = 0 ]
run "$PROG" catalog show gpu rtx-4090 --json
check "system price back" has "$out" '"price_usd": 1599'
run "$PROG" catalog remove gpu rtx-4090
check "removing twice exits 2" [ "$rc" = 2 ]
if command -v sqlite3 >/dev/null; then
  sqlite3 "$RIGPLAN_USER_DB" 'PRAGMA user_version = 99'
  run "$PROG" catalog show gpu l4
  check "newer overlay refused" [ "$rc" = 1 ]
  check "message names the version" has "$err" "schema version 99"
fi
done_testing
