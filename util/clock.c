/*
 * clock.c - see clock.h.
 */
#include "util/clock.h"

#include <ctype.h>
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

/* Gregorian leap years: every fourth, but not centuries unless divisible
 * by 400 (ISO 8601, which dates follow). */
static int leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int clock_date_valid(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int year = 0, month, day;
	size_t i;

	if (strlen(s) != sizeof(shape) - 1)
		return 0;
	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
			return 0;
	for (i = 0; i < 4; i++)
		year = year * 10 + (s[i] - '0');
	month = (s[5] - '0') * 10 + (s[6] - '0');
	day = (s[8] - '0') * 10 + (s[9] - '0');
	if (year < 1 || month < 1 || month > 12 || day < 1)
		return 0;
	return day <= days[month - 1] + (month == 2 && leap_year(year));
}
