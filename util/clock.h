/*
 * clock.h - the two clocks rigplan reads: monotonic seconds for durations
 * and deadlines, and today's date (UTC) for as_of fields; and the one
 * check of a date a person or a file gives.
 */
#ifndef RIGPLAN_UTIL_CLOCK_H
#define RIGPLAN_UTIL_CLOCK_H

/* CLOCK_MONOTONIC in seconds. */
double clock_monotonic_s(void);

/* Today as YYYY-MM-DD (UTC); "1970-01-01" if the clock cannot be read. */
void clock_today_utc(char out[11]);

/* Whether `s` is exactly YYYY-MM-DD naming a day of the proleptic
 * Gregorian calendar (month lengths, leap years: 2024-02-29 but not
 * 2023-02-29 or 2100-02-29), year 0001 to 9999. */
int clock_date_valid(const char *s);

#endif
