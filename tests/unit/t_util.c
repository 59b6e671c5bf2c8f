/*
 * t_util.c - number parsing, edit distance, error context, string buffer,
 * output files written in place.
 */
#include "tests/testlib.h"
#include "util/afile.h"
#include "util/err.h"
#include "util/num.h"
#include "util/sbuf.h"
#include "util/strdist.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void doubles(void)
{
	static const char *const bad[] = {
		"", " 1", "1 ", "abc", "1x", "nan", "NaN", "inf", "-inf", "0x10",
		"1e999", "1e", ".", "+", "1..2", "--1", "1e+", "12,5"
	};
	struct err err = ERR_INIT;
	double v = 0;
	size_t i;

	test_ok(num_parse_double(&v, "12", &err) == 0 && v == 12, "parse '12'");
	test_ok(num_parse_double(&v, "-0.5", &err) == 0 && v == -0.5, "parse '-0.5'");
	test_ok(num_parse_double(&v, "3.35e12", &err) == 0 && v == 3.35e12, "parse '3.35e12'");
	test_ok(num_parse_double(&v, ".5", &err) == 0 && v == 0.5, "parse '.5'");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&err);
		test_int(num_parse_double(&v, bad[i], &err), -ERR_INVAL,
			 "reject double '%s'", bad[i]);
		test_ok(strstr(err.msg, bad[i]) != NULL || !bad[i][0],
			"message names '%s': %s", bad[i], err.msg);
	}
}

static void counts_and_bytes(void)
{
	struct err err = ERR_INIT;
	uint64_t u = 0;

	test_ok(num_parse_u64(&u, "18446744073709551615", &err) == 0 &&
		u == UINT64_MAX, "largest u64");
	test_int(num_parse_u64(&u, "18446744073709551616", &err), -ERR_INVAL, "u64 overflow");
	test_int(num_parse_u64(&u, "-1", &err), -ERR_INVAL, "negative count");
	test_int(num_parse_u64(&u, "1.5", &err), -ERR_INVAL, "fractional count");

	/* 80 GB = 80e9; 80 GiB = 80 * 2^30 = 85899345920. */
	test_ok(num_parse_bytes(&u, "80GB", &err) == 0 && u == 80000000000ULL, "80GB");
	test_ok(num_parse_bytes(&u, "80 GiB", &err) == 0 && u == 85899345920ULL, "80 GiB");
	test_ok(num_parse_bytes(&u, "1.5T", &err) == 0 && u == 1500000000000ULL, "1.5T");
	test_ok(num_parse_bytes(&u, "512MiB", &err) == 0 && u == 536870912ULL, "512MiB");
	test_ok(num_parse_bytes(&u, "4096", &err) == 0 && u == 4096, "plain bytes");
	test_ok(num_parse_bytes(&u, "4096B", &err) == 0 && u == 4096, "bytes with B");
	test_int(num_parse_bytes(&u, "12Q", &err), -ERR_INVAL, "unknown unit");
	test_int(num_parse_bytes(&u, "-1GB", &err), -ERR_INVAL, "negative size");
	test_int(num_parse_bytes(&u, "99999999PiB", &err), -ERR_INVAL, "size overflow");
	test_int(num_parse_bytes(&u, "GB", &err), -ERR_INVAL, "unit without number");
}

static void with_unit(void)
{
	struct err err = ERR_INIT;
	double v = 0;

	test_ok(num_parse_with_unit(&v, "700.00 W", "W", &err) == 0 && v == 700, "700.00 W");
	test_ok(num_parse_with_unit(&v, "81559 MiB", "MiB", &err) == 0 && v == 81559, "81559 MiB");
	test_ok(num_parse_with_unit(&v, "16x", "x", &err) == 0 && v == 16, "16x");
	test_int(num_parse_with_unit(&v, "N/A", "W", &err), -ERR_INVAL, "N/A is not a number");
	test_int(num_parse_with_unit(&v, "700 kW", "W", &err), -ERR_INVAL, "wrong unit");
	test_int(num_parse_with_unit(&v, "700 W extra", "W", &err), -ERR_INVAL, "trailing junk");
}

static void distance(void)
{
	test_int((int64_t)strdist("kitten", "sitting"), 3, "kitten/sitting = 3");
	test_int((int64_t)strdist("ab", "ba"), 1, "transposition costs 1");
	test_int((int64_t)strdist("H100", "h100"), 0, "case-insensitive");
	test_int((int64_t)strdist("", "abc"), 3, "empty string");
	test_ok(strdist_similar("lst", "list"), "lst ~ list");
	test_ok(!strdist_similar("zzzz", "catalog"), "zzzz !~ catalog");
}

static void errors_and_sbuf(void)
{
	struct err err = ERR_INIT;
	struct sbuf sb;
	char big[600];
	int i;

	test_int(err_set(&err, ERR_PARSE, "bad '%s'", "x"), -ERR_PARSE, "err_set returns -code");
	err_prefix(&err, "file '%s'", "f.xml");
	test_str(err.msg, "file 'f.xml': bad 'x'", "err_prefix composes");
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	err_set(&err, ERR_IO, "%s", big);
	err_prefix(&err, "ctx");
	test_int((int64_t)strlen(err.msg), ERR_MSG_MAX - 1, "long message truncated, not overflowed");

	sbuf_init(&sb);
	for (i = 0; i < 1000; i++)
		sbuf_addf(&sb, "%d,", i);
	test_int((int64_t)sb.len, (int64_t)strlen(sb.buf), "sbuf length consistent");
	test_ok(strncmp(sb.buf, "0,1,2,", 6) == 0 && strstr(sb.buf, "999,") != NULL,
		"sbuf grows and keeps content");
	sbuf_release(&sb);
}

/*
 * An output written in place to a pipe whose reader is gone: the commit
 * reports "Broken pipe" instead of the process dying of SIGPIPE, and
 * leaves no SIGPIPE pending or blocked behind it.  The pipe is named
 * /dev/fd/N, as a shell's process substitution names it.
 */
static void afile_broken_pipe(void)
{
	struct afile a;
	struct err err = ERR_INIT;
	sigset_t pending, mask;
	char path[32];
	int fds[2], r;

	if (pipe(fds) < 0) {
		test_ok(0, "pipe");
		return;
	}
	close(fds[0]);
	snprintf(path, sizeof(path), "/dev/fd/%d", fds[1]);
	if (afile_open(&a, path, AFILE_MODE_DATA, &err) < 0) {
		test_ok(0, "afile_open '%s': %s", path, err.msg);
		close(fds[1]);
		return;
	}
	fputs("time_s,in_system\n0,0\n", a.f);
	r = afile_commit(&a, &err);
	test_int(r, -ERR_IO, "a pipe without a reader: the commit fails");
	test_contains(err.msg, "Broken pipe", "... saying why");
	sigpending(&pending);
	sigprocmask(SIG_BLOCK, NULL, &mask);
	test_ok(!sigismember(&pending, SIGPIPE) && !sigismember(&mask, SIGPIPE),
		"... with no SIGPIPE left pending or blocked");
	/* the descriptor named is the caller's, still open */
	test_ok(write(fds[1], "", 0) == 0, "... and the caller's descriptor still open");
	close(fds[1]);
}

int main(void)
{
	doubles();
	counts_and_bytes();
	with_unit();
	distance();
	errors_and_sbuf();
	afile_broken_pipe();
	return test_done();
}
