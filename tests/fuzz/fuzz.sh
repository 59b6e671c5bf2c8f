#!/bin/sh
# fuzz.sh - build the libFuzzer harnesses with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer, coverage on all of rigplan's library code)
# and fuzz each for SECONDS, starting from its committed corpus.
#   tests/fuzz/fuzz.sh SRCDIR BUILDDIR SECONDS [TARGET...]
# A crash stops with the crashing input in BUILDDIR/fuzz/crash-*: fix the
# bug, then add the input to tests/fuzz/regress/TARGET/ so `make check`
# replays it for good.  New corpus entries stay in BUILDDIR/fuzz/corpus.
set -eu
src=$1 build=$2 secs=$3; shift 3
targets=${*:-nvsmi plan trace num escape gen hfconfig gguf reference}
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null || { echo "fuzz.sh: $CC not found (apt-get install clang)"; exit 1; }
out="$build/fuzz"; mkdir -p "$out/obj"
flags="-g -O1 -std=c11 -D_XOPEN_SOURCE=700 -DRIGPLAN_PKGDATADIR=\"/nonexistent\" -fno-omit-frame-pointer \
 -fsanitize=address,undefined -I$src -I$build $(pkg-config --cflags gsl libxml-2.0 sqlite3 jansson libarchive)"
libs="$(pkg-config --libs gsl libxml-2.0 sqlite3 jansson libarchive) -lm -pthread"
# rigplan's library code, instrumented for coverage (not cli/main.c)
objs=
for f in "$src"/util/*.c "$src"/catalog/*.c "$src"/models/*.c "$src"/sim/*.c \
	 "$src"/bind/*.c "$src"/planner/*.c \
	 "$src"/generators/*.c "$src"/calibrate/*.c "$src"/cli/*.c; do
	case $f in */cli/main.c|*/cli/mkcatalog.c) continue ;; esac
	o="$out/obj/$(echo "${f#$src/}" | tr / _ | sed 's/\.c$/.o/')"
	[ "$o" -nt "$f" ] || $CC $flags -fsanitize=fuzzer-no-link -c "$f" -o "$o"
	objs="$objs $o"
done
status=0
for t in $targets; do
	$CC $flags -fsanitize=fuzzer "$src/tests/fuzz/fuzz_$t.c" $objs $libs -o "$out/fuzz_$t"
	mkdir -p "$out/corpus/$t"
	echo "fuzz $t for $secs s"
	(cd "$out" && ./fuzz_"$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 "corpus/$t" "$src/tests/fuzz/corpus/$t" 2>&1 | tail -4) || status=1
	ls "$out"/crash-* "$out"/leak-* "$out"/timeout-* 2>/dev/null && status=1
done
exit $status
