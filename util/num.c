/*
 * num.c - strict number parsing on top of strtod/strtoull, with the checks
 * those functions leave to the caller (whole string, finiteness, range).
 */
#include "util/num.h"
#include "util/err.h"
#include "util/units.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest number text we accept; longer input is junk, not a number. */
#define NUM_TEXT_MAX 64

/*
 * Check that s[0..n) has the shape of a plain decimal number:
 * [+-]digits[.digits][(e|E)[+-]digits].  strtod alone also accepts
 * blanks, hex, "inf" and "nan", which are never valid here.
 */
static int decimal_shape(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	while (i < n && isdigit((unsigned char)s[i]))
		i++, digits++;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && isdigit((unsigned char)s[i]))
			i++, digits++;
	}
	if (!digits)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t exp_digits = 0;

		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		while (i < n && isdigit((unsigned char)s[i]))
			i++, exp_digits++;
		if (!exp_digits)
			return 0;
	}
	return i == n;
}

/* Length of the leading number-shaped run of s (digits, sign, dot, exp). */
static size_t number_prefix(const char *s)
{
	size_t i = 0;

	if (s[i] == '+' || s[i] == '-')
		i++;
	while (isdigit((unsigned char)s[i]) || s[i] == '.')
		i++;
	if ((s[i] == 'e' || s[i] == 'E') &&
	    (isdigit((unsigned char)s[i + 1]) ||
	     ((s[i + 1] == '+' || s[i + 1] == '-') &&
	      isdigit((unsigned char)s[i + 2])))) {
		i += 2;
		while (isdigit((unsigned char)s[i]))
			i++;
	}
	return i;
}

static int parse_span(double *out, const char *s, size_t n, const char *whole,
		      struct err *err)
{
	char buf[NUM_TEXT_MAX + 1];
	char *end;
	double v;

	if (n == 0 || n > NUM_TEXT_MAX || !decimal_shape(s, n))
		return err_set(err, ERR_INVAL,
			       "invalid number '%.80s': expected a decimal number",
			       whole);
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	v = strtod(buf, &end);
	if (*end != '\0')
		return err_set(err, ERR_INVAL,
			       "invalid number '%.80s': expected a decimal number",
			       whole);
	if (errno == ERANGE && fabs(v) > 1.0)
		return err_set(err, ERR_INVAL,
			       "number '%.80s' is out of range", whole);
	if (!isfinite(v))
		return err_set(err, ERR_INVAL,
			       "number '%.80s' is not finite", whole);
	*out = v;
	return 0;
}

int num_parse_double(double *out, const char *s, struct err *err)
{
	return parse_span(out, s, strlen(s), s, err);
}

int num_parse_u64(uint64_t *out, const char *s, struct err *err)
{
	size_t i, n = strlen(s);
	uint64_t v = 0;

	if (n == 0 || n > NUM_TEXT_MAX)
		goto bad;
	for (i = 0; i < n; i++) {
		unsigned d;

		if (!isdigit((unsigned char)s[i]))
			goto bad;
		d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return err_set(err, ERR_INVAL,
				       "number '%.80s' is out of range", s);
		v = v * 10 + d;
	}
	*out = v;
	return 0;
bad:
	return err_set(err, ERR_INVAL,
		       "invalid count '%.80s': expected a non-negative integer", s);
}

struct unit_prefix {
	const char *name;
	double factor;
};

/* Binary prefixes come first so "Ki" is not read as "K" + "i". */
static const struct unit_prefix byte_prefixes[] = {
	{ "Ki", UNIT_KIB }, { "Mi", UNIT_MIB }, { "Gi", UNIT_GIB },
	{ "Ti", 1099511627776.0 }, { "Pi", 1125899906842624.0 },
	{ "K", 1e3 }, { "M", 1e6 }, { "G", 1e9 }, { "T", 1e12 }, { "P", 1e15 },
};

int num_parse_bytes(uint64_t *out, const char *s, struct err *err)
{
	size_t n = number_prefix(s), i;
	const char *unit = s + n;
	double v, factor = 1.0;

	if (n == 0 || n > NUM_TEXT_MAX)
		goto bad;
	while (*unit == ' ')
		unit++;
	if (*unit) {
		size_t ulen = strlen(unit);
		int found = 0;

		for (i = 0; i < sizeof(byte_prefixes) / sizeof(byte_prefixes[0]); i++) {
			size_t plen = strlen(byte_prefixes[i].name);

			if (strncasecmp(unit, byte_prefixes[i].name, plen) == 0 &&
			    (ulen == plen ||
			     (ulen == plen + 1 && (unit[plen] == 'B' || unit[plen] == 'b')))) {
				factor = byte_prefixes[i].factor;
				found = 1;
				break;
			}
		}
		if (!found && !(ulen == 1 && (unit[0] == 'B' || unit[0] == 'b')))
			goto bad;
	}
	if (parse_span(&v, s, n, s, err) < 0)
		return -ERR_INVAL;
	v *= factor;
	if (v < 0 || v >= 18446744073709551616.0)
		return err_set(err, ERR_INVAL,
			       "size '%.80s' is out of range: expected 0 to 16 EiB", s);
	*out = (uint64_t)llround(v);
	return 0;
bad:
	return err_set(err, ERR_INVAL,
		       "invalid size '%.80s': expected a number with an optional unit such as GB or GiB",
		       s);
}

int num_parse_with_unit(double *out, const char *s, const char *unit,
			struct err *err)
{
	size_t n = number_prefix(s);
	const char *rest = s + n;

	while (*rest == ' ')
		rest++;
	if (n == 0 || strcmp(rest, unit) != 0)
		return err_set(err, ERR_INVAL,
			       "invalid value '%.80s': expected a number in %s",
			       s, unit);
	return parse_span(out, s, n, s, err);
}
