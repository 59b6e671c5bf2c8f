/*
 * err.c - caller-owned error context: set, prefix, clear.
 * Formats messages only; never prints.
 */
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct err *err, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -(int)code;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -(int)code;
}

int err_prefix(struct err *err, const char *fmt, ...)
{
	char head[ERR_MSG_MAX], old[ERR_MSG_MAX];
	size_t n, m;
	va_list ap;

	if (!err)
		return -ERR_INVAL;
	va_start(ap, fmt);
	vsnprintf(head, sizeof(head), fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof(old));
	/* "head: old", truncated to the buffer (the tail of a long message
	 * matters less than the context in front of it). */
	n = strlen(head);
	if (n > sizeof(err->msg) - 3)
		n = sizeof(err->msg) - 3;
	memcpy(err->msg, head, n);
	memcpy(err->msg + n, ": ", 2);
	n += 2;
	m = strnlen(old, sizeof(old) - 1);
	if (m > sizeof(err->msg) - 1 - n)
		m = sizeof(err->msg) - 1 - n;
	memcpy(err->msg + n, old, m);
	err->msg[n + m] = '\0';
	return -(int)err->code;
}

void err_clear(struct err *err)
{
	if (!err)
		return;
	err->code = ERR_OK;
	err->msg[0] = '\0';
}

const char *err_code_name(enum err_code code)
{
	static const char *const names[] = {
		"ok", "invalid", "not found", "i/o", "database", "parse",
		"numeric", "infeasible", "unsupported"
	};

	if ((size_t)code < sizeof(names) / sizeof(names[0]))
		return names[code];
	return "unknown";
}

int err_copy(struct err *err, const struct err *from)
{
	if (err)
		*err = *from;
	return -(int)from->code;
}
