/*
 * afile.h - an output file that appears whole or not at all: writes go to
 * a temporary file beside the target (same directory, so the rename is
 * atomic on POSIX file systems), which is renamed over the target only
 * when the caller commits.  A failure or a crash before the commit leaves
 * the target as it was.
 */
#ifndef RIGPLAN_UTIL_AFILE_H
#define RIGPLAN_UTIL_AFILE_H

#include <stdio.h>

struct err;

struct afile {
	FILE *f;            /* write here */
	char *path;         /* the target */
	char *tmp;          /* the temporary beside it */
};

/* Create the temporary; ERR_IO naming the path when it cannot be made. */
int afile_open(struct afile *a, const char *path, struct err *err);
/* Flush, sync and rename over the target; on failure the temporary is
 * removed and ERR_IO returned.  `a` is released either way. */
int afile_commit(struct afile *a, struct err *err);
/* Remove the temporary and release `a` (safe on a closed afile). */
void afile_abort(struct afile *a);

#endif
