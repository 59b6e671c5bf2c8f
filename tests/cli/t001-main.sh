# Global behaviour: --version, help, dispatch errors and exit statuses.
. "$TOP_SRCDIR/tests/cli/lib.sh"
run "$PROG" --version
check "--version exits 0" [ "$rc" = 0 ]
check "--version names CUDA status" has "$out" "CUDA calibration:"
run "$PROG" --help; main_help=$out
check "--help exits 0" [ "$rc" = 0 ]
check "--help lists catalog" has "$out" "catalog"
check "--help documents exit status 4" has "$out" "feature not built in"
run "$PROG" help
check "'help' equals '--help'" [ "$out" = "$main_help" ]
for c in list show path import-nvsmi set-price remove; do
  run "$PROG" catalog "$c" --help; a=$out
  check "catalog $c --help exits 0" [ "$rc" = 0 ]
  check "catalog $c --help starts with its synopsis" has "$a" "usage: rigplan catalog $c"
  run "$PROG" help catalog "$c"
  check "help catalog $c equals --help" [ "$out" = "$a" ]
  run "$PROG" catalog "$c" --no-such-option
  check "catalog $c: bad option exits 2" [ "$rc" = 2 ]
  check "catalog $c: bad option prints nothing on stdout" [ -z "$out" ]
done
run "$PROG" catalog --help
check "catalog --help lists subcommands" has "$out" "import-nvsmi"
run "$PROG" catalogue list gpus
check "unknown command exits 2" [ "$rc" = 2 ]
check "unknown command suggests" has "$err" "did you mean 'catalog'"
run "$PROG" catalog lst gpus
check "unknown subcommand suggests" has "$err" "did you mean 'catalog list'"
run "$PROG"
check "no command exits 2" [ "$rc" = 2 ]
run "$PROG" catalog
check "catalog without subcommand exits 2" [ "$rc" = 2 ]
run "$PROG" --bogus
check "unknown global option exits 2" [ "$rc" = 2 ]
run "$PROG" catalog list gpus --jsn
check "misspelt option suggests --json" has "$err" "did you mean '--json'"
run "$PROG" help nothing
check "help for unknown command exits 2" [ "$rc" = 2 ]
run "$PROG" --catalog /nonexistent/catalog.db catalog list gpus
check "missing catalog exits 1" [ "$rc" = 1 ]
check "missing catalog is named" has "$err" "/nonexistent/catalog.db"
done_testing
