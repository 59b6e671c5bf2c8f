/*
 * afile.h - an output file that appears whole or not at all, and that
 * never replaces what the target path names with something else.
 *
 * What the target is decides how it is written:
 *   - a regular file, or nothing yet: writes go to a temporary file
 *     beside it (same directory, so the rename is atomic on POSIX file
 *     systems), renamed over it when the caller commits.  A file that
 *     was there keeps its permissions (and, for root, its owner); a new
 *     one is created with `mode`, less the umask.  A failure or a crash
 *     before the commit leaves the target as it was.
 *   - a symbolic link: followed (relative links from the link's folder,
 *     at most 40), and its target written as above; the link stays.
 *   - a character device or a FIFO: written in place, opened O_WRONLY
 *     without creating or truncating it (a FIFO's open waits for a
 *     reader, as a shell's would);
 *   - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: that open
 *     descriptor of this process, whatever it is (as bash reads them).
 *   - a directory, a block device or a socket: refused (ERR_INVAL).
 * Written in place, the output is spooled to an anonymous temporary file
 * and copied at the commit, so nothing reaches the device before the
 * caller is done, and every short write, ENOSPC or EPIPE is reported
 * with its cause (SIGPIPE is held back for that write only).
 */
#ifndef RIGPLAN_UTIL_AFILE_H
#define RIGPLAN_UTIL_AFILE_H

#include <stdio.h>
#include <sys/types.h>

struct err;

/* Permissions of a new file: data, and a script meant to be run. */
#define AFILE_MODE_DATA 0644
#define AFILE_MODE_EXEC 0755

struct afile {
	FILE *f;            /* write here */
	char *path;         /* the target, symbolic links followed */
	char *tmp;          /* the temporary beside it; NULL when written in place */
	int dest;           /* written in place: the open target */
	int has_dest;
};

/*
 * Prepare to write `path`.  ERR_INVAL when the target is a directory or
 * another kind of file that cannot be written; ERR_IO naming the path
 * when it cannot be opened or the temporary cannot be made.  Borrowing
 * nothing: `path` is copied.
 */
int afile_open(struct afile *a, const char *path, mode_t mode, struct err *err);
/* Flush, sync and rename over the target, or copy the spool to it; on
 * failure the temporary is removed and ERR_IO returned with the cause
 * ("No space left on device", "Broken pipe").  `a` is released either
 * way. */
int afile_commit(struct afile *a, struct err *err);
/* Remove the temporary and release `a` (safe on a closed or zeroed
 * afile). */
void afile_abort(struct afile *a);

#endif
