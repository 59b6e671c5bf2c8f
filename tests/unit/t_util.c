/*
 * t_util.c - number parsing, edit distance, error context, string buffer,
 * calendar dates, and output files written in place.
 */
#include "tests/testlib.h"
#include "util/clock.h"
#include "util/afile.h"
#include "util/err.h"
#include "util/num.h"
#include "util/sbuf.h"
#include "util/strdist.h"
#include "util/version.h"
#include "util/xalloc.h"

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
	{
		struct err kept = ERR_INIT, got = ERR_INIT;

		err_set(&kept, ERR_NOTFOUND, "no link 'nvlink'");
		test_int(err_copy(&got, &kept), -ERR_NOTFOUND, "err_copy returns the kept -code");
		test_str(got.msg, "no link 'nvlink'", "... and copies its message");
		test_int(err_copy(NULL, &kept), -ERR_NOTFOUND, "... also with no err to fill");
	}
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
 * An oracle for calendar dates that shares nothing with clock.c's month
 * table: days since 1970-01-01 and back (H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms", days_from_civil / civil_from_days).  A day
 * is real exactly when it survives the round trip (2023-02-29 comes back
 * as 2023-03-01).
 */
static long days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int real_day(long y, long m, long d)
{
	long z = days_from_civil(y, m, d) + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;
	long yy = yoe + era * 400 + (mm <= 2);

	return yy == y && mm == m && dd == d;
}

/* Property: clock_date_valid agrees with the oracle on every month 0-13
 * and day 0-32 of century, leap and ordinary years and a fixed-seed
 * sample of the rest; and what is not YYYY-MM-DD is refused. */
static void dates(void)
{
	static const long years[] = { 1, 4, 100, 400, 1600, 1700, 1900, 2000, 2023, 2024,
				      2025, 2100, 2400, 9999 };
	static const char *const bad[] = {
		"", "2024-1-01", "2024-01-1", "2024/01/01", "02024-01-01", "2024-01-01 ",
		"2024-0a-01", "+024-01-01", "0000-01-01", "2024-02-30x"
	};
	unsigned long seed = 20261206, wrong = 0, checked = 0;
	char s[32];
	size_t i, k;
	long y, m, d;

	for (k = 0; k < ARRAY_SIZE(years) + 200; k++) {
		if (k < ARRAY_SIZE(years)) {
			y = years[k];
		} else {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			y = 1 + (long)((seed >> 33) % 9999);
		}
		for (m = 0; m <= 13; m++)
			for (d = 0; d <= 32; d++) {
				int want = m >= 1 && m <= 12 && d >= 1 && d <= 31 && real_day(y, m, d);

				snprintf(s, sizeof(s), "%04ld-%02ld-%02ld", y, m, d);
				checked++;
				if (clock_date_valid(s) != want && wrong++ < 5)
					test_ok(0, "date '%s' %s (seed 20261206)", s,
						want ? "is a real day" : "is not a real day");
			}
	}
	test_int((int64_t)wrong, 0, "%lu dates agree with the civil-calendar oracle", checked);
	test_ok(clock_date_valid("2024-02-29") && !clock_date_valid("2023-02-29") &&
		!clock_date_valid("2100-02-29") && clock_date_valid("2000-02-29") &&
		!clock_date_valid("2025-02-30") && !clock_date_valid("2024-13-01"),
		"leap days and impossible dates");
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		test_ok(!clock_date_valid(bad[i]), "'%s' is not YYYY-MM-DD", bad[i]);
}

/*
 * Release versions in the order the engines' changelogs give them, each
 * older than the next; and compile targets against GPUs.
 */
static void versions(void)
{
	static const char *const order[] = {
		"0.4.1", "0.4.6", "0.4.6.post1", "0.5.0rc1", "0.5.0", "0.5.6", "0.6.6", "0.8.5",
		"0.9.9", "0.10.2", "0.10.10", "1.0.0rc1", "1.0.0", "1.0.0.1", "10.0.0"
	};
	size_t i, j;
	int wrong = 0;

	for (i = 0; i < ARRAY_SIZE(order); i++)
		for (j = 0; j < ARRAY_SIZE(order); j++) {
			int c = version_cmp(order[i], order[j]);
			int want = i < j ? -1 : i > j;

			if ((c > 0) - (c < 0) != want && wrong++ < 5)
				test_ok(0, "version_cmp('%s', '%s') = %d, not %d", order[i],
					order[j], c, want);
		}
	test_int(wrong, 0, "%zu versions ordered as their changelogs are", ARRAY_SIZE(order));
	/* llama.cpp builds are numbered, not dotted */
	test_ok(version_cmp("b4000", "b5849") < 0 && version_cmp("b10438", "b5849") > 0,
		"b4000 < b5849 < b10438");
	/* sm_86 runs sm_80 cubins (same major, lower minor); not the reverse,
	 * and not across majors; PTX compiles forward across majors */
	test_ok(version_target_runs("8.6", "8.0") && !version_target_runs("8.0", "8.6") &&
		!version_target_runs("9.0", "8.0") && !version_target_runs("12.0", "10.0"),
		"cubins run on their own major version, minor no higher");
	test_ok(version_target_runs("12.0", "8.9+PTX") && version_target_runs("8.9", "8.9+ptx") &&
		!version_target_runs("8.6", "8.9+PTX"), "PTX runs on its version and later");
	test_ok(version_target_runs("9.0", "9.0a") && !version_target_runs("12.0", "9.0a") &&
		!version_target_runs("12.1", "12.0a") && version_target_runs("12.0", "12.0a"),
		"architecture-specific code (9.0a) runs on that capability only");
	test_ok(version_target_runs("gfx942", "gfx942") && !version_target_runs("gfx90a", "gfx942") &&
		!version_target_runs("gfx942", "9.0"), "other targets only by name");
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
	versions();
	counts_and_bytes();
	with_unit();
	distance();
	errors_and_sbuf();
	dates();
	afile_broken_pipe();
	return test_done();
}
