/*
 * sbuf.h - a growable, always NUL-terminated string buffer.
 *
 * Embedded or on the stack: sbuf_init()/sbuf_release(); sbuf_detach() hands
 * the string to the caller (who frees it).
 */
#ifndef RIGPLAN_UTIL_SBUF_H
#define RIGPLAN_UTIL_SBUF_H

#include <stddef.h>

struct sbuf {
	char *buf;   /* never NULL after init */
	size_t len;
	size_t cap;
};

void sbuf_init(struct sbuf *sb);
void sbuf_release(struct sbuf *sb);
void sbuf_reset(struct sbuf *sb);
void sbuf_add(struct sbuf *sb, const void *data, size_t n);
void sbuf_addstr(struct sbuf *sb, const char *s);
void sbuf_addch(struct sbuf *sb, char c);
void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Caller owns the returned string; sb is left released (sbuf_init it
 * again before reuse; sbuf_release on it is a no-op). */
char *sbuf_detach(struct sbuf *sb);

#endif
