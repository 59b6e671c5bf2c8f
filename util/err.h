/*
 * err.h - caller-owned error context.
 *
 * A fallible function takes `struct err *err` last and returns 0 or a
 * negative enum err_code; the message is kept in the caller's struct, so
 * there is no global "last error".  Only cli/ prints it.
 */
#ifndef RIGPLAN_UTIL_ERR_H
#define RIGPLAN_UTIL_ERR_H

#include <stddef.h>

enum err_code {
	ERR_OK = 0,
	ERR_INVAL = 1,       /* a bad argument or value from the user */
	ERR_NOTFOUND = 2,    /* an unknown id or name */
	ERR_IO = 3,          /* a file could not be read or written */
	ERR_DB = 4,          /* SQLite failed, or a catalog is inconsistent */
	ERR_PARSE = 5,       /* a malformed input file */
	ERR_NUMERIC = 6,     /* a numerical method failed */
	ERR_INFEASIBLE = 7,  /* no configuration satisfies the constraints */
	ERR_UNSUPPORTED = 8  /* a feature that was not built in */
};

#define ERR_MSG_MAX 512

struct err {
	enum err_code code;
	char msg[ERR_MSG_MAX];
};

#define ERR_INIT { ERR_OK, "" }

/* Record code and message in err (which may be NULL); returns -code. */
int err_set(struct err *err, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Prepend "context: " to the message already in err; returns -err->code. */
int err_prefix(struct err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Copy an error kept earlier into err (which may be NULL); returns
 * -from->code, so `return err_copy(err, &kept);` reports it. */
int err_copy(struct err *err, const struct err *from);

/* Forget a recorded error. */
void err_clear(struct err *err);

/* Name of a code, for tests and logs ("invalid", "not found", ...). */
const char *err_code_name(enum err_code code);

#endif
