/*
 * testlib.c - TAP output for the unit tests (read by automake's
 * tap-driver.sh, which counts every check).
 */
#include "tests/testlib.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count, failed;

static int report(int ok, const char *detail, const char *fmt, va_list ap)
{
	count++;
	printf("%s %d - ", ok ? "ok" : "not ok", count);
	vprintf(fmt, ap);
	putchar('\n');
	if (!ok) {
		failed++;
		if (detail)
			printf("# %s\n", detail);
	}
	fflush(stdout);
	return ok;
}

int test_ok(int cond, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = report(cond, NULL, fmt, ap);
	va_end(ap);
	return r;
}

int test_rel(double got, double want, double rtol, const char *fmt, ...)
{
	char detail[160];
	va_list ap;
	int r, ok = isfinite(got) && fabs(got - want) <= rtol * fabs(want);

	snprintf(detail, sizeof(detail), "got %.10g, want %.10g (rtol %g)", got, want, rtol);
	va_start(ap, fmt);
	r = report(ok, detail, fmt, ap);
	va_end(ap);
	return r;
}

int test_abs(double got, double want, double atol, const char *fmt, ...)
{
	char detail[160];
	va_list ap;
	int r, ok = isfinite(got) && fabs(got - want) <= atol;

	snprintf(detail, sizeof(detail), "got %.10g, want %.10g (atol %g)", got, want, atol);
	va_start(ap, fmt);
	r = report(ok, detail, fmt, ap);
	va_end(ap);
	return r;
}

int test_int(int64_t got, int64_t want, const char *fmt, ...)
{
	char detail[160];
	va_list ap;
	int r;

	snprintf(detail, sizeof(detail), "got %lld, want %lld", (long long)got,
		 (long long)want);
	va_start(ap, fmt);
	r = report(got == want, detail, fmt, ap);
	va_end(ap);
	return r;
}

int test_str(const char *got, const char *want, const char *fmt, ...)
{
	char detail[600];
	va_list ap;
	int r, ok = got && want && strcmp(got, want) == 0;

	snprintf(detail, sizeof(detail), "got '%.250s', want '%.250s'",
		 got ? got : "(null)", want ? want : "(null)");
	va_start(ap, fmt);
	r = report(ok, detail, fmt, ap);
	va_end(ap);
	return r;
}

int test_contains(const char *got, const char *want, const char *fmt, ...)
{
	char detail[600];
	va_list ap;
	int r, ok = got && want && strstr(got, want) != NULL;

	snprintf(detail, sizeof(detail), "'%.250s' does not contain '%.250s'",
		 got ? got : "(null)", want ? want : "(null)");
	va_start(ap, fmt);
	r = report(ok, detail, fmt, ap);
	va_end(ap);
	return r;
}

int test_done(void)
{
	printf("1..%d\n", count);
	if (failed)
		printf("# %d of %d checks failed\n", failed, count);
	return failed ? 1 : 0;
}

const char *test_env(const char *name)
{
	const char *v = getenv(name);

	if (!v || !*v) {
		printf("Bail out! %s is not set (run through make check)\n", name);
		exit(1);
	}
	return v;
}
