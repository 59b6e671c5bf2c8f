# Every example in the "Examples" block of docs/examples.md runs and exits
# 0, every command of the README's tour prints exactly the output the
# README shows, and every docs/ file the README points to exists.
. "$TOP_SRCDIR/tests/cli/lib.sh"
export RIGPLAN_USER_DB="$tmp/user.db"
sed -n '/<!-- examples -->/,/<!-- end examples -->/p' "$TOP_SRCDIR/docs/examples.md" |
  grep '^rigplan ' >"$tmp/examples"
check "docs/examples.md has examples" [ -s "$tmp/examples" ]
cd "$TOP_SRCDIR"  # examples use paths relative to the source tree
while IFS= read -r line; do
  eval "run \"\$PROG\" ${line#rigplan }"
  check "docs/examples.md: $line" [ "$rc" = 0 ]
done <"$tmp/examples"

# The README's "Where to read more" links.
grep -o '(docs/[a-z-]*\.md)' "$TOP_SRCDIR/README.md" | tr -d '()' | sort -u >"$tmp/links"
check "README points to docs/" [ -s "$tmp/links" ]
while IFS= read -r f; do
  check "README: $f exists" [ -f "$TOP_SRCDIR/$f" ]
done <"$tmp/links"

# The tour: "$ COMMAND" lines, each followed by its output up to the next
# command or the end of the code block; `rigplan` there is the program
# under test.
mkdir "$tmp/bin"
ln -s "$PROG" "$tmp/bin/rigplan"
sed -n '/<!-- tour -->/,/<!-- end tour -->/p' "$TOP_SRCDIR/README.md" >"$tmp/tour"
check "README has a tour" grep -q '^\$ rigplan ' "$tmp/tour"
awk -v dir="$tmp" '
	/^```/ { inblock = !inblock; cmd = ""; next }
	inblock && /^\$ / { k++; cmd = substr($0, 3); print cmd > (dir "/tour-cmd-" k); close(dir "/tour-cmd-" k)
		printf "" > (dir "/tour-want-" k); next }
	inblock && cmd != "" { print >> (dir "/tour-want-" k) }
' "$tmp/tour"
for f in "$tmp"/tour-cmd-*; do
  k=${f##*-}
  c=$(cat "$f")
  PATH="$tmp/bin:$PATH" sh -c "$c" >"$tmp/tour-got-$k" 2>"$tmp/tour-err-$k"
  check "tour: $c" cmp -s "$tmp/tour-got-$k" "$tmp/tour-want-$k"
done

# The README's first command installs what .ci/run installs to build:
# the same -dev libraries, in step
readme_libs=$(grep -m1 'apt-get install' "$TOP_SRCDIR/README.md" | tr ' ' '\n' | grep -- '-dev$' | sort)
ci_libs=$(sed -n '/apt-get install/,/exit 1/p' "$TOP_SRCDIR/.ci/run" | head -n 2 | tr ' ' '\n' | grep -- '-dev$' | sort)
check "README and .ci/run install the same libraries" [ -n "$readme_libs" ] && [ "$readme_libs" = "$ci_libs" ]
check "... libarchive among them" has "$readme_libs" "libarchive-dev"
done_testing
