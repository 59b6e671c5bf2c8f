/*
 * tarball.h - the members of a (compressed) tar archive, read into
 * memory with limits: a recording's samples kept as one .tar.xz.
 * Nothing is written to disk.
 */
#ifndef RIGPLAN_UTIL_TARBALL_H
#define RIGPLAN_UTIL_TARBALL_H

#include <stddef.h>

struct err;

struct tarball_member {
	char name[64];          /* a plain file name: no directory, no leading dot */
	char *data;             /* NUL-terminated */
	size_t len;
};

/* What one read may take; a larger archive is refused, not cut. */
struct tarball_limits {
	size_t members;         /* files in it */
	size_t member_bytes;    /* one file, uncompressed */
	size_t total_bytes;     /* all of them, uncompressed */
	size_t archive_bytes;   /* the archive on disk, compressed */
};

/*
 * Every member of the tar archive at `path` (plain, or compressed with
 * xz or gzip), sorted by name; the caller frees them with tarball_free.
 * Members must be regular files with plain names (an optional "./"
 * prefix is dropped; directories are skipped), unique, within `lim`.
 * ERR_IO when the file cannot be opened; ERR_PARSE when it is not such
 * an archive or breaks a limit.
 */
int tarball_read(struct tarball_member **out, size_t *n, const char *path,
		 const struct tarball_limits *lim, struct err *err);

/* The member named `name` in a sorted list, or NULL.  Borrowed. */
const struct tarball_member *tarball_find(const struct tarball_member *m, size_t n,
					  const char *name);

/* Frees every member and the array; NULL is a no-op. */
void tarball_free(struct tarball_member *m, size_t n);

/* libarchive's version, for `rigplan --version` (static). */
const char *tarball_version(void);

#endif
