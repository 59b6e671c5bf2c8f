#!/bin/sh
# valgrind-prog.sh - runs $RIGPLAN_REAL_PROG under valgrind memcheck for
# the command-line tests (`.ci/run` sets PROG to this script): any memory
# error or definite leak turns the exit status into 99, which every
# test's status check then reports.
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite "$RIGPLAN_REAL_PROG" "$@"
