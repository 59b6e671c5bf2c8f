/*
 * clock.c - see clock.h.
 */
#include "util/clock.h"

#include <string.h>
#include <time.h>

double clock_monotonic_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void clock_today_utc(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	if (gmtime_r(&t, &tm))
		strftime(out, 11, "%Y-%m-%d", &tm);
	else
		memcpy(out, "1970-01-01", 11);
}
