/*
 * strdist.h - edit distance, for "did you mean" suggestions.
 */
#ifndef RIGPLAN_UTIL_STRDIST_H
#define RIGPLAN_UTIL_STRDIST_H

#include <stddef.h>

/*
 * Case-insensitive optimal-string-alignment distance (Levenshtein plus
 * adjacent transpositions).  Inputs longer than STRDIST_MAX characters are
 * compared on their first STRDIST_MAX characters, which bounds the cost of
 * hostile input.
 */
#define STRDIST_MAX 64
size_t strdist(const char *a, const char *b);

/*
 * Whether `cand` is close enough to `typed` to be worth suggesting:
 * within a third of the typed length (at least 2 edits), or sharing a
 * prefix of 3 or more characters, or containing it.
 */
int strdist_similar(const char *typed, const char *cand);

#endif
