# rigplan(1) agrees with --help: every command has its section and every
# option its --help lists is documented there; the exit statuses and the
# environment read the same in both, word for word; groff renders it cleanly.
. "$TOP_SRCDIR/tests/cli/lib.sh"
run "$PROG" help --man
check "help --man exits 0" [ "$rc" = 0 ]
man=$out
printf '%s\n' "$man" >"$tmp/rigplan.1"
check "it is a man page" has "$man" ".TH RIGPLAN 1"
for s in "NAME" "SYNOPSIS" "COMMANDS" "EXIT STATUS" "ENVIRONMENT" "HOST DEFAULTS" "FILES"; do
	check "section $s" has "$man" ".SH $s"
done
if command -v groff >/dev/null; then
	groff -man -ww -z "$tmp/rigplan.1" >"$tmp/groff" 2>&1
	check "groff renders it without a warning" [ ! -s "$tmp/groff" ]
fi
# "Heading:" block of a --help text, as "KEY text" lines
help_block() {
	printf '%s\n' "$2" | sed -n "/^$1:\$/,/^\$/p" | sed '1d; /^$/d' |
		sed 's/^  \([^ ]*\)  */\1 /'
}
# .SH block of the manual made of ".TP/.B KEY/text" entries, as "KEY text"
man_block() {
	awk -v sh=".SH $1" '$0 == sh { on = 1; next } /^\.S[HS] / { on = 0 } on' "$tmp/rigplan.1" |
		awk '/^\.TP$/ { next } /^\.B / { sub(/^\.B /, ""); key = $0; next } { print key " " $0 }' |
		sed 's/\\-/-/g; s/\\e/\\/g; s/^\\&//'
}
run "$PROG" --help
main_help=$out
exit_help=$(help_block "Exit status" "$main_help")
check "--help lists the six exit statuses" [ "$(printf '%s\n' "$exit_help" | cut -d' ' -f1 | tr '\n' ' ')" = "0 1 2 3 4 5 " ]
check "--help's exit statuses are the manual's, word for word" [ "$exit_help" = "$(man_block 'EXIT STATUS')" ]
env_help=$(help_block "Environment" "$main_help")
check "--help's environment is the manual's, word for word" [ "$env_help" = "$(man_block ENVIRONMENT)" ]
# the host defaults: --help prints "name  value", the manual ".B name \fRvalue"
# and the source; one table (models/defaults.c) makes both
defaults_help=$(printf '%s\n' "$main_help" | sed -n '/^Host and site defaults/,/^$/p' | sed '1d; /^$/d' |
	sed 's/^  \([^ ]*\)  */\1 /')
defaults_man=$(awk '$0 == ".SH HOST DEFAULTS" { on = 1; next } /^\.S[HS] / { on = 0 } on' "$tmp/rigplan.1" |
	sed -n 's/^\.B \(.*\) \\fR\(.*\)/\1 \2/p' | sed 's/\\-/-/g')
check "--help lists host defaults" [ "$(printf '%s\n' "$defaults_help" | wc -l)" -ge 10 ]
check "--help's host defaults are the manual's, name and value" [ "$defaults_help" = "$defaults_man" ]
check "every host default in the manual has a source" [ "$(awk '$0 == ".SH HOST DEFAULTS" { on = 1; next } /^\.S[HS] / { on = 0 } on && /^\.TP$/ { getline; getline; if ($0 == "" || $0 ~ /^\./) bad++ } END { print bad + 0 }' "$tmp/rigplan.1")" = 0 ]
# every variable the program reads (getenv in its C sources) is documented
for v in $(find "$TOP_SRCDIR" -name '*.c' ! -path '*/tests/*' ! -path '*/bench/*' -exec cat {} + |
	   grep -o 'getenv("[A-Z_]*")' | sed 's/getenv("\(.*\)")/\1/' | sort -u); do
	check "environment variable $v is documented" has "
$env_help" "
$v "
done
# the commands: top-level ones from `rigplan help`, one level of subcommands
paths=$(command_paths)
check "found the commands" [ "$(echo $paths | wc -w)" -ge 12 ]
for p in $paths; do
	words=$(echo "$p" | tr / ' ')
	esc=$(printf '%s' "$words" | sed 's/-/\\-/g')
	# the section of this command: from its .SS line to the next .SS or .SH
	awk -v want=".SS \"rigplan $esc [options]" 'index($0, want) == 1 { on = 1; next }
		/^\.S[SH] / { on = 0 } on' "$tmp/rigplan.1" >"$tmp/section"
	check "rigplan $words has a section" [ -s "$tmp/section" ]
	check "rigplan $words --help: the same exit statuses" \
		[ "$(help_block "Exit status" "$("$PROG" $words --help)")" = "$exit_help" ]
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
