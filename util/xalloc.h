/*
 * xalloc.h - allocators that never return NULL.
 *
 * Out of memory is not a recoverable condition for a command-line planner:
 * these print one line and exit, so callers need no OOM branches.
 */
#ifndef RIGPLAN_UTIL_XALLOC_H
#define RIGPLAN_UTIL_XALLOC_H

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Grow an array to hold at least `need` items of `size` bytes. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);

#endif
