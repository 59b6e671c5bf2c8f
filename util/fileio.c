/*
 * fileio.c - whole-file reads with a size limit (catalog SQL, nvidia-smi
 * dumps): one loop, so every reader refuses oversized input the same way.
 */
#include "util/fileio.h"
#include "util/err.h"
#include "util/sbuf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int file_read_all(char **out, size_t *len, const char *path, size_t max,
		  struct err *err)
{
	FILE *f = fopen(path, "rb");
	struct sbuf sb;
	char buf[8192];
	size_t n;
	int r = 0;

	*out = NULL;
	*len = 0;
	if (!f)
		return err_set(err, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	sbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		sbuf_add(&sb, buf, n);
		if (sb.len > max) {
			r = err_set(err, ERR_PARSE, "'%s' is larger than %zu bytes", path, max);
			break;
		}
	}
	if (r == 0 && ferror(f))
		r = err_set(err, ERR_IO, "cannot read '%s': %s", path, strerror(errno));
	fclose(f);
	if (r < 0) {
		sbuf_release(&sb);
		return r;
	}
	*len = sb.len;
	*out = sbuf_detach(&sb);
	return 0;
}
