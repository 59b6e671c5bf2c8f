/*
 * fileio.h - reading whole (small) files with a size limit.
 */
#ifndef RIGPLAN_UTIL_FILEIO_H
#define RIGPLAN_UTIL_FILEIO_H

#include <stddef.h>

struct err;

/*
 * Read all of `path` into a NUL-terminated buffer the caller frees.
 * ERR_IO when it cannot be opened or read; ERR_PARSE when it is larger
 * than `max` bytes.
 */
int file_read_all(char **out, size_t *len, const char *path, size_t max,
		  struct err *err);

#endif
