# Every example in the README's "Examples" block runs and exits 0.
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/user.db"
sed -n '/<!-- examples -->/,/<!-- end examples -->/p' "$TOP_SRCDIR/README.md" |
  grep '^rigplan ' >"$tmp/examples"
check "README has examples" [ -s "$tmp/examples" ]
cd "$TOP_SRCDIR"  # examples use paths relative to the source tree
while IFS= read -r line; do
  eval "run \"\$PROG\" ${line#rigplan }"
  check "README: $line" [ "$rc" = 0 ]
done <"$tmp/examples"
done_testing
