/*
 * num.h - strict parsing of numbers and quantities with units.
 *
 * Every parser consumes the whole string or fails: no leading blanks, no
 * trailing junk, no NaN or infinity, no hex.  atoi/atof/sscanf are banned
 * in this project; these are what to use instead.  Errors are ERR_INVAL
 * with a message naming the text and what was expected.
 */
#ifndef RIGPLAN_UTIL_NUM_H
#define RIGPLAN_UTIL_NUM_H

#include <stddef.h>
#include <stdint.h>

struct err;

/* A finite decimal number such as "12", "-0.5", "3.35e12". */
int num_parse_double(double *out, const char *s, struct err *err);

/* A non-negative decimal integer that fits in uint64_t. */
int num_parse_u64(uint64_t *out, const char *s, struct err *err);

/*
 * A byte count with an optional unit: "4096", "80GB", "80 GiB", "1.5T",
 * "512MiB".  K/M/G/T/P are powers of 1000, Ki/Mi/Gi/Ti/Pi powers of 1024;
 * the trailing "B" is optional; prefixes are case-insensitive.  The result
 * is rounded to whole bytes and must fit in uint64_t.
 */
int num_parse_bytes(uint64_t *out, const char *s, struct err *err);

/*
 * A number followed by an expected unit, with optional blanks between:
 * ("700.00 W", "W") -> 700, ("81559 MiB", "MiB") -> 81559, ("16x", "x")
 * -> 16.  The unit comparison is exact.  Used for tool output such as
 * nvidia-smi's, where the unit is part of the value.
 */
int num_parse_with_unit(double *out, const char *s, const char *unit,
			struct err *err);

#endif
