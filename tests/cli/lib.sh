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
# command_paths: every command as `rigplan help` lists it, one level of
# subcommands as "parent/sub" ("catalog/list"), space-separated.
command_paths() {
	_cp=
	for _c in $(_commands ""); do
		_s=$(_commands "$_c")
		if [ -n "$_s" ]; then
			for _x in $_s; do _cp="$_cp $_c/$_x"; done
		else
			_cp="$_cp $_c"
		fi
	done
	echo $_cp
}
_commands() {
	"$PROG" help $1 | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'
}
