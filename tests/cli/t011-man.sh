# rigplan(1) agrees with --help: every command has its section and every
# option its --help lists is documented there; groff renders it cleanly.
. "$TOP_SRCDIR/tests/cli/lib.sh"
run "$PROG" help --man
check "help --man exits 0" [ "$rc" = 0 ]
man=$out
printf '%s\n' "$man" >"$tmp/rigplan.1"
check "it is a man page" has "$man" ".TH RIGPLAN 1"
for s in "NAME" "SYNOPSIS" "COMMANDS" "EXIT STATUS" "ENVIRONMENT" "FILES"; do
	check "section $s" has "$man" ".SH $s"
done
if command -v groff >/dev/null; then
	groff -man -ww -z "$tmp/rigplan.1" >"$tmp/groff" 2>&1
	check "groff renders it without a warning" [ ! -s "$tmp/groff" ]
fi
# the commands: top-level ones from `rigplan help`, one level of subcommands
commands() {
	"$PROG" help $1 | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'
}
paths=
for c in $(commands ""); do
	subs=$(commands "$c")
	if [ -n "$subs" ]; then
		for s in $subs; do paths="$paths $c/$s"; done
	else
		paths="$paths $c"
	fi
done
check "found the commands" [ "$(echo $paths | wc -w)" -ge 12 ]
for p in $paths; do
	words=$(echo "$p" | tr / ' ')
	esc=$(printf '%s' "$words" | sed 's/-/\\-/g')
	# the section of this command: from its .SS line to the next .SS or .SH
	awk -v want=".SS \"rigplan $esc [options]" 'index($0, want) == 1 { on = 1; next }
		/^\.S[SH] / { on = 0 } on' "$tmp/rigplan.1" >"$tmp/section"
	check "rigplan $words has a section" [ -s "$tmp/section" ]
	missing=
	for o in $("$PROG" $words --help | sed -n '/^Options:/,/^$/p' | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
		[ "$o" = --help ] && continue
		e=$(printf '%s' "$o" | sed 's/-/\\-/g')
		grep -qF -- "$e" "$tmp/section" || missing="$missing $o"
	done
	check "rigplan $words: every --help option is in the manual${missing:+ (missing$missing)}" [ -z "$missing" ]
done
run "$PROG" help --man estimate
check "--man with a command exits 2" [ "$rc" = 2 ]
done_testing
