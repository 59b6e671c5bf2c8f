/*
 * ck_client.c - drive rigplan-ck over two pipes (ck_client.h).
 *
 * Lockstep: one case line out, one result line back, each read against a
 * deadline; anything the helper prints that does not parse is an error,
 * never guessed at.
 */
#include "calibrate/ck_client.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/num.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"

extern char **environ;

const char *ck_dtype_name(enum ck_dtype d)
{
	return d == CK_FP8 ? "fp8" : d == CK_FP16 ? "fp16" : "bf16";
}

const char *ck_kind_name(enum ck_kind k)
{
	static const char *const names[] = { "copy", "triad", "gemm", "h2d", "d2h", "p2p" };

	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k] : "?";
}

/* rigplan-ck beside the running program, as in the build tree (the
 * installed rigplan's sibling is not its helper: that lives in
 * pkglibexecdir, RIGPLAN_CK_PATH). */
static const char *sibling(void)
{
	static char path[4096];
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	*slash = '\0';
	if ((size_t)snprintf(path, sizeof(path), "%s/rigplan-ck", exe) >= sizeof(path))
		return NULL;
	return access(path, X_OK) == 0 ? path : NULL;
}

const char *ck_client_program(void)
{
	const char *p = getenv("RIGPLAN_CK");

	if (p && *p)
		return p;
	if ((p = sibling()) != NULL)
		return p;
#ifdef RIGPLAN_CK_PATH
	return RIGPLAN_CK_PATH;
#else
	return NULL;
#endif
}

static void ck_case_line(char *out, size_t len, const struct ck_case *k)
{
	switch (k->kind) {
	case CK_COPY:
	case CK_TRIAD:
		snprintf(out, len, "%s %zu %d %.6g\n", ck_kind_name(k->kind), k->bytes,
			 k->reps, k->soak_s);
		break;
	case CK_GEMM:
		snprintf(out, len, "gemm %s %ld %ld %ld %d %.6g\n", ck_dtype_name(k->dtype),
			 k->m, k->n, k->k, k->reps, k->soak_s);
		break;
	case CK_H2D:
	case CK_D2H:
		snprintf(out, len, "%s %d %zu %d\n", ck_kind_name(k->kind), k->pinned,
			 k->bytes, k->reps);
		break;
	case CK_P2P:
		snprintf(out, len, "p2p %d %zu %d\n", k->peer, k->bytes, k->reps);
		break;
	}
}

/* Split a line at tabs into at most max fields (in place). */
static size_t fields(char **f, size_t max, char *line)
{
	size_t n = 0;

	line[strcspn(line, "\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
}

static int num(double *out, const char *s, const char *what, struct err *err)
{
	if (num_parse_double(out, s, err) < 0)
		return err_set(err, ERR_PARSE, "rigplan-ck printed '%s' for %s", s, what);
	return 0;
}

static int ck_device_parse(struct ck_device *d, const char *line, struct err *err)
{
	char copy[1024], *f[16];
	double v[11];
	size_t n, i;

	memset(d, 0, sizeof(*d));
	snprintf(copy, sizeof(copy), "%s", line);
	n = fields(f, 16, copy);
	if (n == 2 && strcmp(f[0], "fail") == 0)
		return err_set(err, ERR_IO, "%s", f[1]);
	if (n == 2 && strcmp(f[0], "usage") == 0)
		return err_set(err, ERR_INVAL, "%s", f[1]);
	if (n != 14 || strcmp(f[0], "device") != 0)
		return err_set(err, ERR_PARSE, "rigplan-ck did not describe the device");
	for (i = 0; i < 11; i++)
		if (num(&v[i], f[i + 1], "the device", err) < 0)
			return -ERR_PARSE;
	d->index = (int)v[0];
	d->count = (int)v[1];
	d->sms = (int)v[2];
	d->cc_major = (int)v[3];
	d->cc_minor = (int)v[4];
	d->memory_bytes = v[5];
	d->context_bytes = v[6];
	d->l2_bytes = v[7];
	d->driver_version = (int)v[8];
	d->runtime_version = (int)v[9];
	d->fp8 = v[10] != 0;
	snprintf(d->pci_bus_id, sizeof(d->pci_bus_id), "%s", f[12]);
	snprintf(d->name, sizeof(d->name), "%s", f[13]);
	if (d->sms <= 0 || !(d->memory_bytes > 0) || d->context_bytes < 0)
		return err_set(err, ERR_PARSE, "rigplan-ck described an impossible device");
	return 0;
}

static int ck_result_parse(struct ck_result *r, char *note, size_t note_len,
			   const char *line, struct err *err)
{
	char copy[1024], *f[16];
	double v[10];
	size_t n, i;

	memset(r, 0, sizeof(*r));
	snprintf(copy, sizeof(copy), "%s", line);
	n = fields(f, 16, copy);
	if (n == 2 && strcmp(f[0], "skip") == 0) {
		snprintf(note, note_len, "%s", f[1]);
		return 1;
	}
	if (n == 2 && strcmp(f[0], "fail") == 0)
		return err_set(err, ERR_IO, "%s", f[1]);
	if (n != 11 || strcmp(f[0], "ok") != 0)
		return err_set(err, ERR_PARSE, "rigplan-ck printed an unreadable result");
	for (i = 0; i < 10; i++)
		if (num(&v[i], f[i + 1], "a result", err) < 0)
			return -ERR_PARSE;
	r->median_s = v[0];
	r->min_s = v[1];
	r->max_s = v[2];
	r->reps = (int)v[3];
	r->bytes = v[4];
	r->flops = v[5];
	r->max_err = v[6];
	r->soak_begin = v[7];
	r->soak_end = v[8];
	r->soak_runs = (long)v[9];
	if (!(r->median_s > 0) || r->min_s > r->median_s || r->max_s < r->median_s ||
	    r->reps < 1 || r->bytes < 0 || r->flops < 0 || r->soak_end < r->soak_begin)
		return err_set(err, ERR_PARSE, "rigplan-ck printed an impossible result");
	return 0;
}

/* $RIGPLAN_CK_TIMEOUT (seconds) shortens the wait, for tests. */
static double case_timeout(void)
{
	const char *s = getenv("RIGPLAN_CK_TIMEOUT");
	double v;

	if (s && num_parse_double(&v, s, NULL) == 0 && v > 0 && v < CK_CASE_TIMEOUT_S)
		return v;
	return CK_CASE_TIMEOUT_S;
}

/* One line from the helper within timeout_s. */
static int read_line(struct ck_client *c, char *out, size_t len, double timeout_s,
		     struct err *err)
{
	double deadline = clock_monotonic_s() + timeout_s;

	for (;;) {
		char *nl = memchr(c->buf, '\n', c->len);
		struct pollfd p = { c->from, POLLIN, 0 };
		double left;
		ssize_t got;

		if (nl) {
			size_t k = (size_t)(nl - c->buf) + 1;

			snprintf(out, len, "%.*s", (int)(k - 1), c->buf);
			memmove(c->buf, c->buf + k, c->len - k);
			c->len -= k;
			return 0;
		}
		if (c->len == sizeof(c->buf))
			return err_set(err, ERR_PARSE, "rigplan-ck printed an overlong line");
		left = deadline - clock_monotonic_s();
		if (left <= 0)
			return err_set(err, ERR_IO, "the GPU did not finish within %.0f s; "
				       "rigplan-ck was stopped", timeout_s);
		if (poll(&p, 1, (int)(left * 1000) + 1) < 0) {
			if (errno == EINTR)
				continue;
			return err_set(err, ERR_IO, "poll: %s", strerror(errno));
		}
		if (!(p.revents & (POLLIN | POLLHUP)))
			continue;
		got = read(c->from, c->buf + c->len, sizeof(c->buf) - c->len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return err_set(err, ERR_IO, "reading rigplan-ck: %s", strerror(errno));
		if (got == 0)
			return err_set(err, ERR_IO, "rigplan-ck exited without an answer");
		c->len += (size_t)got;
	}
}

int ck_client_start(struct ck_client *c, struct ck_device *dev, int index,
		    struct err *err)
{
	const char *prog = ck_client_program();
	posix_spawn_file_actions_t fa;
	int in[2], out[2], r;
	char arg[16], line[1024];
	char *argv[3];

	memset(c, 0, sizeof(*c));
	c->pid = -1;
	c->to = c->from = -1;
	if (!prog)
		return err_set(err, ERR_UNSUPPORTED, "rigplan was built without CUDA");
	if (pipe(in) < 0)
		return err_set(err, ERR_IO, "pipe: %s", strerror(errno));
	if (pipe(out) < 0) {
		close(in[0]);
		close(in[1]);
		return err_set(err, ERR_IO, "pipe: %s", strerror(errno));
	}
	fcntl(in[1], F_SETFD, FD_CLOEXEC);
	fcntl(out[0], F_SETFD, FD_CLOEXEC);
	snprintf(arg, sizeof(arg), "%d", index);
	argv[0] = (char *)prog;
	argv[1] = arg;
	argv[2] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, in[0]);
	posix_spawn_file_actions_addclose(&fa, out[1]);
	r = posix_spawn(&c->pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	close(out[1]);
	c->to = in[1];
	c->from = out[0];
	if (r != 0) {
		c->pid = -1;
		ck_client_stop(c);
		return err_set(err, ERR_IO, "cannot run %s: %s", prog, strerror(r));
	}
	/* context creation can take seconds on a large GPU; a minute is plenty */
	if ((r = read_line(c, line, sizeof(line), 60, err)) < 0 ||
	    (r = ck_device_parse(dev, line, err)) < 0) {
		ck_client_stop(c);
		return r;
	}
	return 0;
}

int ck_client_run(struct ck_client *c, struct ck_result *res, const struct ck_case *k,
		  char *note, size_t note_len, struct err *err)
{
	char line[1024];
	size_t len, off = 0;
	int r;

	ck_case_line(line, sizeof(line), k);
	len = strlen(line);
	while (off < len) {
		ssize_t w = write(c->to, line + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			ck_client_stop(c);
			return err_set(err, ERR_IO, "rigplan-ck is gone: %s", strerror(errno));
		}
		off += (size_t)w;
	}
	if ((r = read_line(c, line, sizeof(line), case_timeout() + k->soak_s, err)) < 0 ||
	    (r = ck_result_parse(res, note, note_len, line, err)) < 0) {
		ck_client_stop(c);
		return r;
	}
	return r;
}

void ck_client_stop(struct ck_client *c)
{
	int status, i;

	if (c->to >= 0)
		close(c->to);
	c->to = -1;
	if (c->pid > 0) {
		/* give it a moment to exit on EOF, then make sure */
		for (i = 0; i < 50 && waitpid(c->pid, &status, WNOHANG) == 0; i++) {
			struct timespec ts = { 0, 20000000 };

			nanosleep(&ts, NULL);
		}
		if (i == 50) {
			kill(c->pid, SIGKILL);
			while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
				;
		}
	}
	c->pid = -1;
	if (c->from >= 0)
		close(c->from);
	c->from = -1;
}
