/*
 * afile.c - see afile.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/afile.h"
#include "util/err.h"
#include "util/xalloc.h"

int afile_open(struct afile *a, const char *path, struct err *err)
{
	size_t n = strlen(path);
	int fd;

	memset(a, 0, sizeof(*a));
	a->path = xstrdup(path);
	a->tmp = xmalloc(n + sizeof(".tmp.XXXXXX"));
	memcpy(a->tmp, path, n);
	memcpy(a->tmp + n, ".tmp.XXXXXX", sizeof(".tmp.XXXXXX"));
	if ((fd = mkstemp(a->tmp)) < 0) {
		int e = errno;

		free(a->tmp);   /* nothing was created: nothing to unlink */
		a->tmp = NULL;
		afile_abort(a);
		return err_set(err, ERR_IO, "cannot create a file beside '%s': %s", path,
			       strerror(e));
	}
	if (!(a->f = fdopen(fd, "w"))) {
		close(fd);
		afile_abort(a);
		return err_set(err, ERR_IO, "cannot write '%s'", path);
	}
	return 0;
}

int afile_commit(struct afile *a, struct err *err)
{
	int bad = ferror(a->f) || fflush(a->f) != 0 || fsync(fileno(a->f)) != 0;
	int e = errno;

	bad |= fclose(a->f) != 0;
	a->f = NULL;
	if (bad || rename(a->tmp, a->path) != 0) {
		int r;

		if (!bad)
			e = errno;
		r = err_set(err, ERR_IO, "cannot write '%s': %s", a->path, strerror(e));
		afile_abort(a);
		return r;
	}
	free(a->tmp);
	free(a->path);
	a->tmp = a->path = NULL;
	return 0;
}

void afile_abort(struct afile *a)
{
	if (a->f)
		fclose(a->f);
	if (a->tmp)
		unlink(a->tmp);
	free(a->tmp);
	free(a->path);
	memset(a, 0, sizeof(*a));
}
