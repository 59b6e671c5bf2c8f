/*
 * tarball.c - tar archives into memory through libarchive, bounded like
 * every other reader (util/fileio.c): member count, each member's size
 * and the total, checked while reading, never trusted from the headers.
 * Must not extract anything to disk.
 */
#include "util/tarball.h"
#include "util/err.h"
#include "util/xalloc.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct tarball_member *)a)->name,
		      ((const struct tarball_member *)b)->name);
}

/* A member's plain name, or -1: no directories, no dot files. */
static int plain_name(char *out, size_t size, const char *name)
{
	if (!strncmp(name, "./", 2))
		name += 2;
	if (!*name || *name == '.' || strchr(name, '/') || strlen(name) >= size)
		return -1;
	memcpy(out, name, strlen(name) + 1);
	return 0;
}

/* The member's bytes, at most `max` (one more byte read tells a lie in
 * the header from the truth). */
static int read_data(struct tarball_member *m, struct archive *a, size_t max,
		     const char *path, struct err *err)
{
	size_t cap = 8192;
	la_ssize_t got;

	m->data = xmalloc(cap + 1);
	m->len = 0;
	for (;;) {
		if (m->len == cap) {
			cap *= 2;
			m->data = xrealloc(m->data, cap + 1);
		}
		got = archive_read_data(a, m->data + m->len, cap - m->len);
		if (got < 0)
			return err_set(err, ERR_PARSE, "'%s': member '%s': %s", path, m->name,
				       archive_error_string(a));
		if (got == 0)
			break;
		m->len += (size_t)got;
		if (m->len > max)
			return err_set(err, ERR_PARSE, "'%s': member '%s' is larger than %zu bytes",
				       path, m->name, max);
	}
	m->data[m->len] = '\0';
	return 0;
}

int tarball_read(struct tarball_member **out, size_t *n, const char *path,
		 const struct tarball_limits *lim, struct err *err)
{
	struct archive *a = NULL;
	struct archive_entry *e;
	struct tarball_member *m = NULL;
	size_t count = 0, cap = 16, seen = 0, total = 0, i;
	struct stat st;
	int r = 0, h;

	*out = NULL;
	*n = 0;
	if (stat(path, &st) < 0)
		return err_set(err, ERR_IO, "cannot open '%s': %s", path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return err_set(err, ERR_PARSE, "'%s' is not a regular file", path);
	if ((unsigned long long)st.st_size > lim->archive_bytes)
		return err_set(err, ERR_PARSE, "'%s' is larger than %zu bytes", path,
			       lim->archive_bytes);
	a = archive_read_new();
	archive_read_support_filter_xz(a);
	archive_read_support_filter_gzip(a);
	archive_read_support_format_tar(a);
	if (archive_read_open_filename(a, path, 65536) != ARCHIVE_OK) {
		int code = archive_errno(a);

		r = err_set(err, code == EACCES || code == ENOENT ? ERR_IO : ERR_PARSE, "'%s': %s",
			    path, archive_error_string(a));
		goto out;
	}
	m = xcalloc(cap, sizeof(*m));
	while ((h = archive_read_next_header(a, &e)) == ARCHIVE_OK || h == ARCHIVE_WARN) {
		const char *name = archive_entry_pathname(e);

		/* directories count too: an archive of nothing but headers
		 * is as endless as one of huge files */
		if (seen++ == lim->members) {
			r = err_set(err, ERR_PARSE, "'%s' holds more than %zu members", path,
				    lim->members);
			goto out;
		}
		if (archive_entry_filetype(e) == AE_IFDIR)
			continue;
		if (count == cap) {
			cap *= 2;
			m = xrealloc(m, cap * sizeof(*m));
		}
		memset(&m[count], 0, sizeof(*m));
		if (archive_entry_filetype(e) != AE_IFREG || !name ||
		    plain_name(m[count].name, sizeof(m[count].name), name) < 0) {
			r = err_set(err, ERR_PARSE, "'%s': member '%.60s' is not a plain file",
				    path, name ? name : "");
			goto out;
		}
		if (archive_entry_size_is_set(e) && archive_entry_size(e) >= 0 &&
		    (unsigned long long)archive_entry_size(e) > lim->member_bytes) {
			r = err_set(err, ERR_PARSE, "'%s': member '%s' is larger than %zu bytes",
				    path, m[count].name, lim->member_bytes);
			goto out;
		}
		r = read_data(&m[count], a, lim->member_bytes, path, err);
		count++;
		if (r < 0)
			goto out;
		total += m[count - 1].len;
		if (total > lim->total_bytes) {
			r = err_set(err, ERR_PARSE, "'%s' holds more than %zu bytes", path,
				    lim->total_bytes);
			goto out;
		}
	}
	if (h != ARCHIVE_EOF) {
		r = err_set(err, ERR_PARSE, "'%s' is not a tar archive: %s", path,
			    archive_error_string(a));
		goto out;
	}
	qsort(m, count, sizeof(*m), by_name);
	for (i = 1; i < count; i++)
		if (!strcmp(m[i - 1].name, m[i].name)) {
			r = err_set(err, ERR_PARSE, "'%s' holds '%s' twice", path, m[i].name);
			goto out;
		}
out:
	archive_read_free(a);
	if (r < 0) {
		tarball_free(m, count);
		return r;
	}
	*out = m;
	*n = count;
	return 0;
}

const struct tarball_member *tarball_find(const struct tarball_member *m, size_t n,
					  const char *name)
{
	struct tarball_member key;

	if (!m || strlen(name) >= sizeof(key.name))
		return NULL;
	memcpy(key.name, name, strlen(name) + 1);
	return bsearch(&key, m, n, sizeof(*m), by_name);
}

void tarball_free(struct tarball_member *m, size_t n)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < n; i++)
		free(m[i].data);
	free(m);
}

const char *tarball_version(void)
{
	return archive_version_string();
}
