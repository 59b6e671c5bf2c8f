#!/bin/sh
# check-layers.sh SRCDIR - fail when a project #include runs against the
# layering of docs/ARCHITECTURE.md: each folder may include its own
# headers and those of the layers listed for it below, nothing else.
# An entry is a folder or one header (generators see the planner only
# through planner/plan.h, and of models/ only the host defaults table).  Prints every offending line.
set -u
top=${1:-.}
allowed() {
	case $1 in
	util) echo "util" ;;
	catalog) echo "catalog util" ;;
	models) echo "models util" ;;
	sim) echo "sim models util" ;;
	bind) echo "bind catalog/cat.h catalog/cat_rows.h models util" ;;
	planner) echo "planner bind sim models util" ;;
	calibrate) echo "calibrate bind catalog models util" ;;
	generators) echo "generators planner/plan.h models/defaults.h util" ;;
	cli) echo "cli generators planner calibrate sim bind catalog models util" ;;
	*) return 1 ;;
	esac
}
bad=0
for dir in util catalog models sim bind planner calibrate generators cli; do
	ok=$(allowed "$dir")
	for f in "$top/$dir"/*.c "$top/$dir"/*.h "$top/$dir"/*.cu; do
		[ -f "$f" ] || continue
		# the project's own headers: "folder/name.h"
		grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z_]*/[^"]*"' "$f" |
		while IFS= read -r line; do
			inc=$(printf '%s\n' "$line" | sed 's/.*"\([^"]*\)".*/\1/')
			folder=${inc%%/*}
			pass=0
			for a in $ok; do
				[ "$a" = "$folder" ] || [ "$a" = "$inc" ] && pass=1
			done
			[ $pass = 1 ] || echo "${f#"$top"/}:$line: $dir/ may not include $inc"
		done
	done
done >"${TMPDIR:-/tmp}/check-layers.$$"
if [ -s "${TMPDIR:-/tmp}/check-layers.$$" ]; then
	cat "${TMPDIR:-/tmp}/check-layers.$$"
	rm -f "${TMPDIR:-/tmp}/check-layers.$$"
	echo "check-layers: an include runs against the layering (docs/ARCHITECTURE.md)"
	exit 1
fi
rm -f "${TMPDIR:-/tmp}/check-layers.$$"
echo "check-layers: ok"
