/*
 * clock.h - the two clocks rigplan reads: monotonic seconds for durations
 * and deadlines, and today's date (UTC) for as_of fields.
 */
#ifndef RIGPLAN_UTIL_CLOCK_H
#define RIGPLAN_UTIL_CLOCK_H

/* CLOCK_MONOTONIC in seconds. */
double clock_monotonic_s(void);

/* Today as YYYY-MM-DD (UTC); "1970-01-01" if the clock cannot be read. */
void clock_today_utc(char out[11]);

#endif
