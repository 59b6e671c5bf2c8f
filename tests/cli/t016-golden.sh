# Golden cases: every row of tests/golden/cases.tsv runs rigplan once and
# must give the exit status and the bytes recorded there.
#
# The table (its header comment says the same): one case per line, four
# fields separated by single tabs; '#' lines and blank lines are skipped.
#   NAME    a unique name for the case (the TAP line shows it)
#   STATUS  the exit status expected, 0 to 255
#   GOLDEN  the golden file, relative to tests/golden/: stdout, byte for
#           byte.  When STATUS is not 0, stderr is pinned too, in
#           GOLDEN.err.
#   ARGV    what follows 'rigplan', as shell words (quotes work; it is
#           eval'ed, so write no $, backquotes or globs).  It runs with
#           no stdin, in a scratch directory where 'tests' is the source
#           tree's tests/, so paths read as from the top of the checkout:
#           tests/fixtures/plan/llama70b-hgx.json.  The word @OUT@ is
#           replaced by a scratch file; GOLDEN then holds what rigplan
#           wrote there, and stdout, unless empty, is GOLDEN.stdout.
#
# The environment is make check's (AM_TESTS_ENVIRONMENT: PROG, TOP_SRCDIR,
# RIGPLAN_CATALOG, RIGPLAN_USER_DB).  Every file under tests/golden/ other
# than the table must belong to a case.
#
# With GOLDEN_UPDATE=1 (what 'make golden-update' runs) nothing is
# checked: each case's files are rewritten from this build, the STATUS
# column with them where it changed, a stale GOLDEN.err or GOLDEN.stdout
# is removed, and every file that changed is named, as is every file no
# case owns (left in place).  make then prints 'git diff --stat' of
# tests/golden and the new files: review the diff before committing.
. "$TOP_SRCDIR/tests/cli/lib.sh"
gdir="$TOP_SRCDIR/tests/golden"
table="$gdir/cases.tsv"
update=${GOLDEN_UPDATE:-0}
tab=$(printf '\t')
mkdir "$tmp/cwd"
ln -s "$TOP_SRCDIR/tests" "$tmp/cwd/tests"
: >"$tmp/names"; : >"$tmp/files"; : >"$tmp/status"

# diag FILE: FILE's first lines as TAP comments.
diag() { head -n 40 "$1" | sed 's/^/# /'; }
# same GOLDEN GOT: compare; on a difference say how, as TAP comments.
same() {
	if [ ! -f "$1" ]; then
		echo "# no golden file ${1#"$gdir"/} (make golden-update writes it)"
		return 1
	fi
	cmp -s "$1" "$2" && return 0
	diff -u "$1" "$2" >"$tmp/diff" || :
	diag "$tmp/diff"
	return 1
}
# put GOT GOLDEN: write GOLDEN from GOT where it differs and say so.
put() {
	if [ -f "$2" ] && cmp -s "$1" "$2"; then return 0; fi
	mkdir -p "$(dirname "$2")"
	cat "$1" >"$2"
	echo "golden-update: wrote ${2#"$gdir"/}"
}

line=0
while IFS="$tab" read -r name want gold argv rest || [ -n "$name" ]; do
	line=$((line + 1))
	case $name in '' | '#'*) continue ;; esac
	where="cases.tsv:$line ($name)"
	# The row itself: four fields, a number, a name and a file used once.
	bad=
	case $want in '' | *[!0-9]*) bad="status '$want' is not a number" ;; esac
	[ -n "$gold" ] && [ -n "$argv" ] && [ -z "$rest" ] || bad="not four tab-separated fields"
	case $gold in /* | *..*) bad="golden path '$gold' leaves tests/golden" ;; esac
	grep -qxF "$name" "$tmp/names" && bad="name used twice"
	grep -qxF "$gold" "$tmp/files" && bad="golden file used twice"
	printf '%s\n' "$name" >>"$tmp/names"
	printf '%s\n' "$gold" >>"$tmp/files"
	if [ -n "$bad" ]; then
		rc=-; err=; ok 1 "$where: $bad"
		continue
	fi

	# ARGV as words; @OUT@ becomes the scratch file.
	if ! eval "set -- $argv" 2>"$tmp/err"; then
		rc=-; err=$(cat "$tmp/err"); ok 1 "$where: ARGV is not shell words"
		continue
	fi
	outf=
	for a; do
		shift
		if [ "$a" = @OUT@ ]; then outf="$tmp/cwd/out"; a=$outf; fi
		set -- "$@" "$a"
	done
	rm -f "$tmp/cwd/out"
	set +e
	(cd "$tmp/cwd" && exec "$PROG" "$@") </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	got="$tmp/out"
	if [ -n "$outf" ]; then
		got="$tmp/cwd/out"
		[ -f "$got" ] || : >"$got"
	fi

	# GOLDEN.err is the case's when it fails, GOLDEN.stdout when it has
	# @OUT@ and prints as well (as it does now, when updating).
	pinerr=0; pinout=0
	if [ "$update" = 1 ]; then
		[ "$rc" = 0 ] || pinerr=1
		[ -z "$outf" ] || [ ! -s "$tmp/out" ] || pinout=1
	else
		[ "$want" = 0 ] || pinerr=1
		[ -z "$outf" ] || [ ! -f "$gdir/$gold.stdout" ] || pinout=1
	fi
	[ "$pinerr" = 0 ] || printf '%s\n' "$gold.err" >>"$tmp/files"
	[ "$pinout" = 0 ] || printf '%s\n' "$gold.stdout" >>"$tmp/files"

	if [ "$update" = 1 ]; then
		put "$got" "$gdir/$gold"
		if [ "$pinerr" = 1 ]; then
			put "$tmp/err" "$gdir/$gold.err"
		elif [ -f "$gdir/$gold.err" ]; then
			rm -f "$gdir/$gold.err"
			echo "golden-update: removed $gold.err (exits 0 now)"
		fi
		if [ "$rc" != "$want" ]; then
			printf '%s\t%s\n' "$line" "$rc" >>"$tmp/status"
			echo "golden-update: $name exits $rc, not $want: STATUS rewritten"
		fi
		if [ "$pinout" = 1 ]; then
			put "$tmp/out" "$gdir/$gold.stdout"
		elif [ -f "$gdir/$gold.stdout" ]; then
			rm -f "$gdir/$gold.stdout"
			echo "golden-update: removed $gold.stdout (nothing on stdout now)"
		fi
		continue
	fi

	# Check: the status, then stdout (or @OUT@ and stdout), then stderr;
	# what differs is said after the TAP line.
	res=0
	{
		if [ "$rc" != "$want" ]; then
			echo "# exit status $rc, expected $want"
			res=1
		fi
		same "$gdir/$gold" "$got" || res=1
		if [ "$pinout" = 1 ]; then
			same "$gdir/$gold.stdout" "$tmp/out" || res=1
		elif [ -n "$outf" ] && [ -s "$tmp/out" ]; then
			echo "# stdout, and no $gold.stdout:"; diag "$tmp/out"; res=1
		fi
		if [ "$pinerr" = 1 ]; then
			same "$gdir/$gold.err" "$tmp/err" || res=1
		fi
	} >"$tmp/why"
	err=$(cat "$tmp/err")
	ok "$res" "$name: rigplan $argv"
	cat "$tmp/why"
done <"$table"

# The table's STATUS column, rewritten where a case exits otherwise now.
if [ "$update" = 1 ] && [ -s "$tmp/status" ]; then
	awk -F '\t' -v OFS='\t' 'NR == FNR { st[$1] = $2; next }
		FNR in st { $2 = st[FNR] } { print }' "$tmp/status" "$table" >"$tmp/table"
	cp "$tmp/table" "$table"
fi

# Every golden file belongs to a case: none left behind by a renamed one.
(cd "$gdir" && find . -type f ! -name cases.tsv | sed 's|^\./||' | LC_ALL=C sort) >"$tmp/present"
LC_ALL=C sort -u "$tmp/files" >"$tmp/named"
LC_ALL=C comm -23 "$tmp/present" "$tmp/named" >"$tmp/orphans"
if [ "$update" = 1 ]; then
	while read -r f; do echo "golden-update: $f belongs to no case (remove it?)"; done <"$tmp/orphans"
	[ "$failed" = 0 ]
	exit
fi
rc=-; err=$(cat "$tmp/orphans")
check "every file under tests/golden belongs to a case" [ ! -s "$tmp/orphans" ]
done_testing
