/*
 * strdist.c - bounded edit distance for suggestions.
 */
#include "util/strdist.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t strdist(const char *a, const char *b)
{
	size_t prev2[STRDIST_MAX + 1], prev[STRDIST_MAX + 1], cur[STRDIST_MAX + 1];
	size_t n = strlen(a), m = strlen(b), i, j;

	if (n > STRDIST_MAX)
		n = STRDIST_MAX;
	if (m > STRDIST_MAX)
		m = STRDIST_MAX;
	for (j = 0; j <= m; j++)
		prev[j] = j;
	memset(prev2, 0, sizeof(prev2));
	for (i = 1; i <= n; i++) {
		cur[0] = i;
		for (j = 1; j <= m; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			size_t cost = ca != cb;

			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 &&
			    ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb &&
			    prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
		memcpy(prev2, prev, sizeof(prev));
		memcpy(prev, cur, sizeof(cur));
	}
	return prev[m];
}

static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle), h = strlen(hay), i;

	if (n == 0 || n > h)
		return 0;
	for (i = 0; i + n <= h; i++)
		if (strncasecmp(hay + i, needle, n) == 0)
			return 1;
	return 0;
}

int strdist_similar(const char *typed, const char *cand)
{
	size_t len = strlen(typed), limit = len / 3;

	if (limit < 2)
		limit = 2;
	if (strdist(typed, cand) <= limit)
		return 1;
	if (len >= 3 && strncasecmp(typed, cand, 3) == 0)
		return 1;
	return len >= 2 && contains_ci(cand, typed);
}
