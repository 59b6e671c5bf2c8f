/*
 * afile.c - see afile.h.  POSIX only: the target's kind from lstat, links
 * followed by hand (realpath fails on a dangling link, which a shell's
 * '>' would create), and devices written with write(2) so that each
 * failure keeps its errno (stdio forgets it once its buffer is dropped).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/afile.h"
#include "util/err.h"
#include "util/xalloc.h"

/* Symbolic links followed before giving up, Linux's own limit (ELOOP). */
#define AFILE_LINKS_MAX 40
/* Names tried for the temporary before giving up. */
#define AFILE_TEMP_TRIES 100

enum target { T_NEW, T_REGULAR, T_DEVICE, T_DESCRIPTOR };

/* The descriptor a path names ("/dev/stdout", "/dev/fd/3",
 * "/proc/self/fd/3"), or -1. */
static int fd_path(const char *p)
{
	static const char *const prefix[] = { "/dev/fd/", "/proc/self/fd/",
					      "/proc/thread-self/fd/" };
	size_t i, n;

	if (!strcmp(p, "/dev/stdout"))
		return 1;
	if (!strcmp(p, "/dev/stderr"))
		return 2;
	for (i = 0; i < sizeof(prefix) / sizeof(prefix[0]); i++) {
		const char *d;
		int v = 0;

		n = strlen(prefix[i]);
		if (strncmp(p, prefix[i], n) || !p[n])
			continue;
		for (d = p + n; *d >= '0' && *d <= '9' && v <= (INT_MAX - 9) / 10; d++)
			v = v * 10 + (*d - '0');
		if (!*d)
			return v;
	}
	return -1;
}

/* The path a link at `p` points to, relative ones taken from p's folder
 * (owned by the caller); NULL with errno set. */
static char *follow(const char *p)
{
	char buf[PATH_MAX], *out;
	const char *slash = strrchr(p, '/');
	ssize_t n = readlink(p, buf, sizeof(buf));
	size_t dir;

	if (n < 0)
		return NULL;
	if ((size_t)n >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	buf[n] = '\0';
	dir = buf[0] == '/' || !slash ? 0 : (size_t)(slash - p) + 1;
	out = xmalloc(dir + (size_t)n + 1);
	memcpy(out, p, dir);
	memcpy(out + dir, buf, (size_t)n + 1);
	return out;
}

/* What `path` names, links followed: *out the final path (owned), *st its
 * status (T_REGULAR, T_DEVICE), *fd the descriptor (T_DESCRIPTOR). */
static int resolve(enum target *kind, char **out, struct stat *st, int *fd,
		   const char *path, struct err *err)
{
	char *p = xstrdup(path), *next;
	int hops;

	for (hops = 0;; hops++) {
		if ((*fd = fd_path(p)) >= 0) {
			*kind = T_DESCRIPTOR;
			break;
		}
		if (lstat(p, st) < 0) {
			if (errno == ENOENT) {
				*kind = T_NEW;
				break;
			}
			goto fail;
		}
		if (!S_ISLNK(st->st_mode)) {
			if (S_ISREG(st->st_mode)) {
				*kind = T_REGULAR;
				break;
			}
			if (S_ISCHR(st->st_mode) || S_ISFIFO(st->st_mode)) {
				*kind = T_DEVICE;
				break;
			}
			err_set(err, ERR_INVAL, "cannot write '%s': %s", path,
				S_ISDIR(st->st_mode) ? "it is a directory" :
				"not a regular file, character device or FIFO");
			free(p);
			return -ERR_INVAL;
		}
		if (hops == AFILE_LINKS_MAX) {
			errno = ELOOP;
			goto fail;
		}
		if (!(next = follow(p)))
			goto fail;
		free(p);
		p = next;
	}
	*out = p;
	return 0;
fail:
	err_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
	free(p);
	return -ERR_IO;
}

/* Create "<target>.tmp.XXXXXX" with `mode`; the descriptor, or -1 with
 * errno set.  O_EXCL makes the name ours; the suffix only avoids
 * collisions, so the clock and pid are enough to vary it. */
static int make_temp(char **tmp, const char *target, mode_t mode)
{
	size_t size = strlen(target) + sizeof(".tmp.XXXXXX");
	struct timespec ts;
	unsigned long long x;
	int i, fd = -1;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (unsigned long long)ts.tv_nsec ^ ((unsigned long long)getpid() << 32);
	*tmp = xmalloc(size);
	for (i = 0; i < AFILE_TEMP_TRIES; i++) {
		/* Knuth's MMIX linear congruential step */
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		snprintf(*tmp, size, "%s.tmp.%06llx", target, (x >> 40) & 0xffffffULL);
		if ((fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)) >= 0 ||
		    errno != EEXIST)
			break;
	}
	if (fd < 0) {
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

/* The target's descriptor, written in place. */
static int open_in_place(int *out, enum target kind, const char *p, int fd,
			 const char *path, struct err *err)
{
	struct stat st;
	int flags;

	if (kind == T_DESCRIPTOR) {
		if ((flags = fcntl(fd, F_GETFL)) < 0 || (flags & O_ACCMODE) == O_RDONLY)
			return err_set(err, ERR_IO, "cannot write '%s': %s", path,
				       flags < 0 ? strerror(errno) : "open for reading only");
		if ((*out = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0)
			return err_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		return 0;
	}
	if ((*out = open(p, O_WRONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		return err_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
	/* what was a device at lstat must still be one: never write into
	 * a regular file put there since without truncating it */
	if (fstat(*out, &st) < 0 || !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
		close(*out);
		return err_set(err, ERR_IO, "cannot write '%s': it changed while being opened",
			       path);
	}
	return 0;
}

int afile_open(struct afile *a, const char *path, mode_t mode, struct err *err)
{
	struct stat st;
	enum target kind;
	char *p = NULL;
	int fd = -1, r;

	memset(a, 0, sizeof(*a));
	if ((r = resolve(&kind, &p, &st, &fd, path, err)) < 0)
		return r;
	a->path = p;
	if (kind == T_DEVICE || kind == T_DESCRIPTOR) {
		if ((r = open_in_place(&a->dest, kind, p, fd, path, err)) < 0) {
			afile_abort(a);
			return r;
		}
		a->has_dest = 1;
		if (!(a->f = tmpfile())) {
			r = err_set(err, ERR_IO, "cannot write '%s': no temporary file for it: %s",
				    path, strerror(errno));
			afile_abort(a);
			return r;
		}
		return 0;
	}
	/* a file the user may not write stays as it is, as with '>' */
	if (kind == T_REGULAR && faccessat(AT_FDCWD, p, W_OK, AT_EACCESS) < 0) {
		r = err_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		afile_abort(a);
		return r;
	}
	if ((fd = make_temp(&a->tmp, p, kind == T_REGULAR ? st.st_mode & 0777 : mode)) < 0) {
		r = err_set(err, ERR_IO, "cannot create a file beside '%s': %s", path,
			    strerror(errno));
		afile_abort(a);
		return r;
	}
	if (kind == T_REGULAR) {
		/* keep the owner (root rewriting someone's file), then the
		 * permissions the umask took off; set-id bits are not carried
		 * over to new contents */
		if (st.st_uid != geteuid() || st.st_gid != getegid())
			(void)!fchown(fd, st.st_uid, st.st_gid);
		(void)!fchmod(fd, st.st_mode & 0777);
	}
	if (!(a->f = fdopen(fd, "w"))) {
		close(fd);
		afile_abort(a);
		return err_set(err, ERR_IO, "cannot write '%s'", path);
	}
	return 0;
}

/* Write all of buf to fd: short writes continued, EINTR retried, a
 * non-blocking descriptor waited on.  0, or -1 with the cause in *e. */
static int write_all(int fd, const char *buf, size_t n, int *e)
{
	while (n) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pfd = { fd, POLLOUT, 0 };

			(void)poll(&pfd, 1, -1);
			continue;
		}
		if (w <= 0) {
			*e = w < 0 ? errno : EIO;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The spool copied to the target.  SIGPIPE is blocked meanwhile so that a
 * reader gone away is an EPIPE to report, not a silent death; a SIGPIPE
 * this raised is taken back before the mask is restored. */
static int copy_spool(struct afile *a, int *e)
{
	char buf[65536];
	sigset_t pipe_set, old;
	size_t n;
	int r = 0;

	if (fflush(a->f) != 0 || ferror(a->f) || fseek(a->f, 0, SEEK_SET) != 0) {
		*e = errno ? errno : EIO;
		return -1;
	}
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	while (r == 0 && (n = fread(buf, 1, sizeof(buf), a->f)) > 0)
		r = write_all(a->dest, buf, n, e);
	if (r == 0 && ferror(a->f)) {
		*e = errno ? errno : EIO;
		r = -1;
	}
	if (r < 0 && *e == EPIPE && !sigismember(&old, SIGPIPE)) {
		struct timespec zero = { 0, 0 };

		(void)sigtimedwait(&pipe_set, NULL, &zero);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r;
}

int afile_commit(struct afile *a, struct err *err)
{
	int e = 0, r = 0;

	errno = 0;
	if (a->has_dest) {
		r = copy_spool(a, &e);
		a->has_dest = 0;
		/* the descriptor is ours (opened or duplicated): close errors
		 * are write errors deferred (NFS, some devices) */
		if (close(a->dest) != 0 && r == 0 && errno != EINTR) {
			e = errno;
			r = -1;
		}
	} else {
		if (fflush(a->f) != 0 || ferror(a->f) || fsync(fileno(a->f)) != 0) {
			e = errno ? errno : EIO;
			r = -1;
		}
		if (fclose(a->f) != 0 && r == 0) {
			e = errno;
			r = -1;
		}
		a->f = NULL;
		if (r == 0 && rename(a->tmp, a->path) != 0) {
			e = errno;
			r = -1;
		}
		if (r == 0) {
			free(a->tmp);
			a->tmp = NULL;
		}
	}
	if (r < 0)
		r = err_set(err, ERR_IO, "cannot write '%s': %s", a->path, strerror(e));
	afile_abort(a);
	return r;
}

void afile_abort(struct afile *a)
{
	if (a->f)
		fclose(a->f);
	if (a->has_dest)
		close(a->dest);
	if (a->tmp)
		unlink(a->tmp);
	free(a->tmp);
	free(a->path);
	memset(a, 0, sizeof(*a));
}
