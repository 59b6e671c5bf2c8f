/*
 * version.c - see version.h.
 */
#include "util/version.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The number of the digit run at *p (which is a digit), moving past it;
 * saturating, a version has no number that large. */
static unsigned long long number(const char **p)
{
	unsigned long long v = 0;

	for (; isdigit((unsigned char)**p); (*p)++)
		v = v > 1000000000000ULL ? v : v * 10 + (unsigned)(**p - '0');
	return v;
}

int version_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			unsigned long long x = number(&a), y = number(&b);

			if (x != y)
				return x < y ? -1 : 1;
			continue;
		}
		if (*a != *b) {
			/* a pre-release ("rc1") is older than what goes on with
			 * a separator or a number */
			int la = isalpha((unsigned char)*a) != 0, lb = isalpha((unsigned char)*b) != 0;

			if (la != lb)
				return la ? -1 : 1;
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		}
		a++;
		b++;
	}
	if (!*a && !*b)
		return 0;
	/* one ended: "1.0.0" against "1.0.0rc1" (older) or "1.0.0.1" (newer) */
	if (!*a)
		return isalpha((unsigned char)*b) ? 1 : -1;
	return isalpha((unsigned char)*a) ? -1 : 1;
}

/* "8.6" into major 8 and minor 6; 0 when it is no capability. */
static int capability(const char *s, unsigned *major, unsigned *minor)
{
	char *end;
	unsigned long M, m;

	if (!isdigit((unsigned char)s[0]))
		return 0;
	M = strtoul(s, &end, 10);
	if (*end != '.' || !isdigit((unsigned char)end[1]))
		return 0;
	m = strtoul(end + 1, &end, 10);
	if (*end || M > 99 || m > 9)
		return 0;
	*major = (unsigned)M;
	*minor = (unsigned)m;
	return 1;
}

int version_target_runs(const char *gpu, const char *built)
{
	char cap[16];
	size_t n = strlen(built);
	unsigned gM, gm, bM, bm;

	/* "8.9+PTX": the image also carries PTX for 8.9, which the driver
	 * compiles for any later GPU */
	if (n > 4 && n - 4 < sizeof(cap) && !strcasecmp(built + n - 4, "+ptx")) {
		memcpy(cap, built, n - 4);
		cap[n - 4] = '\0';
		return capability(gpu, &gM, &gm) && capability(cap, &bM, &bm) &&
		       (gM > bM || (gM == bM && gm >= bm));
	}
	/* "9.0a": architecture-specific code (sm_90a) runs on that
	 * capability alone, not on later minors (CUDA Programming Guide,
	 * "Feature Availability") */
	if (n > 1 && n - 1 < sizeof(cap) && built[n - 1] == 'a') {
		memcpy(cap, built, n - 1);
		cap[n - 1] = '\0';
		return capability(gpu, &gM, &gm) && capability(cap, &bM, &bm) &&
		       gM == bM && gm == bm;
	}
	if (capability(gpu, &gM, &gm) && capability(built, &bM, &bm))
		return gM == bM && bm <= gm;
	return strcmp(gpu, built) == 0;
}
