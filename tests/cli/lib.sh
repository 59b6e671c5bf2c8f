# tests/cli/lib.sh - TAP helpers for the command-line tests.
# run CMD...: sets $rc, $out (stdout) and $err (stderr).
set -eu
n=0; failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rigplan-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
run() { set +e; "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; set -e; out=$(cat "$tmp/out"); err=$(cat "$tmp/err"); }
ok() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed+1)); echo "# rc=$rc stderr: $err" | head -3; fi; }
check() { desc=$1; shift; if "$@"; then ok 0 "$desc"; else ok 1 "$desc"; fi; }
has() { case "$1" in *"$2"*) return 0;; *) return 1;; esac; }
done_testing() { echo "1..$n"; [ "$failed" = 0 ]; }
