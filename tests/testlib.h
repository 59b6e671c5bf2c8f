/*
 * testlib.h - tiny TAP test helpers: each check prints "ok N - what" or
 * "not ok N - what" with the values; test_done() prints the plan and
 * returns the exit status.
 */
#ifndef RIGPLAN_TESTLIB_H
#define RIGPLAN_TESTLIB_H

#include <stdint.h>

int test_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* |got - want| <= rtol * |want| */
int test_rel(double got, double want, double rtol, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int test_abs(double got, double want, double atol, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int test_int(int64_t got, int64_t want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int test_str(const char *got, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* got contains want */
int test_contains(const char *got, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int test_done(void);

/* An environment variable the test needs; bails out of TAP if unset. */
const char *test_env(const char *name);

#endif
